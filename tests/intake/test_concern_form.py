import dataclasses

import pytest

from frontdoor.intake.concern_form import available_versions, load_concern_form

AGENCY_KINDS_WITH_QUESTIONS = {
    "school": "education_",
    "gp": "health_",
    "health_trust": "health_",
    "camhs": "camhs_",
    "probation": "probation_",
    "housing": "housing_",
}


@pytest.fixture(scope="module")
def form():
    return load_concern_form()


def test_newest_version_is_loaded_by_default_and_names_itself(form):
    assert form.version == max(available_versions())
    assert load_concern_form(1).version == 1


def test_unknown_version_says_which_exist():
    with pytest.raises(LookupError, match="no concern form version 99"):
        load_concern_form(99)


def test_three_immediate_safety_questions_are_marked_as_local_wording(form):
    assert [q.id for q in form.immediate_questions] == ["immediate_1", "immediate_2", "immediate_3"]
    assert form.immediate_wording_is_local
    assert all(q.text.endswith("?") for q in form.immediate_questions)
    assert "Phone the Front Door now" in form.immediate_if_any_yes


def test_questions_four_and_five_follow_the_letter_to_head_teachers(form):
    assert form.welfare_question.id == "welfare_concern"
    assert "not immediate safeguarding issues" in form.welfare_question.text
    assert form.early_help_question.id == "early_help_advice"
    assert "advice and assistance on how to support a family with early help" in form.early_help_question.text
    assert "community social worker" in form.early_help_question.hint


@pytest.mark.parametrize(("agency_kind", "id_prefix"), AGENCY_KINDS_WITH_QUESTIONS.items())
def test_each_agency_kind_gets_its_own_seed_questions(form, agency_kind, id_prefix):
    questions = form.agency_questions(agency_kind)
    assert questions
    assert all(q.id.startswith(id_prefix) for q in questions)
    assert any(q.required_for_coach for q in questions)


@pytest.mark.parametrize("agency_kind", ["police", "voluntary", "local_authority", "unheard_of"])
def test_agency_kinds_without_seed_guidance_have_no_questions(form, agency_kind):
    assert form.agency_questions(agency_kind) == ()


def test_a_gp_gets_the_health_questions_but_not_the_hospital_departments(form):
    hospital_only = {"health_arrival_treatment", "health_discharge_concerns"}
    gp, trust = ({q.id for q in form.agency_questions(kind)} for kind in ("gp", "health_trust"))
    assert gp == trust - hospital_only and hospital_only <= trust


@pytest.mark.parametrize(
    ("question_id", "seed_text"),
    [
        ("health_presenting_need", "Include the child's / patient's presenting health need"),
        (
            "health_other_professionals",
            "Include the details of any other professionals involved in this incident – i.e. "
            "Ambulance Staff and Police details (including Log No. where possible)",
        ),
        ("health_service", "Include which part of Health you work for"),
        ("camhs_duration", "How long have been working with the child(ren)"),
        (
            "camhs_risks",
            "What are the risks to the child e.g.. self harm/ suicidal thoughts/ "
            "how are these managed by parents",
        ),
        ("probation_offence", "What was the Offence"),
        (
            "probation_contact_with_children",
            "What contact does this person have with children, frequency, supervised/unsupervised",
        ),
        ("housing_recourse_to_public_funds", "Does the person have recourse to public funds"),
        (
            "housing_support_offered",
            "What support has been offered / due from your service or state it not entitled "
            "and reason for this",
        ),
        (
            "education_parents_spoken_to",
            "Have you spoken to either of the child's parents prior to considering this referral. "
            "If not, please explain why",
        ),
        (
            "education_context_in_school",
            "Context of child in school (peer/parental engagement/academic progress etc)",
        ),
    ],
)
def test_agency_questions_are_word_for_word_from_seed_004(form, question_id, seed_text):
    questions = {q.id: q for kind in AGENCY_KINDS_WITH_QUESTIONS for q in form.agency_questions(kind)}
    assert questions[question_id].text == seed_text


def test_every_seed_bullet_is_a_question_or_a_reminder(form):
    kinds = ("health_trust", "camhs", "probation", "housing", "school")
    counts = {kind: len(form.agency_questions(kind)) + len(form.agency_reminders(kind)) for kind in kinds}
    assert counts == {"health_trust": 11, "camhs": 9, "probation": 8, "housing": 8, "school": 7}


def test_question_ids_are_unique_across_the_form(form):
    ids = [q.id for q in form.immediate_questions] + [form.welfare_question.id, form.early_help_question.id]
    ids += [q.id for section in form.agency_sections for q in section.questions]
    assert len(ids) == len(set(ids))


def test_reminders_are_shown_apart_from_questions_and_never_insisted_on(form):
    questions = [q for kind in AGENCY_KINDS_WITH_QUESTIONS for q in form.agency_questions(kind)]
    reminders = [q for kind in AGENCY_KINDS_WITH_QUESTIONS for q in form.agency_reminders(kind)]
    assert all(q.kind == "question" for q in questions)
    assert form.agency_reminders("police") == ()
    assert {q.id for q in reminders} == {
        "health_medical_jargon",
        "health_child_details",
        "camhs_chronology",
        "probation_child_details",
    }
    assert not any(q.required_for_coach for q in reminders)


def test_consent_options_with_the_two_reasons_for_not_seeking_it(form):
    assert [o.id for o in form.consent_options] == ["given", "refused", "not_sought"]
    not_sought = form.consent_option("not_sought")
    assert [r.label for r in not_sought.reasons] == [
        "Asking would put a child at risk of harm",
        "Asking would prejudice the prevention or detection of a crime",
    ]
    assert "consent to refer concerns is not required" in not_sought.hint
    assert form.consent_option("given").reasons == ()
    assert form.consent_option("maybe") is None


def test_form_is_immutable(form):
    with pytest.raises(dataclasses.FrozenInstanceError):
        form.version = 2
