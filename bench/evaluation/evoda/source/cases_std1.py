# -*- coding: utf-8 -*-
# Standard cases, batch 1 (hand-written).
from spec import C

C("standard", "shorthand", "U1", "",
"""Call from IP 22:40hrs reporting verbal argt with DP re bills/money. On arrival both calm, o/s in separate rooms. No assault alleged, no damage, no threats. No ch at addr. IP states she is not scared of DP, just wanted him out for the night so she could sleep. DP agreed to stay at his brother's. Words of advice given to both. DASH completed - std.""",
"Shouting match about money only; no children, no fear, no other factors - universal.",
trap="negated", off=())

C("standard", "long", "U1 UP1 UP4", "6y 9y",
"""Officers attended following a 999 call from {V} who said that she and her husband {P} had been 'screaming at each other for an hour' and she wanted someone to come and calm things down. When we arrived the front door was open and {V} met us on the drive. She explained that they had been to a wedding reception earlier in the afternoon and on the way home {P} had started on about how she had spent the whole time talking to her old school friends and ignored him, which she said was rubbish, and it carried on when they got home and turned into a proper row with both of them shouting and saying nasty things about each other's families. She was very clear that he never touched her, did not break anything and that this is not normal for them - she described it as 'the worst row we've had in twelve years'. The two children, {C1} and {C2}, were staying overnight with {V}'s mum in Droitwich as planned and were not at home at any point. {V} said her mum and her sister are only round the corner and she talks to them about everything; she said she will ring her mum in the morning. She describes the children as 'really close to me, they're good kids' and said she would never let them hear anything like this. {P} spoken to separately in the kitchen, he was embarrassed, said he'd been jealous and stupid. Both agreed {P} would sleep in the spare room. No offences disclosed. Standard DASH.""",
"Single intense verbal row with children away overnight, strong family support and a stable bond with the children - universal.",
dash="standard")

C("standard", "reported", "U2", "",
"""IP {V} attended the front counter at Redditch. She said that she and her boyfriend {P} (they do not live together) had a falling out on Saturday about his ex, and since then he'd been posting 'stupid comments' under her Facebook photos calling her fake and saying she was 'punching'. She said he'd also sent her a few WhatsApps calling her a liar. She said she isn't frightened of him and he hasn't threatened her, she just wanted it on record and wants him to stop. She has blocked him on Facebook. Advised re screenshots.""",
"A few insulting Facebook comments and messages from a non-cohabiting boyfriend, no fear or threats - low level harassment, universal.",
delay=50)

C("standard", "structured", "U1", "",
"""CIRCUMSTANCES: Police called by {V} (mother, 52) reporting argument with her adult daughter {P} (24) who lives with her.
VICTIM ACCOUNT: States {P} had not done any of the housework for weeks and when challenged started shouting and swearing at her. {V} shouted back. No physical contact.
SUSPECT ACCOUNT: {P} agrees there was shouting on both sides. Says she is stressed with work.
CHILDREN: None in household.
INJURIES / DAMAGE: None.
ACTIONS: Both parties calmed, words of advice. Daughter to stay with her partner tonight. No offences.""",
"Mother and adult daughter shouting about housework, no other factors - universal.",
rel="family_member", va=52, pa=24, ps="female")

C("standard", "reported", "U1 UP4", "",
"""IP said they'd been arguing since teatime about his gambling app and it got loud, she said things she regrets and so did he. Asked directly about any violence she said 'no, never, he knows if he ever put a hand on me I'd be gone, I'd be straight round my dad's.' Confirms he has never done so in 7 yrs together. Her dad lives two doors down and she has good friends in the street. No children. DP apologetic. NFA.""",
"Verbal argument; the reference to violence is hypothetical and denied; supportive family nearby - universal.",
trap="hypothetical")

C("standard", "third_party", "U1 UP5", "",
"""Call from neighbour at no.14 (anon) reporting raised voices from no.12, 'sounds like the couple are at it again, lots of shouting, a woman crying'. Officers attended. Occupants {V} (71) and husband {P} (74). Both stated they had been arguing about him selling the car without telling her. {V} tearful but states no violence and nothing like this has happened before, neighbour 'just hasn't heard us argue before'. No injuries, house tidy. {V} said she might like to talk to someone and agreed to details being passed to Age UK and the local DA service. No children or other residents.""",
"Elderly couple, single verbal row reported by a neighbour; victim willing to accept agency support - universal.",
va=71, pa=74)

C("standard", "typos", "U2", "",
"""ip recieved aprox 6 txts from dp last nite after they argued about his mum comming to stay, calling her a 'selfish cow' and 'pathetic'. ip shwoed officer the msgs none contain threats. ip dosnt want action just wants words of advise given to dp. dp spoke to on phone, said hed sent them in temper and wont again. no kids in relationship""",
"Handful of insulting texts after an argument, no threats - low level text harassment, universal.",
delay=14)

C("standard", "structured", "U1 RL", "",
"""INCIDENT: Verbal argument between husband and wife at home address.
VICTIM: {V}, 29. Language Line (Bengali) used as IP speaks very little English and cannot read English. IP is in the UK on a spouse visa which she believes is 'not finished', unclear status - IP unsure of her own immigration position.
ACCOUNT: Argument about {P} spending money sending to his family abroad. Both raised voices. IP says no hitting, no threats, 'he just shouts when he is worried'.
CHILDREN: None.
RISK: DASH standard. Leaflet provided in Bengali.""",
"Verbal row only; language barrier and uncertain immigration status noted as a risk factor - universal.",
dash="standard", va=29)

C("standard", "long", "U1 RC", "",
"""Attended following call from {V}'s cousin who had been on the phone to {V} during an argument at home. On arrival {V} and her husband {P} were both present with {P}'s father, who had come over. {V} was reluctant to speak in front of the family and it took some time to speak to her alone. She said the argument was about how much they should spend on her sister's wedding; her husband thought it was too much. She said it was shouting only and there was no violence. She repeatedly said she did not want the matter 'outside the family' and that the elders at the mosque would sort it out, that everyone in the community would know if police were seen at the house and this would bring shame. She did not want a referral. I am mindful that the community is close and family reputation is very important to this family. No children. No offences disclosed.""",
"Verbal argument only; close-knit community valuing family honour noted as a risk factor but no high or targeted indicator - universal.",
dash="standard")

C("standard", "reported", "U1 PC PF", "7y:m",
"""IP told officers she and DP had a blazing row over his hours at the farm and she'd told him to go and cool off. She said he'd slammed the back door on his way out but nothing got broken and he's never laid a finger on her. {C1} was at Cubs at the village hall and didn't see any of it. She said 'everyone knows everyone round here' and she is very involved with the chapel; the minister is a family friend and she'd already rung him and he was coming round in the morning to chat to both of them.""",
"Verbal row with child out at a club; village community and chapel minister as support - universal with protective factors.")

C("standard", "structured", "U1 RS", "",
"""Location: Room 6, temporary accommodation (B&B), Kidderminster.
Parties: {V} (27) and {P} (31), partners.
Circumstances: Hotel manager called police after hearing shouting. Couple arguing about lack of money - they have no recourse to public funds and are relying on a church food bank. IP says she has no friends or family in the UK and does not go out. No violence, no threats, no damage.
Children: none.
Outcome: Advice given, signposted to local DA service and Citizens Advice.""",
"Verbal argument only; social isolation, temporary accommodation and NRPF noted - universal.", va=27, pa=31)

C("standard", "shorthand", "U1 UR1 RA", "3y",
"""Daytime call, IP/DP arguing at addr re DP's new job/shifts. Ch {C1} (3) at nursery all day - not present. Shouting only, no assault, no threats, no damage. Both sober. First time police called. Reporting officer notes both under a lot of strain with money and new shifts and feels it 'could go further if not addressed' - advised both re support. IP states she is fine.""",
"Verbal argument with the toddler at nursery; officer flags potential to escalate and child's age - universal.")

C("standard", "long", "U1 UR2", "10y 12y",
"""{V} rang 101 while the children were at school because she 'didn't know who else to talk to'. Officers visited. She described months of constant bickering with {P} about his mother, money and the house - nothing physical, nothing threatening, just 'miserable'. Today it boiled over into a shouting match in the morning after the kids had left for the bus. She is worried about the effect of the atmosphere at home on the children over time, as they both pick up on the tension. No previous police reports. {P} was at work on our arrival and was spoken to on the phone; he accepts they are not getting on and says they are thinking about counselling.""",
"First report of a verbal row while children at school; officer and mum note cumulative effect of ongoing tension - universal.")

C("standard", "reported", "U1 UP2", "",
"""DP told officers straight away that he'd lost his temper and shouted at her, that it was his fault and she had every right to call us. IP said they'd been rowing about him forgetting to pick her up from work. She said he shouted, she shouted, no one touched anyone. DP said 'I was out of order, I've said sorry.' No kids, no other issues.""",
"Verbal argument where the perpetrator accepts responsibility - universal.")

C("standard", "shorthand", "U1 UP3", "",
"""Verbal only. IP/DP rowing re DP staying out late. IP called as DP 'wouldn't stop shouting'. DP very apologetic o/s, tearful, said he knows his temper is a problem and has already looked up an anger management course at the GP - asked officer for details of services, given Respect phoneline. No ch. NFA.""",
"Verbal argument; perpetrator shows genuine remorse and seeks support - universal.")

C("standard", "typos", "U2 UP5", "",
"""ip stated that dp keeps messaging her on snapchat and facebook messenger saying shes "boring" and "ugly" since she wouldnt go out with him on fri. about 10 msgs over 2 days. no threats. they are together still but dont live together. ip wnats advice and is happy for her details to go to the local DA service for support, consent given""",
"Low level insulting social media messages; victim accepts referral to support - universal.")

C("standard", "long", "U1", "",
"""Report from {V} that she and {P} had argued at home this evening. When asked what it was about she said it was mainly her sister. Her sister's ex-partner has been making threats to kill the sister and was recently charged with strangling her, and {V} wants her sister to come and stay with them for a few weeks; {P} does not want this because of the ex turning up at their house. This led to a heated argument with both shouting. {V} confirmed {P} has never threatened her or been violent and she is not afraid of him. No children live at the address. The sister's matter is being dealt with separately by the Worcester team.""",
"Threats and strangulation relate to the sister's ex, not these parties; the incident itself is a verbal argument - universal.",
trap="other_person", dash="medium")

C("standard", "structured", "U1", "",
"""SUMMARY: Verbal dispute at home address.
Q&A WITH IP: Injuries? None. Any weapons used or threatened? No weapons seen or mentioned. Has he ever put his hands round your neck or tried to choke you? IP denies any strangulation, now or ever. Frightened? 'No.' Pregnant? No.
CHILDREN: No children in the household.
PNC: DP no previous. No previous DA logs for the couple.
OUTCOME: Advice given. Standard.""",
"All high-risk questions answered in the negative; verbal dispute only - universal.",
trap="negated")

C("standard", "reported", "U1", "",
"""IP said she and DP had argued about his friend's stag weekend. She said he'd had a bad problem with drink when he was in his twenties but he's been sober since 2014, still goes to AA every Thursday, and there was no drink involved tonight. She said the shouting was about the cost, that's all. No kids at home. Both calm by the time we arrived.""",
"Verbal argument; the perpetrator's alcohol problem is long resolved and not current - universal.",
trap="historical")

C("standard", "shorthand", "U1", "",
"""Verbal argt IP/DP o/s on drive re parking/neighbours. Dog barking throughout, DP took dog for walk to calm down - dog fine, no concerns re animal. No assault, no damage. No ch. Both happy for police to leave.""",
"Verbal argument; the dog mention raises no animal harm - universal.",
trap="other_person")

C("standard", "reported", "U1", "8y:f 10y:f",
"""She said he'd come in from the pub quiz - he'd only had lemonade as he was driving - and started having a go about her not answering her phone, and she'd told him he was being ridiculous, and it just got louder and louder. She said the girls, {C1} and {C2}, were at their dad's (her ex) for the weekend so thank God they didn't hear it. She said he's never been like that with her physically and she said he'd calmed down as soon as she said she was ringing us.""",
"Loud verbal row with children away at their father's - universal.")

C("standard", "typos", "U1 U2 UP4", "",
"""both partys 16 and 17 in year 12 at same college. they had argument in park infront of friends, shouting and sweraing at each other, then messages on instagram calling each other names. ip mum reported as she was upset. no physical, no threats, no sexual. ip has v supportive mum and friends. dp parents spoken to and are supportive of them having no contact for now. college aware""",
"Peer relationship verbal row and name-calling messages, supportive parents - universal.",
rel="young_people_partners", va=16, pa=17)

C("standard", "structured", "U1 UP2", "",
"""INCIDENT: Male IP reports female partner shouting at him during an argument about his work trip.
IP: {V} (38). States {P} shouted and swore, he shouted back. No physical contact, nothing thrown.
DP: {P} (35). Admits she lost her temper and says she shouldn't have called him what she did.
CHILDREN: none.
OUTCOME: Both happy, advice.""",
"Male victim, verbal row; perpetrator accepts responsibility - universal.",
vs="male", ps="female", va=38, pa=35)

C("standard", "reported", "U2 UP5", "",
"""IP {V} said that her girlfriend {P} has been sending her rude WhatsApp voice notes since they rowed on Sunday - calling her names, saying she's selfish. She said there's about eight or nine in total and nothing threatening. She wants it to stop but doesn't want her arrested. She asked for the number for the LGBT+ domestic abuse helpline and said she would call them.""",
"Same-sex partner sending insulting voice notes; victim seeking support - universal.",
ps="female")

C("standard", "shorthand", "U1", "",
"""IP/DP verbal argt re DP losing job. Both calm o/s. Neither party disclose any MH issues, not known to MH services. DP denies any thoughts of self harm or suicide when asked. No weapons. No ch. Advice.""",
"Verbal argument; mental health and suicidal intent explicitly denied - universal.",
trap="negated")

C("standard", "structured", "U1", "13y",
"""CIRCUMSTANCES: Verbal argument between couple after DP returned home late.
CHILDREN: {C1} (13) was at a sleepover at a friend's address all evening and was not present.
HISTORY: No previous DA incidents recorded between the pair. No previous children's social care involvement known. DP has no criminal record.
ACTIONS: Advice, leaflet.""",
"First verbal row, child away, no history of any kind - universal.",
trap="negated")

C("standard", "third_party", "U1", "",
"""Call from {V}'s sister who received a text from {V} saying 'we're having a massive row, he won't leave'. Officers attended. {V} and {P} had been arguing about whether to move house. {V} said she'd only texted her sister to vent and didn't expect her to ring us. She said there was no violence at all and she felt safe. {P} left to stay with a friend by agreement.""",
"Sister reports a verbal row; no other factors - universal.")

C("standard", "long", "U2 RA", "2y:m",
"""IP states she has been receiving a steady stream of texts from DP since this morning while he is away working in Bristol, accusing her of 'sitting on your phone all day' and 'doing nothing', and calling her lazy. She shows me the messages; they are unpleasant but contain no threats and he has not said he will do anything. Their son {C1} (2) was at the childminder's all day. IP says they have been together for five years, live together and she does not want to split up, she just thinks he's stressed. Advised to keep the messages.""",
"Insulting texts from a partner working away; toddler at childminder; child's young age noted - universal.")

C("standard", "shorthand", "U1", "",
"""Verbal only. During argt IP said to DP she'd 'kill him' if he forgot her birthday again - IP explained this was said jokingly and both laughed about it o/s. DP not frightened. No threats by DP. No ch.""",
"The 'kill' remark was a joke by the victim, not a threat by the abuser; verbal argument only - universal.",
trap="negated")

C("standard", "long", "U1 UP4 UP1", "7y:m 11y:m",
"""Attended at the request of {V}. She explained that she and her husband {P} had been arguing for most of the evening about a holiday; his brother had booked a villa and invited them without asking her and she felt {P} always puts his family first. It escalated into a loud argument in the kitchen with both of them shouting. She kept saying she wasn't scared, she just wanted him to 'hear it from someone else' that he can't speak to her like that. The boys {C1} and {C2} were at her parents' for the night as it was half term. She has a good group of friends from work and her parents are very supportive. She said the boys are 'my world' and she is a stay-at-home mum. Both agreed to talk tomorrow when calmer.""",
"Verbal argument with children at grandparents; stable nurturing bond and good family support - universal.")

C("standard", "typos", "U2", "",
"""ip says dp put a post on his facebook last nite saying "some people think there better than everyone" which she thinks is about her after they argued. his freinds commented laughing emojis. she finds it embarasing. no threats no other msgs. they r still together. advised to talk to him / report post""",
"One snide Facebook post after an argument - low level social media harassment, universal.")

C("standard", "structured", "U1", "",
"""PARTIES: Brothers {V} (34) and {P} (37), both adults.
CIRCUMSTANCES: Argument at the family home over their late father's estate and the sale of the house. Raised voices, swearing. No assault.
CHILDREN: none present or resident.
OUTCOME: {P} left. Both advised to use solicitors.""",
"Adult brothers arguing over an estate - family member verbal dispute, universal.",
rel="family_member", vs="male", va=34, pa=37)

C("standard", "reported", "U1", "5y 8y",
"""IP said DP had shouted at her about the state of the house when he got home from nights. The kids were at school. Asked whether DP had ever threatened to take the children away from her or not bring them back, she said 'no, never, he wouldn't.' She said they are still together and it was just a row.""",
"Verbal row while children at school; any abduction threat explicitly denied - universal.",
trap="negated")

C("standard", "shorthand", "U1 UR1 RA", "4y",
"""Argt IP/DP re DP's ex contacting him. Shouting only. Ch {C1} (4) at grandparents for the day - not at addr. No previous calls. Officer's view: jealousy over the ex is an ongoing sore point and this has potential to escalate, advised re support services. No other factors.""",
"Verbal row with the child away; officer notes potential to escalate and child's age - universal.")
