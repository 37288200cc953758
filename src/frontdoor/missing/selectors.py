"""Every read of missing episodes that the pages and the person page share, with the access check."""
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.missing import clocks
from frontdoor.missing.models import MissingEpisode

MISSING_ROLES = (Membership.Role.MISSING_COORDINATOR, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


def may_see_missing(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in MISSING_ROLES


def episodes_visible_to(*, user) -> QuerySet:
    """The one rule for who sees missing episodes: the coordinator and the Front Door."""
    episodes = MissingEpisode.objects.select_related("child", "return_interview")
    return episodes if may_see_missing(user) else episodes.none()


def episode_get_for(*, user, episode_id, reason: str) -> MissingEpisode:
    """The episode, if this user may see it; otherwise Http404, whether it exists or not."""
    episode = episodes_visible_to(user=user).filter(pk=episode_id).first()
    if episode is None:
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


def episode_row(episode: MissingEpisode, *, now: datetime, repeat_ids: set) -> EpisodeRow:
    interview = getattr(episode, "return_interview", None)
    returned = episode.returned_at
    return EpisodeRow(
        episode=episode,
        status=clocks.return_interview_status(returned_at=returned, held_at=interview and interview.held_at, now=now),
        due_at=returned and clocks.return_interview_due_at(returned),
        hours_left=returned and clocks.hours_left(returned_at=returned, now=now),
        repeat=episode.child_id in repeat_ids,
    )


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
    return {"still_missing": [episode_row(e, now=now, repeat_ids=repeat_ids) for e in still_missing],
            "interviews": [episode_row(e, now=now, repeat_ids=repeat_ids) for e in interviews]}


def repeat_missing_child_ids(*, now: datetime | None = None) -> set:
    """Children missing REPEAT_EPISODES or more times in the REPEAT_DAYS up to now (clocks)."""
    now = now or timezone.now()
    since = clocks.repeat_window_start(now)
    return set(MissingEpisode.objects.filter(missing_from__gte=since, missing_from__lte=now)
               .values("child_id").annotate(episodes=Count("id")).filter(episodes__gte=clocks.REPEAT_EPISODES)
               .values_list("child_id", flat=True))


def missing_figures(*, now: datetime | None = None) -> dict:
    """This month's episodes, the share of this month's returns interviewed within 72 hours (of those
    whose clock has run out or whose interview is recorded), and the repeat missing children."""
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
    }


def person_missing(*, user, person, now: datetime | None = None) -> dict:
    """A child's missing episodes (newest first) and whether they are a repeat missing child; nothing
    for a user who may not see missing episodes. The person page logs the read of the person."""
    if not may_see_missing(user):
        return {"missing_episodes": [], "repeat_missing": False}
    now = now or timezone.now()
    episodes = list(episodes_visible_to(user=user).filter(child=person).order_by("-missing_from"))
    return {"missing_episodes": episodes,
            "repeat_missing": clocks.is_repeat_missing((e.missing_from for e in episodes), now=now)}


def open_episode_count(*, user) -> int:
    return episodes_visible_to(user=user).filter(Q(returned_at__isnull=True) | Q(return_interview__isnull=True)).count()
