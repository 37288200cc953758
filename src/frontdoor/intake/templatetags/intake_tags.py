"""Words for the machinery a contact stores: coach flag codes, the agency questions' ids, seed guidance."""
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from frontdoor.intake import coach
from frontdoor.intake.concern_form import available_versions, load_concern_form

register = template.Library()


@register.filter
def flag_label(code: str) -> str:
    return coach.flag_label(str(code))


def _form_for(form_version) -> object:
    text = str(form_version)
    return load_concern_form(int(text) if text.isdigit() and int(text) in available_versions() else None)


@register.simple_tag
def consent_guidance(form_version: str = ""):
    """Seed 004's consent paragraphs from the form version the contact answered (the newest for a new form)."""
    return _form_for(form_version).consent_guidance


@register.simple_tag
def welfare_questions(form_version: str = ""):
    """Questions 4 and 5 as the referrer saw them."""
    form = _form_for(form_version)
    return form.welfare_question, form.early_help_question


@register.filter
def seed_emphasis(text: str) -> str:
    """A seed's own bold (**word**) as <strong>; everything else escaped."""
    return mark_safe(re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(text)))


@register.filter
def agency_question_text(question_id: str, form_version: str = "") -> str:
    """The question as the referrer saw it, from the form version the contact answered; the id when that
    version no longer has it."""
    form = _form_for(form_version)
    for section in form.agency_sections:
        for question in section.questions:
            if question.id == question_id:
                return question.text
    return str(question_id).replace("_", " ").capitalize()
