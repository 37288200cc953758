# -*- coding: utf-8 -*-
# High cases, batch 2 (hand-written).
from spec import C

C("high", "structured", "T2 HR16", "3y:p 6y:p",
"""CHILDREN'S SOCIAL CARE: Both children are subject to child protection plans (category emotional abuse) since December 2025; allocated SW informed.
CIRCUMSTANCES: DP threw IP's phone and smashed the bathroom mirror during an argument.
CHILDREN: {C1} (3) and {C2} (6) asleep in bed; did not wake.
INJURIES: none.""",
"Property damage in a household where the children are on child protection plans - high.",
off=("Criminal damage",), cp=True, dash="medium")

C("high", "long", "U1 HR17 TR1", "14m:p 3y:p 7y:pm",
"""Officers attended following a report of a loud argument between {V} and {P}. The argument itself was verbal. However, on entering the property officers found the house in a very poor state: dog faeces on the floor of the lounge and children's bedroom, no food in the fridge other than a pint of milk, and the youngest child {C1} (aged 1, 14 months) in a heavily soiled nappy which {V} said had not been changed since the morning. {C3} (7) told officers he had not had any tea. All three children were in the house; {C2} and {C3} were in bed. Duty social worker contacted.""",
"Verbal argument, but clear neglect of the children was found - other forms of maltreatment, high.",
dash="standard")

C("high", "reported", "H10 RS HR6", "",
"""IP said they've been in the hostel since February, no recourse to public funds, she doesn't know anybody in Shrewsbury and doesn't go out much. She said he punched her in the back of the head tonight because she'd eaten the last of the bread. Officers saw a swelling behind her right ear. She kept saying it was her own fault, that he's under a lot of pressure and 'he didn't mean it, he's not dangerous'. No children.""",
"Victim injured by a punch and minimising the risk; isolated in temporary accommodation with NRPF - high.",
off=("Assault occasioning actual bodily harm",), dash="medium")

C("high", "shorthand", "H10 H5 HP1", "8y:p",
"""DP slapped IP & pushed her into door frame - cut to eyebrow. Ch {C1} (8) in room, saw it, crying. IP & {C1} going to stay with IP's mum & sister tonight - IP says family will help her 'get away from him'. DP arrested ABH.""",
"Injury inflicted in front of the child - high, with the victim turning to her family for support.",
off=("Assault occasioning actual bodily harm",), dash="medium")

C("high", "long", "H5 H3 TR2 HP5 HP3", "6y:p 10y:pm",
"""{V} told officers that {P} had been shouting at her and throwing things around the living room in front of the children for about twenty minutes before she managed to get the children upstairs. {C2} (10) told officers 'I hate it when daddy gets like that, I get scared he will hurt mummy'. {V} said she has realised the children are hearing and seeing too much and it is affecting them - {C2} has started wetting the bed again - and that is why she has finally called. She has already had two sessions with the Women's Aid outreach worker and is working through a safety plan with her.""",
"Children witnessed a prolonged episode and the 10-year-old is frightened of his father; mother shows insight and is engaging - high.",
off=("Criminal damage",), dash="standard")

C("high", "structured", "H10 HP6", "5y 9y",
"""CIRCUMSTANCES: DP pushed IP, who fell and sprained her wrist (A&E, strapped).
DP ACCOUNT: DP made full admissions at the scene and in interview, said 'I've got a problem, I can see what it's doing to her and the kids', and has already self-referred to the Building Better Relationships programme through his GP.
CHILDREN: At school.
OUTCOME: Charged common assault.""",
"Victim injured; the abuser acknowledges the abuse and its impact on the children and seeks help - high, protective factor noted.",
off=("Common assault",), dash="medium")

C("high", "third_party", "H5 H6 TP6 HP7", "14y:pf 5y:pm",
"""999 call made by {C1} (14), who said 'my dad is hitting my mum'. Call handler heard a woman screaming. {C1} told officers afterwards she had taken her little brother {C2} (5) into her bedroom, locked the door and put his headphones on, then rang police, which is what her aunt had told her to do 'if it ever happens'. She said her aunt is 'the person I talk to'. {V} had red marks on her upper arms; no other injuries. {P} arrested.""",
"The teenager heard and saw the assault and acted to protect her brother and call police; the aunt is a supportive significant other - high.",
off=("Assault by beating",), dash="medium")

C("high", "typos", "H10 H3", "",
"""both 17 and 16, {P} is ip's boyfriend of 8 months. at his house he grabbed her round the throat with both hands and pushed her onto the bed, she said she couldnt breath for a few seconds. marks on her neck seen by her mum after. ip now really scared of him, wont go to college incase hes there. strangulation. college DSL aware""",
"Peer-relationship strangulation with marks, and the victim is frightened - high.",
rel="young_people_partners", va=16, pa=17, off=("Non-fatal strangulation",), dash="high")

C("high", "reported", "H10 H4", "",
"""Male IP {V} said his girlfriend {P} grabbed the kitchen scissors and stabbed him in the forearm during the row, then held them up and said 'next time it'll be your neck'. Officers saw a puncture wound which was dressed by paramedics. No children.""",
"Male victim stabbed and threatened with serious harm - high.",
vs="male", ps="female", off=("Wounding with intent", "Threats to kill"), dash="high")

C("high", "structured", "H10 H4 HR3", "",
"""PARTIES: {V} (58, mother), {P} (29, son, lives with her).
CIRCUMSTANCES: Son, under the influence of crack cocaine (daily user per mother), demanded money. When refused he punched her in the face and said he would 'burn the house down with her in it'.
INJURIES: Bruising to right cheekbone.
CHILDREN: none.""",
"Adult son injured his mother and threatened serious harm, with ongoing drug misuse - high.",
rel="family_member", va=58, pa=29, ps="male", off=("Assault occasioning actual bodily harm", "Threats to commit criminal damage"), dash="high")

C("high", "long", "H2 HR5 H3 HR11", "",
"""{V} ended her relationship with {P} in January. Since then she estimates he has sent her more than 400 messages across WhatsApp, text and email; when she blocked him he set up at least five fake Instagram and TikTok accounts to message her and comment on her posts, and he has messaged her colleagues on LinkedIn. He posts about her whereabouts ('nice lunch at Costa today?') which she says shows he is watching her. He is currently on police bail for harassment with a condition not to contact her directly or indirectly. She has changed her routine and says she is frightened to leave the house.""",
"Sustained online stalking after separation in breach of bail, with the victim in fear - high.",
rel="ex_partner", off=("Stalking involving fear of violence",), dash="high")

C("high", "reported", "H8", "",
"""IP said she found out he'd put a tracking app on her phone when she noticed he always knew where she was - he'd text 'why are you at Tesco' before she'd told him. She said he checks her location 'all day' and if she goes somewhere he hasn't agreed he takes her car keys. They still live together. No children.""",
"Covert location tracking and removing her car keys - controlling behaviour, high.",
off=("Controlling or coercive behaviour",), dash="medium")

C("high", "long", "T2 H5 H3 HP7", "4y:p 9y:pf",
"""Officers attended after a call from {V}. {P} had smashed a dining chair against the wall during an argument, with both children in the room. {C2} (9) spoke to officers in her bedroom and said 'I'm scared of my dad when he's shouting, he broke the chair, I thought he was going to hit mummy'. {C1} (4) was clinging to {V}. {C2} said she talks to her nan about everything and her nan is 'my best friend'. No one was physically hurt.""",
"Children witnessed the damage and the 9-year-old reports being frightened of her father - high.",
off=("Criminal damage",), dash="standard")

C("high", "shorthand", "H4 H3", "",
"""DP told IP 'I'll throw acid in your face so no one else will want you'. Said twice, witnessed by IP's friend on speakerphone. IP terrified. DP no access to acid found on search. No ch.""",
"Threat of serious disfiguring harm and the victim is terrified - high.",
off=("Threats to cause serious harm (Malicious Communications)",), dash="high")

C("high", "structured", "H7 H3", "",
"""DISCLOSURE: IP disclosed that DP regularly pressures her into sex when she does not want to and last night forced her to have sex after she said no. She says he threatens to leave her with nothing and tell her family 'what she's really like' if she refuses.
VICTIM: Frightened, tearful. SARC appointment arranged.
CHILDREN: none.
PNC: DP no previous convictions, no weapons involved.""",
"Sexual coercion and threats used to punish and frighten - coercive behaviour, high.",
off=("Rape",), dash="high", trap="negated")

C("high", "reported", "H7 H8 HP3", "3y 6y",
"""She said he tells her if she ever leaves he'll ring social services and tell them she's a bad mum and get the kids taken off her. She said he makes her ask permission to go to the shop and calls her 'thick' and 'fat' in front of his friends. She said she's been going to the Freedom Programme at the children's centre and it's helped her see it. Kids at nursery/school.""",
"Threats about removal of the children, humiliation and permission-seeking - coercive and controlling behaviour, high, with the victim engaging with support.",
off=("Controlling or coercive behaviour",), dash="medium")

C("high", "long", "T2 HR2", "",
"""{P} has a diagnosis of schizophrenia and is under the community mental health team; {V} said he stopped taking his depot injection about a month ago and has been increasingly paranoid, accusing her of poisoning his food. Tonight he threw his dinner plate at the wall and pushed past her, knocking her into the door. No injuries. No children. CMHT informed.""",
"Pushing and damage by an abuser with serious untreated mental illness - high.",
off=("Common assault",), dash="medium")

C("high", "shorthand", "T2 HR3", "11y",
"""IP alcohol dependent - drinking from morning per DP & own admission, 2 detox attempts. DP pushed IP during argt about her drinking. No injs. Ch {C1} (11) at grandparents' (stays there most weekends). """,
"Push in a household where the victim is alcohol dependent - substance misuse raises targeted to high.",
off=("Common assault",), dash="standard")

C("high", "reported", "H4 HR4 H3", "",
"""IP said he told her 'if you leave me I'll kill you and then I'll kill myself, I've got nothing to live for' and he's said it before. She said he has been talking about ending it a lot lately and last week he was found by the river by his brother. She's scared.""",
"Threat to kill her then himself with recent suicidal behaviour - homicidal/suicidal intent, high.",
off=("Threats to kill",), dash="high")

C("high", "structured", "T2 HR1 TR1", "11y:pdf",
"""CHILDREN: {C1} (11) has severe autism and is non-verbal; she was in her bedroom with her iPad and did not come out.
CIRCUMSTANCES: DP kicked the kitchen bin across the room and put his fist through a cupboard door during an argument about respite care.
INJURIES: none.""",
"Property damage in a home with a severely disabled child - disability raises targeted to high.",
off=("Criminal damage",), dash="standard")

C("high", "shorthand", "T2 H5", "6y:p 8y:p",
"""DP pushed IP in kitchen. Ch both in kitchen & saw. No weapons seen or mentioned. No injs. IP denies any strangulation. IP not pregnant. DP arrested.""",
"Children witnessed the push; the negated weapons, injury and strangulation questions do not apply - high.",
trap="negated", preg=False, off=("Common assault",), dash="standard")

C("high", "long", "H10 H3", "",
"""{V} attended A&E with a fractured cheekbone and told staff her partner {P} had punched her repeatedly. Police attended the hospital. She said she is very frightened of him. There are no children in the household. PNC shows {P} has no previous convictions and there are no previous DA reports between them; {V} said this was the first time he had ever been violent. There are no pets.""",
"Serious injury with the victim in fear - high; the negated history, convictions, children and pets do not apply.",
trap="negated", off=("Grievous bodily harm",), dash="high")

C("high", "reported", "H1 H2 HR5", "",
"""IP said since she left him in November he's turned up at her mum's, at her work and outside the gym, and keeps ringing from withheld numbers. She said it's getting worse - at first it was a couple of calls a week, now he's outside her work most days. She said 'if he keeps it up I'll go for an injunction' but she hasn't been to a solicitor yet. She's moved in with her mum.""",
"Escalating turning up and calls after separation - stalking and harassment, high; the injunction is only hypothetical.",
rel="ex_partner", trap="hypothetical", off=("Harassment",), dash="medium")

C("high", "structured", "H8 HR8", "4y 7y",
"""DISCLOSURE: DP does not let IP see her family - he says they are 'poison'. IP has not seen her parents for 14 months. DP deleted her Facebook and changed the wifi password so she can only go online on his phone.
SAFETY ADVICE: Officer advised IP that if DP ever threatens to take the children she should call 999 straight away. IP states he has never threatened to take the children.
CHILDREN: At school / nursery.""",
"Cutting her off from family and online contact - controlling behaviour and isolation, high; abduction mention is only advice.",
trap="hypothetical", off=("Controlling or coercive behaviour",), dash="medium")

C("high", "reported", "H10", "",
"""She said he'd kicked her in the leg so hard she couldn't walk properly - officers saw bruising to the thigh. She said her sister, who lives with them, is pregnant and was upstairs; the sister wasn't involved. She said she herself isn't pregnant. No kids.""",
"Victim injured by a kick; the pregnancy is the sister's, not the victim's - high.",
trap="other_person", preg=False, off=("Assault occasioning actual bodily harm",), dash="medium")

C("high", "long", "T2 H5", "7y:p 12y:p",
"""Officers attended following a call from {V}. {P} had shoved her out of the way in the hall and kicked the lounge door, with both children watching from the stairs. {V}'s friend {X}, who had popped round, was present and gave a statement; during it she mentioned that her own ex-partner strangled her last year and 'this is how it started with him' - that matter is unconnected and historic. {V} has no injuries and no strangulation is alleged.""".replace("{X}", "Jade"),
"Children watched the push and damage; the strangulation belongs to a friend's separate relationship - high.",
trap="other_person", off=("Common assault",), dash="standard")

C("high", "shorthand", "H4 H3", "",
"""DP threatened to stab IP - 'I'll cut you'. IP scared. DP had a cannabis problem as a teenager (over 10 yrs ago), none since per IP & DP. Both sober tonight. PNC no trace. No ch.""",
"Threat to stab the victim who is frightened - high; the perpetrator's drug use is historical and he has no convictions.",
trap="historical", off=("Threats to kill",), dash="high")

C("high", "reported", "H10", "",
"""IP said they split up for a few weeks back in 2015 but got back together and have been fine since, 'no breaks, we're solid'. She said tonight he headbutted her when she said she was going to her mate's. Officers noted a cut to the bridge of her nose. No children.""",
"Victim injured by a headbutt; the separation was brief and long ago - high.",
trap="historical", off=("Assault occasioning actual bodily harm",), dash="medium")

C("high", "structured", "H4 H3", "",
"""CIRCUMSTANCES: DP said he would 'snap her neck' and 'bury her where no one would find her' during argument.
ANIMALS: Family cat hid under the bed; no harm to any animal alleged or seen.
VICTIM: Very frightened, wants to leave.
CHILDREN: none.""",
"Explicit threats to kill and the victim is frightened - high; no animal was harmed.",
trap="negated", off=("Threats to kill",), dash="high")

C("high", "long", "H10 H5", "10y:pm",
"""{V} works as a specialist support worker for women affected by FGM and forced marriage, and was on a work call when {P} came home. He grabbed her phone, threw it, then slapped her across the face, causing a red swollen mark. Their son {C1} (10) was in the room and saw this. {V} was clear that there are no honour-based, FGM or forced marriage concerns in her own family - that is only her job.""",
"Victim injured in front of her son - high; the FGM/forced marriage references relate only to her job.",
trap="other_person", off=("Assault by beating",), dash="medium")
