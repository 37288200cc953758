"""Words for the machinery a contact stores: coach flag codes, the agency questions' ids."""
from django import template

from frontdoor.intake import coach
from frontdoor.intake.concern_form import available_versions, load_concern_form

register = template.Library()


@register.filter
def flag_label(code: str) -> str:
    return coach.flag_label(str(code))


@register.filter
def agency_question_text(question_id: str, form_version: str = "") -> str:
    """The question as the referrer saw it, from the form version the contact answered; the id when that
    version no longer has it."""
    text = str(form_version)
    version = int(text) if text.isdigit() and int(text) in available_versions() else None
    form = load_concern_form(version)
    for section in form.agency_sections:
        for question in section.questions:
            if question.id == question_id:
                return question.text
    return str(question_id).replace("_", " ").capitalize()
