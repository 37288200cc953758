"""EVODA matrix cell texts (seed 001, Appendix C), copied character for character.
Keys: S/M/H = main indicators by column; RL/RM/RH = risk factors by column;
PL/PM/PH = protective factors by column."""
T = {
 # main indicators
 "S_VERBAL": "Intense Verbal Arguments.",
 "S_TEXT": "Evidence of low level harassment via texting or \u2018Facebook\u2019.",
 "M_HIST": "History of minor/moderate incidents of domestic abuse.",
 "M_INTIM": "Evidence of intimidation/bullying behaviour e.g. pushing, low level texting, destruction of property.",
 "M_ISOL": "Risk of isolation/fixed gender roles/attempts to control behaviour.",
 "H_ESC": "Escalation in severity, frequency and/or duration of incidents",
 "H_STALK": "Stalking and harassment behaviours.",
 "H_FEAR": "Victim and/or children reporting that they are fearful of the abuser.",
 "H_THREAT": "Threats of serious harm and/or to kill the victim and/or child/ren.",
 "H_WITNESS": "Child/ren are witness to the abuse.",
 "H_INVOLVED": "Child/ren become involved with the domestic abuse e.g. trying to protect the victim, abuser\u2019s assistant and/or harmed during the incident.",
 "H_COERCE": "Evidence of coercive behaviours.",
 "H_CONTROL": "Evidence of controlling behaviours.",
 "H_REPEAT": "Reoccurring or frequent requests for police interventions.",
 "H_INJURY": "Victim has sustained injuries from the abuse.",
 "H_HISTVIOL": "History of violence with current or previous partners.",
 "H_CRIM": "Criminal history of abuser.",
 "H_PETS": "Violence towards pets/animals.",
 "H_HONOUR": "Cultural \u2013 honour based violence, FGM or forced marriage.",
 # risk factors, low column
 "RL_ESC": "Potential to escalate.",
 "RL_CUM": "Potential for cumulative harm.",
 "R_AGE": "Consider age of child/ren.",
 "R_LANG": "Cannot speak, read or write English and has uncertain immigration status in the UK.",
 "R_HONOUR": "Is living in a close-knit community and puts high value on family honour including recognising faith or community leaders as all powerful.",
 "R_NRPF": "Is socially isolated, living in temporary accommodation and nil recourse to public funds.",
 # risk factors, medium column
 "RM_PRESENT": "Child/ren were present in the home.",
 "RM_EMO": "Potential likelihood of emotional abuse of children.",
 "RM_DIS": "Disability issues within the family.",
 "RM_MH": "Mental health issues \u2013 not prolonged or serious.",
 # risk factors, high column
 "RH_VULN": "Increased Vulnerability of child \u2013 under 12 months of age and/or child with a disability.",
 "RH_MH": "Mental health issues of abuser and/or victim \u2013 increases risk.",
 "RH_SUB": "Substance misuse of abuser and/or victim \u2013 increases risk.",
 "RH_SUIC": "Recent suicidal/homicidal intent by the abuser.",
 "RH_SEP": "Separation increases the risk.",
 "RH_MIN": "Victim minimises risk posed by abuser and impact on the children.",
 "RH_ABDUCT": "Threats or attempts to abduct the child/ren.",
 "RH_ISOL": "Isolation e.g. from friends, family and/or supportive agencies.",
 "RH_CHILDHARM": "Child/young person has been harmed or injured during domestic abuse incident.",
 "RH_EMPATHY": "Abuser shows lack of empathy/insight into behaviour.",
 "RH_BREACH": "Abuser breaches any protective orders or bail conditions in relation to the abuse.",
 "RH_CHILDHOOD": "History of childhood abuse and/or exposure to domestic abuse for the abuser and/or victim.",
 "RH_VULNADULT": "Victim and/or child/ren is a vulnerable adult e.g. has disability.",
 "RH_PREG": "Victim is pregnant (in some cases increases incidents of physical violence).",
 "RH_CONTACT": "Child contact where domestic abuse is occurring at contact e.g. physical or controlling/coercive behaviours.",
 "RH_CSC": "Children subject to a CP plan and/or history of Children Social Care services intervention.",
 "RH_MALTREAT": "Other forms of child maltreatment present e.g. neglect, physical or child sexual assault.",
 "RH_HONOUR": "Is living in a close-knit and puts high value on family honour including recognising faith or community leaders as all powerful.",
 # protective factors, low column
 "PL_NURT": "Child/Victim relationship is nurturing, protective and stable.",
 "PL_RESP": "Abuser accepts responsibility for abuse.",
 "PL_REMORSE": "Abuser indicates genuine remorse and is willing to seek support for behaviour.",
 "PL_SUPPORT": "There are positive supports from family/friends and community.",
 "PL_AGENCY": "Victim sought or is willing to accept support from other agencies.",
 "P_COMM": "Is living in a close-knit community.",
 "P_FAITH": "Has support from faith or community leaders.",
 # protective factors, medium column
 "PM_SIGOTHER": "Significant other in child's life offering a positive and nurturing relationship.",
 "PM_ADVICE": "Victim prepared to take advice on safety issues and/or engage with agencies.",
 "PM_INSIGHT": "Victim has insight to the abuse and impact on the child/ren.",
 "PM_SUPPORT": "Victim has positive support from family/friends and community.",
 "PM_ABUSERENG": "Abuser is willing to engage in services to address abusive behaviour.",
 "PM_COPING": "Older child/ren use coping/protective strategies.",
 # protective factors, high column
 "PH_SEEK": "Victim will seek positive support from family, friends or community.",
 "PH_PROTECT": "Victim attempts to use protective strategies eg injunctions.",
 "PH_ENGAGE": "Victim is engaging with supportive services and seeks safety advice.",
 "PH_NURT": "Child/ren have a nurturing relationship with the victim.",
 "PH_INSIGHT": "Victim demonstrates insight into impact on child/ren.",
 "PH_ACK": "Abuser acknowledges abuse, demonstrates insight to the impact of the child/ren and seeks assistance in changing behaviour.",
 "PH_SIGOTHER": "Child/ren have a supportive and positive relationship with a significant other.",
}
# the socially-isolated cell of the high column is split over a page break in the seed
# ("...living in temporary" / "accommodation and nil ..."); it is joined with one space,
# which gives the same text as the other two columns (R_NRPF).

def check(seed_path):
    import re
    txt = open(seed_path, encoding="utf-8").read()
    start = txt.index("Universal Services (low")
    end = txt.index("Please follow the link for the home office")
    block = txt[start:end]
    cells = set()
    for line in block.split("\n"):
        for c in line.split("\t"):
            c = c.strip()
            if c:
                cells.add(c)
    cells.add("Is socially isolated, living in temporary accommodation and nil recourse to public funds.")
    bad = [k for k, v in T.items() if v not in cells]
    assert not bad, bad
    return len(T)

if __name__ == "__main__":
    print(check("/work/shared/seeds/001_88bc01d13c27bdbc.txt"), "cells verified")
