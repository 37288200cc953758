# -*- coding: utf-8 -*-
# Medium cases, batch 2 (hand-written).
from spec import C

C("medium", "reported", "T3 TR4", "",
"""IP said DP keeps asking for her phone passcode and goes through her messages when she's in the shower, and gets in a mood if she's messaged a male colleague. She said she still goes out and sees who she wants, but it's 'wearing her down'. She said she's been a bit low lately and her GP has referred her to talking therapies. Tonight they argued about it. No violence.""",
"Checking her phone and jealousy as emerging attempts to control; mild low mood being treated - targeted.")

C("medium", "shorthand", "T2 TP5", "",
"""DP punched kitchen cupboard door off hinge during argt. No contact with IP. DP remorseful, said he wants help with his temper & agreed to referral to perpetrator service (consent given). No ch. Crim damage - IP does not support.""",
"Property damage; perpetrator willing to engage with a programme - targeted.",
off=("Criminal damage",))

C("medium", "structured", "T1 T2", "",
"""HISTORY: Two previous DA reports between pair (both standard, verbal) in last 18 months.
CIRCUMSTANCES: During argument DP pushed IP onto the bed. IP not injured.
CHILDREN: none.
OUTCOME: DP arrested, NFA - IP declined to support.""",
"Push with no injury on a background of earlier minor incidents - targeted.",
off=("Common assault",),
prior=((520, "standard", "Verbal argument."), (260, "standard", "Verbal argument.")))

C("medium", "typos", "U2 HR5", "4y",
"""ip split from dp 2 months ago. since then dp posting stuff about her on facebook saying shes a bad mum and a cheat, tagging her freinds. no threats. ch {C1} (4) lives with ip, was at nursery. ip wants posts removed""",
"Low level Facebook posts following a recent separation - separation raises to targeted.",
rel="ex_partner", dash="standard")

C("medium", "long", "U1 HR14 TR1 RA", "2y:pf",
"""{V} called police after an argument with {P} about money and his family. She is 28 weeks pregnant. Their daughter {C1}, aged two, was asleep in her cot in the back bedroom throughout; officers looked in and she had not woken. {V} said that it was shouting only and {P} did not touch her, but she wanted him to leave for the night. {P} went to his mother's. Midwife to be informed.""",
"Verbal argument with a pregnant victim and a toddler asleep in the home - targeted.",
preg=True, dash="standard")

C("medium", "reported", "U1 HR3", "",
"""DP said IP smokes weed all day, every day and spends their money on it, and that's what the argument was about. IP admitted she smokes 'a lot' and has tried to stop. Both shouted. No assault. No children.""",
"Verbal row; the victim's daily cannabis use is substance misuse - raised to targeted.",
vs="female", ps="male", dash="standard")

C("medium", "structured", "U1 HR1", "8y:dm",
"""CIRCUMSTANCES: Verbal argument between parents at home.
CHILDREN: {C1} (8) has cerebral palsy and complex health needs; he was at his weekly overnight respite placement and was not present.
INJURIES / DAMAGE: none.
OUTCOME: Advice.""",
"Verbal argument; a disabled child lives in the household (away at respite) - raised to targeted.", dash="standard")

C("medium", "shorthand", "T2 RA", "2y",
"""DP threw mug at wall, smashed, during argt re money. Not aimed at IP. Ch {C1} (2) at nursery. No inj. Crim damage.""",
"Thrown mug (property damage) while the toddler was at nursery - targeted.",
off=("Criminal damage",))

C("medium", "long", "T2 TP1", "6y 12y",
"""Officers spoke to {V} at her mother's address the morning after. She said last night {P} had pushed her against the kitchen counter during an argument about his gambling; she had no injuries and was not hurt. The children were at their dad's (her ex-husband) for the weekend and were not there. She said her ex-husband is 'a brilliant dad' and the children are very close to him and to their stepmum, who both look after them well. She has decided to stay at her mother's for a few days.""",
"Push with no injury while the children were with their father, a positive significant other - targeted.",
off=("Common assault",), delay=10)

C("medium", "reported", "T3", "",
"""Male IP {V} said his wife {P} tells him he can't go to the gym or the pub with his mates because 'married men stay home', and she goes through his bank app. He said he's still been going out, but every time there's a row. Tonight she shouted at him for an hour because he went for a run. Nothing physical.""",
"Female perpetrator's attempts to restrict her husband's activities - attempts to control behaviour, targeted.",
vs="male", ps="female")

C("medium", "structured", "T2", "",
"""PARTIES: {V} (55, mother) and {P} (26, daughter).
CIRCUMSTANCES: Daughter pushed mother out of the way to get to her bedroom during an argument about rent arrears. Mother stumbled, no injury.
CHILDREN: none.
OUTCOME: Advice. Mother does not want further action.""",
"Adult daughter pushing her mother, no injury - family member intimidation, targeted.",
rel="family_member", va=55, pa=26, ps="female")

C("medium", "typos", "T2", "",
"""ip (22) says her brother {P} (19) grabed her phone and smashed it on the floor becuase she told their mum he'd been out all nite. he didnt touch her. both live at mums. no kids""",
"Brother smashed his sister's phone - family member destruction of property, targeted.",
rel="family_member", va=22, pa=19, ps="male", off=("Criminal damage",))

C("medium", "reported", "T3 TP4", "",
"""{V} (16) told her mum, who called us, that her boyfriend {P} (17) gets really annoyed if she talks to boys at college and tells her who she can and can't be friends with. She said he sulks and shouts at her on the phone. She still sees her friends. Mum is very supportive and {V} has agreed to talk to the college DSL.""",
"Teenage boyfriend attempting to control her friendships; strong support - targeted.",
rel="young_people_partners", va=16, pa=17)

C("medium", "structured", "T2 TR4 TP2", "",
"""CIRCUMSTANCES: DP broke IP's laptop during an argument about her working late.
VICTIM HEALTH: IP reports feeling anxious since starting a new job; she has seen her GP and is waiting for CBT. Short-term, no history of MH services.
SAFETY: IP engaged well with safety planning and accepted referral to the outreach service.
CHILDREN: none.""",
"Property damage; short-term anxiety; victim engages with safety advice - targeted.",
off=("Criminal damage",))

C("medium", "long", "T2", "",
"""Right so what happened was, according to {V}, it started about eight o'clock when {P} got back from his shift and she'd had a call from the bank about the overdraft, and she asked him about it, and he said it was none of her business even though it's a joint account, and then it went from there. She says it went on for ages, round and round, about the overdraft, about his mate owing him money, about her mum. At about half nine he picked up the big photo frame from the hallway - their holiday photo - and threw it down the stairs and it smashed, and then he put his foot through the bathroom door. She said he didn't come near her and she didn't think he would hurt her, she just wanted him out. He'd gone by the time we arrived and was later located at his brother's. No injuries, no children, not pregnant.""",
"Long account of property damage with no contact, no injuries and no children - targeted.",
off=("Criminal damage",), preg=False)

C("medium", "shorthand", "T2", "8y 11y",
"""DP pushed IP during argt. No ch present - both ch at their dad's. IP not pregnant. No weapons. No threats to kill or harm made - IP asked specifically. No injs. Arrested.""",
"A push with children away and every high-risk question negative - targeted.",
trap="negated", preg=False, off=("Common assault",))

C("medium", "reported", "U1 TR1", "6y:p 9y:p",
"""IP said if {P} ever drinks again she'll ask him to leave - he was a heavy drinker years ago but has been dry for three years and she said he was stone cold sober tonight. The row was about his mum. The kids were in bed asleep and didn't come down, officers checked. Shouting only.""",
"Verbal row with children asleep in the home; the drinking is historical and the 'if' is hypothetical - targeted.",
trap="hypothetical", dash="standard")

C("medium", "long", "T2", "",
"""The argument started because the couple's Staffordshire terrier had got out through the side gate earlier and killed next door's cat; the neighbour had been round and was understandably very upset. {P} blamed {V} for leaving the gate open and, while shouting at her, kicked the wheelie bin over and threw the dog's water bowl across the garden. He did not harm the dog, which was calm in its crate when officers arrived, and did not touch {V}. The cat matter has been passed to the dog warden. No children.""",
"The cat was killed by the family dog, not the abuser; the abuser's behaviour is intimidation and damage - targeted.",
trap="other_person")

C("medium", "structured", "T2", "",
"""CIRCUMSTANCES: DP ripped the bedroom curtains down and broke the wardrobe door.
DP HISTORY: DP disclosed he had suicidal thoughts aged 17 (some 14 years ago) and had counselling; no suicidal thoughts or intentions since, none now.
INJURIES: none. CHILDREN: none.""",
"Property damage; the perpetrator's suicidal thoughts were 14 years ago, not recent - targeted.",
trap="historical", off=("Criminal damage",))

C("medium", "reported", "T3", "",
"""IP said he moans whenever she goes to see her family and says they 'turn her against him', and he wants her to give up her Thursday netball. She was clear she still sees her mum and sisters every week, has her own bank card and phone and he's never stopped her going. Tonight he shouted because she got home late from netball.""",
"Complaints and pressure about her activities are attempts to control, but she is not isolated or controlled in fact - targeted.",
trap="negated")

C("medium", "structured", "T2 RL TP2", "",
"""INCIDENT: DP smashed IP's phone and tablet.
LANGUAGE: IP speaks Romanian and very limited English and cannot read English; her settled status application is still pending and she is unsure of her position. Interpreter used.
SAFETY: IP accepted advice and agreed to a referral with an interpreter.
INJURIES/CHILDREN: none.""",
"Destruction of her devices; language barrier and uncertain immigration status; victim accepts advice - targeted.",
off=("Criminal damage",))

C("medium", "structured", "U1 T1 T2 TR1 RA", "15m:p 4y:p",
"""HISTORY: One previous DA incident about five months ago (verbal, standard).
CIRCUMSTANCES: Argument; DP threw the remote control and a cushion at the wall, broke a lamp.
CHILDREN: {C1} (aged 1, 15 months) and {C2} (4) asleep upstairs, did not wake (checked).
INJURIES: none.""",
"Previous minor incident and property damage with young children asleep in the home - targeted.",
off=("Criminal damage",), prior=((150, "standard", "Verbal argument."),))

C("medium", "third_party", "T2", "",
"""Call from {V}'s mother-in-law, who was on the phone to {P} when she heard him shouting and something smashing. Officers attended. {V} said {P} had thrown a glass at the fireplace during an argument about his mum's visit. It did not hit her. No children. {P} apologised.""",
"Thrown glass (damage) overheard by the mother-in-law; no contact, no children - targeted.",
off=("Criminal damage",))

C("medium", "reported", "U1 HR10", "",
"""After the argument DP told officers 'she's being dramatic, that's her problem not mine' and refused to discuss it further, saying police were wasting their time. IP said he'd been shouting at her about the car. Nothing physical. No children.""",
"Verbal argument; the perpetrator shows no insight or empathy - raised to targeted.", dash="standard")

C("medium", "long", "T2 TP3 TP4", "10y:m",
"""{V} said {P} had pushed her out of the way and slammed the door into her foot (no injury seen, she said it was fine) when she tried to stop him leaving in the car during an argument. Her son {C1} (10) was at his cousin's. She said she doesn't want {C1} around it and she understands it would frighten him; her sister and her friends have offered for her to stay, and she said she's going to her sister's tonight.""",
"Pushing with no injury; victim shows insight into the child's welfare and has good support - targeted.",
off=("Common assault",))

C("medium", "shorthand", "T2", "",
"""DP stood in doorway & blocked IP leaving lounge during argt for approx 1 min, shouting in her face, then moved. No contact, no threats. IP says it 'felt intimidating'. No ch. Advice.""",
"Blocking the doorway and shouting in her face - intimidation, targeted.")

C("medium", "reported", "T2 PC PF", "",
"""IP said she's lived in the village all her life and everyone 'rallied round' tonight - her neighbour came straight over. She said DP threw his dinner plate on the floor and kicked a chair. She said she'd speak to the vicar, who is a good friend. No children, no injuries.""",
"Property damage; a close community and faith leader offer support - targeted.",
off=("Criminal damage",))

C("medium", "structured", "T2 RS", "",
"""LOCATION: Temporary accommodation, Telford.
CIRCUMSTANCES: DP threw IP's belongings out of the window into the car park during argument.
VICTIM: Socially isolated, no family in the UK, no recourse to public funds.
INJURIES / CHILDREN: none.""",
"Destroying/throwing out her belongings; victim isolated in temporary accommodation with NRPF - targeted.",
off=("Criminal damage",))

C("medium", "typos", "U2 T1", "",
"""ip says dp keeps txting her at work calling her names, been going on on/off for months. 2 prev calls to police in last 2 yrs for verbal argts (std). dp spoke to, says its 'banter'. no threats. no kids""",
"Ongoing low level texting with previous minor incidents - targeted.",
prior=((620, "standard", "Verbal argument."), (340, "standard", "Verbal argument.")))

C("medium", "reported", "T2", "",
"""She said he'd got all her clothes out of the wardrobe and thrown them out of the bedroom window into the garden in the rain because she'd been out with her friends. She said he didn't touch her. No kids.""",
"Throwing her clothes out in the rain - destruction/intimidation, targeted.")

C("medium", "long", "U1 T3 RC", "",
"""{V} married {P} four years ago; she says she chose to marry him. She lives with her husband and his parents. She explained that the family do not want her to work or go to college, that her husband says her role is to look after the home and his parents, and that decisions are made by her father-in-law and the elders. Tonight she argued with {P} because she had applied for a course without telling him. It was shouting only. She specifically said there had been no threats, no violence and no talk of her being sent abroad. She does not want officers to speak to the in-laws.""",
"Fixed gender roles and attempts to control in a close community where elders' word is final, with no honour-based violence disclosed - targeted.")

C("medium", "structured", "T2 TR1 TP1", "5y:p 7y:p",
"""CIRCUMSTANCES: DP kicked the bathroom door and broke the lock.
CHILDREN: {C1} (5) and {C2} (7) asleep in their bedroom throughout; both checked by officers; did not wake and heard nothing per IP.
SUPPORT: Maternal grandmother lives next door and is very involved with the children daily.
INJURIES: none.""",
"Property damage with children asleep in the home; grandmother is a positive significant other - targeted.",
trap="negated", off=("Criminal damage",))

C("medium", "reported", "T2", "",
"""IP {V} said his partner {P} punched the bedroom door twice and broke the panel while shouting at him about his ex. He said he wasn't touched and he's not scared, but it's not the first time {P} has 'taken it out on the furniture'. No children.""",
"Male partner damaging doors - destruction of property in a same-sex relationship, targeted.",
vs="male", ps="male", off=("Criminal damage",))

C("medium", "long", "U1 TR3", "",
"""{V} lives with {P} and her elderly mother, who has advanced dementia and whom {V} cares for. The argument tonight was about {P} wanting her mother to go into a care home. Both were shouting and {V}'s mother became distressed. There was no physical contact and nothing was damaged. No children. Adult social care carers' support suggested.""",
"Verbal argument in a household with a disabled adult relative - disability issues within the family, targeted.", dash="standard")

C("medium", "long", "U1 T1 TR1 TR2", "6y:pf 8y:pf",
"""This is the third time in two years we've been called to this address for the same thing - {V} and {P} shouting at each other late at night. Tonight's argument was about {P}'s work van. As on previous occasions the two girls were in bed; tonight they were asleep and officers confirmed they had not woken. No physical contact, no damage. I am concerned that the girls are growing up in a house where arguments are constant and that, over time, this atmosphere is likely to affect them emotionally, even though they have not been seen to witness an incident. Both parents were told this.""",
"Repeated minor incidents with children asleep in the home; officer notes likely emotional harm to children - targeted.",
prior=((600, "standard", "Verbal argument late at night."), (280, "standard", "Verbal argument.")))
