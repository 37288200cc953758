"""Every read of missing episodes that the pages and the person page share, with the access check."""
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.casework.models import Episode, Team
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.missing import clocks
from frontdoor.people.models import Person
from frontdoor.people.restrictions import persons_hidden_from, refused_attempts_record
from frontdoor.missing.models import EducationAbsence, LateInterviewEscalation, MissingEpisode, RiskPlan

MISSING_ROLES = (Membership.Role.MISSING_COORDINATOR, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)
ESCALATION_ROLES = (Membership.Role.MANAGER, Membership.Role.TEAM_MANAGER)


def may_see_missing(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in MISSING_ROLES


def episodes_visible_to(*, user) -> QuerySet:
    """The one rule for who sees missing episodes: the coordinator and the Front Door (a restricted
    child's only those the restriction names)."""
    episodes = MissingEpisode.objects.select_related("child", "return_interview", "late_escalation").exclude(
        child__in=persons_hidden_from(user=user))
    return episodes if may_see_missing(user) else episodes.none()


def episode_get_for(*, user, episode_id, reason: str) -> MissingEpisode:
    """The episode, if this user may see it; otherwise Http404, whether it exists or not."""
    episode = episodes_visible_to(user=user).filter(pk=episode_id).first()
    if episode is None:
        refused_attempts_record(user=user, person_ids=MissingEpisode.objects.filter(pk=episode_id).values_list("child", flat=True),
                                reason=reason)
        raise Http404
    access_log_record(user=user, target=episode.child, reason=reason)
    return episode


@dataclass(frozen=True)
class EpisodeRow:
    episode: MissingEpisode
    status: str
    due_at: datetime | None
    hours_left: int | None
    repeat: bool
    team: str = ""


def episode_row(episode: MissingEpisode, *, now: datetime, repeat_ids: set, team: str = "") -> EpisodeRow:
    interview = getattr(episode, "return_interview", None)
    returned = episode.returned_at
    return EpisodeRow(
        episode=episode,
        status=clocks.return_interview_status(returned_at=returned, held_at=interview and interview.held_at, now=now),
        due_at=returned and clocks.return_interview_due_at(returned),
        hours_left=returned and clocks.hours_left(returned_at=returned, now=now),
        repeat=episode.child_id in repeat_ids,
        team=team,
    )


@dataclass(frozen=True)
class ResponsibleTeam:
    name: str
    manager_addresses: list[str]


def responsible_team(*, child) -> ResponsibleTeam:
    """The social work team holding the child's open episode, with its team managers; otherwise the
    area's missing children team, with the Front Door managers."""
    episode = (Episode.objects.filter(person=child, closed_on__isnull=True, team__isnull=False)
               .select_related("team").order_by("-referral_date").first())
    if episode is not None:
        managers = episode.team.members.filter(membership__role=Membership.Role.TEAM_MANAGER)
        return ResponsibleTeam(episode.team.name, sorted(m.email for m in managers if m.email))
    managers = get_user_model().objects.filter(membership__role=Membership.Role.MANAGER, is_active=True)
    return ResponsibleTeam(settings.FRONTDOOR_MISSING["coordinating_team"], sorted(m.email for m in managers if m.email))


def _team_names(children) -> dict:
    """Each child's responsible team name, in two queries for the whole list."""
    held = dict(Episode.objects.filter(person__in=children, closed_on__isnull=True, team__isnull=False)
                .order_by("referral_date").values_list("person_id", "team__name"))
    return {child.pk: held.get(child.pk, settings.FRONTDOOR_MISSING["coordinating_team"]) for child in children}


def missing_worklist(*, user, now: datetime | None = None) -> dict[str, list[EpisodeRow]]:
    """Children still missing (longest first), and return interviews not yet recorded (due soonest
    first, so the overdue come first); each child shown is an access-log row."""
    now = now or timezone.now()
    episodes = episodes_visible_to(user=user)
    still_missing = list(episodes.filter(returned_at__isnull=True).order_by("missing_from"))
    interviews = list(episodes.filter(returned_at__isnull=False, return_interview__isnull=True)
                      .order_by("returned_at"))
    access_log_record_many(user=user, targets=[e.child for e in still_missing + interviews],
                           reason="Missing children list")
    repeat_ids = repeat_missing_child_ids(now=now)
    teams = _team_names([e.child for e in interviews])
    return {"still_missing": [episode_row(e, now=now, repeat_ids=repeat_ids) for e in still_missing],
            "interviews": [episode_row(e, now=now, repeat_ids=repeat_ids, team=teams[e.child_id])
                           for e in interviews]}


def repeat_missing_child_ids(*, now: datetime | None = None) -> set:
    """Children missing REPEAT_EPISODES or more times in the REPEAT_DAYS up to now (clocks)."""
    now = now or timezone.now()
    since = clocks.repeat_window_start(now)
    return set(MissingEpisode.objects.filter(missing_from__gte=since, missing_from__lte=now)
               .values("child_id").annotate(episodes=Count("id")).filter(episodes__gte=clocks.REPEAT_EPISODES)
               .values_list("child_id", flat=True))


def missing_figures(*, now: datetime | None = None) -> dict:
    """This month's episodes, the share of this month's returns interviewed within 72 hours (of those
    whose clock has run out or whose interview is recorded), the repeat missing children, the risk
    management plans whose review is overdue, and the late interviews escalated this month."""
    now = now or timezone.now()
    month_start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    returned = MissingEpisode.objects.filter(returned_at__gte=month_start, returned_at__lte=now)
    statuses = [episode_row(e, now=now, repeat_ids=set()).status
                for e in returned.select_related("return_interview")]
    counted = [s for s in statuses if s in (clocks.IN_TIME, clocks.LATE, clocks.OVERDUE)]
    return {
        "episodes_this_month": MissingEpisode.objects.filter(missing_from__gte=month_start).count(),
        "interviews_counted": len(counted),
        "interviews_in_time_percent": clocks.percent(counted.count(clocks.IN_TIME), len(counted)),
        "repeat_children": len(repeat_missing_child_ids(now=now)),
        "plan_reviews_overdue": RiskPlan.objects.filter(review_due__lt=timezone.localdate(now)).count(),
        "escalated_this_month": LateInterviewEscalation.objects.filter(escalated_at__gte=month_start).count(),
    }


def person_missing(*, user, person, now: datetime | None = None) -> dict:
    """A child's missing episodes (newest first) and whether they are a repeat missing child; nothing
    for a user who may not see missing episodes. The person page logs the read of the person."""
    if not may_see_missing(user):
        return {"missing_episodes": [], "repeat_missing": False, "risk_plan": None, "education_absences": []}
    now = now or timezone.now()
    episodes = list(episodes_visible_to(user=user).filter(child=person).order_by("-missing_from"))
    return {"missing_episodes": episodes,
            "repeat_missing": clocks.is_repeat_missing((e.missing_from for e in episodes), now=now),
            "risk_plan": risk_plan_of(child=person),
            "education_absences": list(education_list_visible_to(user=user).filter(child=person))}


def open_episode_count(*, user) -> int:
    return episodes_visible_to(user=user).filter(Q(returned_at__isnull=True) | Q(return_interview__isnull=True)).count()


def _user_team_names(user) -> list[str] | None:
    """None for a Front Door manager (every team); a team manager's own teams' names."""
    if user.membership.role == Membership.Role.MANAGER:
        return None
    return list(Team.objects.filter(members=user).values_list("name", flat=True))


def late_interviews_for_manager(*, user, now: datetime | None = None) -> list[EpisodeRow]:
    """The escalated late return interviews a manager answers for, the longest overdue first: every
    team's for a Front Door manager, their teams' for a social work team manager. Each child shown is
    an access-log row."""
    membership = getattr(user, "membership", None)
    if membership is None or membership.role not in ESCALATION_ROLES:
        return []
    now = now or timezone.now()
    escalations = LateInterviewEscalation.objects.select_related(
        "episode__child", "episode__return_interview").order_by("episode__returned_at")
    teams = _user_team_names(user)
    if teams is not None:
        escalations = escalations.filter(team__in=teams)
    escalations = list(escalations)
    access_log_record_many(user=user, targets=[e.episode.child for e in escalations], reason="Late return interviews")
    return [episode_row(e.episode, now=now, repeat_ids=set(), team=e.team) for e in escalations]


@dataclass(frozen=True)
class PlanRow:
    child: object
    plan: RiskPlan | None
    status: str


def risk_plan_rows(*, user, today: date | None = None) -> list[PlanRow]:
    """Each repeat missing child with their plan's state: no plan first, then overdue, then due soonest."""
    if not may_see_missing(user):
        return []
    today = today or timezone.localdate()
    children = list(Person.objects.filter(pk__in=repeat_missing_child_ids()).select_related("risk_plan"))
    rows = [PlanRow(child, getattr(child, "risk_plan", None),
                    clocks.plan_status(getattr(getattr(child, "risk_plan", None), "review_due", None), today=today))
            for child in children]
    order = {clocks.NO_PLAN: 0, clocks.REVIEW_OVERDUE: 1, clocks.REVIEW_DUE: 2}
    return sorted(rows, key=lambda row: (order[row.status], row.plan and row.plan.review_due, row.child.full_name))


def risk_plan_child_get_for(*, user, person_id, reason: str):
    """A child with missing episodes, for their plan's page, if this user may see missing children."""
    episode = episodes_visible_to(user=user).filter(child_id=person_id).select_related("child").first()
    if episode is None:
        raise Http404
    access_log_record(user=user, target=episode.child, reason=reason)
    return episode.child


def risk_plan_of(*, child) -> RiskPlan | None:
    """The child's plan with its actions and reviews; the caller has checked access to the child."""
    return RiskPlan.objects.filter(child=child).prefetch_related("actions", "reviews__recorded_by").first()


def education_list_visible_to(*, user) -> QuerySet:
    """Who sees the education list: the Front Door and the missing children coordinator see every entry;
    a school's designated safeguarding lead sees their own school's."""
    absences = EducationAbsence.objects.select_related("child", "school").order_by("ended_on", "-since")
    membership = getattr(user, "membership", None)
    if may_see_missing(user):
        return absences
    if membership is not None and membership.is_school_dsl:
        return absences.filter(school=membership.agency)
    return absences.none()


def education_list(*, user, current: bool = True) -> list[EducationAbsence]:
    """The children on the list now (or every entry, ended too); each child shown is an access-log row."""
    absences = education_list_visible_to(user=user)
    if current:
        absences = absences.filter(ended_on__isnull=True)
    absences = list(absences)
    access_log_record_many(user=user, targets=[a.child for a in absences], reason="Education list")
    return absences


def education_absence_get_for(*, user, absence_id, reason: str) -> EducationAbsence:
    absence = education_list_visible_to(user=user).filter(pk=absence_id).first()
    if absence is None:
        raise Http404
    access_log_record(user=user, target=absence.child, reason=reason)
    return absence
