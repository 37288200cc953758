"""The Referral Outcome Notification (seed 001, Appendix B), as PDF and as the email that carries it."""
from collections.abc import Mapping

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from frontdoor.decisions.models import Decision
from frontdoor.decisions.outcomes import outcome_wording
from frontdoor.intake.models import Contact
from frontdoor.screening.tools import load_tool

LETTER_TEMPLATE_VERSION = "1"
LETTER_TEMPLATE = f"decisions/letters/referral_outcome_v{LETTER_TEMPLATE_VERSION}.html"


# "Thank you for your call" (seed 001) names the way the contact came in.
THANK_YOU_FOR = {
    Contact.Channel.PHONE: "your call",
    Contact.Channel.EMAIL: "your email",
    Contact.Channel.ONLINE: "your online referral",
}


def area_words(*, channel: str) -> dict[str, str]:
    """The area's names and numbers (settings.FRONTDOOR_AREA) that fill the letter's placeholders."""
    area = settings.FRONTDOOR_AREA
    service = area.get("childrens_service") or f"{area['name']} Children’s Social Work Service"
    return {
        "area_name": area["name"],
        "childrens_service": service,
        "childrens_service_upper": service.upper(),
        "safeguarding_partnership": area.get("safeguarding_partnership") or f"{area['name']} Safeguarding Children Partnership",
        "front_door_phone": area["front_door_phone"],
        "edt_phone": area["edt_phone"],
        "thank_you_for": THANK_YOU_FOR.get(channel, "your contact"),
    }


def _filled(value, words: dict[str, str]):
    """The tool's letter data with each {placeholder} replaced; a brace the data does not name stays."""
    if isinstance(value, str):
        return value.format_map(_Keep(words))
    if isinstance(value, Mapping):
        return {key: _filled(item, words) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_filled(item, words) for item in value]
    return value


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def letter_text(*, decision: Decision) -> dict:
    """The letter's fixed texts for this decision: the tool's wording with the area's words and the channel."""
    tool = load_tool(decision.tool_id, decision.tool_version)
    return _filled(tool.letter, area_words(channel=decision.contact.channel))


def _letter_context(decision: Decision) -> dict:
    contact = decision.contact
    tool = load_tool(decision.tool_id, decision.tool_version)
    letter = letter_text(decision=decision)
    chosen = set(decision.outcome_codes)
    return {
        "decision": decision,
        "contact": contact,
        "children": list(contact.children.all()),
        "tool": tool,
        "levels": [
            {
                "level": level,
                "chosen": level.number == decision.level,
                "outcomes": [
                    {"outcome": o, "ticked": o.code in chosen or any(s.code in chosen for s in o.options),
                     "sub": [{"outcome": s, "ticked": s.code in chosen} for s in o.options]}
                    for o in level.outcomes
                ],
            }
            for level in tool.levels
        ],
        "letter": letter,
        # The seed's letter leaves the number blank: "you can call () to follow this up".
        "assessment_contact": letter["social_work_assessment_contact"].replace(
            "()", f"({settings.FRONTDOOR_AREA['front_door_phone']})"
        ),
        "template_version": LETTER_TEMPLATE_VERSION,
    }


def outcome_letter_html(decision: Decision) -> str:
    return render_to_string(LETTER_TEMPLATE, _letter_context(decision))


def outcome_letter_pdf(decision: Decision) -> bytes:
    return HTML(string=outcome_letter_html(decision)).write_pdf()


def letter_email_body(decision: Decision) -> str:
    contact = decision.contact
    tool = load_tool(decision.tool_id, decision.tool_version)
    level = tool.level(decision.level)
    outcomes = "\n".join(f"- {outcome_wording(tool, code)}" for code in decision.outcome_codes)
    children = ", ".join(
        f"{c.display_name} (DOB: {c.date_of_birth:%d/%m/%Y})" if c.date_of_birth else c.display_name
        for c in contact.children.all()
    )
    letter = letter_text(decision=decision)
    lines = "".join(f"{line['label']} {line['number']}\n" for line in letter["phone_lines"])
    return (
        f"{letter['heading']}\n\n"
        f"Referrer's name: {contact.referrer_name}\nAgency: {contact.referrer_agency.name}\n"
        f"Child referred: {children}\nYour reference: {contact.reference}\n\n"
        f"{letter['intro']}\n\n"
        f"{letter['considered']}\n\n"
        f"{level.title}\n{outcomes}\n\n"
        f"Social Worker: {decision.social_worker_name}\n\n"
        "The Referral Outcome Notification is attached as a PDF. You can also see it on your contacts page in Front Door.\n\n"
        f"{lines}"
    )
