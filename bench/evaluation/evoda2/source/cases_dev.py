# Hand-written dev cases 0001-0060. Keys: n, grade, force, style, trap, dash, rel, v/p (sex+age),
# kids ("<age><f|m|u><P present><D disabled><I injured>"), preg, off, prior (months_ago, grade, summary),
# cp (open CP plan), nar (narrative; {V} {P} {C1}.. are filled in by build.py), ind (matrix keys), why.
CASES = [
dict(n=1, grade="standard", force="WYP", style="very_short", trap="negation", dash="standard", rel="partner",
 v="f29", p="m31", kids=["8f", "6m"], t="22:40",
 nar="DA verbal only. Nil kids present (both at MGM's overnight). No assaults disclosed, nil injuries, nil weapons. Words of advice both parties. V/S declined. NFA.",
 ind=["S_VERBAL"],
 why="A verbal argument only, with the children away at their grandmother's, so nothing beyond the universal column."),
dict(n=2, grade="high", force="MER", style="cad_log", dash="high", rel="partner", v="f34", p="m38",
 kids=["7mP", "3fP"], t="23:02", off=["Threats to kill", "Assault occasioning actual bodily harm", "Possession of a bladed article"],
 nar="""CAD 2311 {D2}
23:02 CALL RECVD - FEMALE CALLER HYSTERICAL, STATES PARTNER HAS KNIFE FROM KITCHEN
23:03 CALLER STATES "HE SAID HE IS GOING TO KILL ME" - LINE OPEN, MALE HEARD SHOUTING IN BACKGROUND
23:04 2 X CHILDREN AT ADDRESS, CALLER STATES KIDS ON LANDING AND CAN HEAR EVERYTHING
23:05 GRADE 1 - UNITS ASSIGNED
23:11 UNITS ON SCENE. MALE DETAINED IN HALLWAY, KNIFE RECOVERED FROM FLOOR
23:20 IP HAS LACERATION TO LEFT PALM, NWAS REQUESTED. IP STATES SHE GRABBED THE BLADE WHEN HE CAME AT HER
23:34 IP STATES SHE IS TERRIFIED OF HIM
23:41 MALE CONVEYED TO CUSTODY. OIC PC 4471
23:58 DASH COMPLETED - HIGH. MARAC REFERRAL TO FOLLOW""",
 ind=["H_THREAT", "H_INJURY", "H_FEAR", "H_WITNESS", "RM_PRESENT", "R_AGE"],
 why="Threat to kill with a knife, an injury, stated fear and both children hearing it put this in the high column."),
dict(n=3, grade="medium", force="TVP", style="bullets", dash="standard", rel="partner", v="f36", p="m37",
 kids=["9f", "6m"], t="11:10", date="2026-09-15", off=["Criminal damage"],
 prior=[(14, "standard", "Verbal argument, words of advice")],
 nar="""Summary of incident:
- Argument over money at approx 1100 hrs at home address.
- DP pushed IP back against the fridge with both hands. No injury, IP does not want to make a complaint of assault.
- DP then threw IP's mobile on the floor and stamped on it, screen smashed.
- Children were at school at the time.
- One previous DA incident on our systems, verbal only, last year.
- IP accepts referral to the local DA outreach service and happy to be contacted.
- DP left address prior to police arrival. Not located.""",
 ind=["M_INTIM", "M_HIST", "PM_ADVICE"],
 why="A push and a smashed phone with one earlier verbal incident is intimidation with a history, and the children were at school."),
dict(n=4, grade="standard", force="DCP", style="victim_quote", trap="hypothetical", dash="standard", rel="partner",
 v="f41", p="m44", kids=["12f", "10m"], t="21:15",
 nar="""Officers attended after a neighbour reported shouting. IP gave the following account, recorded in her words:
"We were shouting at each other about his mum coming for Christmas, it just got loud, I know it did. He's never laid a finger on me, not once in nine years. I've always said to him, if you ever hit me I'm gone, and he knows I mean it. The kids were at their dad's this weekend so they didn't hear any of it, thank God. We're fine now, honestly, I'm sorry you were called out."
Both parties calm. No offences disclosed. Words of advice.""",
 ind=["S_VERBAL"],
 why="A loud argument only; the hitting is hypothetical and the children were away at their father's."),
dict(n=5, grade="high", force="WYP", style="bwv_summary", dash="high", rel="partner", v="f24", p="m27",
 kids=["0.33fP"], t="01:30", off=["Intentional strangulation", "Assault occasioning actual bodily harm"],
 nar="""BWV summary (PC 3318, footage retained): On arrival IP opened door holding baby {C1} (4 months). IP crying, red marks visible on both sides of her neck, photographed. IP states {P} came in from the pub very drunk, accused her of messaging someone and put both hands around her throat against the bedroom wall while {C1} was in her cot in the same room. IP states "I thought I was going to die, I'm scared of what he'll do when he gets out." {P} located in kitchen, slurring, smelling strongly of intoxicants, arrested. Baby appeared unharmed, checked by paramedics.""",
 ind=["H_INJURY", "H_FEAR", "H_WITNESS", "RM_PRESENT", "R_AGE", "RH_VULN", "RH_SUB"],
 why="Non-fatal strangulation with marks, fear, a four-month-old in the room and a drunk perpetrator is high."),
dict(n=6, grade="standard", force="GMP", style="non_native_english", dash="standard", rel="partner", v="f33", p="m35",
 kids=[], t="23:50",
 nar="Attended to address after call from female. Male and female was arguing very loud about he is coming home late from the work and not telling. No any violence was happen, both parties is saying only words. No children is living at address. Female not wish any support, she say is fine and it is first time police come. Male leave to stay with friend for one night by his own decision. Advice given to both.",
 ind=["S_VERBAL"],
 why="A first, verbal-only argument between adults with no children; universal level."),
dict(n=7, grade="medium", force="ASP", style="standard_prose", trap="other_person", dash="standard", rel="ex_partner",
 v="f31", p="m34", kids=["11m"], t="20:05", same_addr=False, off=["Malicious communications"],
 nar="IP reports that her ex-partner {P}, from whom she separated five years ago, sent her around fifteen WhatsApp messages over the evening about child maintenance, calling her a leech and a liar and saying she would 'regret taking the mick'. IP does not take this as a threat to harm her but feels he is trying to wear her down. {C1} (11) lives with IP and was at football training; he has not seen the messages. {P} was driven to IP's street earlier by his brother, who IP says has a conviction for wounding; {P} himself has no convictions recorded. {P} did not get out of the car. IP's parents live two streets away and she is staying with them tonight; they are very supportive.",
 ind=["M_INTIM", "PM_SUPPORT"],
 why="Bullying messages from a long-separated ex are medium; the wounding conviction belongs to his brother, not the abuser."),
dict(n=8, grade="high", force="TVP", style="abbrev_heavy", trap="negation", dash="medium", rel="partner", v="f28", p="m30",
 kids=["6f", "4m"], t="19:25", date="2026-11-08", off=["Assault occasioning actual bodily harm", "Breach of pre-charge bail"],
 prior=[(3, "medium", "Assault on IP (slap); DP on pre-charge bail not to attend IP's address")],
 nar="SOH. IP states DP grabbed her by the hair and dragged her across the lounge. IP has bruising to R upper arm, photographed on BWV. DP arrested, in custody. DP currently on pre-charge bail for assault on IP (Aug) with cond not to attend IP's address - this is a breach. IP states no children were present, both with MGM since Fri. OIC PC 2290. DASH medium. VPS to be taken.",
 ind=["H_INJURY", "H_HISTVIOL", "RH_BREACH", "R_AGE"],
 why="An assault with bruising, earlier violence and a breach of bail make this high even though the children were away."),
dict(n=9, grade="standard", force="DCP", style="cad_log", dash="standard", rel="partner", v="f52", p="m55",
 kids=[], t="19:40",
 nar="""19:40 CALL FROM NEIGHBOUR RPTG RAISED VOICES FROM FLAT BELOW, MALE AND FEMALE
19:41 NO SOUNDS OF DISTURBANCE OR SCREAMING PER CALLER
19:52 OFFICERS ON SCENE
20:03 COUPLE STATE ARGUMENT OVER HIS DAUGHTER'S WEDDING ARRANGEMENTS. BOTH CALM, NO INJURIES, NO OFFENCES. NO CHILDREN RESIDE
20:06 NO PREVIOUS ON SYSTEMS
20:10 WORDS OF ADVICE, RESULT CODE DA-NFA""",
 ind=["S_VERBAL"],
 why="A first verbal argument between adults with no children and no history."),
dict(n=10, grade="high", force="MER", style="victim_quote", dash="medium", rel="partner", v="f30", p="m36",
 kids=["2mP"], t="21:45", off=["Controlling or coercive behaviour", "Criminal damage"],
 nar="""IP disclosed the following in her own words on BWV:
"He has my bank card. I get twenty pound a week for the shopping and I have to show him the receipts. He took the car keys off me in the summer so I can't drive to my mum's. He goes through my phone every night, every message. I'm not allowed to see my friend Sarah anymore since she told me to leave him. Tonight I rang my mum when he was in the shower and when he found out he threw my phone in the sink and said that's what happens when I go behind his back. {C1} was asleep upstairs, he didn't wake up. I'm going to my mum's tomorrow for a few days."
DP denies all and states IP is 'making it up for attention'.""",
 ind=["H_CONTROL", "H_COERCE", "M_INTIM", "RH_ISOL", "RH_EMPATHY", "RM_PRESENT", "R_AGE", "PH_SEEK"],
 why="Control of money, car keys, phone and friends with punishment for contact with her mother is coercive control, high."),
dict(n=11, grade="medium", force="GMP", style="bwv_summary", dash="standard", rel="partner", v="f39", p="m41",
 kids=["15m", "13f"], t="17:20", off=["Criminal damage"],
 nar="BWV reviewed. Couple argued over his money being spent at the bookies. {P} kicked a hole in the bedroom door and pulled the TV off the wall, which smashed. No contact with {V}. Children {C1} (15) and {C2} (13) were at the leisure centre and came home after police arrived; {C1} then rang his aunt and arranged for himself and his sister to stay at hers, which officers thought sensible. {V} agrees to a referral to the DA service and to speak to an outreach worker. No previous DA reports for the couple.",
 ind=["M_INTIM", "PM_COPING", "PM_ADVICE"],
 why="Damage to property with no assault and the children out of the house is medium, with the eldest using a sensible protective plan."),
dict(n=12, grade="standard", force="ASP", style="standard_prose", dash="standard", rel="ex_partner", v="f26", p="m27",
 kids=[], t="14:30", same_addr=False, loc="Online",
 nar="IP reports her ex-boyfriend has posted three comments on her Facebook photos calling her 'fake' and 'a mess' since they split up last year, and sent two messages asking why she blocked him on Instagram. There are no threats and he has not attempted to visit. IP has now blocked him on all platforms. They have no children together and IP has no children. Advised on blocking and keeping screenshots. IP happy with this outcome and has good friends around her.",
 ind=["S_TEXT", "PL_SUPPORT"],
 why="A handful of unpleasant social media comments with no threats is low-level harassment, standard."),
dict(n=13, grade="high", force="DCP", style="standard_prose", trap="historical", dash="high", rel="partner", v="f27", p="m29",
 kids=["5fP", "1.5mP"], t="20:10", preg=True, off=["Assault by beating"],
 nar="{V} is 24 weeks pregnant. During an argument about his mother {P} slapped her across the face in the kitchen while {C1} (5) was at the table eating tea; {C1} started crying and hid under the table. {C2} (18 months) was in his high chair. There is redness to {V}'s left cheek. {V} told officers she had postnatal depression after {C1} was born but that was treated and she was discharged from the perinatal team in 2022 and has been well since. {P} has a caution from 2019 for assaulting a previous girlfriend.",
 ind=["H_INJURY", "H_WITNESS", "H_HISTVIOL", "H_CRIM", "RM_PRESENT", "RM_EMO", "R_AGE", "RH_PREG"],
 why="An assault on a pregnant woman in front of a crying five-year-old, by a man cautioned for assaulting a former partner; the old postnatal depression is resolved."),
dict(n=14, grade="standard", force="MER", style="very_short", dash="standard", rel="family_member", v="f58", p="m24",
 kids=[], t="18:05",
 nar="Mother v adult son, verbal re him not paying board. Both calm on arrival. Nil offences. No other occupants. Advice. NFA.",
 ind=["S_VERBAL"],
 why="A verbal family argument between adults only."),
dict(n=15, grade="medium", force="WYP", style="non_native_english", trap="negation", dash="medium", rel="partner", v="f32", p="m34", vname="Fatima", pname="Omar", vfam="Ahmed", pfam="Ahmed",
 kids=["7m", "3f"], t="10:15", date="2026-10-06",
 nar="Female is report that husband is not happy when she go to college for English lessons, he say woman must stay home and cook and clean, it is her job. This morning he take her bus pass and say she don't need go. After she give him back the dinner money he give the pass back. No violence, no threats was say. Children was at school and nursery in this time. Female she want help, she is agree for referral to women's centre. Female have good English and is British citizen since 2018. Husband say sorry to officer, he say he will go to speak with a counsellor at the mosque.",
 ind=["M_ISOL", "R_AGE", "PM_ADVICE", "PM_ABUSERENG"],
 why="Fixed gender roles and an attempt to stop her going to college, without violence and with the children out, is medium."),
dict(n=16, grade="high", force="GMP", style="cad_log", trap="other_person", dash="high", rel="ex_partner", v="f35", p="m40",
 kids=["9fP", "6mP"], t="16:45", same_addr=False, off=["Assault by beating", "Attempted child abduction"],
 nar="""16:45 CALL FROM FEMALE - EX PARTNER AT DOOR FOR CONTACT HANDOVER HAS PUSHED HER OVER AND IS TRYING TO PUT THE KIDS IN HIS CAR
16:46 CALLER STATES HE IS SAYING "YOU'LL NEVER SEE THEM AGAIN, WE'RE GOING TO SCOTLAND"
16:47 CHILDREN SCREAMING IN BACKGROUND. OLDER GIRL SHOUTING AT HIM TO LEAVE MUM ALONE
16:52 UNITS ON SCENE. MALE DETAINED AT VEHICLE. CHILDREN BACK IN HOUSE
17:05 IP GRAZES TO BOTH KNEES. CHILDREN NO INJURIES
17:10 IP STATES THIS IS THE THIRD HANDOVER THIS MONTH WHERE HE HAS PUT HIS HANDS ON HER
17:12 NEIGHBOUR AT NO.14 ALSO CALLED IN - HER OWN TODDLER WOKE AND WAS DISTRESSED BY THE NOISE, NO FURTHER""",
 ind=["M_INTIM", "H_INJURY", "H_WITNESS", "H_INVOLVED", "RH_ABDUCT", "RH_CONTACT", "M_HIST", "RM_PRESENT", "RM_EMO"],
 why="An assault at a contact handover with an attempt to take the children, who saw it and one intervened, is high; the distressed toddler is the neighbour's."),
dict(n=17, grade="standard", force="TVP", style="duplicated_sentences", trap="negation", dash="standard", rel="partner",
 v="f45", p="f43", kids=["16m"], t="22:30",
 nar="Police attended following a call from a neighbour regarding shouting. Police attended following a call from a neighbour regarding shouting. Both females state they had an argument after a night out about an ex. No assault is alleged by either party and neither has any injury. No assault is alleged by either party and neither has any injury. Their son (16) was staying with a friend. Nil previous. Both parties happy for officers to leave. Both parties happy for officers to leave.",
 ind=["S_VERBAL"],
 why="A one-off verbal argument between two women with their son away and no assault."),
dict(n=18, grade="high", force="ASP", style="bullets", dash="high", rel="ex_partner", v="f29", p="m32",
 kids=["4f"], same_addr=False, t="08:20", off=["Stalking involving fear of violence", "Breach of non-molestation order"],
 nar="""Report - key points:
* IP separated from DP 6 weeks ago after 7 years together.
* Since then DP has parked outside her workplace most mornings and sent 40-60 texts a day.
* Yesterday a tracker was found under IP's car by her brother.
* IP obtained a non-molestation order 3 weeks ago; DP served. Messages continue.
* IP states she is frightened to leave the house and has moved her daughter to her sister's for now.
* IP is working with the IDVA and has a safety plan and a panic alarm.
* DP has convictions for affray and drink-driving.""",
 ind=["H_STALK", "H_FEAR", "H_CRIM", "RH_SEP", "RH_BREACH", "R_AGE", "PH_PROTECT", "PH_ENGAGE", "PH_SEEK"],
 why="Stalking with a tracker after a recent separation and in breach of a non-molestation order, with the victim afraid, is high."),
dict(n=19, grade="medium", force="DCP", style="standard_prose", trap="hypothetical", dash="standard", rel="partner",
 v="f38", p="m40", kids=["10fP", "8fP"], t="21:55", date="2026-11-05", prior=[(7, "standard", "Verbal, both parties, words of advice")],
 nar="Second call to this address this year; the first, in the spring, was verbal only. Tonight {P} pushed {V} out of the way to get to the front door after she blocked it to stop him driving, as he had had a couple of pints. No injury. The girls were in bed asleep and did not wake; officers checked on them. {V} said to officers that if he ever laid a hand on the girls she would have him out, but she has never had any worries about him with them, and he is a good dad. {V} accepts that the arguing is not good for them and will speak to the school's family support worker.",
 ind=["M_INTIM", "M_HIST", "RM_PRESENT", "PM_INSIGHT", "PM_ADVICE"],
 why="A push with two earlier verbal incidents while the children slept is medium; harm to the girls is only hypothetical."),
dict(n=20, grade="standard", force="WMP", style="abbrev_heavy", trap="other_person", dash="standard", rel="partner",
 v="f23", p="m25", kids=[], t="00:40",
 nar="OIC PC 1182. IP and DP verbal arg re DP's brother staying at the flat; brother has MH issues and was sectioned last yr, he is NOT party to the incident and was not at the address. Nil assaults, nil threats, nil children. Both sober. Words of advice. DASH standard, NFA.",
 ind=["S_VERBAL"],
 why="A verbal argument only; the mental health history belongs to the perpetrator's brother, who was not there."),
dict(n=21, grade="high", force="WYP", style="standard_prose", dash="high", rel="family_member", v="f19", p="m51", vname="Sadia", pname="Imran", vfam="Hussain",
 kids=["15fP"], t="22:10", same_addr=True, off=["Threats to kill", "Forced marriage (protection) - referral"],
 nar="{V} (19) called police from the bathroom. She states her father {P} and her older brother told her tonight that she will travel to Pakistan next month to marry a cousin she has never met, and that if she refuses or shames the family she 'will not live to see the wedding day'. Her father took her passport and her phone. {V} says the family and the wider community at the mosque see the family's name as everything, and the elders' word is final. Her sister {C1} (15) was in the room throughout and was crying. {V} is terrified and wants to leave tonight. Forced Marriage Unit informed. {V} taken to a place of safety.",
 ind=["H_HONOUR", "H_THREAT", "H_COERCE", "H_FEAR", "H_CONTROL", "H_WITNESS", "RM_PRESENT", "RM_EMO", "RH_HONOUR"],
 why="A threatened forced marriage with a threat to kill, in a family that puts honour above all, witnessed by a 15-year-old, is high."),
dict(n=22, grade="standard", force="DCP", style="standard_prose", dash="standard", rel="partner", v="f47", p="m49",
 kids=[], t="20:35",
 nar="Attended a report of a verbal argument at the home address. {P} was made redundant last week and the couple were arguing about how to pay the mortgage. No assault, no threats, no damage. First police contact for the couple. No children in the household. Officer's note: money worries are new and tensions are high, and in my view this could get worse if the financial pressure carries on. {V} accepted details of the local DA service and the Citizens Advice debt line and said she would ring them.",
 ind=["S_VERBAL", "RL_ESC", "PL_AGENCY"],
 why="A first verbal argument with no children, where the officer flags a real chance of escalation; universal level with a note."),
dict(n=23, grade="medium", force="MER", style="bwv_summary", dash="standard", rel="partner", v="f37", p="m42",
 kids=["11f", "8m"], t="13:40", date="2026-11-10", off=["Criminal damage"],
 nar="BWV summary: {V} answered the door calm but shaking. She states {P} threw a mug at the kitchen wall and swept the plates off the side during an argument over her spending. Broken crockery seen on the floor. He did not touch her. {V} has anxiety and is on sertraline from her GP, which she says is under control. {P} has multiple sclerosis and uses a wheelchair outside the home. The children were at school. {V}'s mum was on her way round and {V} says her mum and sister are 'always there' for her.",
 ind=["M_INTIM", "RM_MH", "RM_DIS", "PM_SUPPORT"],
 why="Property damage without assault while the children were at school is medium, with mild anxiety and a disability in the family."),
dict(n=24, grade="high", force="GMP", style="abbrev_heavy", dash="standard", rel="partner", v="f31", p="m33",
 kids=["7m"], t="12:15", date="2026-09-23",
 nar="IP/DP verbal arg re money. Nil assault. IP dx bipolar disorder, under CMHT, recent crisis team input (Sept). DP known heroin user, on methadone script but IP states using on top. Child at school at time. Nil weapons. DASH std. Advice given, DP left to stay at his mother's.",
 ind=["S_VERBAL", "RH_MH", "RH_SUB"],
 why="A verbal-only argument, but domestic abuse with serious mental illness and heroin use is the toxic trio, which goes to Children's Social Care."),
dict(n=25, grade="standard", force="TVP", style="bullets", trap="negation", dash="standard", rel="partner", v="f34", p="m36",
 kids=[], t="21:00",
 nar="""- Verbal argument re housework, both parties shouting.
- IP denies any threats made to her.
- DP denies having any weapon; none seen or found.
- No children reside at or were present at the address.
- IP is not pregnant (asked as part of DASH).
- Neither party had been drinking; no drugs.
- No previous incidents recorded between the pair.
- Words of advice.""",
 ind=["S_VERBAL"],
 why="A verbal argument only; every other risk was asked about and denied."),
dict(n=26, grade="medium", force="WYP", style="standard_prose", dash="medium", rel="ex_partner", v="f28", p="m30", vname="Agnieszka", pname="Tomasz", vfam="Nowak", pfam="Kowalski",
 kids=["3f"], same_addr=False, t="19:10", date="2026-10-02",
 prior=[(16, "standard", "Verbal at handover"), (4, "medium", "DP pushed IP at door, NFA")],
 nar="Statement taken with a Polish interpreter. {V} speaks very little English and her EU Settlement Scheme application is still pending, which she is anxious about. Her ex-partner {P}, father of {C1} (3), has been sending her texts saying she is a bad mother and that nobody will believe her. He has not threatened her. There have been two previous incidents, a verbal argument last summer and, earlier this year, one where he pushed her at the door. {C1} was asleep at {V}'s flat with {V}'s friend babysitting when the texts came in; the friend is a big part of {C1}'s life and looks after her most days. {V} accepts a referral to the Polish-speaking DA worker.",
 ind=["M_INTIM", "M_HIST", "R_LANG", "R_AGE", "PM_SIGOTHER", "PM_ADVICE"],
 why="Belittling messages from an ex with two earlier minor incidents are medium; the language and immigration position is noted but does not move the grade."),
dict(n=27, grade="high", force="ASP", style="victim_quote", dash="high", rel="partner", v="f40", p="m43",
 kids=["12fP"], t="23:25", off=["Threats to kill"],
 nar="""Account given by IP at scene, in her words:
"I told him last week I want to end it. Tonight he'd been crying and then he got angry, he got the belt from the wardrobe and said if I leave he'll hang himself and he'll take me with him, he said 'I'll do us both'. {C1} was in her room but the walls are thin, she heard all of it, she came out on the landing crying. I'm scared of him now, I never used to be."
DP detained under s136 after officers found him in the garage with a ligature. Mental health nurse in custody to assess.""",
 ind=["H_THREAT", "H_COERCE", "H_FEAR", "H_WITNESS", "RM_PRESENT", "RM_EMO", "RH_MH", "RH_SUIC", "RH_SEP"],
 why="A threat to kill her and himself with a ligature found, days after she said she was leaving, overheard by the child, is high."),
dict(n=28, grade="standard", force="MER", style="cad_log", trap="other_person", dash="standard", rel="partner", v="f25", p="m26",
 kids=[], t="02:10",
 nar="""02:10 CALL FROM FEMALE REPORTING ARGUMENT WITH PARTNER, WANTS HIM TO LEAVE
02:11 CALLER STATES NO VIOLENCE, JUST WORDS
02:14 CALLER ALSO MENTIONS HER SISTER WAS HIT BY HER OWN BOYFRIEND LAST MONTH - THAT IS RECORDED UNDER A SEPARATE LOG, NOT THIS COUPLE
02:31 OFFICERS ON SCENE. MALE PACKING BAG, CALM
02:40 BOTH CONFIRM VERBAL ONLY. NO CHILDREN. NO PREVIOUS
02:45 MALE LEFT TO PARENTS' ADDRESS. WORDS OF ADVICE""",
 ind=["S_VERBAL"],
 why="A verbal argument only; the assault mentioned happened to the caller's sister in a different relationship."),
dict(n=29, grade="high", force="DCP", style="bwv_summary", dash="high", rel="partner", v="f41", p="m44",
 kids=["14mPI", "9fP"], t="19:50", off=["Assault occasioning actual bodily harm", "Assault by beating"],
 nar="BWV summary PC 5521: {C1} (14) answered the door with a swollen, bleeding lip. He states his stepdad {P} was shouting at his mum and grabbed her by the arm, so he got between them and {P} punched him in the face. {V} has no injury. {C2} (9) was on the sofa and saw it all; she was very quiet and would not speak to officers. {P} arrested. {C1} says he wants to go to his granddad's, who he is very close to and sees every day; granddad attended and took both children. {V} asked officers for the IDVA's number.",
 ind=["M_INTIM", "H_WITNESS", "H_INVOLVED", "RM_PRESENT", "RM_EMO", "RH_CHILDHARM", "PH_SIGOTHER", "PH_ENGAGE"],
 why="A child punched while protecting his mother, with his sister watching, is high."),
dict(n=30, grade="medium", force="GMP", style="standard_prose", dash="standard", rel="partner", v="f27", p="m28",
 kids=["2m"], t="22:20",
 nar="{V} reports that {P} rings her repeatedly whenever she is out with her friends, wants to know who she is with and sulks for days if she goes out without him. Tonight he turned up at the bar and told her to come home, and they argued in the street. No assault and no threats. {C1} (2) was with {V}'s mother overnight. {P} told officers he knows he is jealous and that it is wrong, and has agreed to be referred to a perpetrator programme. {V} agrees to speak to the outreach service.",
 ind=["M_ISOL", "S_VERBAL", "R_AGE", "PM_ABUSERENG", "PM_ADVICE"],
 why="Jealous checking and attempts to restrict her social life without violence is medium."),
dict(n=31, grade="high", force="TVP", style="non_native_english", dash="medium", rel="partner", v="f33", p="m35",
 kids=["10mP", "7fP"], t="18:30", off=["Causing unnecessary suffering to an animal", "Threats to kill"],
 nar="On arrive, officers find female in garden with the two children, all crying. Female explain the male was angry because dinner is late and the dog is barking, so he kick the dog very hard two times in the kitchen, the dog is crying and limping, and he tell to her 'you are next, I will kill you'. Both children was in kitchen and see everything. The boy {C1} say to me he is scared of his dad and don't want to go back inside. Male arrested. Dog taken to vet by RSPCA.",
 ind=["H_PETS", "H_THREAT", "H_FEAR", "H_WITNESS", "RM_PRESENT", "RM_EMO"],
 why="Cruelty to the dog with a threat to kill her, in front of the children, one of whom says he is afraid, is high."),
dict(n=32, grade="standard", force="DCP", style="standard_prose", dash="standard", rel="partner", v="f35", p="m38",
 kids=["9f", "6m"], t="21:40",
 nar="Verbal argument between {V} and {P} about his shifts and childcare. No assault, no threats, no damage. First call to police. {V} told officers the arguing has been going on for a few months since they moved house, always words only, usually after the children are in bed; the children were at a sleepover tonight. The house was clean and warm, the children's school uniforms were laid out and {V} spoke warmly and knowledgeably about both of them; she is clearly a caring, attentive mum.",
 ind=["S_VERBAL", "RL_CUM", "PL_NURT"],
 why="A first verbal-only call with the children away; months of arguing at home is a cumulative-harm note, not a higher grade."),
dict(n=33, grade="medium", force="ASP", style="standard_prose", trap="historical", dash="standard", rel="partner", v="f44", p="m46",
 kids=["13m"], t="15:30", date="2026-08-12",
 nar="{P} pushed {V} in the chest during an argument about his ex-wife, causing her to step back into the doorframe. No injury. {C1} (13) was at a friend's. {P} admitted to officers that he pushed her and said it was wrong of him. {V} mentioned that {P} had a drink problem in his twenties but has been sober for twelve years and sponsors others at AA; both were sober tonight. No previous DA incidents.",
 ind=["M_INTIM", "PL_RESP"],
 why="A push is intimidation/bullying, medium; the drinking was resolved twelve years ago and is not a current risk."),
dict(n=34, grade="high", force="WYP", style="cad_log", trap="negation", dash="medium", rel="partner", v="f26", p="m29",
 kids=["5m", "3f"], t="22:55", off=["Assault by beating"],
 prior=[(5, "standard", "Verbal"), (4, "standard", "Verbal, DP left"), (3, "medium", "DP threw cup, criminal damage"), (2, "medium", "DP pushed IP"), (1, "medium", "DP grabbed IP by arms")],
 nar="""22:55 CALL FROM IP - PARTNER HAS SLAPPED HER
22:56 CHECKS: 6TH CALL TO THIS ADDRESS IN 5 MONTHS
22:57 PREV INCIDENTS: VERBAL X2, THEN DAMAGE, THEN PUSHING, NOW SLAP - EACH WORSE THAN LAST
23:09 OFFICERS ON SCENE. REDNESS TO IP'S RIGHT CHEEK
23:12 NO CHILDREN PRESENT - BOTH STAYING WITH PGM THIS WEEK
23:20 IP STATES "IT'S NOTHING, HE'S JUST STRESSED, THE KIDS DON'T EVEN NOTICE WHEN WE ROW"
23:25 DP ARRESTED""",
 ind=["H_REPEAT", "H_ESC", "H_INJURY", "M_HIST", "RH_MIN", "R_AGE"],
 why="A sixth call in five months with each incident worse than the last, now an assault, while the victim plays it down, is high."),
dict(n=35, grade="standard", force="WYP", style="standard_prose", dash="standard", rel="ex_partner", v="f30", p="m31", vname="Harpreet", pname="Jaswinder", vfam="Kaur", pfam="Singh",
 kids=[], same_addr=False, t="17:50", loc="Online",
 nar="{V} reports that her ex-husband, from whom she separated three years ago, has sent a few texts over the past week calling her 'stuck up' after she did not reply to a message about selling their old car. No threats, no visits. They have no children. {V} lives on a small street in the Sikh community where everyone knows each other, and she says the granthi and the women's committee at the gurdwara have been a great support to her since the divorce. Advice given on blocking and keeping evidence.",
 ind=["S_TEXT", "P_COMM", "P_FAITH"],
 why="A few rude texts from a long-separated ex with no threats is low-level harassment, with community and faith support around her."),
dict(n=36, grade="medium", force="ASP", style="duplicated_sentences", trap="other_person", dash="standard", rel="ex_partner",
 v="f32", p="m33", kids=["6f"], same_addr=False, t="08:45", off=["Criminal damage"],
 nar="{P} attended {V}'s address at 0830 and kicked off the wing mirror of her car after she refused to lend him money. {P} attended {V}'s address at 0830 and kicked off the wing mirror of her car after she refused to lend him money. They separated four years ago. {C1} (6) was already at breakfast club. {V} mentioned that {P}'s new partner is pregnant and she thinks that is why he is short of money. {V} mentioned that {P}'s new partner is pregnant and she thinks that is why he is short of money. {V} is not pregnant. No assault or threats. No previous.",
 ind=["M_INTIM"],
 why="Damage to her car is intimidation, medium; the pregnancy is his new partner's, not the victim's."),
dict(n=37, grade="high", force="DCP", style="abbrev_heavy", dash="medium", rel="partner", v="f25", p="m28",
 kids=["4mP", "2fP"], t="16:20", cp=True, off=["Assault by beating"],
 nar="IP/DP arg, DP shoved IP, IP fell against radiator, bruise to L hip. Both kids in house (in front room w/ TV, did not see). Both kids subject to CP plan (cat: neglect). On arrival house in very poor state: dog faeces on floor, no food in fridge, 2 yr old in soiled nappy which appeared not changed for hours, 4 yr old not wearing shoes and feet black. CSC EDT informed. DP remanded? - no, RUI.",
 ind=["M_INTIM", "H_INJURY", "RM_PRESENT", "R_AGE", "RH_CSC", "RH_MALTREAT"],
 why="An assault with injury in a household already on a CP plan, with clear signs of neglect, is high."),
dict(n=38, grade="medium", force="TVP", style="victim_quote", dash="standard", rel="partner", v="f36", p="m38",
 kids=["10fP", "7mP"], t="23:40", off=["Common assault"],
 nar="""IP account in her own words:
"He came in late and we started on about money and he shoved me back onto the settee, I wasn't hurt. The kids were asleep, I checked after, they hadn't woken up. It's not the first row but it's the first time he's put his hands on me. {C1}'s been really clingy since all this arguing started, the school says she's anxious and crying in class and she's started wetting the bed. I know it's because of what's going on at home and I need to sort it, for them."
DP left address before police arrived. No previous police incidents.""",
 ind=["M_INTIM", "RL_CUM", "RM_PRESENT", "RM_EMO", "PM_INSIGHT"],
 why="A first push while the children slept upstairs is medium, with a child already showing emotional effects and a mother who sees the impact."),
dict(n=39, grade="standard", force="GMP", style="very_short", trap="negation", dash="standard", rel="partner", v="f22", p="m23",
 kids=[], t="01:15",
 nar="Verbal. No DV history. IP & DP sober. Nil kids. Nil weapons, nil threats. NFA.",
 ind=["S_VERBAL"],
 why="A verbal argument with every other factor denied."),
dict(n=40, grade="high", force="MER", style="standard_prose", dash="medium", rel="partner", v="f34", p="m45",
 kids=[], t="14:00", date="2026-10-20", off=["Controlling or coercive behaviour", "Fraud by abuse of position"],
 nar="Referral from {V}'s support worker. {V} has a learning disability and receives PIP and Universal Credit. {P} has had her bank card and PIN since he moved in a year ago and she says he gives her 'pocket money' of £10 a week. He has told her carers not to come any more and cancelled her day centre place, and she has not seen her sister for months because he says her sister is 'trouble'. {V} told officers she has to ask him before she can eat anything from the fridge. No children. Adult social care safeguarding referral made.",
 ind=["H_CONTROL", "RH_ISOL", "RH_VULNADULT", "RM_DIS"],
 why="Financial and day-to-day control of a woman with a learning disability, cut off from her carers and family, is high."),
dict(n=41, grade="medium", force="WYP", style="standard_prose", dash="standard", rel="partner", v="f29", p="m33", vname="Aisha", pname="Bilal", vfam="Mahmood", pfam="Mahmood",
 kids=["9m", "5f"], t="11:30", date="2026-07-14",
 nar="{V} called police after an argument with her husband {P}, who told her she will not be taking the job she has been offered at the pharmacy because a wife's place is at home and his family would never accept it. He took her phone for an hour so she could not ring the pharmacy back. No violence and no threats. The children were at school. {V} says she lives in a very close community where the family's good name and the word of the elders matter more than anything, and she is worried about the shame if people find out police came. She does not want any action but took the helpline number.",
 ind=["M_ISOL", "R_HONOUR"],
 why="Fixed gender roles and an attempt to control her work, with no violence and the children at school, is medium; the honour setting is noted."),
dict(n=42, grade="standard", force="DCP", style="standard_prose", trap="hypothetical", dash="standard", rel="partner", v="f48", p="m50",
 kids=["17m", "16f"], t="20:00",
 nar="Verbal argument between {V} and {P} over a holiday booking. No assault, no threats, no damage. Their two teenagers were out at work. {V} said that if he ever went back on the drink she would be worried, but he has not had a drink for two years and was sober tonight. {P} apologised to {V} in front of officers, said he had lost his temper and would book a GP appointment to talk about his stress and anger. First call to the address.",
 ind=["S_VERBAL", "PL_REMORSE"],
 why="A first verbal argument with the teenagers out; the drinking is only hypothetical and he shows remorse."),
dict(n=43, grade="high", force="GMP", style="bwv_summary", dash="high", rel="partner", v="f23", p="m26",
 kids=["0.7fP"], t="00:20", off=["Threats to kill", "Criminal damage"],
 nar="BWV summary: {V} states {P} punched the wall next to her head, leaving a hole in the plaster, and said 'next time it's your neck I'll break'. {C1} (8 months) was asleep in her cot in the next room. {V} is shaking and says she is scared of him. {V} disclosed that she grew up watching her dad beat her mum and that she was in foster care from age 10. She said 'I don't want my daughter growing up like I did, I know what it does to you.' {P} left before police arrived; circulated as wanted.",
 ind=["H_THREAT", "H_FEAR", "M_INTIM", "RM_PRESENT", "R_AGE", "RH_VULN", "RH_CHILDHOOD", "PH_INSIGHT"],
 why="A threat to break her neck with a punch to the wall by her head, an eight-month-old in the home and her own history of childhood abuse is high."),
dict(n=44, grade="medium", force="TVP", style="very_short", dash="standard", rel="partner", v="f31", p="m32",
 kids=["8m"], t="21:10",
 prior=[(15, "standard", "Verbal"), (6, "standard", "Verbal, IP asked DP to leave")],
 nar="Verbal only. 3rd DA log in 18 mths, all verbal. Child at his nan's. Nan v supportive, child stays there most weekends, close bond. Advice.",
 ind=["S_VERBAL", "M_HIST", "PM_SIGOTHER"],
 why="Verbal again, but with two earlier incidents there is a history of minor abuse, medium."),
dict(n=45, grade="high", force="MER", style="standard_prose", dash="high", rel="partner", v="f24", p="m32", vname="Sadia", pname="Faisal", vfam="Begum", pfam="Miah",
 kids=["0.5mP"], t="10:40", delay=4325, off=["Assault occasioning actual bodily harm"],
 nar="Statement via Sylheti interpreter. {V} came to the UK on a spousal visa a year ago; her visa status is now uncertain because {P} has told the Home Office the marriage is over. She speaks no English and cannot read or write it. Three days ago {P} hit her with a belt, leaving welts to her back which officers saw, and put her out of the house with the baby {C1} (6 months). She is clearly devoted to {C1}, who is feeding well and content in her arms. She is now in a B&B arranged by a charity, has no recourse to public funds and knows no one in this country apart from his family, who will not speak to her.",
 ind=["H_INJURY", "RM_PRESENT", "R_AGE", "RH_VULN", "RH_ISOL", "R_LANG", "R_NRPF", "PH_NURT"],
 why="An assault with a belt on a woman with no English, no recourse to public funds and a six-month-old baby, isolated in temporary accommodation, is high."),
dict(n=46, grade="medium", force="ASP", style="bullets", trap="historical", dash="standard", rel="partner", v="f39", p="m41",
 kids=["12f", "8m"], t="19:00",
 nar="""- IP states DP snatched her phone out of her hand during an argument and would not give it back for half an hour because he wanted to see who she was texting.
- No assault, no threats.
- Children at swimming lessons with IP's sister.
- IP says they went through a bad patch in 2010, before the children were born, with lots of arguments; they went to Relate and it was sorted out; nothing since.
- No previous police incidents between them.
- IP to speak to the DA outreach worker.""",
 ind=["M_ISOL", "PM_ADVICE"],
 why="Taking her phone to check her messages is an attempt to control, medium; the 2016 rough patch was resolved long ago and is not counted."),
dict(n=47, grade="medium", force="GMP", style="standard_prose", dash="standard", rel="partner", v="f42", p="m44",
 kids=["14f", "11m"], t="10:05", date="2026-07-22",
 nar="{V} reports that {P} has started telling her what she can wear and complaining when she meets her work friends for lunch. This morning he told her she was not going to her friend's birthday meal and took the car keys; he gave them back after an hour when she said she would call the police. No violence. Both children were at a holiday club. {V} has been off work with stress and mild depression for a few weeks and is seeing her GP; she says she is coping. She is willing to take safety advice.",
 ind=["M_ISOL", "RM_MH", "PM_ADVICE"],
 why="Early controlling behaviour over clothes, friends and the car keys, with mild stress-related depression, is medium."),
dict(n=48, grade="standard", force="WYP", style="bwv_summary", trap="other_person", dash="standard", rel="partner", v="f28", p="m30",
 kids=[], t="19:35",
 nar="BWV summary: call from the neighbour at no. 22 who said her 8-year-old daughter was frightened by shouting through the wall. On arrival {V} and {P} were calm and said they had argued loudly about his gaming. No assault, no damage. They have no children and no children live at or were at their address. The only child mentioned is the neighbour's daughter, who was in her own home. Words of advice.",
 ind=["S_VERBAL"],
 why="A loud argument by a childless couple; the frightened child is the neighbour's daughter."),
dict(n=49, grade="medium", force="MER", style="standard_prose", dash="standard", rel="partner", v="f50", p="m53",
 kids=["15m"], t="22:45", off=["Criminal damage"],
 nar="{P} threw the TV remote at the glass door of the lounge during an argument, shattering the glass. He did not touch {V}. {C1} (15) was at a friend's house. {P} lost his father two months ago and has been low in mood and seeing his GP. When officers spoke to him he was tearful, said he was ashamed and asked for details of a service for men who want to change how they behave; details given.",
 ind=["M_INTIM", "RM_MH", "PM_ABUSERENG"],
 why="Smashing the door in an argument is destruction of property, medium, with bereavement-related low mood and a perpetrator willing to get help."),
dict(n=50, grade="high", force="DCP", style="standard_prose", dash="high", rel="young_people_partners", v="f16", p="m17",
 kids=[], same_addr=False, t="16:10", loc="Bus station", off=["Assault by beating", "Threats to disclose private sexual images"],
 nar="{V} (16) and {P} (17) have been going out for eight months. At the bus station after college {P} slapped her across the face, leaving a red mark, when she would not give him her phone. She disclosed that he makes her keep her Snapchat location on so he can see where she is at all times, checks who she talks to, and has said he will send intimate pictures of her to her whole year group if she finishes with him. {V}'s mother attended and is very supportive. College DSL to be informed.",
 ind=["H_INJURY", "H_CONTROL", "H_COERCE", "PH_SEEK"],
 why="Teenage relationship abuse with an assault, location tracking and a threat to share intimate images is high."),
dict(n=51, grade="standard", force="ASP", style="duplicated_sentences", dash="standard", rel="family_member", v="f46", p="m49",
 kids=[], t="15:20",
 nar="Brother and sister had a verbal argument at their mother's house about their mother's care home fees. Brother and sister had a verbal argument at their mother's house about their mother's care home fees. No assault, no threats, no damage. Both adults. No children present or resident. {V} says the rest of the family and her church friends are supportive. No previous. No previous.",
 ind=["S_VERBAL", "PL_SUPPORT"],
 why="A verbal argument between adult siblings with no children involved."),
dict(n=52, grade="medium", force="GMP", style="abbrev_heavy", trap="negation", dash="standard", rel="partner", v="f27", p="m29",
 kids=["1.5fP"], t="21:35", off=["Common assault"],
 nar="IP states DP pushed her in the hallway during arg over his mum. No injury. Child (18mths) asleep upstairs, did not wake. IP states she is NOT scared of DP and this is first time. DP sober, no drugs. Nil previous. IP clearly very loving with child, child well cared for. DP left to his mum's.",
 ind=["M_INTIM", "RM_PRESENT", "R_AGE", "PL_NURT"],
 why="A first push while the toddler slept is medium; she says she is not frightened of him, which is not counted as fear."),
dict(n=53, grade="medium", force="WYP", style="standard_prose", dash="standard", rel="partner", v="f37", p="m40",
 kids=["10m", "7m"], t="20:15",
 prior=[(14, "standard", "Verbal"), (5, "standard", "DP threw keys at wall")],
 nar="Third DA report for the couple, the first over a year ago; the two previous were a verbal argument and {P} throwing his keys at the wall. Tonight {P} shoved {V} out of the kitchen doorway during an argument. No injury. The boys were at Scouts. {V} is an active member of her local church, lives on a small estate where neighbours look out for each other, and says her pastor has been supporting her and offered her somewhere to stay.",
 ind=["M_INTIM", "M_HIST", "P_COMM", "P_FAITH"],
 why="A shove after two earlier minor incidents is medium, with church and neighbourhood support around her."),
dict(n=54, grade="standard", force="TVP", style="standard_prose", trap="historical", dash="standard", rel="partner", v="f43", p="m45",
 kids=["11f", "9m"], t="22:05",
 nar="Verbal argument between {V} and her husband {P} about his late working. No assault or threats. The children were at their grandparents'. {V} mentioned that she had a non-molestation order against a previous partner in 2014, whom she has not seen for over ten years; she says she has never had any worries of that kind with {P}. No previous incidents between {V} and {P}.",
 ind=["S_VERBAL"],
 why="A first verbal argument; the 2014 order concerned a different man ten years ago."),
dict(n=55, grade="medium", force="MER", style="victim_quote", trap="negation", dash="standard", rel="family_member", v="f47", p="m20",
 kids=["12f"], t="14:10", date="2026-10-13", off=["Criminal damage"],
 nar="""Mother's account in her own words:
"{P}'s autistic and when he gets overwhelmed he loses it. Today he wanted the car and I said no and he picked up the kitchen chair and threw it through the back window. He didn't throw it at me. {C1} was at school, thank God. I'm not scared of him, I just need help with him, I've been asking for help for years. I'll talk to anyone who can help."
{P} calm when officers arrived and went to his room.""",
 ind=["M_INTIM", "RM_DIS", "PM_ADVICE"],
 why="An adult son smashing a window in frustration is destruction of property, medium, with disability in the family and a mother asking for help."),
dict(n=56, grade="high", force="WYP", style="abbrev_heavy", trap="other_person", dash="medium", rel="partner", v="f32", p="m34",
 kids=["9m"], t="01:50", off=["Assault occasioning actual bodily harm"],
 nar="IP & DP returned from party, both heavily intox. DP punched IP to face, cut to lip & swelling, photos taken. Child at PGM's. DP's brother (also at party) arrested separately for assaulting a door supervisor - NOT DP. DP has no previous convictions. In interview DP fully admitted the assault, said he is ashamed, understands his son would have been terrified if he had seen it, and has already self-referred to a perpetrator programme. IP states both are drinking heavily most weekends.",
 ind=["H_INJURY", "RH_SUB", "PH_ACK"],
 why="A punch causing injury with both drinking heavily is high; the arrest of his brother is not his criminal history."),
dict(n=57, grade="standard", force="GMP", style="victim_quote", trap="negation", dash="standard", rel="partner", v="f38", p="m39",
 kids=[], t="20:50",
 nar="""IP in her words:
"He calls me names when he's had a bad day at work, and tonight we had a proper shouting match, that's all it was. I'm not frightened of him, not at all. He's never hurt me, never threatened me. We haven't got kids. I only rang because he wouldn't let it drop, I wanted him to go for a walk."
DP had gone for a walk when police arrived. Both later calm. Advice given.""",
 ind=["S_VERBAL"],
 why="A shouting match only; fear, harm and threats are all denied."),
dict(n=58, grade="medium", force="DCP", style="bwv_summary", trap="other_person", dash="standard", rel="partner", v="f30", p="m31",
 kids=["10f"], t="14:50", date="2026-11-18", off=["Common assault"],
 nar="BWV summary: {V} states {P} pushed her against the wardrobe during an argument about his ex. No injury. {C1} (10) was at school. A strong smell of cannabis in the stairwell was traced to the flat upstairs, whose occupants are not connected to the couple; {V} and {P} both say they do not use drugs and nothing was seen in their flat. No previous.",
 ind=["M_INTIM"],
 why="A push with the child at school is medium; the cannabis belongs to the unrelated neighbours upstairs."),
dict(n=59, grade="high", force="TVP", style="bullets", trap="hypothetical", dash="medium", rel="ex_partner", v="f34", p="m36",
 kids=["8mP"], same_addr=False, t="18:40", loc="McDonald's car park", off=["Harassment"],
 nar="""- IP and DP separated 2 months ago. Contact is every Saturday, handover at McDonald's.
- During contact DP used {C1}'s phone to read IP's messages and made {C1} tell him where Mum goes in the week.
- At handover DP shouted at IP in front of {C1} that she would 'pay for this' and then followed her car home and sat outside for an hour.
- {C1} cried all the way home.
- IP said that if he ever tried to take {C1} abroad she would get a court order; DP has never mentioned doing so and does not have a passport for {C1}.
- IP has contacted a solicitor about a non-molestation order.""",
 ind=["H_STALK", "H_COERCE", "H_WITNESS", "RM_PRESENT", "RM_EMO", "RH_SEP", "RH_CONTACT", "PH_PROTECT"],
 why="Following and monitoring her through the child at contact soon after separation is high; taking the child abroad is only hypothetical."),
dict(n=60, grade="standard", force="ASP", style="non_native_english", dash="standard", rel="family_member", v="f19", p="m52",
 kids=[], t="21:25",
 nar="Father and daughter (19) is having argument about she is coming home very late at night. Shouting only, father did not touching her and did not make any threat. She say she is happy at home, she just want more freedom, and her mum and auntie is supporting her. No other children at home. Both agree to talk in the morning. Advice give.",
 ind=["S_VERBAL", "PL_SUPPORT"],
 why="A father and adult daughter shouting about curfew, with no threat or control beyond words."),
]
