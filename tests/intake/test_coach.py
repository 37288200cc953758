import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdoor.intake.coach import (
    LONDON,
    CoachSettings,
    ReferralDraft,
    check,
    coach_terms,
    flags_as_dicts,
    is_plausible_uk_phone,
)

SUBMITTED = datetime(2026, 3, 10, 11, 30, tzinfo=LONDON)
VALID_NHS_NUMBER = "943 476 5919"

JADE = {
    "given_name": "Jade",
    "family_name": "Morgan",
    "dob": date(2017, 5, 4),
    "expected_date": None,
    "address": "14 Orchard Way, Worcester",
    "postcode": "WR5 2NP",
    "nhs_number": "",
    "school_name": "St Peter's Primary",
}
KAI = {**JADE, "given_name": "Kai", "dob": date(2022, 11, 20), "school_name": ""}

SCHOOL_ANSWERS = {
    "education_aware_at": "Tuesday 10 March 2026 at 09:15",
    "education_how_came_to_attention": "Jade told her class teacher at the start of the morning.",
    "education_direct_disclosure": "Yes, she told her teacher directly.",
    "education_parents_spoken_to": "Not yet: Jade is frightened that Lee will find out she told us.",
    "education_context_in_school": "Settled, with friends; attendance has fallen from 97% to 82% this term.",
    "education_support_offered": "Weekly sessions with the learning mentor since January.",
    "education_previous_concerns": "September 2025: police attended an argument at home; we offered support.",
}

GOOD_SCHOOL_REFERRAL = ReferralDraft(
    referrer_name="Priya Patel",
    referrer_phone="01905 822666",
    referrer_email="p.patel@stpeters.example.sch.uk",
    agency_kind="school",
    children=(JADE, KAI),
    concern_now=(
        "On Tuesday 10 March 2026 at 09:15 Jade told her class teacher that her mum's boyfriend, "
        "Lee, pushed her mum into the kitchen door last night and shouted that he would finish her. "
        "Jade said she hid under her bed with her brother Kai, who is 3. She has a red mark on her "
        "left wrist which she says happened when Lee pulled her away from her mum. She says she is "
        "frightened to go home today if Lee is there."
    ),
    concern_past=(
        "In September 2025 Jade told us the police had come to the house after an argument. "
        "Mum said then that Lee had moved out."
    ),
    incident_at=datetime(2026, 3, 9, 21, 0, tzinfo=LONDON),
    disclosure_at=datetime(2026, 3, 10, 9, 15, tzinfo=LONDON),
    submitted_at=SUBMITTED,
    agency_actions=(
        "I listened to Jade, used open questions and wrote down her words. Jade is staying in "
        "class today and the designated safeguarding lead is with her at lunch."
    ),
    consent="not_sought",
    consent_reason="risk_of_harm",
    agency_answers=SCHOOL_ANSWERS,
)

HEALTH_ANSWERS = {
    "health_presenting_need": "A swollen left forearm; an X-ray showed a broken bone.",
    "health_arrival_treatment": "Arrived 8 March 2026 at 19:40; cast fitted; advice on pain relief.",
    "health_accompanied_by": "His father, Mark Hughes.",
    "health_other_professionals": "None: he was brought in by car.",
    "health_discrepancies": "Father said he fell off a sofa; the break is a twisting injury.",
    "health_previous_presentations": "Seen on 2 January 2026 with a bruise to the cheek.",
    "health_discharge_concerns": "Yes, we are keeping him on the ward until social care have spoken to us.",
    "health_escalation_reason": "The injury does not match the explanation and he is 14 months old.",
    "health_service": "Children's emergency department, Worcestershire Royal Hospital.",
}

GOOD_HEALTH_REFERRAL = ReferralDraft(
    referrer_name="Dr Sam Okafor",
    referrer_phone="+44 (0)1905 763333 ext 4410",
    agency_kind="health_trust",
    children=({"given_name": "Noah", "family_name": "Hughes", "nhs_number": VALID_NHS_NUMBER},),
    concern_now=(
        "Noah, aged 14 months, was brought to the emergency department on 8 March 2026 at 19:40 "
        "with a broken left forearm. His father says he fell off a sofa, but the break is a "
        "twisting injury that does not fit a fall. He is still on the ward and is settled."
    ),
    submitted_at=SUBMITTED,
    agency_actions=(
        "We have kept Noah on the ward, told his father we are sharing this with social care, "
        "and informed the police."
    ),
    consent="given",
    agency_answers=HEALTH_ANSWERS,
)


def codes(flags):
    return [flag.code for flag in flags]


def flags_with(draft, code):
    return [flag for flag in check(draft) if flag.code == code]


def field_text(draft, field):
    return dict(draft.text_fields())[field]


# Good referrals


def test_good_school_referral_gets_no_flags():
    assert check(GOOD_SCHOOL_REFERRAL) == []


def test_good_health_referral_gets_no_flags():
    assert check(GOOD_HEALTH_REFERRAL) == []


def test_check_is_deterministic():
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_now="DV last year. CSC knew.", consent="")
    assert check(draft) == check(draft)


# Acronyms


def test_known_acronym_is_flagged_with_its_expansion_and_span():
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_now="There was DV at home last night and she is scared.")
    [flag] = flags_with(draft, "acronym")
    assert flag.field == "concern_now"
    assert draft.concern_now[flag.start : flag.end] == "DV"
    assert flag.expansion == "domestic violence"
    assert '"DV"' in flag.message and "domestic violence" in flag.message


def test_acronym_expanded_in_the_text_is_not_flagged():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        agency_actions="We completed an Early Help Assessment (EHA) in January. The EHA closed in February.",
    )
    assert flags_with(draft, "acronym") == []


def test_acronym_followed_by_its_expansion_in_brackets_is_not_flagged():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        agency_actions="A TAF (team around the family) meets on Fridays. TAF notes attached.",
    )
    assert flags_with(draft, "acronym") == []


def test_acronym_explained_in_another_field_is_not_flagged_again():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        concern_past="She was a child in need (CIN) in 2024 and the plan ended last year.",
        agency_actions="We went to every CIN meeting and shared attendance figures.",
    )
    assert flags_with(draft, "acronym") == []


def test_acronym_whose_full_form_is_written_elsewhere_is_not_flagged():
    draft = replace(
        GOOD_SCHOOL_REFERRAL, concern_past="There was domestic abuse in 2024; DA was reported to police."
    )
    assert flags_with(draft, "acronym") == []


def test_plural_acronym_is_flagged_under_its_singular_and_spans_the_plural():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions="Two SWs and the SENCOs have been told.")
    flags = flags_with(draft, "acronym")
    assert [(draft.agency_actions[f.start : f.end], f.expansion) for f in flags] == [
        ("SWs", "social worker"),
        ("SENCOs", "special educational needs coordinator"),
    ]


def test_everyday_abbreviations_car_makes_and_initials_are_not_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions=(
        "PC Khan took him to A&E and his GP was told. DK drove off in a black BMW; a VW was parked outside."))
    assert flags_with(draft, "acronym") == []


def test_mixed_case_and_punctuated_acronyms_are_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions="Probation say his RoSH is high on OASys and an s.47 may follow.")
    flagged = {draft.agency_actions[f.start:f.end] for f in check(draft)
               if f.code in ("acronym", "jargon") and f.field == "agency_actions"}
    assert {"RoSH", "OASys", "s.47"} <= flagged


def test_possessive_acronym_spans_only_the_letters():
    draft = replace(
        GOOD_SCHOOL_REFERRAL, agency_actions="I rang the SW's office at 10:00 and left a message."
    )
    [flag] = flags_with(draft, "acronym")
    assert draft.agency_actions[flag.start : flag.end] == "SW"


@pytest.mark.parametrize(
    ("text", "acronym", "expansion"),
    [
        ("Seen in ED overnight.", "ED", "emergency department (or eating disorder)"),
        ("She was CiN until March.", "CiN", "child in need"),
        ("Mum told the IDVA she is scared.", "IDVA", "Independent Domestic Violence Advisor"),
        (
            "Police graded the DASH as high.",
            "DASH",
            "Domestic Abuse, Stalking, Harassment and Honour-based violence risk checklist",
        ),
        ("Referred to MARAC by police.", "MARAC", "Multi-Agency Risk Assessment Conference"),
        ("Dad was arrested for ABH.", "ABH", "actual bodily harm"),
        ("Doctors suspect NAI.", "NAI", "non-accidental injury (an injury someone caused on purpose)"),
        ("Police sent a PPN.", "PPN", "Public Protection Notice (a police report of a concern)"),
        ("The DSL spoke to her.", "DSL", "designated safeguarding lead"),
        ("Seen by CAMHS weekly.", "CAMHS", "Child and Adolescent Mental Health Services"),
        ("Previous OD of paracetamol.", "OD", "overdose"),
        ("She gets FSM.", "FSM", "free school meals"),
    ],
)
def test_common_safeguarding_acronyms_are_flagged_with_expansions(text, acronym, expansion):
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions=text)
    [flag] = flags_with(draft, "acronym")
    assert (text[flag.start : flag.end], flag.expansion) == (acronym, expansion)


def test_ambiguous_acronym_message_gives_the_likelier_meaning_without_the_bracketed_note():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions="Seen in ED overnight.")
    [flag] = flags_with(draft, "acronym")
    assert flag.expansion == "emergency department (or eating disorder)"
    assert '("emergency department")' in flag.message


def test_unknown_abbreviation_is_flagged_without_an_expansion():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions="I told the ISCO at 10:00.")
    [flag] = flags_with(draft, "acronym")
    assert draft.agency_actions[flag.start : flag.end] == "ISCO"
    assert flag.expansion is None
    assert flag.message.startswith('If "ISCO" is an abbreviation')


def test_surname_written_in_capitals_is_not_taken_for_an_abbreviation():
    draft = replace(
        GOOD_SCHOOL_REFERRAL, agency_actions="I spoke to Jade MORGAN and to her mum, Kelly MORGAN, at 10:00."
    )
    assert flags_with(draft, "acronym") == []


def test_text_typed_in_capitals_flags_only_known_acronyms():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions="SPOKE TO MUM AND THE HV THIS MORNING.")
    flags = flags_with(draft, "acronym")
    assert [draft.agency_actions[f.start : f.end] for f in flags] == ["HV"]


def test_capitals_everyone_understands_are_not_flagged():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        agency_actions="Her NHS number and DOB are on the form; she said it was OK to tell you.",
    )
    assert flags_with(draft, "acronym") == []


def test_each_acronym_is_flagged_once_per_field():
    draft = replace(
        GOOD_SCHOOL_REFERRAL, agency_actions="DV on Monday, DV again on Tuesday.", concern_past="DV in 2024."
    )
    flags = flags_with(draft, "acronym")
    assert [(f.field, f.start) for f in flags] == [("concern_past", 0), ("agency_actions", 0)]


def test_acronym_in_an_agency_answer_names_that_answer():
    answers = {**HEALTH_ANSWERS, "health_presenting_need": "# radius, ?NAI."}
    draft = replace(GOOD_HEALTH_REFERRAL, agency_answers=answers)
    [flag] = flags_with(draft, "acronym")
    assert flag.field == "agency_answers.health_presenting_need"
    assert field_text(draft, flag.field)[flag.start : flag.end] == "NAI"


# Jargon


@pytest.mark.parametrize(
    ("text", "term", "plain"),
    [
        ("A contusion to the left cheek.", "contusion", "bruise"),
        ("Two Contusions on her back.", "Contusions", "bruise"),
        ("A haematoma behind the ear.", "haematoma", "a swelling of blood under the skin, like a bad bruise"),
        ("Petechiae around both eyes.", "Petechiae", "tiny red or purple spots on the skin"),
        ("o/e a 2cm laceration.", "o/e", "on examination"),
        ("She was pyrexial overnight.", "pyrexial", "has a high temperature"),
        (
            "The toxic trio is present.",
            "toxic trio",
            "domestic abuse, parental mental ill health and substance misuse together",
        ),
        ("An s47 was opened.", "s47", "a child protection enquiry (section 47)"),
    ],
)
def test_jargon_is_flagged_with_plain_words(text, term, plain):
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions=text)
    flags = flags_with(draft, "jargon")
    assert (text[flags[0].start : flags[0].end], flags[0].expansion) == (term, plain)
    assert f'"{term}"' in flags[0].message


def test_jargon_does_not_match_inside_other_words():
    draft = replace(
        GOOD_SCHOOL_REFERRAL, agency_actions="We agreed a strategy with the family and its history."
    )
    assert flags_with(draft, "jargon") == []


def test_language_flags_in_a_field_come_in_reading_order():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions="Contusion seen, then the HV saw a haematoma.")
    flags = [f for f in check(draft) if f.field == "agency_actions"]
    assert [draft.agency_actions[f.start : f.end] for f in flags] == ["Contusion", "HV", "haematoma"]


# Contact details


def test_no_phone_and_no_email_is_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, referrer_phone="", referrer_email="  ")
    [flag] = flags_with(draft, "missing_contact_details")
    assert flag.field == "referrer_phone"
    assert "Give a phone number" in flag.message


def test_an_email_alone_still_asks_for_a_phone_number():
    """Seed 004: a good referral "provides detail, such as: telephone numbers"."""
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, referrer_phone=""), "missing_contact_details")
    assert flag.field == "referrer_phone"


def test_implausible_phone_number_is_flagged_even_with_an_email():
    draft = replace(GOOD_SCHOOL_REFERRAL, referrer_phone="12345")
    [flag] = flags_with(draft, "missing_contact_details")
    assert (flag.field, "UK phone number" in flag.message) == ("referrer_phone", True)


def test_incomplete_email_is_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, referrer_email="p.patel@stpeters")
    [flag] = flags_with(draft, "missing_contact_details")
    assert flag.field == "referrer_email"


def test_missing_referrer_name_is_flagged():
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, referrer_name=""), "missing_contact_details")
    assert flag.field == "referrer_name"


@pytest.mark.parametrize(
    "phone",
    [
        "01905 822666",
        "07700 900123",
        "+44 7700 900123",
        "+44 (0)1905 822666",
        "(01905) 822-666",
        "0800 123456",
        "01905 822666 ext. 42",
    ],
)
def test_uk_phone_numbers_are_plausible(phone):
    assert is_plausible_uk_phone(phone)


@pytest.mark.parametrize(
    "phone", ["12345", "999", "00441905822666", "07700 9001234567", "call the office", "+33 1 42 68 53 00"]
)
def test_other_phone_numbers_are_not_plausible(phone):
    assert not is_plausible_uk_phone(phone)


# Dates and times


def test_concern_without_dates_or_times_is_flagged():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        incident_at=None,
        disclosure_at=None,
        concern_now="Jade says her mum's boyfriend pushed her mum into a door and that she is frightened of him.",
        concern_past="Police have been to the house before after an argument between mum and her boyfriend.",
    )
    assert codes(check(draft)) == ["no_dates_or_times"]


@pytest.mark.parametrize(
    "when",
    [
        "yesterday",
        "on 14/03/2026",
        "on the 3rd of March",
        "at 3pm",
        "at 15:40",
        "on Monday",
        "this morning",
        "in 2025",
    ],
)
def test_a_date_or_time_in_the_concern_is_enough(when):
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        incident_at=None,
        concern_now=f"Jade says her mum's boyfriend pushed her mum into a door {when}. She is frightened of him.",
    )
    assert flags_with(draft, "no_dates_or_times") == []


def test_incident_time_given_on_the_form_is_enough():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        concern_now="Jade says that her mum's boyfriend pushed her mum into a door and she is frightened.",
    )
    assert flags_with(draft, "no_dates_or_times") == []


# Past and present


def test_empty_present_concern_is_flagged():
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, concern_now="  "), "past_present_unclear")
    assert flag.field == "concern_now"


@pytest.mark.parametrize(
    "concern_now",
    [
        "In 2019 mum's partner hit her in front of the children. Police attended and he was arrested.",
        "Last year the family were known to social care. Dad was previously in prison for assault.",
        "Historically there were concerns about neglect and the home conditions years ago.",
    ],
)
def test_present_concern_written_wholly_about_the_past_is_flagged(concern_now):
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_now=concern_now)
    [flag] = flags_with(draft, "past_present_unclear")
    assert "happening now" in flag.message


@pytest.mark.parametrize(
    "concern_now",
    [
        "Last year dad was arrested for assault. He is back living at home.",
        "Previously known to social care; mum currently has no heating in the flat.",
        "In 2026 so far Jade has missed nine days of school after weekends.",
    ],
)
def test_present_concern_that_says_what_is_happening_now_is_not_flagged(concern_now):
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_now=concern_now)
    assert flags_with(draft, "past_present_unclear") == []


# Action taken


@pytest.mark.parametrize(
    "actions", ["", "   ", "None", "none.", "n/a", "N/A", "NA", "nil", "-", "...", "TBC"]
)
def test_no_action_stated_is_flagged(actions):
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, agency_actions=actions), "no_action_stated")
    assert flag.field == "agency_actions"


def test_a_short_real_action_is_accepted():
    assert (
        flags_with(replace(GOOD_SCHOOL_REFERRAL, agency_actions="Spoke to mum at 3pm."), "no_action_stated")
        == []
    )


# The child


def test_referral_naming_no_child_is_flagged():
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, children=()), "child_not_identifiable")
    assert flag.field == "children"


def test_child_with_a_name_but_nothing_else_is_flagged_by_position():
    nameless_detail = {"given_name": "Kai", "family_name": "Morgan"}
    [flag] = flags_with(
        replace(GOOD_SCHOOL_REFERRAL, children=(JADE, nameless_detail)), "child_not_identifiable"
    )
    assert flag.field == "children[1]"
    assert "Kai Morgan" in flag.message and "date of birth" in flag.message


def test_child_without_a_family_name_or_a_school_is_flagged():
    [flag] = flags_with(
        replace(GOOD_SCHOOL_REFERRAL, children=({**JADE, "family_name": "", "school_name": ""},)), "child_not_identifiable"
    )
    assert "full name" in flag.message


def test_a_child_known_by_first_name_and_school_is_flagged_with_what_would_help():
    """Accepted, never refused (issue 13): the flag says what would help the front door find Tyler."""
    child = {"given_name": "Tyler", "family_name": "", "dob": None, "school_name": "Nettlecombe Vale Primary"}
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, children=(child,)), "child_not_identifiable")
    assert "Tyler" in flag.message and "full name" in flag.message


def test_a_postcode_written_in_the_address_identifies_a_child():
    child = {"given_name": "Baby", "family_name": "Robinson", "dob": None, "address": "Flat 12, Clarence Court, PE1 5DD"}
    assert flags_with(replace(GOOD_SCHOOL_REFERRAL, children=(child,)), "child_not_identifiable") == []


def test_unborn_child_with_family_name_and_due_date_is_identifiable():
    unborn = {"given_name": "", "family_name": "Morgan", "dob": None, "expected_date": date(2026, 6, 1)}
    assert flags_with(replace(GOOD_SCHOOL_REFERRAL, children=(unborn,)), "child_not_identifiable") == []


@pytest.mark.parametrize(
    "identifier",
    [
        {"dob": date(2017, 5, 4)},
        {"address": "14 Orchard Way", "postcode": "WR5 2NP"},
        {"nhs_number": VALID_NHS_NUMBER},
        {"school_name": "St Peter's Primary"},
    ],
)
def test_a_name_and_any_one_identifier_is_enough(identifier):
    child = {"given_name": "Jade", "family_name": "Morgan", **identifier}
    assert flags_with(replace(GOOD_SCHOOL_REFERRAL, children=(child,)), "child_not_identifiable") == []


def test_address_without_postcode_does_not_identify():
    child = {"given_name": "Jade", "family_name": "Morgan", "address": "14 Orchard Way"}
    assert len(flags_with(replace(GOOD_SCHOOL_REFERRAL, children=(child,)), "child_not_identifiable")) == 1


def test_invalid_nhs_number_does_not_identify_and_says_so():
    child = {"given_name": "Jade", "family_name": "Morgan", "nhs_number": "943 476 5918"}
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, children=(child,)), "child_not_identifiable")
    assert "NHS number given is not valid" in flag.message


# Consent


@pytest.mark.parametrize("consent", ["", "maybe"])
def test_consent_not_addressed_is_flagged(consent):
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, consent=consent), "consent_not_addressed")
    assert flag.field == "consent"


def test_consent_not_sought_without_a_reason_is_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, consent="not_sought", consent_reason="")
    [flag] = flags_with(draft, "consent_not_addressed")
    assert flag.field == "consent_reason"
    assert "risk of harm" in flag.message and "prevention or detection of a crime" in flag.message


@pytest.mark.parametrize(
    ("consent", "reason"), [("given", ""), ("refused", ""), ("not_sought", "prejudice_crime")]
)
def test_consent_answered_is_accepted(consent, reason):
    draft = replace(GOOD_SCHOOL_REFERRAL, consent=consent, consent_reason=reason)
    assert flags_with(draft, "consent_not_addressed") == []


# Delay since the disclosure


def test_referral_three_days_after_the_disclosure_is_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, disclosure_at=SUBMITTED - timedelta(days=3))
    [flag] = flags_with(draft, "delayed_referral")
    assert flag.field == "disclosure_at"
    assert "3 days" in flag.message and "speak to the child" in flag.message


def test_referral_thirty_hours_after_the_disclosure_gives_hours():
    [flag] = flags_with(
        replace(GOOD_SCHOOL_REFERRAL, disclosure_at=SUBMITTED - timedelta(hours=30)), "delayed_referral"
    )
    assert "30 hours" in flag.message


def test_referral_the_same_morning_is_not_delayed():
    assert (
        flags_with(
            replace(GOOD_SCHOOL_REFERRAL, disclosure_at=SUBMITTED - timedelta(hours=2)), "delayed_referral"
        )
        == []
    )


def test_delay_threshold_is_configurable():
    draft = replace(GOOD_SCHOOL_REFERRAL, disclosure_at=SUBMITTED - timedelta(hours=5))
    flags = check(draft, settings=CoachSettings(delay_threshold=timedelta(hours=4)))
    assert codes(flags) == ["delayed_referral"]


def test_naive_times_are_read_as_london_time():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        disclosure_at=datetime(2026, 7, 1, 9, 0),
        submitted_at=datetime(2026, 7, 2, 8, 30, tzinfo=UTC),  # 09:30 in London: 24.5 hours later
    )
    assert codes(flags_with(draft, "delayed_referral")) == ["delayed_referral"]


def test_missing_submission_time_means_now():
    draft = replace(
        GOOD_SCHOOL_REFERRAL, submitted_at=None, disclosure_at=datetime.now(UTC) - timedelta(days=2)
    )
    assert codes(flags_with(draft, "delayed_referral")) == ["delayed_referral"]


# Agency-specific questions


def test_school_referral_without_answers_is_asked_the_required_education_questions():
    flags = flags_with(replace(GOOD_SCHOOL_REFERRAL, agency_answers={}), "agency_question_unanswered")
    assert [f.field for f in flags] == [
        "agency_answers.education_how_came_to_attention",
        "agency_answers.education_parents_spoken_to",
        "agency_answers.education_context_in_school",
        "agency_answers.education_support_offered",
        "agency_answers.education_previous_concerns",
    ]
    assert (
        flags[0].message
        == 'Answer this question for your agency: "How did this concern come to your attention".'
    )


def test_blank_answer_counts_as_unanswered():
    answers = {**SCHOOL_ANSWERS, "education_support_offered": "   "}
    [flag] = flags_with(replace(GOOD_SCHOOL_REFERRAL, agency_answers=answers), "agency_question_unanswered")
    assert flag.field == "agency_answers.education_support_offered"


@pytest.mark.parametrize(
    ("agency_kind", "expected"),
    [
        ("gp", 6),
        ("health_trust", 8),
        ("camhs", 6),
        ("probation", 6),
        ("housing", 6),
        ("school", 5),
        ("police", 0),
        ("voluntary", 0),
    ],
)
def test_each_agency_kind_is_asked_its_own_required_questions(agency_kind, expected):
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_kind=agency_kind, agency_answers={})
    flags = flags_with(draft, "agency_question_unanswered")
    assert len(flags) == expected
    prefix = {"gp": "health", "health_trust": "health", "school": "education"}.get(agency_kind, agency_kind)
    assert all(f.field.startswith(f"agency_answers.{prefix}_") for f in flags)


# Length


def test_very_short_concern_is_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_now="DV at home. Child upset today.", concern_past="")
    assert "too_short" in codes(check(draft))


def test_past_concerns_count_towards_the_length():
    draft = replace(
        GOOD_SCHOOL_REFERRAL,
        concern_now="Jade is frightened to go home today because of what she saw.",
        concern_past="In September 2025 police came to the house after mum's boyfriend shouted and broke a window.",
    )
    assert "too_short" not in codes(check(draft))


def test_min_words_is_configurable():
    flags = check(GOOD_SCHOOL_REFERRAL, settings=CoachSettings(min_words=500))
    assert codes(flags) == ["too_short"]


# A poor referral, as seed 004 describes it


def test_poor_referral_gets_the_flags_seed_004_lists():
    poor = ReferralDraft(
        referrer_name="J",
        agency_kind="school",
        children=({"given_name": "Jade", "family_name": "", "dob": None},),
        concern_now="DV in home. CSC previously involved. Child LAC last year.",
        disclosure_at=SUBMITTED - timedelta(days=4),
        submitted_at=SUBMITTED,
        agency_actions="n/a",
    )
    assert set(codes(check(poor))) == {
        "missing_contact_details",
        "child_not_identifiable",
        "too_short",
        "past_present_unclear",
        "acronym",
        "no_action_stated",
        "consent_not_addressed",
        "delayed_referral",
        "agency_question_unanswered",
    }


def test_flags_as_dicts_are_json_ready():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_actions="Told the SW.", consent="")
    payload = json.loads(json.dumps(flags_as_dicts(check(draft))))
    assert payload[0] == {
        "code": "acronym",
        "message": 'Write "SW" in full ("social worker"): not everyone who reads your referral will know it.',
        "field": "agency_actions",
        "start": 9,
        "end": 11,
        "expansion": "social worker",
    }
    assert payload[1]["code"] == "consent_not_addressed" and payload[1]["start"] is None


def test_terms_data_has_string_keys_and_every_acronym_an_expansion():
    terms = coach_terms()
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in terms.acronyms.items())
    assert all(isinstance(k, str) for k in terms.understood_by_everyone)
    assert not terms.understood_by_everyone & terms.acronyms.keys()


WORDS = [
    "Mum",
    "said",
    "DV",
    "GPs",
    "A&E",
    "contusion",
    "o/e",
    "ISCO",
    "Jade",
    "SMITH",
    "(EHA)",
    "EHA",
    "s47",
    "today",
    "-",
    "&",
    "(",
    ")",
]


@given(
    words=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=40),
    field=st.sampled_from(["concern_now", "agency_actions"]),
)
def test_every_span_points_at_the_words_it_flags(words, field):
    draft = replace(GOOD_SCHOOL_REFERRAL, **{field: " ".join(words)})
    for flag in check(draft):
        if flag.start is not None:
            flagged = field_text(draft, flag.field)[flag.start : flag.end]
            assert flagged.strip() == flagged != ""
            assert flag.code in {"acronym", "jargon"}


@pytest.mark.parametrize("answer", ["See above.", "N/A", "unknown", "As above", "?"])
def test_an_answer_that_answers_nothing_is_unanswered(answer):
    answers = {**GOOD_SCHOOL_REFERRAL.agency_answers, "education_support_offered": answer}
    flags = flags_with(replace(GOOD_SCHOOL_REFERRAL, agency_answers=answers), "agency_question_unanswered")
    assert [f.field for f in flags] == ["agency_answers.education_support_offered"]


def test_a_bare_no_where_the_question_asks_why_not_is_unanswered():
    answers = {**GOOD_SCHOOL_REFERRAL.agency_answers, "education_parents_spoken_to": "Not yet."}
    flags = flags_with(replace(GOOD_SCHOOL_REFERRAL, agency_answers=answers), "agency_question_unanswered")
    assert [f.field for f in flags] == ["agency_answers.education_parents_spoken_to"]


def test_a_gp_is_not_asked_the_hospital_departments_questions():
    draft = replace(GOOD_SCHOOL_REFERRAL, agency_kind="gp", agency_answers={})
    fields = {f.field for f in flags_with(draft, "agency_question_unanswered")}
    assert not fields & {"agency_answers.health_arrival_treatment", "agency_answers.health_discharge_concerns"}


def test_history_mixed_into_what_is_happening_now_is_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_past="", concern_now=(
        "Jade told me today that dad shouted at mum last night. Dad was convicted of assault and there "
        "was a MARAC in the spring, and he has been in prison and he is out now and mum is scared."))
    [flag] = flags_with(draft, "past_present_unclear")
    assert "mixed in with what is happening now" in flag.message


def test_the_day_the_referrer_became_aware_is_a_date_given():
    draft = replace(GOOD_SCHOOL_REFERRAL, incident_at=None, concern_now=(
        "Jade says her mum's boyfriend pushed her mum into a door and that she is frightened of him."))
    assert "no_dates_or_times" not in codes(check(draft))


def test_events_strung_together_with_no_past_concerns_are_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_past="See above.", concern_now=(
        "Mum says dad smashed things and he was arrested and Jade saw it and wet the bed and the school were "
        "worried, and he has moved back in and Jade hides in her room."))
    [flag] = flags_with(draft, "past_present_unclear")
    assert "mixed in with what is happening now" in flag.message


def test_a_long_account_with_its_history_under_past_concerns_is_not_flagged():
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_now=(
        "Jade came in crying and shaking and said dad hit mum and mum fell and Jade ran to her room and hid."))
    assert flags_with(draft, "past_present_unclear") == []


def test_a_referral_too_short_to_say_anything_is_not_also_asked_for_dates():
    draft = replace(GOOD_SCHOOL_REFERRAL, concern_now="Family homeless, mum struggling.", concern_past="None.",
                    incident_at=None)
    assert {"too_short"} & set(codes(check(draft)))
    assert "no_dates_or_times" not in codes(check(draft))
