"""Shared helpers and the agency-specific questions (verbatim from seed 004)."""
LABELS = ["missing_contact_details", "child_not_identifiable", "too_short",
          "past_present_unclear", "no_dates_or_times", "acronym", "jargon",
          "no_action_stated", "consent_not_addressed", "delayed_referral",
          "agency_question_unanswered"]

EDU = [
    "What time and date were you made aware of this concern (if a specific incident)",
    "How did this concern come to your attention",
    "Was it a direct disclosure from the child (where applicable)",
    "Have you spoken to either of the child's parents prior to considering this referral. If not, please explain why",
    "Context of child in school (peer/parental engagement/academic progress etc)",
    "What support has been offered to date",
    "Any previous safeguarding concerns about this child/family what were they /how were they resolved",
]
HEALTH = [
    "Include the child's / patient's presenting health need",
    "Include the date and time of when the child / patient arrived in your department, treatment & advice given, and details of signposted agencies",
    "Include who was with the child when they presented",
    "Include the details of any other professionals involved in this incident – i.e. Ambulance Staff and Police details (including Log No. where possible)",
    "Are there any discrepancies in the information provided by the child/ parent about the presenting injuries/ illness",
    "Has the child/ parent presented with similar injuries/ concerns previously. Please provide dates and a description of what happened.",
    "Do you have any concerns about discharging this child home to their parents / carers",
    "Have you ensured that you have not used medical jargon? This cannot always be understood by other professionals outside of the medical profession.",
    "Are you clear why you are escalating this concern to Children's Services",
    "Include which part of Health you work for",
]
# A GP is not asked the hospital-department questions (arrival in department, discharge home).
GPQ = [HEALTH[i] for i in (0, 2, 3, 4, 5, 7, 8, 9)]
CAMHS = [
    "Have you included which agency referred the child(ren) to CAMHS",
    "How long have been working with the child(ren)",
    "Who referred them to your service",
    "What is the child's diagnosis (where applicable)",
    "Separate the historical concerns from the present please list concerns in chronological order to build a picture about the child's journey.",
    "What are the risks to the child e.g.. self harm/ suicidal thoughts/ how are these managed by parents",
    "How are these managed by CAMHS",
    "How do you believe Children's Services can assist",
    "What is the reason that has led you to believe that this child's needs should be escalated to Children's Services",
]
PROB = [
    "What was the Offence",
    "What was the date of sentencing",
    "What was the Sentence",
    "If the referral is in relation to a PPRC what are the offences",
    "What contact does this person have with children, frequency, supervised/unsupervised",
    "Are there any restrictions in place",
    "What is the assessed level of risk this person poses",
]
HOUS = [
    "When was a homeless application made",
    "Why has the person been made homeless",
    "What support has been offered / due from your service or state it not entitled and reason for this",
    "Are there any known issues of domestic violence",
    "Have any family or friends been identified who family could stay with",
    "Does the person have recourse to public funds",
    "Do you know their immigration status",
    "How has the person been supporting themselves up until this point",
]
QS = {"school": EDU, "gp": GPQ, "health_trust": HEALTH, "camhs": CAMHS,
      "probation": PROB, "housing": HOUS, "police": [], "voluntary": []}


def C(given, family="", dob="", age=None, address="", school=""):
    return {"given_name": given, "family_name": family, "date_of_birth": dob,
            "age": age, "address": address, "school_name": school}


def A(kind, *answers):
    """Answers in the order of QS[kind]; None means the question was left out."""
    qs = QS[kind]
    assert len(answers) == len(qs), (kind, len(answers), len(qs))
    return {q: a for q, a in zip(qs, answers) if a is not None}


def T(s):
    """'2025-03-04 09:15' -> ISO with +00:00; None stays None."""
    if s is None:
        return None
    d, t = s.split(" ")
    return f"{d}T{t}:00+00:00"


def R(kind, name, phone, email, children, now, past, inc, disc, sub, actions,
      consent, reason, answers, probs, why):
    return {"agency_kind": kind, "referrer_name": name, "referrer_phone": phone,
            "referrer_email": email, "children": children, "concern_now": now,
            "concern_past": past, "incident_at": T(inc), "disclosure_at": T(disc),
            "submitted_at": T(sub), "agency_actions": actions, "consent": consent,
            "consent_reason": reason, "agency_answers": answers,
            "expected_problems": probs, "rationale": why}
