"""Every read of private fostering arrangements, with the access check; every arrangement shown is logged."""
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.fostering import clocks
from frontdoor.fostering.models import Arrangement, Source
from frontdoor.governance.services import access_log_record, access_log_record_many

FOSTERING_ROLES = (Membership.Role.PRIVATE_FOSTERING_WORKER,)


def may_see_fostering(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in FOSTERING_ROLES


def arrangements_visible_to(*, user) -> QuerySet:
    """The one rule for who sees private fostering arrangements: the private fostering workers."""
    arrangements = Arrangement.objects.prefetch_related("visits")
    return arrangements if may_see_fostering(user) else arrangements.none()


def arrangement_get_for(*, user, arrangement_id, reason: str) -> Arrangement:
    """The arrangement, if this user may see it; otherwise Http404, whether it exists or not."""
    arrangement = arrangements_visible_to(user=user).filter(pk=arrangement_id).first()
    if arrangement is None:
        raise Http404
    access_log_record(user=user, target=arrangement, reason=reason)
    if arrangement.child is not None:
        access_log_record(user=user, target=arrangement.child, reason=reason)
    return arrangement


@dataclass(frozen=True)
class ArrangementRow:
    arrangement: Arrangement
    next_visit_due: date | None
    status: str


def arrangement_row(arrangement: Arrangement, *, today: date) -> ArrangementRow:
    if arrangement.ended_on is not None:
        return ArrangementRow(arrangement=arrangement, next_visit_due=None, status=clocks.ENDED)
    due = clocks.next_visit_due(notified_on=arrangement.notified_on, began_on=arrangement.began_on,
                                visits=[v.visited_on for v in arrangement.visits.all()])
    return ArrangementRow(arrangement=arrangement, next_visit_due=due, status=clocks.visit_status(due=due, today=today))


def fostering_worklist(*, user, today: date | None = None) -> list[ArrangementRow]:
    """Current arrangements, the next visit due soonest (so the overdue) first; each is an access-log row."""
    today = today or timezone.localdate()
    arrangements = list(arrangements_visible_to(user=user).filter(ended_on__isnull=True))
    access_log_record_many(user=user, targets=arrangements, reason="Private fostering list")
    return sorted((arrangement_row(a, today=today) for a in arrangements), key=lambda row: row.next_visit_due)


def fostering_figures(*, user, today: date | None = None) -> dict:
    """For this reporting year (April to March, seed 003 counts at the end of March): notifications in the
    year, arrangements at the year end (or today, while the year runs), each by age band and by source."""
    if not may_see_fostering(user):
        raise Http404
    today = today or timezone.localdate()
    start, end = clocks.year_ending_march(today)
    at = min(end, today)
    notified = list(Arrangement.objects.filter(notified_on__range=(start, at)))
    current = list(Arrangement.objects.filter(began_on__lte=at).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=at)))
    sources = dict(Source.choices)

    def counts(arrangements, on):
        bands = Counter(clocks.age_band(a.child_date_of_birth, on(a)) for a in arrangements)
        return {"total": len(arrangements),
                "by_age": [(label, bands[label]) for _, _, label in clocks.AGE_BANDS if bands[label]],
                "by_source": sorted(Counter(sources[a.source] for a in arrangements).items())}

    return {"year_start": start, "year_end": end, "at": at,
            "notified": counts(notified, lambda a: a.notified_on), "current": counts(current, lambda a: at)}
