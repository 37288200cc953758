"""The rows of the concern form's "Check your answers" page: every answer the referrer gave, in words,
each with a link back to the question on the step that asked it."""
from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format

from frontdoor.intake.concern_form import load_concern_form
from frontdoor.intake.models import Contact
from frontdoor.intake.services import ContactDraft


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    change_url: str
    change_label: str  # the visually hidden end of "Change ...", so each link says what it changes


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]


def _yes_no(value) -> str:
    return {True: "Yes", False: "No"}.get(value, "Not answered")


def _day(value) -> str:
    return date_format(value, "j F Y") if value else ""


def _moment(value) -> str:
    return date_format(value, "j F Y, H:i") if value else "Not given"


def _at(step: str, field_id: str) -> str:
    return f"{reverse(step)}#id_{field_id}"


def check_sections(*, draft: ContactDraft, agency_kind: str) -> list[Section]:
    form = load_concern_form()
    questions = [
        Row(q.text, _yes_no(draft.immediate_answers.get(q.id)), _at("intake:start", q.id), q.text)
        for q in form.immediate_questions
    ]
    questions += [
        Row(form.welfare_question.text, _yes_no(draft.welfare_concern), _at("intake:start", "welfare_concern"),
            form.welfare_question.text),
        Row(form.early_help_question.text, _yes_no(draft.early_help_advice), _at("intake:start", "early_help_advice"),
            form.early_help_question.text),
    ]
    details = "intake:details"
    about_you = [
        Row("Name", draft.referrer_name, _at(details, "referrer_name"), "your name"),
        Row("Job title", draft.referrer_role or "Not given", _at(details, "referrer_role"), "your job title"),
        Row("Phone", draft.referrer_phone, _at(details, "referrer_phone"), "your phone number"),
        Row("Email", draft.referrer_email, _at(details, "referrer_email"), "your email address"),
    ]
    sections = [Section("Immediate safety and support", tuple(questions)), Section("About you", tuple(about_you))]
    for index, child in enumerate(draft.children):
        field = f"child-{index}-"
        name = " ".join(part for part in (child.given_name, child.family_name) if part) or "Name not known"
        if child.is_unborn:
            born = f"Unborn, expected {_day(child.expected_date)}"
            born += f"; father {child.father_name}" if child.father_name else ""
        else:
            born = _day(child.date_of_birth) or "Not known"
        sex = {"female": "Female", "male": "Male"}.get(child.sex, "Not known")
        address = ", ".join(part for part in (child.address, child.postcode) if part) or "Not known"
        which = f"child {index + 1}'s"
        sections.append(Section(f"Child {index + 1}", (
            Row("Name", name, _at(details, field + "given_name"), f"{which} name"),
            Row("Date of birth", born, _at(details, field + ("expected_date" if child.is_unborn else "date_of_birth")),
                f"{which} date of birth"),
            Row("Sex", sex, _at(details, field + "sex"), f"{which} sex"),
            Row("Address", address, _at(details, field + "address"), f"{which} address"),
            Row("NHS number", child.nhs_number or "Not known", _at(details, field + "nhs_number"),
                f"{which} NHS number"),
            Row("School or nursery", child.school_name or "Not known", _at(details, field + "school_name"),
                f"{which} school or nursery"),
        )))
    family = []
    for index, member in enumerate(draft.family_members):
        words = f"{member.name} ({member.relationship})"
        if member.date_of_birth:
            words += f", born {_day(member.date_of_birth)}"
        if member.address:
            words += f", {member.address}"
        family.append(Row(f"Person {index + 1}", words, _at(details, f"family-{index}-name"),
                          f"family or household member {index + 1}"))
    if not family:
        family.append(Row("Family and household members", "None given", f"{reverse(details)}#family",
                          "family and household members"))
    sections.append(Section("Family and household", tuple(family)))
    consent = Contact.Consent(draft.consent).label if draft.consent in Contact.Consent.values else draft.consent
    concern = [
        Row("What is happening now", draft.concern_now, _at(details, "concern_now"), "what is happening now"),
        Row("Past events", draft.concern_past or "None given", _at(details, "concern_past"), "past events"),
        Row("Date of the incident or disclosure", _moment(draft.incident_at), _at(details, "incident_date"),
            "the date of the incident"),
        Row("When you became aware", _moment(draft.disclosure_at), _at(details, "disclosure_date"),
            "when you became aware"),
        Row("What your agency has done", draft.agency_actions, _at(details, "agency_actions"),
            "what your agency has done"),
        Row("Consent", consent + (f": {draft.consent_reason}" if draft.consent_reason else ""),
            _at(details, "consent"), "consent"),
    ]
    sections.append(Section("The concern", tuple(concern)))
    agency = [
        Row(q.text, draft.agency_answers.get(q.id) or "Not answered", _at(details, f"agency__{q.id}"), q.text)
        for q in form.agency_questions(agency_kind)
    ]
    if agency:
        sections.append(Section("Questions for your agency", tuple(agency)))
    return sections
