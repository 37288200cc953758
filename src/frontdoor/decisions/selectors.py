from django.db.models import QuerySet

from frontdoor.casework.models import EarlyHelpOffer
from frontdoor.decisions.models import Decision
from frontdoor.decisions.outcomes import outcome_wording
from frontdoor.intake.models import Contact
from frontdoor.intake.selectors import contacts_visible_to
from frontdoor.screening.tools import load_tool


def decision_outcome_texts(*, decision: Decision) -> dict:
    """The level and outcome wording the referrer sees, from the tool version the decision used."""
    tool = load_tool(decision.tool_id, decision.tool_version)
    return {
        "level_name": tool.level(decision.level).title,
        "outcome_texts": [outcome_wording(tool, code) for code in decision.outcome_codes],
    }


def contacts_awaiting_authorisation(*, user) -> QuerySet[Contact]:
    """Contacts whose decision waits for a manager, urgent first and then the soonest due, with the decision, who
    made it and the children named (the list page logs each contact it shows)."""
    return (
        contacts_visible_to(user=user)
        .filter(decision__status=Decision.Status.AWAITING_AUTHORISATION)
        .select_related("decision__decided_by", "referrer_agency")
        .prefetch_related("children")
        .order_by("-is_urgent", "decision_due_at")
    )


def early_help_declined_for(*, contact) -> bool:
    """Whether the family of a child on the contact has declined an offer of early help."""
    return EarlyHelpOffer.objects.filter(person__contact_mentions__contact=contact,
                                         status=EarlyHelpOffer.Status.DECLINED).exists()
