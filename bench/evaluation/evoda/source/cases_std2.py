# -*- coding: utf-8 -*-
# Standard cases, batch 2 (hand-written).
from spec import C

C("standard", "reported", "U1", "9y 12y",
"""IP said she and {P} split up six years ago, it was amicable and they've co-parented without any problems since - he has the kids every other weekend and it's always gone fine. She said today they had a shouting match on the phone about who pays for {C2}'s school trip, both lost their tempers. The children were at school. She said there has never been any violence, before or after the split, and she isn't worried about him at all.""",
"Long-settled amicable separation, one heated phone call while children at school; separation is not a current risk here - universal.",
rel="ex_partner", trap="historical")

C("standard", "shorthand", "U1", "",
"""Verbal argt IP/DP. IP's sister (lives with them) is 30/40 pregnant and was in the lounge - sister not involved, not a party. IP not pregnant. No assault, no damage. Sister confirms shouting only.""",
"Pregnancy relates to the victim's sister, not the victim; verbal argument only - universal.",
trap="other_person", preg=False)

C("standard", "third_party", "U1", "",
"""Caller is the neighbour at flat 3 who said she could hear a man and woman shouting next door 'over the top of my own baby screaming'. Officers attended flat 4. Couple {V} and {P}, no children, had been arguing about his brother borrowing money. Both calm on arrival. No injuries, no damage, no disclosures. Advice given.""",
"The baby belongs to the neighbour; the couple have no children and argued verbally - universal.",
trap="other_person")

C("standard", "structured", "U1", "",
"""CIRCUMSTANCES: IP called as DP refusing to leave her flat after an argument about his ex-wife.
ACCOUNTS: Both agree raised voices only. DP agreed to leave on police arrival and went to his own address.
SAFETY ADVICE: IP advised that should DP return tonight or make any threats she should call 999 immediately. IP states DP has never threatened her.
CHILDREN: None.""",
"Verbal argument; the 999 advice about possible threats is hypothetical - universal.",
trap="hypothetical")

C("standard", "long", "U1", "",
"""Officers attended after {V} called to say she and her partner were arguing and she wanted him to leave. On arrival {V} was in the kitchen, where she had been cooking tea when the argument started, and a kitchen knife was on the chopping board with some vegetables. I asked both parties separately and both said at no point did {P} pick up the knife or refer to it, and {V} was quite surprised I had asked. The argument was about {P}'s daughter from a previous relationship coming to stay. Shouting only. {P} left to go to his mother's. No children at the address.""",
"A knife was present only because of cooking and was never used or mentioned in the dispute; verbal argument - universal.",
trap="negated", dash="medium")

C("standard", "shorthand", "U1", "",
"""Verbal argt. PNC: IP has a caution for shoplifting 2019. DP no trace, no previous. No prev DA. No ch. Both calm, advice.""",
"The only criminal record belongs to the victim, not the abuser - universal.",
trap="other_person")

C("standard", "reported", "U1", "",
"""IP told officers she had been getting horrible messages from an account she doesn't know on Instagram for a couple of weeks, and she thinks it's a girl from her old job. She said her boyfriend {P} had got wound up about it and they'd ended up rowing because he thought she was hiding something. She said {P} had nothing to do with the messages, he was the one who told her to report them. Separate crime report raised for the online messages. Argument between IP and DP was shouting only.""",
"The online harassment is by an unknown third party; between the couple there was only a verbal argument - universal.",
trap="other_person")

C("standard", "structured", "U1", "",
"""INCIDENT: Verbal disagreement at home address.
ORDERS/BAIL: No bail conditions, non-molestation orders or other orders in place between the parties. None ever applied for.
INJURIES: None.
CHILDREN: None in household.
OUTCOME: Words of advice. Standard.""",
"No orders exist, so no breach; verbal disagreement only - universal.",
trap="negated")

C("standard", "third_party", "U1", "",
"""Neighbour called as the couple next door were shouting in the garden and her son, who has autism, was becoming very distressed by the noise. Officers spoke to {V} and {P} - argument about the garden fence and their own landlord. Couple apologised to the neighbour. No children live with the couple. Neighbour's son settled once the noise stopped.""",
"The disabled child is the neighbour's son; the couple had a verbal argument - universal.",
trap="other_person")

C("standard", "long", "U1 PC PF", "",
"""{V} and {P} have been married for two years; both families are from the same Sikh community in Smethwick and West Worcester and know each other well. They argued this evening about where to live - {P} wants to stay near his parents, {V} wants to move closer to her work. Both were shouting. {V} was asked directly and in private whether there is any pressure from either family regarding her marriage or anything she has been made to do; she said no, she chose {P} herself and both families have been 'nothing but supportive'. She said she would speak to the granthi at the gurdwara, who married them, as they both trust him. No children.""",
"Verbal argument; forced marriage/honour concerns explicitly denied; supportive community and faith leader - universal with protective factors.",
trap="negated")

C("standard", "typos", "U1", "",
"""ip has a bruise on her left knee, she explaned this is from netball on saturday, a team mate {C}onfirmed by phone she fell during the match. dp never touched her. argument tonite was about him going to the football. verbal only. no kids""".replace("{C}onfirmed","confirmed"),
"The bruise is independently explained by sport; the incident was verbal only - universal.",
trap="negated", dash="medium")

C("standard", "shorthand", "U1", "",
"""Verbal argt IP/DP re DP's brother staying. DP's brother has previous for violence (GBH 2017) - brother not present, not involved. DP himself no previous. No ch.""",
"Criminal history belongs to the perpetrator's brother, not the abuser - universal.",
trap="other_person")

C("standard", "structured", "U1", "",
"""PARTIES: {V} (79, grandmother) and {P} (23, grandson, lives with her).
CIRCUMSTANCES: Argument about {P} having friends round late and the noise. {P} shouted at his nan and she shouted back. Both apologised to each other in front of officers.
CHILDREN: none.
OTHER: {V} has good support from her daughter who lives in the next street and came round.""",
"Grandmother and adult grandson verbal row - family member, universal.",
rel="family_member", va=79, pa=23, ps="male")

C("standard", "reported", "U1", "",
"""Father {V} (61) said his son {P} (30) had turned up and they'd rowed about {P}'s girlfriend and money he owes. He said 'we both said things, he's a good lad really'. No one touched anyone. {P} left before we arrived and was spoken to by phone, apologised.""",
"Father and adult son verbal argument - family member, universal.",
rel="family_member", vs="male", va=61, pa=30)

C("standard", "long", "U1 UP4 UP5", "",
"""Call from {V} who asked police to attend as she wanted {P} to leave for the night after an argument. She explained they had argued about his drinking at the weekend - she stressed he is not a big drinker and was sober tonight, it was about one night out where he spent too much. No violence, no damage, no threats. She said she has a great bunch of friends and her mum, and she has actually already looked up the local domestic abuse service online to 'talk things through' about how rows are going and would like officers to pass her details on. {P} left calmly.""",
"Verbal row, perpetrator sober; strong support network and victim seeking agency support - universal.")

C("standard", "structured", "U1 RL", "",
"""INCIDENT: Verbal argument between IP and DP (both Polish nationals).
LANGUAGE: IP does not speak or read English; Language Line (Polish) used. IP has not applied to the EU Settlement Scheme and is unsure whether she is allowed to stay in the UK.
ACCOUNT: Argument about DP's hours at the factory. No violence.
CHILDREN: None.
ACTIONS: Leaflet in Polish provided; signposted.""",
"Verbal argument; victim cannot speak or read English and has uncertain immigration status - universal risk factor only.")

C("standard", "reported", "U1 RS", "",
"""IP said they've been in the hostel four months and can't claim anything as they've no recourse to public funds. She said she doesn't know anyone in Hereford and the row tonight was because they'd run out of money again. She said he'd shouted and she'd shouted back, that's all, 'he's not like that'.""",
"Verbal row in hostel accommodation; isolation, temporary housing and NRPF noted - universal risk factor.")

C("standard", "long", "U1 RC", "",
"""{V} called police herself but on arrival was very anxious about officers being seen. She and her husband {P} are part of a small church congregation where, she explained, the pastor 'decides everything' for families, and she was worried that if the pastor or other members found out police had been called she and her husband would be shamed and the family name would be damaged. The argument itself was about whether to move closer to {P}'s parents; it was verbal only. She did not want anything passed to other agencies. No children.""",
"Verbal argument; close community placing high value on family honour and the pastor's authority noted as a risk factor - universal.")

C("standard", "shorthand", "U2 UP3", "",
"""IP rec'd approx 12 msgs from DP (partner, not cohab) overnight calling her names after row at his mate's. No threats. DP spoken to - ashamed, apologised, said he'll put his phone away when he's wound up. Asked for details of a course for his temper - Respect number given.""",
"Insulting overnight messages; perpetrator remorseful and asked for support - universal.")

C("standard", "third_party", "U1", "15y:f",
"""Officers attended following a call from {V}. By the time of arrival the argument between {V} and {P} had finished. {C1} (15) arrived home from football training shortly after officers and was spoken to; she said she had been out since 5pm, hadn't heard anything, and her mum had texted her saying everything was fine. She said her mum and dad 'argue sometimes like normal parents' and she isn't worried. Verbal only.""",
"Daughter was out at training and did not witness; verbal argument only - universal.")

C("standard", "reported", "U1", "",
"""IP said her adult daughter {P} (22) had screamed at her in the kitchen because she wouldn't lend her the car. She said {P} had never been violent and she thinks it was stress about exams. IP wanted words of advice only.""",
"Mother and adult daughter verbal row - family member, universal.",
rel="family_member", va=49, pa=22, ps="female")

C("standard", "typos", "U1 UR2", "6y 8y",
"""ip says her and dp 'argue constantly' over past year about money, always verbal, never physical. kids at school during tonights argument (was at lunchtime when dp home on break). ip worried the kids are picking up on the atmosphere at home long term. no prev police calls. ip thinking of relate counselling""",
"Ongoing verbal friction with children away during the incident; mother concerned about the cumulative effect - universal.")

C("standard", "long", "U1 UR1", "",
"""{V} and {P} moved in together three weeks ago. Tonight they argued about {P}'s friends coming over most nights. {V} said {P} 'went from nought to sixty' and was shouting, though he stayed on the other side of the room, did not touch her and nothing was damaged. She said she has never seen him like that before. I have some concern that, with the relationship so new and tension building, there is potential for this to develop further, and I have given {V} information about support. No children.""",
"First verbal row in a new relationship; officer notes potential to escalate - universal.")

C("standard", "shorthand", "U1 UP1", "5y:m",
"""Verbal argt IP/DP. Ch {C1} (5) at IP's mum's for tea, not present. IP v protective of {C1}, says she always makes sure he isn't around if they're rowing. No other issues. Advice.""",
"Verbal row with child away; victim has a protective and stable relationship with the child - universal.")

C("standard", "structured", "U1 UP2 UP3", "",
"""CIRCUMSTANCES: Verbal argument in the car outside the address, reported by a passer-by.
DP ACCOUNT: 'I was shouting, it was me, I'm sorry. I need to sort out how I talk to her.' DP asked for details of support and was given the Respect helpline.
IP ACCOUNT: Verbal only, he didn't touch her.
CHILDREN: None.""",
"Verbal argument; the perpetrator accepts responsibility, is remorseful and seeks support - universal.")

C("standard", "reported", "U2", "",
"""IP said her partner {P} keeps tagging her in Facebook memes about 'nagging wives' since she told him off for going out. She said it's embarrassing because her family see them. He's not said anything nasty to her face and she is not scared. She asked us to tell him to stop.""",
"Snide social media posts aimed at the victim - low level Facebook harassment, universal.")

C("standard", "long", "U1 UP4", "",
"""This is a first report. {V} and {P} have been together nine years. They argued tonight because {P} had forgotten to pick up her medication from the pharmacy and she felt he never listens. {V} rang the police because {P} was shouting and she wanted him to stop; by the time we arrived they were sitting down having a cup of tea and both were slightly embarrassed. No violence, no damage. {V} said her two best friends live on the same road and she talks to her mum every day.""",
"First report, verbal row, good support - universal.")

C("standard", "shorthand", "U1", "",
"""Verbal argt. IP asked by officer if she was frightened - 'No, he's a pussycat.' DP asked if any threats made - none. IP declined DASH initially, then completed - all no. No ch. Std.""",
"Victim explicitly not fearful; no threats; verbal argument - universal.",
trap="negated")

C("standard", "reported", "U1", "",
"""IP said DP had told her during the row that if she ever cheated on him he'd 'probably just leave and go back to his mum's'. She said that was the worst thing said all night. Nothing physical. No kids.""",
"The hypothetical remark is about leaving, not harm; verbal argument - universal.",
trap="hypothetical")

C("standard", "structured", "U1 RA", "19m",
"""CIRCUMSTANCES: Verbal argument at home address about DP's overtime.
CHILDREN: {C1} (aged 19 months) was at paternal grandparents' overnight, not present at any point.
VICTIM: Not pregnant.
ACTIONS: Advice. Both calm.""",
"Toddler (over 12 months) away at grandparents; verbal row only; child's age noted - universal.",
preg=False)

C("standard", "third_party", "U1", "",
"""Call from a taxi driver who had dropped a couple off and said they were arguing loudly outside their house in Malvern. Officers attended, couple {V} and {P} said they'd argued about the fare and who'd paid for the meal. Both sober per officers. No assault. Went inside together.""",
"Couple arguing verbally outside their home, reported by taxi driver; both sober - universal.")

C("standard", "long", "U2 UP5", "",
"""{V} came to the station to ask for advice. Her partner {P}, who lives in Ludlow while she lives in Shrewsbury, has been sending her long emails criticising her parenting of her dog and her cooking, and putting passive-aggressive statuses on Facebook. She says there are maybe 15 messages over two weeks, none threatening, and she has not felt unsafe. She wanted to know her options and was keen to be referred to West Mercia Women's Aid for someone to talk to.""",
"Low level critical emails and Facebook posts; victim wants agency support - universal.")

C("standard", "reported", "U1 PC", "",
"""IP said the whole street will know about the row by morning - 'it's that kind of place, everyone looks out for each other' - and she said her neighbours had already been round to check on her. Argument was about DP's fishing trips. Shouting only. No children.""",
"Verbal row in a close-knit street where neighbours look out for her - universal with protective factor.")

C("standard", "shorthand", "U1", "",
"""Verbal argt. IP states DP's ex (not a party) once slapped DP years ago - mentioned as background to why DP gets defensive. No DA between IP/DP. No ch.""",
"The historical violence was by the perpetrator's ex against him, not by the abuser; verbal argument only - universal.",
trap="historical")

C("standard", "structured", "U1", "",
"""CIRCUMSTANCES: Verbal argument between twin sisters (both 27) who share a flat, about rent.
INJURIES: none. DAMAGE: none.
CHILDREN: none.
OUTCOME: One sister to stay with parents.""",
"Adult sisters' verbal dispute over rent - family member, universal.",
rel="family_member", va=27, pa=27, ps="female")

C("standard", "typos", "U1", "",
"""ip {V} rang as dp was shouting at her about the washing. shes not prgnant, no kids, dp no previous. dp said sorry b4 we left. nfa""",
"Verbal row, no children, no other factors - universal.",
preg=False)
