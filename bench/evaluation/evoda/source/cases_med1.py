# -*- coding: utf-8 -*-
# Medium cases, batch 1 (hand-written).
from spec import C

C("medium", "shorthand", "T2", "",
"""Attended. IP/DP argt escalated - DP pushed IP in chest, she fell back onto sofa. No injuries - none visible, none complained of. No ch. DP admitted push, arrested for common assault, interviewed & released. IP supportive of police action. DASH med.""",
"One push with no injury, no children and no high factors - intimidation/pushing, targeted.",
off=("Common assault",))

C("medium", "long", "T2 T3 TR1 RA", "3y:pf",
"""Officers attended at 01:10hrs. {V} explained that she and {P} had been arguing about him going through her phone and that when she refused to unlock it he snatched it from her hand and threw it against the wall, smashing the screen, then stamped on it. He did not touch her. Their daughter {C1} (3) was asleep in her bedroom at the back of the house with the door closed; officers checked on her and she was still asleep and had not woken. {V} said this is the first time {P} has broken anything. {P} was arrested for criminal damage. {V} said she is not frightened of him but was 'shocked'. {P} has no previous convictions.""",
"Demanding access to her phone then smashing it, toddler asleep in the home; no injury or fear - targeted.",
off=("Criminal damage",), dash="standard")

C("medium", "reported", "T2 TP4", "",
"""She said he'd picked a plate up off the table and thrown it at the kitchen wall, it smashed and bits went everywhere, but he didn't throw it at her and it didn't hit her. She said she told him to get out and he went to his mate's. She said her mum and her best friend have been brilliant and she's going to stay at her mum's for a couple of nights. No children. No injuries.""",
"Plate thrown at a wall in anger; no injuries or children; good family support - destruction of property, targeted.",
off=("Criminal damage",))

C("medium", "typos", "T2 TR1", "9y:p 11y:p",
"""ip locked herself in the bedrom after argument and dp kicked the door in, door frame splintered. dp didnt touch her, walked off downstairs. kids {C1} and {C2} asleep in there rooms other end of landing, checked by officers both still asleep didnt wake up. ip not injured. dp aressted crim damage""",
"Door kicked in with no injury; children asleep in the home and did not wake - intimidation/damage, targeted.",
off=("Criminal damage",), dash="medium")

C("medium", "structured", "T3 TP2", "",
"""CIRCUMSTANCES: IP reports growing arguments because DP 'wants to know where I am all the time'.
DETAIL: DP asks her to text him when she arrives anywhere, comments on what she wears ('you're not going out in that'), and says a wife should be home for tea. IP still sees her friends and family, has her own money and phone, and went out with friends tonight - DP sulked and shouted when she came home.
CHILDREN: None.
SAFETY: IP receptive to safety advice; happy to be referred to the IDVA/outreach service.""",
"Emerging attempts to control (check-ins, clothing, gender-role comments) without established control or isolation - targeted.")

C("medium", "shorthand", "U1 T1", "6y 8y",
"""3rd DA log for pair in 2 yrs - all verbal, all std (prev approx 2 yrs & 10 mths ago). Tonight verbal argt again re DP's ex. Ch at school. No assault, no damage. Pattern noted.""",
"Repeated minor verbal incidents on record - history of minor incidents, targeted.",
prior=((700, "standard", "Verbal argument about money, words of advice."), (300, "standard", "Verbal argument, DP left address.")))

C("medium", "reported", "U2 HR5", "6y:m",
"""IP said she ended it with {P} three weeks ago and he moved back to his mum's. Since then he's been sending her messages every day calling her a slag and saying she's ruined his life, maybe 5 or 6 a day. She said there's no threats and he hasn't come round. Their son {C1} was at school.""",
"Low level abusive texts following a recent separation; separation raises the risk one step - targeted.",
rel="ex_partner", dash="standard")

C("medium", "structured", "U1 HR14", "",
"""CIRCUMSTANCES: Verbal argument at home about DP's hours.
VICTIM: {V} is 20 weeks pregnant (first pregnancy), under midwife at Worcestershire Royal.
INJURIES: None. No physical contact alleged.
CHILDREN: None yet.
OUTCOME: Advice, midwife to be informed via health.""",
"Verbal argument only, but the victim is pregnant - raised to targeted.",
preg=True, dash="standard")

C("medium", "long", "U1 HR1 TR1", "4m:pm",
"""Call from {V} at 23:30 who said she and {P} were arguing and she needed him to calm down. On arrival both were in the living room and had stopped shouting. The argument was about {P} coming home late from his friend's birthday and not helping with the baby. Their son {C1} is four months old and was asleep in his cot upstairs; officers checked on him and he was settled and had not been disturbed. {V} said there was no physical contact and nothing was broken. {P} was sober and calm and apologised. Health visitor to be informed.""",
"Verbal row with a four-month-old baby asleep upstairs; infant under 12 months raises to targeted.",
dash="standard")

C("medium", "shorthand", "U1 HR3", "",
"""Verbal argt IP/DP. DP heavily intox o/s, IP states he drinks most nights, 'at least a bottle of vodka', getting worse over past year. No assault, no threats, no damage. No ch. DP went to bed.""",
"Verbal row with the perpetrator's regular heavy drinking - substance misuse raises to targeted.", dash="standard")

C("medium", "reported", "U1 HR2", "",
"""IP {V} told officers she has bipolar disorder and is under the community mental health team; she'd missed her last two appointments. She said she and {P} had been shouting at each other about her not taking her meds. She said he didn't touch her and she doesn't feel unsafe. No children.""",
"Verbal row where the victim has a serious ongoing mental illness - raised to targeted.", dash="standard")

C("medium", "structured", "U1 HR16", "7y 10y",
"""CIRCUMSTANCES: Verbal argument while children at school.
HISTORY: Family previously known to Children's Social Care - child in need plan for both children closed June 2024 (neglect concerns, resolved).
INJURIES: none. DAMAGE: none.
OUTCOME: Advice.""",
"Verbal argument in a family with previous children's social care intervention - raised to targeted.", dash="standard")

C("medium", "long", "U1 HR13", "",
"""{V} is 31 and has a mild learning disability; she lives with her partner {P} and has support from a community learning disability nurse. She called because {P} was shouting at her about spending their money on a phone case. She was upset and found it hard to explain what had happened, and officers took time with her. She said {P} 'just shouts' and she wanted us to make him stop. No physical contact, no damage. No children. Referral to be made to adult social care.""",
"Verbal row where the victim is a vulnerable adult with a learning disability - raised to targeted.", dash="standard", va=31)

C("medium", "reported", "U1 HR12", "",
"""DP told officers he 'doesn't want to turn into his dad' - he said his dad used to batter his mum when he was little and he saw all of it. IP said the row tonight was just shouting, about his hours. Neither has children. DP said he's never been violent and never would be.""",
"Verbal argument; the perpetrator was exposed to domestic abuse in childhood - raised to targeted.", dash="standard")

C("medium", "structured", "U1 TR1", "7y:p 10y:p",
"""CIRCUMSTANCES: Verbal argument in the kitchen at 23:00.
CHILDREN: {C1} (7) and {C2} (10) were asleep upstairs. Officers checked on both; both asleep and had not woken. Neither child saw or heard the argument per both parents.
INJURIES / DAMAGE: None.
OUTCOME: Advice.""",
"Verbal argument with children asleep in the home who did not witness it - targeted for children present in the home.",
trap="negated", dash="standard")

C("medium", "shorthand", "U1 TR4", "",
"""Verbal argt. DP has anxiety - recent, GP started him on sertraline 3 wks ago, no MH team involvement, no self harm. IP says he's more snappy since. No assault. No ch.""",
"Verbal argument with recent mild anxiety being managed by the GP - targeted.", dash="standard")

C("medium", "long", "U1 TR3", "",
"""{P} has used a wheelchair since a motorbike accident two years ago and {V} is his main carer. They argued this evening about a care package - {P} does not want strangers in the house and {V} is exhausted. It was a loud argument with both of them shouting and {V} called police because she 'needed someone to hear it'. No violence, no damage. No children. Carers' assessment suggested.""",
"Verbal argument with disability issues in the household and carer strain - targeted.", dash="standard")

C("medium", "typos", "T2 T3", "",
"""ip showed officers txts from dp while she was at her freinds: "get home NOW", "your nothing without me", "dont bother coming back if ur not home by 10", "u think ur clever". about 20 over the evening. no direct threats. ip went home at 10 as told. dp shouted at her when she got in but didnt touch her. no kids""",
"Bullying texts demanding she return home by a set time - intimidation by text and attempts to control, targeted.")

C("medium", "reported", "T2 TP1", "5y:m 9y:m",
"""IP said he'd shoved her out of the way in the hallway to get to his car keys and she'd banged her shoulder on the wall but it didn't hurt afterwards and there's no mark. The kids were at school. She said the boys are really close to their grandad, her dad, who picks them up from school every day and takes them fishing.""",
"A shove with no injury, children at school; grandfather is a positive significant other - intimidation/pushing, targeted.",
off=("Common assault",))

C("medium", "structured", "U1 T1 T2 TP5", "",
"""HISTORY: Two previous DA incidents (verbal, over the last two years) graded standard.
CIRCUMSTANCES: Argument; DP threw IP's handbag across the room and punched the fridge door, denting it. No contact with IP.
DP: Acknowledged his behaviour; states he is already on the waiting list for a domestic abuse perpetrator programme via his GP and wants to go.
CHILDREN: None.""",
"Previous minor incidents plus damage; perpetrator willing to engage with a programme - targeted.",
off=("Criminal damage",),
prior=((600, "standard", "Verbal argument."), (330, "standard", "Verbal argument, DP left.")))

C("medium", "third_party", "T2", "",
"""Call from male {V} (42) via his sister. {V} says his partner {P} threw his laptop onto the floor and snapped the screen because he was 'always on it'. She then threw his work papers in the bin. No physical contact. {V} embarrassed to report. No children.""",
"Female perpetrator destroyed male partner's laptop - destruction of property, targeted.",
vs="male", ps="female", off=("Criminal damage",), va=42)

C("medium", "typos", "T2 TP4", "",
"""both at {V}'s school sixth form. {P} (17) pushed {V} (16) against the lockers during an argument about a party, witnesses say. no injuries. {V} says shes not scared of him but doesnt want to be with him now. her parents are supportive and school DSL involved. {P} parents informed""",
"Peer-on-peer push with no injury; supportive parents and school - intimidation/pushing, targeted.",
rel="young_people_partners", va=16, pa=17, off=("Common assault",))

C("medium", "structured", "T2", "",
"""PARTIES: {V} (47, mother), {P} (20, son).
CIRCUMSTANCES: Son asked for money; when refused he shouted and punched a hole in the living room wall, then threw the TV remote at the window (cracked). No contact with mother.
CHILDREN: none under 18.
OUTCOME: Son arrested criminal damage.""",
"Adult son damaging property to intimidate his mother - destruction of property, targeted.",
rel="family_member", va=47, pa=20, ps="male", off=("Criminal damage",))

C("medium", "reported", "U1 T3", "8y 10y",
"""IP told us he says the house and the kids are her job, and he gets angry if tea isn't on the table when he walks in. She said tonight he shouted because she'd been at her sister's and tea wasn't ready. She said he'd never hit her. Kids were at Beavers/football training, weren't in.""",
"Fixed gender-role expectations and anger when she deviates - targeted.")

C("medium", "structured", "T2 RL", "",
"""INCIDENT: DP tore up IP's bank letters and broke her glasses during an argument.
LANGUAGE/STATUS: IP speaks Tigrinya only; interpreter used by phone. IP is an asylum seeker awaiting a Home Office decision.
INJURIES: none. DP no previous convictions. IP not pregnant.
CHILDREN: none.
ACTIONS: Signposted to Refugee Action / DA service with interpreter.""",
"Destruction of property; victim cannot speak English and has uncertain immigration status - targeted.",
off=("Criminal damage",), trap="negated", preg=False)

C("medium", "long", "T2 RC", "",
"""{V} reported that her husband {P} smashed a glass cabinet in the lounge during an argument about her going to her cousin's wedding without him. She said he did not touch her. She was very worried that if anyone in the community found out the police had been called, both families would be shamed and her father would side with her husband, as what the elders say is final. She asked that officers park around the corner next time. No children.""",
"Destruction of property within a close community where family honour is highly valued - targeted.",
off=("Criminal damage",))

C("medium", "reported", "T2 RS", "",
"""IP said they're in temporary accommodation at the Travelodge and have no recourse to public funds. She said she hasn't got anyone here. She said he'd ripped up her clothes and thrown her toiletries down the toilet during the row. He didn't hurt her, and she said 'if he ever does I'll go to a refuge'. No children.""",
"Destruction of the victim's belongings; socially isolated, temporary accommodation and NRPF - targeted; the refuge remark is hypothetical.",
off=("Criminal damage",), trap="hypothetical")

C("medium", "long", "T2 TP2 TP3", "6y 9y",
"""{V} called after {P} kicked the dining chairs over and threw the children's toys at the wall during an argument about money. The children were at their grandmother's for the weekend. {V} told officers that she knows this is not okay and that she does not want the children growing up thinking that is how people behave when they are angry - she said that is why she called. She readily accepted safety advice and asked to be referred to a domestic abuse service. No injuries.""",
"Property damage while children away; victim shows insight into impact on the children and engages with advice - targeted.",
off=("Criminal damage",))

C("medium", "structured", "T2", "",
"""Q&A: Injuries - none. Strangulation - IP denies any hands to neck or choking. Weapons - no weapons used or mentioned. Fear - IP says she is not frightened. Threats - none.
CIRCUMSTANCES: DP pushed IP out of the doorway to get past her. No injury.
CHILDREN: none.""",
"A push with every high risk question answered no - intimidation/pushing, targeted.",
trap="negated", off=("Common assault",))

C("medium", "reported", "T2", "",
"""She said he'd grabbed the car keys off her and pushed her arm away when she tried to get them back, but it didn't hurt. She said 'if he ever actually hit me that would be it, I'd leave him and get an injunction', but she said he's never hit her. No kids, no injuries.""",
"Pushing with no injury; the reference to hitting and injunctions is hypothetical - targeted.",
trap="hypothetical")

C("medium", "shorthand", "T2", "",
"""DP pushed IP during argt, no injs. DP's friend {X} present in addr - {X} has previous for possession of a bladed article (2021) - not involved, left on police arrival. DP himself no trace on PNC. No weapons involved in incident. No ch.""".replace("{X}", "Lewis"),
"The knife conviction belongs to a friend who was not involved; the perpetrator pushed the victim - targeted.",
trap="other_person", off=("Common assault",))

C("medium", "structured", "T2", "",
"""CIRCUMSTANCES: DP threw IP's phone in the bath.
DP HEALTH: DP was detained under the Mental Health Act in 2008 following a bereavement; no mental health service involvement since, discharged from all services 2009, no current issues per DP and IP.
INJURIES: none. CHILDREN: none.""",
"Destroyed phone; the perpetrator's mental health history is long resolved - targeted.",
trap="historical", off=("Criminal damage",))

C("medium", "third_party", "T2", "",
"""Neighbour at no.22 called after hearing banging. On arrival the front door of no.24 had been kicked and the lower panel cracked. {V} said {P} had come back from the shop, she wouldn't let him in because they'd argued, and he kicked the door repeatedly until she opened it. He then left. No injuries. No children.""",
"Kicked the front door to force entry - intimidation and damage, targeted.",
off=("Criminal damage",))

C("medium", "long", "U1 T1 TP4", "",
"""This is the third incident reported by this couple in the last two years. All three have been verbal arguments graded standard. {V} called again tonight because {P} was shouting at her about his ex-partner's new boyfriend. No physical contact. {V} said she has a strong support network of friends from work and her mum is coming to stay this weekend.""",
"Repeated minor incidents; victim well supported - history of minor incidents, targeted.",
prior=((650, "standard", "Verbal argument."), (380, "standard", "Verbal argument about ex-partner.")))

C("medium", "reported", "U1 TR1 TP6", "15y:pf",
"""IP said that as soon as things started to get tense, {C1} (15) went next door to her friend's, like she always does - 'she knows to take herself off'. {C1} confirmed on the phone she left before any shouting started and didn't hear anything. IP and DP then had a verbal argument about money. No physical.""",
"Verbal row; teenager in the home left beforehand using her own coping strategy - targeted.", dash="standard")
