"""The figures boards and inspectors ask for, read from the apps that own the records.

Domestic-abuse triage (issue 3, seed 001): notifications by the week they were received, with
their suggested and decided grades, how often a person's grade overrode the screening tool's
suggestion (and which way), and whether their schools were told and acknowledged before the next
school day. Everything is counted by the week the notification came in, so each row follows one
week's incidents through grading and to the schools. Only counts leave this module: no person is
named, so reading them is not an access to anyone's record.
"""
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.decisions.models import Decision
from frontdoor.decisions.outcomes import levels_of_need
from frontdoor.governance.services import access_log_record_many
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.reporting import front_door_figures
from frontdoor.reporting.cin_census import CensusReturn, cin_census_build
from frontdoor.triage.models import Grade, GradeDecision, PoliceNotification, SchoolNotification

REPORT_ROLES = (Membership.Role.ISCO, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)
# The statutory returns name children: the performance officer who prepares them and the Front Door manager.
RETURNS_ROLES = (Membership.Role.PERFORMANCE_OFFICER, Membership.Role.MANAGER)
GRADE_ORDER = {Grade.STANDARD: 0, Grade.MEDIUM: 1, Grade.HIGH: 2}


def may_see_figures(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in REPORT_ROLES


def override_direction(suggested: str, grade: str) -> str | None:
    """'raised' or 'lowered' when a person's grade differs from the tool's suggestion, else None."""
    if not suggested or suggested == grade:
        return None
    return "raised" if GRADE_ORDER[grade] > GRADE_ORDER[suggested] else "lowered"


@dataclass
class TriageWeek:
    """One week (Monday to Sunday) of domestic-abuse triage."""

    starts: date
    received: int = 0
    suggested: Counter = field(default_factory=Counter)   # by suggested grade, notifications received
    graded: Counter = field(default_factory=Counter)      # by the grade a person gave, of those received
    decisions: int = 0                                    # grading decisions about them
    raised: int = 0
    lowered: int = 0
    schools_told: int = 0
    acknowledged_on_time: int = 0
    acknowledged_late: int = 0
    overdue: int = 0                                      # not acknowledged, deadline passed
    challenged: int = 0

    @property
    def overrides(self) -> int:
        return self.raised + self.lowered

    @property
    def override_rate(self) -> float | None:
        return self.overrides / self.decisions if self.decisions else None

    @property
    def on_time_rate(self) -> float | None:
        return self.acknowledged_on_time / self.schools_told if self.schools_told else None


@dataclass(frozen=True)
class TriageFigures:
    weeks: list[TriageWeek]                   # newest first
    overrides: list[tuple[str, str, str, str, int]]  # (tool, version, suggested, grade, count), most first
    first_day: date
    last_day: date


def domestic_abuse_figures(*, user, weeks: int = 12, today: date | None = None) -> TriageFigures:
    """The last `weeks` weeks, this one included; a handful of grouped queries whatever the volume."""
    if not may_see_figures(user):
        raise Http404
    today = today or timezone.localdate()
    first_day = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    since = timezone.make_aware(datetime.combine(first_day, time.min))
    by_week = {first_day + timedelta(weeks=n): TriageWeek(first_day + timedelta(weeks=n)) for n in range(weeks)}
    _count_received(by_week, since)
    _count_decisions(by_week, since)
    _count_schools(by_week, since)
    return TriageFigures(
        weeks=sorted(by_week.values(), key=lambda week: week.starts, reverse=True),
        overrides=_overrides(since), first_day=first_day, last_day=today,
    )


def _by_week(by_week: dict[date, TriageWeek], rows) -> Iterator[tuple[TriageWeek, dict]]:
    """Each grouped row with the week it counts towards (rows of weeks not shown are skipped)."""
    for row in rows:
        week = by_week.get(timezone.localtime(row["week"]).date())  # TruncWeek's Monday, in the area's zone
        if week is not None:
            yield week, row


def _count_received(by_week: dict[date, TriageWeek], since) -> None:
    rows = (PoliceNotification.objects.filter(received_at__gte=since).order_by()
            .annotate(week=TruncWeek("received_at")).values("week", "suggested_grade", "grade")
            .annotate(n=Count("id")))
    for week, row in _by_week(by_week, rows):
        week.received += row["n"]
        week.suggested[row["suggested_grade"] or "none"] += row["n"]
        if row["grade"]:
            week.graded[row["grade"]] += row["n"]


def _count_decisions(by_week: dict[date, TriageWeek], since) -> None:
    rows = (GradeDecision.objects.filter(notification__received_at__gte=since).order_by()
            .annotate(week=TruncWeek("notification__received_at")).values("week", "suggested_grade", "grade")
            .annotate(n=Count("id")))
    for week, row in _by_week(by_week, rows):
        week.decisions += row["n"]
        direction = override_direction(row["suggested_grade"], row["grade"])
        if direction == "raised":
            week.raised += row["n"]
        elif direction == "lowered":
            week.lowered += row["n"]


def _count_schools(by_week: dict[date, TriageWeek], since) -> None:
    now = timezone.now()
    rows = (SchoolNotification.objects.filter(notification__received_at__gte=since).order_by()
            .annotate(week=TruncWeek("notification__received_at")).values("week")
            .annotate(told=Count("id"),
                      on_time=Count("id", filter=Q(acknowledged_at__lte=F("deadline"))),
                      late=Count("id", filter=Q(acknowledged_at__gt=F("deadline"))),
                      overdue=Count("id", filter=Q(acknowledged_at__isnull=True, deadline__lt=now)),
                      challenged=Count("id", filter=Q(status=SchoolNotification.Status.CHALLENGED))))
    for week, row in _by_week(by_week, rows):
        week.schools_told += row["told"]
        week.acknowledged_on_time += row["on_time"]
        week.acknowledged_late += row["late"]
        week.overdue += row["overdue"]
        week.challenged += row["challenged"]


def _overrides(since) -> list[tuple[str, str, str, str, int]]:
    """Every override of the period by tool version and which way: what a tool's owners recalibrate from."""
    rows = (GradeDecision.objects.filter(notification__received_at__gte=since).exclude(suggested_grade="")
            .exclude(grade=F("suggested_grade")).order_by()
            .values("tool_id", "tool_version", "suggested_grade", "grade").annotate(n=Count("id")))
    found = [(row["tool_id"], row["tool_version"], row["suggested_grade"], row["grade"], row["n"]) for row in rows]
    return sorted(found, key=lambda item: (-item[-1], *item[:-1]))


def may_prepare_returns(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in RETURNS_ROLES


def cin_census_for(*, user, reference_date: date) -> CensusReturn:
    """The census as it would be written, for checking before the download; each child the page
    names (those with a problem) is logged as read by the user; the others are only counted. Not
    found for anyone who does not prepare the returns."""
    if not may_prepare_returns(user):
        raise Http404
    census = cin_census_build(reference_date=reference_date, today=timezone.localdate())
    named = dict.fromkeys(problem.child_id for problem in census.problems)
    access_log_record_many(user=user, targets=[census.people[child_id] for child_id in named],
                           reason="Checked the CIN census before download")
    return census


# The Front Door's own figures (issue 15 item 10): for its manager and the performance officer. Counts only.
FRONT_DOOR_FIGURES_ROLES = (Membership.Role.MANAGER, Membership.Role.PERFORMANCE_OFFICER)


@dataclass
class FrontDoorMonth:
    starts: date
    contacts: int = 0
    decisions: int = 0
    recontacts: int = 0


@dataclass
class FrontDoorFigures:
    first_day: date
    last_day: date
    contacts: int
    months: list[FrontDoorMonth]
    by_source: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    by_level: list[tuple[str, int]]
    timeliness: front_door_figures.Timeliness
    recontacts: int


def may_see_front_door_figures(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in FRONT_DOOR_FIGURES_ROLES


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def front_door_figures_for(*, user, first_day: date, last_day: date) -> FrontDoorFigures:
    """Contacts received from first_day to last_day (inclusive) by source, channel and month, how many
    were decided within one working day, and how many were about a child with another contact in the
    12 months before; decisions authorised in the period by level. Not found for anyone else."""
    if not may_see_front_door_figures(user):
        raise Http404
    since, until = _day_start(first_day), _day_start(last_day + timedelta(days=1))
    contacts = Contact.objects.filter(received_at__gte=since, received_at__lt=until).order_by()
    months = {m: FrontDoorMonth(starts=m) for m in front_door_figures.month_starts(first_day, last_day)}
    received = {}
    for pk, received_at in contacts.values_list("pk", "received_at"):
        received[pk] = received_at
        months[timezone.localdate(received_at).replace(day=1)].contacts += 1

    kinds = Counter(dict(contacts.filter(caller_source="").values_list("referrer_agency__kind").annotate(n=Count("id"))))
    callers = Counter(dict(contacts.exclude(caller_source="").values_list("caller_source").annotate(n=Count("id"))))
    channels = Counter(dict(contacts.values_list("channel").annotate(n=Count("id"))))

    authorised = Decision.objects.filter(status=Decision.Status.AUTHORISED).order_by()
    in_period = authorised.filter(authorised_at__gte=since, authorised_at__lt=until)
    for authorised_at in in_period.values_list("authorised_at", flat=True):
        months[timezone.localdate(authorised_at).replace(day=1)].decisions += 1
    levels = Counter(dict(in_period.values_list("level").annotate(n=Count("id"))))
    titles = {level.number: level.title for level in levels_of_need().levels}

    decided = dict(authorised.filter(contact_id__in=list(received)).values_list("contact_id", "authorised_at"))
    clock = front_door_figures.timeliness(((at, decided.get(pk)) for pk, at in received.items()), now=timezone.now())

    mentions = (ContactChild.objects.filter(person__isnull=False, contact__received_at__gte=since - front_door_figures.RECONTACT_WINDOW,
                                            contact__received_at__lt=until)
                .values_list("contact_id", "person_id", "contact__received_at").distinct().order_by())
    again = front_door_figures.recontacts(mentions, since=since)
    for pk in again:
        months[timezone.localdate(received[pk]).replace(day=1)].recontacts += 1

    return FrontDoorFigures(
        first_day=first_day, last_day=last_day, contacts=len(received),
        months=list(reversed(months.values())),
        by_source=[(label, kinds[value]) for value, label in Agency.Kind.choices]
        + [(label, callers[value]) for value, label in Contact.CallerSource.choices],
        by_channel=[(label, channels[value]) for value, label in Contact.Channel.choices],
        by_level=[(f"Level {n}: {titles[n]}" if n in titles else f"Level {n}", levels[n])
                  for n in sorted(set(titles) | set(levels))],
        timeliness=clock, recontacts=len(again),
    )
