"""Reads of casework (cases, strategy discussions) that the pages share."""
from frontdoor.casework.models import Case, StrategyDiscussion


def _may_see_casework(user) -> bool:
    """Cases are Front Door and social-care business: practitioners and managers only."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return membership is not None and membership.is_front_door


def person_casework(*, user, person) -> dict:
    """A person's cases (open first, then closed, newest first) and the strategy discussions about
    them (latest due first), in two queries; nothing for a user who may not see casework."""
    if not _may_see_casework(user):
        return {"open_cases": [], "closed_cases": [], "strategy_discussions": []}
    cases = list(Case.objects.filter(person=person).order_by("-opened_on"))
    return {
        "open_cases": [case for case in cases if case.is_open],
        "closed_cases": [case for case in cases if not case.is_open],
        "strategy_discussions": list(
            StrategyDiscussion.objects.filter(children=person).select_related("source_notification").order_by("-due_at")
        ),
    }
