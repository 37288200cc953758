"""Every read of private fostering arrangements, with the access check; every arrangement shown is logged."""
import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.csv_cells import spreadsheet_safe
from frontdoor.fostering import clocks
from frontdoor.fostering.models import Arrangement, Source
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.people.restrictions import persons_hidden_from, refused_attempts_record

FOSTERING_ROLES = (Membership.Role.PRIVATE_FOSTERING_WORKER,)


def may_see_fostering(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in FOSTERING_ROLES


def arrangements_visible_to(*, user) -> QuerySet:
    """The one rule for who sees private fostering arrangements: the private fostering workers (a
    restricted child's only those the restriction names)."""
    arrangements = Arrangement.objects.prefetch_related("visits").exclude(child__in=persons_hidden_from(user=user))
    return arrangements if may_see_fostering(user) else arrangements.none()


def fostering_children_visible_to(*, user):
    """The children on the index linked to the arrangements this user may see."""
    return arrangements_visible_to(user=user).exclude(child__isnull=True).values("child")


def person_fostering(*, user, person) -> dict:
    """The child's private fostering arrangements, newest first, for the person page: that a child is
    privately fostered is for everyone who reads the page (the arrangement's page is for the private
    fostering workers alone, so only they get its link). The page logs the read of the person."""
    arrangements = list(Arrangement.objects.filter(child=person).order_by("-notified_on"))
    return {"fostering_arrangements": arrangements, "may_open_fostering": may_see_fostering(user)}


def arrangement_get_for(*, user, arrangement_id, reason: str) -> Arrangement:
    """The arrangement, if this user may see it; otherwise Http404, whether it exists or not."""
    arrangement = arrangements_visible_to(user=user).filter(pk=arrangement_id).first()
    if arrangement is None:
        refused_attempts_record(user=user, person_ids=Arrangement.objects.filter(pk=arrangement_id).exclude(
            child__isnull=True).values_list("child", flat=True), reason=reason)
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


ARRANGEMENT_COLUMNS = (
    "child_given_name", "child_family_name", "child_date_of_birth", "child_disabled", "carer_name",
    "carer_relationship", "source", "notified_on", "began_on", "first_visit_due", "first_visit_on",
    "first_visit_in_time", "visits", "last_visit_on", "last_visit_seen_alone", "next_visit_due", "status",
    "assessment", "assessed_on", "ended_on")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _arrangement_cells(row: ArrangementRow) -> list:
    a = row.arrangement
    visits = sorted(a.visits.all(), key=lambda v: v.visited_on)
    first_due = clocks.first_visit_due(a.notified_on)
    first, last = (visits[0], visits[-1]) if visits else (None, None)
    return [spreadsheet_safe(a.child_given_name), spreadsheet_safe(a.child_family_name), a.child_date_of_birth,
            _yes_no(a.child_disabled), spreadsheet_safe(a.carer_name), a.get_carer_relationship_display(),
            a.get_source_display(), a.notified_on, a.began_on, first_due, first and first.visited_on,
            _yes_no(first.visited_on <= first_due if first else None), len(visits), last and last.visited_on,
            _yes_no(last.seen_alone if last else None), row.next_visit_due, row.status,
            a.get_assessment_display(), a.assessed_on, a.ended_on]


def fostering_arrangements_csv(*, user, today: date | None = None) -> str:
    """Every arrangement, current and ended, with its visits' timeliness; each one (and its linked
    child) is an access-log export row."""
    today = today or timezone.localdate()
    arrangements = list(arrangements_visible_to(user=user).select_related("child").order_by("notified_on"))
    reason = "Private fostering arrangements (CSV)"
    access_log_record_many(user=user, targets=arrangements, reason=reason, action=AccessLogEntry.Action.EXPORT)
    access_log_record_many(user=user, targets=[a.child for a in arrangements if a.child], reason=reason,
                           action=AccessLogEntry.Action.EXPORT)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ARRANGEMENT_COLUMNS)
    writer.writerows(_arrangement_cells(arrangement_row(a, today=today)) for a in arrangements)
    return out.getvalue()


def fostering_figures_csv(*, user, today: date | None = None) -> str:
    """The figures as rows of year, measure, category, count: notifications in the year and
    arrangements at its end (or today), each in total, by age band and by source."""
    figures = fostering_figures(user=user, today=today)
    year = f"{figures['year_start']:%Y}-{figures['year_end']:%y}"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["year", "measure", "category", "arrangements"])
    for measure in ("notified", "current"):
        counts = figures[measure]
        writer.writerow([year, measure, "total", counts["total"]])
        writer.writerows([year, f"{measure}_by_age", band, n] for band, n in counts["by_age"])
        writer.writerows([year, f"{measure}_by_source", source, n] for source, n in counts["by_source"])
    return out.getvalue()
