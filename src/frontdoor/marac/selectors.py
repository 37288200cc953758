"""Every read of MARAC meetings, with the access check: the MARAC coordinator, and the Front Door beside them."""
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.governance.services import access_log_record_many
from frontdoor.marac import rules
from frontdoor.marac.models import AgencyReferral, MaracAction, MaracCase, MaracMeeting
from frontdoor.people.models import Person, Relationship
from frontdoor.people.restrictions import persons_hidden_from
from frontdoor.triage.models import MaracReferral as TriageMaracReferral

CARING = (Relationship.Kind.PARENT, Relationship.Kind.STEP_PARENT, Relationship.Kind.CARER)

MARAC_ROLES = (Membership.Role.MARAC_COORDINATOR, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


def may_see_marac(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in MARAC_ROLES


def meetings_for(*, user):
    if not may_see_marac(user):
        raise Http404
    return list(MaracMeeting.objects.order_by("-held_on"))


def meeting_get_for(*, user, meeting_id) -> tuple[MaracMeeting, list[MaracCase]]:
    """The meeting and its cases with their actions; each victim and child shown is an access-log row."""
    meeting = MaracMeeting.objects.filter(pk=meeting_id).first() if may_see_marac(user) else None
    if meeting is None:
        raise Http404
    cases = list(_without_restricted(meeting.cases.all(), user=user).select_related("victim", "referring_agency")
                 .prefetch_related("actions__owner_agency", "children").order_by("created_at"))
    shown = dict.fromkeys(person for case in cases for person in (case.victim, *case.children.all()))
    access_log_record_many(user=user, targets=list(shown), reason="MARAC meeting")
    return meeting, cases


def referrals_waiting_for(*, user) -> list[AgencyReferral]:
    """Agencies' referrals not yet listed at a meeting, oldest first; each shown is an access-log row."""
    if not may_see_marac(user):
        raise Http404
    referrals = list(AgencyReferral.objects.filter(case__isnull=True).select_related("agency", "referrer")
                     .order_by("received_at"))
    access_log_record_many(user=user, targets=referrals, reason="MARAC referrals waiting")
    return referrals


def police_referrals_waiting_for(*, user) -> list[TriageMaracReferral]:
    """The daily triage meeting's MARAC referrals (police notifications) of the last 12 months whose victim has no
    case at a meeting held since; each victim shown is an access-log row."""
    if not may_see_marac(user):
        raise Http404
    heard = MaracCase.objects.filter(victim=OuterRef("victim"), meeting__held_on__gte=OuterRef("referred_on"))
    referrals = list(TriageMaracReferral.objects.filter(
        victim__isnull=False, created_at__gte=timezone.now() - timedelta(days=365))
        .exclude(victim_id__in=persons_hidden_from(user=user))
        .annotate(referred_on=TruncDate("created_at")).exclude(Exists(heard))
        .select_related("victim", "notification").order_by("created_at"))
    access_log_record_many(user=user, targets=list(dict.fromkeys(r.victim for r in referrals)),
                           reason="MARAC referrals waiting")
    return referrals


def referral_waiting_get(*, user, referral_id) -> AgencyReferral | None:
    """The waiting referral the coordinator is listing, or None (already listed, or no such referral)."""
    if not may_see_marac(user) or not referral_id:
        return None
    try:
        return AgencyReferral.objects.select_related("agency").filter(pk=referral_id, case__isnull=True).first()
    except ValidationError:
        return None


def referrals_made_by(*, user) -> list[AgencyReferral]:
    referrals = list(AgencyReferral.objects.filter(referrer=user).select_related("case__meeting")
                     .order_by("-received_at"))
    access_log_record_many(user=user, targets=referrals, reason="Referrer's MARAC referrals")
    return referrals


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


def household_children(*, victim: Person) -> list[Person]:
    """The children the victim is a parent or carer of, from the person index, and the victim if a child."""
    children = list(Person.objects.filter(kind=Person.Kind.CHILD, relationships_to__person=victim,
                                          relationships_to__kind__in=CARING).distinct().order_by("given_name"))
    return ([victim] if victim.kind == Person.Kind.CHILD else []) + children


def marac_cases_shared_with(*, user) -> list[MaracCase]:
    """The MARAC cases shared with this front-line professional (seed 002): a social worker's for the children of
    their allocated open episodes, a school's designated safeguarding lead's for its pupils, and a health
    referrer's for the cases their agency referred. Each victim and child shown is an access-log row naming
    the share and its lawful basis."""
    recipient, cases = _shared(user)
    cases = list(_without_restricted(cases, user=user).distinct().select_related("meeting", "victim", "referring_agency")
                 .prefetch_related("actions__owner_agency", "children").order_by("-meeting__held_on"))
    for case in cases:
        access_log_record_many(user=user, targets=[case.victim, *case.children.all()],
                               reason=f"MARAC case shared with {recipient} (lawful basis: {case.lawful_basis})")
    return cases


def _without_restricted(cases, *, user):
    """Cases whose victim or a child is a restricted record the user is not named on are left out (people/restrictions.py)."""
    hidden = persons_hidden_from(user=user)
    return cases.exclude(victim_id__in=hidden).exclude(children__in=hidden)


def may_see_shared(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and (membership.role == Membership.Role.SOCIAL_WORKER or membership.is_school_dsl
                                       or membership.is_health_referrer)


def _shared(user):
    membership = getattr(user, "membership", None)
    if membership is None:
        return "", MaracCase.objects.none()
    if membership.role == Membership.Role.SOCIAL_WORKER:
        return "the allocated social worker", MaracCase.objects.filter(
            children__episodes__allocated_to=user, children__episodes__closed_on__isnull=True)
    if membership.is_school_dsl:
        return "the school's designated safeguarding lead", MaracCase.objects.filter(children__school=membership.agency)
    if membership.is_health_referrer:
        return "the referring health agency", MaracCase.objects.filter(referring_agency=membership.agency)
    return "", MaracCase.objects.none()
