"""Every read of MARAC meetings, with the access check: the Front Door, where the MARAC coordinator sits."""
from django.http import Http404

from frontdoor.agencies.models import Membership
from frontdoor.governance.services import access_log_record_many
from frontdoor.marac import rules
from frontdoor.marac.models import MaracAction, MaracCase, MaracMeeting

MARAC_ROLES = (Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


def may_see_marac(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in MARAC_ROLES


def meetings_for(*, user):
    if not may_see_marac(user):
        raise Http404
    return list(MaracMeeting.objects.order_by("-held_on"))


def meeting_get_for(*, user, meeting_id) -> tuple[MaracMeeting, list[MaracCase]]:
    """The meeting and its cases with their actions; each victim shown is an access-log row."""
    meeting = MaracMeeting.objects.filter(pk=meeting_id).first() if may_see_marac(user) else None
    if meeting is None:
        raise Http404
    cases = list(meeting.cases.select_related("victim", "referring_agency")
                 .prefetch_related("actions__owner_agency").order_by("created_at"))
    access_log_record_many(user=user, targets=[case.victim for case in cases], reason="MARAC meeting")
    return meeting, cases


def marac_figures() -> dict:
    cases = list(MaracCase.objects.select_related("victim", "meeting"))
    actions = MaracAction.objects.all()
    return {
        "meetings": MaracMeeting.objects.count(),
        "cases": len(cases),
        "repeats": sum(1 for case in cases if case.is_repeat),
        "victims_under_18": sum(1 for c in cases if rules.under_18(c.victim.date_of_birth, c.meeting.held_on)),
        "perpetrators_under_18": sum(1 for c in cases if rules.under_18(c.perpetrator_date_of_birth, c.meeting.held_on)),
        "actions": actions.count(),
        "actions_completed": actions.filter(completed_on__isnull=False).count(),
    }
