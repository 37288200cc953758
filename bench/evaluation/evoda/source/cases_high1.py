# -*- coding: utf-8 -*-
# High cases, batch 1 (hand-written).
from spec import C

C("high", "shorthand", "T2 H5 HP4", "7y:pf 9y:pf",
"""IP/DP argt in lounge, DP pushed IP twice, she fell against armchair. Ch {C1} (7) & {C2} (9) sat on sofa & saw it all - {C2} said 'daddy pushed mummy'. No injs. IP v protective of the girls, took them upstairs & settled them before police arr. DP arrested.""",
"Children directly witnessed their mother being pushed - high.",
off=("Common assault",), dash="standard")

C("high", "long", "T2 H5 H6 HR9 HP7", "12y:pim 6y:p",
"""Officers attended following a call from {V}. She stated that {P} had come home angry and, during an argument in the hallway, grabbed her by both arms and pushed her into the coat hooks. Her eldest son {C1} (12) came out of the lounge and tried to pull {P} off his mum, shouting at him to stop, and {P} shoved him away so that {C1} fell against the radiator and grazed his elbow. The younger child {C2} (6) was in the lounge doorway crying. {V} has no visible injuries. {C1} told officers he 'always sticks up for mum' and that he talks to his uncle {X}, who he sees every weekend, about things at home. {P} left before officers arrived and has been circulated.""".replace("{X}", "Gary"),
"Children saw the assault and the 12-year-old was hurt intervening to protect his mother - high.",
off=("Common assault",), dash="medium")

C("high", "structured", "H10 HP3", "",
"""CIRCUMSTANCES: DP punched IP once to the face during an argument about money.
INJURIES: Swelling and bruising to left eye; IP declined hospital; photographed.
CHILDREN: none.
VICTIM: IP is already engaging with the IDVA following an earlier disclosure to her GP and asked for safety planning advice, which was given.
DP: Arrested ABH.""",
"Victim injured by a punch to the face - high, although she is engaging with support.",
off=("Assault occasioning actual bodily harm",), dash="medium")

C("high", "reported", "H10 H3", "",
"""She said he'd put his hands round her neck and squeezed, pinning her against the fridge, and she couldn't breathe or shout, and she thought she was going to pass out. She said he let go when her phone rang. Officers noted red marks and scratches on both sides of her neck. She said 'I'm terrified of him now, I really thought that was it.' She said she isn't pregnant and they haven't got any children together or living with them.""",
"Non-fatal strangulation with marks to the neck and the victim frightened for her life - high.",
off=("Non-fatal strangulation",), dash="high", trap="negated", preg=False)

C("high", "typos", "H4 H3 TR1 RA", "3y:p",
"""ip says dp got a knife out of the kitchen drawer during argument, held it up at her and said "ill f***ing kill you, you wont see tomorrow". ip ran into the garden and rang 999. ip very scared, shaking. ch {C1} (3) asleep upstairs didnt wake. dp arrested at scene, knife recovered from worktop.""",
"Knife produced with an explicit threat to kill and the victim terrified, toddler in the home - high.",
off=("Threats to kill", "Possession of an offensive weapon"), dash="high")

C("high", "reported", "H4 HR5 HP1", "5y 8y",
"""IP said she left him at Christmas and since then he's been ringing her. She said last night on the phone he told her that if she doesn't let him come back he will 'kill her and the kids and then there'll be no family for anyone'. She said he sounded calm which frightened her more. The children were asleep and did not hear the call. She is taking the children to stay with her parents and brother, who she says will look after them.""",
"Threat to kill the victim and the children after a recent separation - high.",
rel="ex_partner", off=("Threats to kill",), dash="high")

C("high", "long", "H2 HR5 HP2", "",
"""{V} separated from {P} four months ago. Since then he has turned up at the supermarket where she works on at least six occasions and sits in his car in the staff car park, has been seen walking past her new flat late at night, and she recently found an Apple AirTag taped inside the rear bumper of her car, which she believes he put there to track her. He has messaged her friends asking where she is. She has been to a solicitor and has an appointment next week to apply for a non-molestation order. She has handed the AirTag to officers.""",
"Persistent following, watching and covert tracking by an ex-partner after separation - stalking, high.",
rel="ex_partner", off=("Stalking",), dash="high")

C("high", "structured", "H7 H8 H13 HR8", "",
"""DISCLOSURE: IP disclosed that DP takes her wages every month and gives her £20 a week 'for the bus and bits'. He keeps her bank card and checks every receipt. She is not allowed to see her sister or her friends; he drives her to work and collects her. She has no phone of her own - he took it in January.
INCIDENT: Tonight he shouted at her for buying a coffee and, to 'teach her a lesson', kicked her cat across the hallway in front of her.
CHILDREN: none.""",
"Economic control, isolation, and kicking her cat to punish her - controlling and coercive behaviour and animal cruelty, high.",
off=("Controlling or coercive behaviour",), dash="medium")

C("high", "shorthand", "H1 H10 T1", "",
"""Prev 3x verbal only (std) over last 2 yrs. Tonight first physical - DP slapped IP across face & pulled her hair. Red mark L cheek, clumps of hair on floor. Pattern now escalating - verbal to physical. No ch. Arrested.""",
"First physical assault after a series of verbal incidents, with injury - escalation, high.",
off=("Assault by beating",), dash="medium",
prior=((700, "standard", "Verbal argument."), (400, "standard", "Verbal argument."), (150, "standard", "Verbal argument, DP left.")))

C("high", "structured", "U1 T1 H9", "",
"""HISTORY: This is the 6th call from this address in 4 months (all verbal arguments between IP and DP, graded standard).
CIRCUMSTANCES: Another verbal argument tonight, DP refusing to leave.
CHILDREN: none.
OUTCOME: DP left with officers.""",
"Six call-outs in four months - frequent requests for police intervention, high.",
prior=((110, "standard", "Verbal argument."), (90, "standard", "Verbal argument."), (70, "standard", "Verbal argument."), (45, "standard", "Verbal argument."), (20, "standard", "Verbal argument.")),
dash="standard")

C("high", "reported", "U1 H11 H12", "4y 7y",
"""IP said the row tonight was just shouting, about his ex. But she said what worries her is that ten years ago, in his previous relationship, he held a knife to his ex-partner and went to prison for it - she only found out last month. PNC confirms conviction for assault and possession of a bladed article 2016 (victim ex-partner). Kids were at school.""",
"Verbal row now, but the abuser has a conviction for knife violence against a previous partner - history of violence with previous partners and criminal history, high.",
dash="medium")

C("high", "shorthand", "T2 H11 H12", "",
"""DP pushed IP into wall during argt, no injs. DP on licence - released Nov 25 for robbery; previous for burglary, affray, & ABH on ex-partner 2019. Offender manager informed. No ch.""",
"Push by an abuser on licence with convictions including violence to an ex-partner - high.",
off=("Common assault",), dash="medium")

C("high", "long", "H13 H3", "9y:m",
"""Neighbour reported hearing a dog yelping. Officers attended and {V} said {P} had kicked their spaniel across the kitchen because it had barked while he was on the phone, and when she shouted at him he picked the dog up by the scruff and threw it into the garden. The dog was limping and was taken to the vet by {V}'s father. {V} said she is scared of what he will do next: 'if he can do that to the dog...'. Their son {C1} (9) was at a friend's house. RSPCA informed.""",
"Deliberate violence towards the family dog and the victim is afraid of him - high.",
off=("Causing unnecessary suffering to an animal",), dash="medium")

C("high", "structured", "H4 H8 H14 RC", "",
"""PARTIES: {V} (19) and her father {P} (50).
CIRCUMSTANCES: {V} disclosed that her family have arranged for her to marry a cousin in Pakistan this summer and that her passport has been taken. When she said she would not go, her father told her she would 'bring shame on the family' and that if she refused 'she would not be his daughter and would not be safe'. Her uncles have been to the house to speak to her. The family are part of a close community and she says the elders support the marriage.
ACTIONS: Forced Marriage Unit contacted. {V} placed in safe accommodation.""",
"Forced marriage with threats to her safety in the name of family honour - cultural indicator, high.",
rel="family_member", va=19, pa=50, off=("Forced marriage (attempt)",), dash="high")

C("high", "long", "H3 H4 H14 HR7", "6y:f",
"""{V} contacted police because her husband {P} has told her that he and his mother are taking their daughter {C1} (6) to Sudan in the summer holidays 'to be done', which {V} understands to mean female genital mutilation. When {V} said she would not allow this, {P} told her he would take {C1} anyway and she would never see her again. {V} is very frightened. {C1} is at school and unaware. FGM Protection Order being considered.""",
"Threat to take the child abroad for FGM and to remove her permanently - cultural indicator and abduction threat, high.",
off=(), dash="high")

C("high", "reported", "T2 HR1 TR1 HP5", "3m:p",
"""She said he'd shoved her into the bedroom door when she told him to keep his voice down because the baby was asleep. She said {C1} is 3 months and was asleep in the moses basket downstairs and didn't wake. She had no marks. He went out after that. She said she knows {C1} can't grow up around this and she's told him he can't come back.""",
"Push with a three-month-old baby in the home - infant under 12 months raises targeted to high.",
off=("Common assault",), dash="standard")

C("high", "structured", "T2 HR14 HP6", "",
"""CIRCUMSTANCES: DP pushed IP onto the sofa during argument about his family.
VICTIM: 24 weeks pregnant; no injury; no abdominal pain; advised to contact maternity triage if any concerns.
CHILDREN: none.
DP: Admitted the push in interview, said 'I don't want my baby born into this', and asked for a referral to a perpetrator programme - accepted.
OUTCOME: DP arrested common assault.""",
"Push on a pregnant victim - pregnancy raises targeted to high.",
preg=True, off=("Common assault",), dash="medium")

C("high", "long", "U1 HR2 HR3 HR17 TR1", "4y:p 10y:pm",
"""Call from {V} who said she and {P} were arguing and he was 'out of his head'. {P} had been drinking since lunchtime; {V} said he drinks most days and has lost his job because of it. The argument was verbal, with a lot of shouting and swearing. {V} herself has severe depression and is currently under the home treatment team after an overdose in February. Both children were in bed upstairs and were asleep when officers checked; their beds had no sheets and there was no food in the house, and {C2} told officers he makes his own tea most nights. There was no physical violence.""",
"Domestic abuse, serious maternal mental illness and paternal alcohol misuse together, with signs of neglect - toxic trio, high.",
dash="standard")

C("high", "shorthand", "T2 HR2 HR3", "",
"""DP pushed IP over. DP using cocaine daily per IP & has paranoid episodes - currently under EIP (early intervention in psychosis) team. No injs. No ch. DP arrested, MH assessment in custody.""",
"Pushing plus the abuser's cocaine misuse and active psychosis - toxic trio, high.",
off=("Common assault",), dash="medium")

C("high", "reported", "U1 HR4 H3", "",
"""IP said that during the argument he went into the garage and came back with a rope and said he was going to hang himself and it would be her fault. She said last week he took a load of tablets after they rowed and ended up in A&E. She said she is scared of what he'll do to himself and to her. MH crisis team informed.""",
"Recent suicide attempt and threats used against the victim, who is frightened - high.",
dash="high")

C("high", "typos", "T2 HR5", "10y 13y",
"""ip and dp split 6 wks ago, ip in new flat. dp turned up 23:00, ip says he wasnt drunk just angry, and kicked her front door til the glass panel smashed shouting to be let in. left b4 police. no injuries. kids asleep at ip's mums that night""",
"Ex-partner kicked in the glass of her door six weeks after separation - intimidation with separation raising to high.",
rel="ex_partner", off=("Criminal damage",), dash="medium")

C("high", "long", "H10 H5 HR6", "5y:p 8y:p",
"""Officers attended after a neighbour reported screaming. {V} had a cut to her lip and swelling to her cheek. The children {C1} (5) and {C2} (8) were in the lounge and {C2} told officers 'daddy hit mummy in the kitchen and she was crying'. Despite this, {V} repeatedly told officers it was 'nothing', that she had walked into the door, that {P} is 'a brilliant dad' and the kids 'didn't see anything, they're fine'. She declined to provide a statement and asked officers to leave.""",
"Victim injured in front of the children, who describe it, while she minimises the risk and the impact on them - high.",
off=("Assault occasioning actual bodily harm",), dash="medium")

C("high", "reported", "H4 HR7 HR5 HR15 H3", "2y:m 5y:m",
"""IP said since they separated in March he keeps telling her he's going to take the boys to Ireland to his family and she'll never find them. She said yesterday he turned up at nursery and tried to collect {C1} without telling her - nursery refused as he's not on the list. She said during his contact weekends he sends her abusive messages demanding she collect the boys early and then says he won't bring them back. She said she's frightened to let them out of her sight.""",
"Threats and an attempt to abduct the children after separation, with the victim frightened - high.",
rel="ex_partner", dash="high")

C("high", "structured", "H8 HR8 RL", "",
"""DISCLOSURE: IP came to the UK from Vietnam 18 months ago to marry DP. She speaks very little English and cannot read it; DP holds her passport and all documents and she does not know her visa status. She is not allowed to leave the flat without him, has no money of her own and has no contact with her family at home - DP took her phone.
INCIDENT: Shopkeeper raised concern after IP wrote 'help' on a receipt.
CHILDREN: none.""",
"Confinement, removal of documents, money and phone, isolation from family, language barrier and uncertain status - controlling, high.",
off=("Controlling or coercive behaviour",), dash="high")

C("high", "long", "H6 HR9 H5 HP4", "4y:pim 9y:pm",
"""During an argument in the kitchen {P} threw a glass tumbler at {V}. It missed her and struck their son {C1} (4), who was standing by the table, on the forehead, causing a small cut that bled heavily. {C2} (9) was also in the kitchen and saw it happen. {C1} was taken to A&E and given steri-strips. {V} was not injured. {V} comforted both boys throughout and officers noted how warm and attentive she was with them. {P} left the address and has been arrested.""",
"Child struck and cut by a glass thrown during the abuse, with his brother watching - high.",
off=("Assault occasioning actual bodily harm",), dash="high")

C("high", "shorthand", "T1 H1 H10 HR10", "",
"""IP says it started w/ pushing last yr, then a slap a few months ago, now punching - worse each time, never reported before. Tonight DP punched IP in ribs x2. IP bruising L side, pain on breathing, taken to hosp - no fracture. DP in interview laughed, said 'she bruises like a peach', 'she deserved it for mouthing off'. No remorse. No ch.""",
"Unreported abuse escalating from pushing to punching, injury, and no empathy shown - high.",
off=("Assault occasioning actual bodily harm",), dash="high")

C("high", "structured", "T1 H9 HR11 HR5 H2 HP2", "6y",
"""ORDERS: IP has a non-molestation order (granted Jan 2026) prohibiting DP from contacting her or attending her address.
CIRCUMSTANCES: DP attended IP's address at 21:30, banged on the windows and shouted through the letterbox. Later sent 14 messages via a friend's Instagram account.
CHILDREN: {C1} (6) asleep at IP's parents'.
HISTORY: 5th call to police about DP in six weeks.
OUTCOME: DP arrested for breach of NMO.""",
"Ex-partner breaches a non-molestation order, the fifth police call in six weeks; victim uses protective orders - high.",
rel="ex_partner", off=("Breach of non-molestation order",), dash="high",
prior=((40, "medium", "DP attended address, refused to leave."), (31, "medium", "Abusive messages."), (22, "high", "DP followed IP from work."), (9, "high", "DP banged on door; NMO served.")))

C("high", "reported", "T2 HR12", "",
"""IP said he grabbed her wrist and pulled her back into the room when she tried to walk away, no mark. She said she grew up with her dad beating her mum and she 'swore she'd never end up like this'. No children.""",
"Grabbing/pulling with no injury; the victim was exposed to domestic abuse in childhood - raises targeted to high.",
off=("Assault by beating",), dash="standard")

C("high", "long", "T2 H8 HR13", "",
"""{V} uses a wheelchair due to multiple sclerosis and relies on {P} for much of her personal care. Tonight during an argument he took the remote control for her riser-recliner chair and put it out of reach, then pushed her wheelchair into the bedroom and shut the door, leaving her there for about an hour. She was not physically hurt. She called police from her mobile. Adult safeguarding referral made.""",
"Confining and intimidating a disabled, dependent victim who is a vulnerable adult - controlling behaviour, high.",
off=("Controlling or coercive behaviour",), dash="medium")

C("high", "third_party", "HR15 HR5 H5 T2", "7y:pf",
"""Call from the contact centre supervisor. At handover of {C1} (7) for supervised contact, {P} became angry with {V} about the time, grabbed her arm and pulled her towards him, shouting, while {C1} was holding {V}'s hand. Staff intervened. No visible injuries. {C1} was upset and said she didn't want to go with daddy.""",
"Assault at a child contact handover in front of the child after separation - high.", loc="Child contact centre, Worcester",
rel="ex_partner", off=("Common assault",), dash="standard")
