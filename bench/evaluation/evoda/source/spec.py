# -*- coding: utf-8 -*-
"""Shared definitions for the hand-written EVODA held-out set.

IND maps short keys to the indicator wording of the EVODA screening matrix
(seed 001), copied verbatim.  C() records one hand-written case.
"""

IND = {
    # --- Universal column: indicators
    "U1": "Intense Verbal Arguments.",
    "U2": "Evidence of low level harassment via texting or \u2018Facebook\u2019.",
    # --- Targeted column: indicators
    "T1": "History of minor/moderate incidents of domestic abuse.",
    "T2": "Evidence of intimidation/bullying behaviour e.g. pushing, low level texting, destruction of property.",
    "T3": "Risk of isolation/fixed gender roles/attempts to control behaviour.",
    # --- High column: indicators
    "H1": "Escalation in severity, frequency and/or duration of incidents",
    "H2": "Stalking and harassment behaviours.",
    "H3": "Victim and/or children reporting that they are fearful of the abuser.",
    "H4": "Threats of serious harm and/or to kill the victim and/or child/ren.",
    "H5": "Child/ren are witness to the abuse.",
    "H6": "Child/ren become involved with the domestic abuse e.g. trying to protect the victim, abuser\u2019s assistant and/or harmed during the incident.",
    "H7": "Evidence of coercive behaviours.",
    "H8": "Evidence of controlling behaviours.",
    "H9": "Reoccurring or frequent requests for police interventions.",
    "H10": "Victim has sustained injuries from the abuse.",
    "H11": "History of violence with current or previous partners.",
    "H12": "Criminal history of abuser.",
    "H13": "Violence towards pets/animals.",
    "H14": "Cultural \u2013 honour based violence, FGM or forced marriage.",
    # --- Universal risk factors
    "UR1": "Potential to escalate.",
    "UR2": "Potential for cumulative harm.",
    # --- risk factors appearing in more than one column
    "RA": "Consider age of child/ren.",
    "RL": "Cannot speak, read or write English and has uncertain immigration status in the UK.",
    "RC": "Is living in a close-knit community and puts high value on family honour including recognising faith or community leaders as all powerful.",
    "RS": "Is socially isolated, living in temporary accommodation and nil recourse to public funds.",
    # --- Targeted risk factors
    "TR1": "Child/ren were present in the home.",
    "TR2": "Potential likelihood of emotional abuse of children.",
    "TR3": "Disability issues within the family.",
    "TR4": "Mental health issues \u2013 not prolonged or serious.",
    # --- High risk factors
    "HR1": "Increased Vulnerability of child \u2013 under 12 months of age and/or child with a disability.",
    "HR2": "Mental health issues of abuser and/or victim \u2013 increases risk.",
    "HR3": "Substance misuse of abuser and/or victim \u2013 increases risk.",
    "HR4": "Recent suicidal/homicidal intent by the abuser.",
    "HR5": "Separation increases the risk.",
    "HR6": "Victim minimises risk posed by abuser and impact on the children.",
    "HR7": "Threats or attempts to abduct the child/ren.",
    "HR8": "Isolation e.g. from friends, family and/or supportive agencies.",
    "HR9": "Child/young person has been harmed or injured during domestic abuse incident.",
    "HR10": "Abuser shows lack of empathy/insight into behaviour.",
    "HR11": "Abuser breaches any protective orders or bail conditions in relation to the abuse.",
    "HR12": "History of childhood abuse and/or exposure to domestic abuse for the abuser and/or victim.",
    "HR13": "Victim and/or child/ren is a vulnerable adult e.g. has disability.",
    "HR14": "Victim is pregnant (in some cases increases incidents of physical violence).",
    "HR15": "Child contact where domestic abuse is occurring at contact e.g. physical or controlling/coercive behaviours.",
    "HR16": "Children subject to a CP plan and/or history of Children Social Care services intervention.",
    "HR17": "Other forms of child maltreatment present e.g. neglect, physical or child sexual assault.",
    # --- Protective factors, universal column
    "UP1": "Child/Victim relationship is nurturing, protective and stable.",
    "UP2": "Abuser accepts responsibility for abuse.",
    "UP3": "Abuser indicates genuine remorse and is willing to seek support for behaviour.",
    "UP4": "There are positive supports from family/friends and community.",
    "UP5": "Victim sought or is willing to accept support from other agencies.",
    "PC": "Is living in a close-knit community.",
    "PF": "Has support from faith or community leaders.",
    # --- Protective factors, targeted column
    "TP1": "Significant other in child's life offering a positive and nurturing relationship.",
    "TP2": "Victim prepared to take advice on safety issues and/or engage with agencies.",
    "TP3": "Victim has insight to the abuse and impact on the child/ren.",
    "TP4": "Victim has positive support from family/friends and community.",
    "TP5": "Abuser is willing to engage in services to address abusive behaviour.",
    "TP6": "Older child/ren use coping/protective strategies.",
    # --- Protective factors, high column
    "HP1": "Victim will seek positive support from family, friends or community.",
    "HP2": "Victim attempts to use protective strategies eg injunctions.",
    "HP3": "Victim is engaging with supportive services and seeks safety advice.",
    "HP4": "Child/ren have a nurturing relationship with the victim.",
    "HP5": "Victim demonstrates insight into impact on child/ren.",
    "HP6": "Abuser acknowledges abuse, demonstrates insight to the impact of the child/ren and seeks assistance in changing behaviour.",
    "HP7": "Child/ren have a supportive and positive relationship with a significant other.",
}

STYLES = ("shorthand", "long", "reported", "typos", "structured", "third_party")
GRADES = ("standard", "medium", "high")

CASES = []


def C(g, st, ind, kids, txt, why, rel="partner", preg=None, dash=None, off=(),
      trap=None, prior=(), cp=None, va=None, pa=None, vs="female", ps="male",
      delay=None, loc=None):
    """Record one hand-written case.

    g     expected grade; st narrative style; ind space-separated IND keys;
    kids  space-separated child specs "<age><m|y>[:flags]" with flags
          p=present, d=disability, i=injured (absent unless p), f/m=sex;
    txt   the narrative, with {V} {P} {C1} {C2} {C3} name placeholders;
    why   one-sentence rationale; trap: kind of trap (negated, hypothetical,
          historical, other_person) or None; prior: list of (days_before,
          grade, summary); cp: open_cp_plan; va/pa: ages of victim/perp.
    """
    assert g in GRADES, g
    assert st in STYLES, st
    keys = ind.split()
    for k in keys:
        assert k in IND, k
    assert len(set(keys)) == len(keys), ind
    CASES.append(dict(g=g, st=st, ind=keys, kids=kids.split(), txt=txt.strip(),
                      why=why, rel=rel, preg=preg, dash=dash or g, off=list(off),
                      trap=trap, prior=list(prior), cp=cp, va=va, pa=pa, vs=vs,
                      ps=ps, delay=delay, loc=loc))
