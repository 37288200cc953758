"""The Referral Outcome Notification (seed 001, Appendix B), as PDF and as the email that carries it."""
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from frontdoor.decisions.models import Decision
from frontdoor.decisions.outcomes import outcome_wording
from frontdoor.screening.tools import load_tool

LETTER_TEMPLATE_VERSION = "1"
LETTER_TEMPLATE = f"decisions/letters/referral_outcome_v{LETTER_TEMPLATE_VERSION}.html"


def _letter_context(decision: Decision) -> dict:
    contact = decision.contact
    tool = load_tool(decision.tool_id, decision.tool_version)
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
        "letter": tool.letter,
        # The seed's letter leaves the number blank: "you can call () to follow this up".
        "assessment_contact": tool.letter["social_work_assessment_contact"].replace(
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
    return (
        f"Referrer's name: {contact.referrer_name}\nAgency: {contact.referrer_agency.name}\n"
        f"Child referred: {children}\nYour reference: {contact.reference}\n\n"
        "Thank you for your recent contact.\n\n"
        "Your referral has been considered alongside information held by Children’s social care and in line with "
        "the agreed SSCB levels of need. The following action will be taken as an outcome to your referral:\n\n"
        f"{level.title}\n{outcomes}\n\n"
        f"Social Worker: {decision.social_worker_name}\n\n"
        "The Referral Outcome Notification is attached as a PDF. You can also see it on your contacts page in Front Door.\n\n"
        f"FFD contact number is: {settings.FRONTDOOR_AREA['front_door_phone']}\n"
        f"EDT contact number is: {settings.FRONTDOOR_AREA['edt_phone']}\n"
    )
