"""The safeguarding partnership's data set (issue 14 items 3 and 4, seed 003): one definition per figure.

Pure: plain records in, measures out; no Django. Each measure keeps the keys of the records behind
its numerator (and, for a rate, those of the rest of its denominator) so that every figure drills
down to its children. Working days exclude weekends and England and Wales bank holidays; "within N
working days" means on or before the date N working days after the start date.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from datetime import date, timedelta

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.clocks import (
    ASSESSMENT_WORKING_DAYS, ICPC_WORKING_DAYS, SECTION_47_WORKING_DAYS, add_months, first_review_due, next_review_due,
)

CATEGORIES = (("neg", "NEG", "Neglect"), ("phy", "PHY", "Physical abuse"), ("sab", "SAB", "Sexual abuse"),
              ("emo", "EMO", "Emotional abuse"), ("mul", "MUL", "Multiple categories"))
# Seed 003's and the DfE's age bands for children on plans, as (id, label, youngest, oldest).
AGE_BANDS = (("under_1", "Under 1", 0, 0), ("1_4", "1 to 4", 1, 4), ("5_9", "5 to 9", 5, 9),
             ("10_15", "10 to 15", 10, 15), ("16_plus", "16 and over", 16, 200))
SEXES = (("female", "Female"), ("male", "Male"), ("unknown", "Not known"))
SECOND_PLAN_MONTHS = 18
LONG_PLAN_MONTHS = 24
REVIEWED_AFTER_MONTHS = 3  # the DfE counts review timeliness for plans open at least 3 months
YOUNG_PERSON_AGES = (10, 17)  # seed 002: domestic incidents between people aged 10 to 17


@dataclass(frozen=True)
class Window:
    """A period counted from `first` to `last` inclusive; `as_of` is its last day, or today for a
    period not yet over (what is open is counted then)."""
    first: date
    last: date
    as_of: date

    @cached_property
    def counted_to(self) -> date:
        return min(self.last, self.as_of)

    def holds(self, day: date | None) -> bool:
        return day is not None and self.first <= day <= self.counted_to


@dataclass(frozen=True)
class Child:
    born_on: date | None
    sex: str
    disabled: bool | None  # None: not recorded


@dataclass(frozen=True)
class Referral:
    key: object
    child: object  # the person, or None for a child not yet identified
    referral_date: date
    assessed: bool
    cin_plan: bool
    cp_plan: bool


@dataclass(frozen=True)
class Assessment:
    key: object
    started_on: date
    authorised_on: date | None


@dataclass(frozen=True)
class Enquiry:
    key: object
    started_on: date
    completed_on: date | None


@dataclass(frozen=True)
class Conference:
    """An initial conference after a section 47 enquiry: `started_on` is the enquiry's start (the
    strategy discussion that initiated it)."""
    key: object
    started_on: date
    held_on: date | None


@dataclass(frozen=True)
class Plan:
    key: object
    child: object
    started_on: date
    ended_on: date | None
    category: str
    previous_plans: int
    reviews: tuple[date, ...] = ()
    facts: Child = Child(None, "unknown", None)


@dataclass(frozen=True)
class CinPlan:
    key: object
    started_on: date
    ended_on: date | None


@dataclass(frozen=True)
class EarlyHelp:
    """An Early Help Assessment started, or a Team Around the Child meeting held, on `on`."""
    key: object
    on: date
    lead_agency: str


@dataclass(frozen=True)
class DaNotification:
    key: object
    received_on: date
    grade: str  # the grade a person gave, or "" before grading
    young_people: bool  # the victim or the suspect was aged 10 to 17


@dataclass(frozen=True)
class MaracReferral:
    key: object
    victim: object
    referred_on: date
    victim_under_18: bool


@dataclass(frozen=True)
class MaracCase:
    """A case heard at a MARAC meeting on `heard_on`, referred by any agency."""
    key: object
    victim: object
    heard_on: date
    victim_under_18: bool
    perpetrator_under_18: bool


@dataclass
class Data:
    referrals: Sequence[Referral] = ()
    assessments: Sequence[Assessment] = ()
    enquiries: Sequence[Enquiry] = ()
    conferences: Sequence[Conference] = ()
    plans: Sequence[Plan] = ()
    cin_plans: Sequence[CinPlan] = ()
    early_help_assessments: Sequence[EarlyHelp] = ()
    tac_meetings: Sequence[EarlyHelp] = ()
    notifications: Sequence[DaNotification] = ()
    marac_referrals: Sequence[MaracReferral] = ()
    marac_cases: Sequence[MaracCase] = ()
    child_population: int | None = None


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    kind: str  # what its records are, for the drill-down: referral, assessment, ...
    numerator: int
    denominator: int | None = None  # None: a count, not a rate
    keys: tuple = ()  # the numerator's records
    others: tuple = ()  # the rest of a rate's denominator
    others_label: str = ""  # what the drill-down calls `others`
    per: int = 100  # a rate per 100 (a percentage) or per 10,000 children
    group: str = ""

    @property
    def is_rate(self) -> bool:
        return self.denominator is not None

    @property
    def value(self) -> float | int | None:
        """The count; for a rate the percentage (or per 10,000) to one decimal place; None when nothing to count."""
        if self.denominator is None:
            return self.numerator
        return round(self.per * self.numerator / self.denominator, 1) if self.denominator else None


@dataclass
class _Builder:
    """Measures in the order they are added."""
    measures: list[Measure] = field(default_factory=list)

    def count(self, id_: str, label: str, kind: str, keys: Iterable, group: str) -> None:
        keys = tuple(keys)
        self.measures.append(Measure(id_, label, kind, len(keys), keys=keys, group=group))

    def rate(self, id_: str, label: str, kind: str, records: Iterable, test: Callable, group: str,
             others_label: str) -> None:
        yes, no = [], []
        for record in records:
            (yes if test(record) else no).append(record.key)
        self.measures.append(Measure(id_, label, kind, len(yes), len(yes) + len(no), keys=tuple(yes),
                                     others=tuple(no), others_label=others_label, group=group))


@lru_cache(maxsize=8192)
def _working_days_after(start: date, days: int) -> date:
    """A year's records start on a few hundred dates: each deadline is worked out once."""
    return add_working_days(start, days)


def within_working_days(start: date, end: date | None, days: int) -> bool:
    return end is not None and end <= _working_days_after(start, days)


def a_year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def age_on(born_on: date | None, day: date) -> int | None:
    if born_on is None:
        return None
    return day.year - born_on.year - ((day.month, day.day) < (born_on.month, born_on.day))


def age_band(born_on: date | None, day: date) -> str:
    age = age_on(born_on, day)
    for band, _, youngest, oldest in AGE_BANDS:
        if age is not None and youngest <= age <= oldest:
            return band
    return "unknown"


def open_on(plan, day: date) -> bool:
    """Open at the end of `day`: started on or before it and not ended on or before it (a plan that
    ends on the period end is not open at it)."""
    return plan.started_on <= day and (plan.ended_on is None or plan.ended_on > day)


def reviewed_in_timescale(plan: Plan, as_of: date) -> bool:
    """Every review due by `as_of` held on or before its due date: the first within 3 months of the
    initial conference, each later one within 6 months of the one before."""
    due = first_review_due(plan.started_on)
    for held in sorted(r for r in plan.reviews if r <= as_of):
        if held > due:
            return False
        due = next_review_due(held)
    return due >= as_of


def _earlier_plans(plans: Sequence[Plan]) -> dict[object, list[Plan]]:
    by_child: dict[object, list[Plan]] = {}
    for plan in sorted(plans, key=lambda p: p.started_on):
        if plan.child is not None:
            by_child.setdefault(plan.child, []).append(plan)
    return by_child


def second_plan_within(plan: Plan, earlier: Sequence[Plan], months: int) -> bool:
    """A previous plan for the child ended within `months` before this one started."""
    return any(p.key != plan.key and p.ended_on is not None and p.ended_on <= plan.started_on
               and add_months(p.ended_on, months) >= plan.started_on for p in earlier)


def second_plan_ever(plan: Plan, earlier: Sequence[Plan]) -> bool:
    return plan.previous_plans > 0 or any(p.key != plan.key and p.started_on < plan.started_on for p in earlier)


def journey_measures(data: Data, window: Window) -> list[Measure]:
    """Issue 14 item 4's measures, with its ids and definitions: what the page charts month by month."""
    b = _Builder()
    holds = window.holds
    b.count("referrals", "Referrals", "referral", (r.key for r in data.referrals if holds(r.referral_date)), "journey")
    done = [a for a in data.assessments if holds(a.authorised_on)]
    b.count("assessments_completed", "Assessments completed", "assessment", (a.key for a in done), "journey")
    b.rate("assessments_within_45wd_pct", "Assessments completed within 45 working days", "assessment", done,
           lambda a: within_working_days(a.started_on, a.authorised_on, ASSESSMENT_WORKING_DAYS), "journey",
           "Assessments not completed within 45 working days")
    b.count("s47_started", "Section 47 enquiries started", "enquiry",
            (e.key for e in data.enquiries if holds(e.started_on)), "journey")
    held = [c for c in data.conferences if holds(c.held_on)]
    b.count("icpc_held", "Initial child protection conferences held", "conference", (c.key for c in held), "journey")
    b.rate("icpc_within_15wd_pct", "Initial conferences within 15 working days of the strategy discussion",
           "conference", held, lambda c: within_working_days(c.started_on, c.held_on, ICPC_WORKING_DAYS), "journey",
           "ICPCs not within 15 working days")
    started = [p for p in data.plans if holds(p.started_on)]
    b.count("cp_plans_started", "Child protection plans started", "plan", (p.key for p in started), "journey")
    b.count("cp_plans_open_at_period_end", "Child protection plans open at the period end", "plan",
            (p.key for p in data.plans if open_on(p, window.as_of)), "journey")
    for suffix, code, label in CATEGORIES:
        b.count(f"cp_plans_started_{suffix}", f"Child protection plans started: {label.lower()}", "plan",
                (p.key for p in started if p.category == code), "journey")
    b.count("cin_plans_started", "Child in need plans started", "cin_plan",
            (p.key for p in data.cin_plans if holds(p.started_on)), "journey")
    return b.measures


def _breakdowns(b: _Builder, plans: Sequence[Plan], *, prefix: str, label: str, on: Callable[[Plan], date]) -> None:
    group = f"{prefix}_breakdown"
    for band, band_label, _, _ in (*AGE_BANDS, ("unknown", "Age not known", 0, 0)):
        b.count(f"{prefix}_age_{band}", f"{label}: aged {band_label.lower()}" if band != "unknown" else
                f"{label}: {band_label.lower()}", "plan", (p.key for p in plans if age_band(p.facts.born_on, on(p)) == band),
                group)
    for sex, sex_label in SEXES:
        b.count(f"{prefix}_sex_{sex}", f"{label}: {sex_label.lower()}", "plan",
                (p.key for p in plans if (p.facts.sex if p.facts.sex in ("female", "male") else "unknown") == sex), group)
    for value, suffix, wording in ((True, "disabled", "disabled"), (False, "not_disabled", "not disabled"),
                                   (None, "disability_not_recorded", "disability not recorded")):
        b.count(f"{prefix}_{suffix}", f"{label}: {wording}", "plan", (p.key for p in plans if p.facts.disabled is value),
                group)


def _per_10000(b: _Builder, id_: str, label: str, keys: tuple, population: int | None) -> None:
    if population:
        b.measures.append(Measure(id_, label, "plan", len(keys), population, keys=keys, per=10_000, group="plans"))


def plan_measures(data: Data, window: Window) -> list[Measure]:
    """Child protection plans by category, age band, sex and disability, per 10,000 children, second
    plans, reviews and length; child in need plans open."""
    b = _Builder()
    started = [p for p in data.plans if window.holds(p.started_on)]
    open_ = [p for p in data.plans if open_on(p, window.as_of)]
    for suffix, code, label in CATEGORIES:
        b.count(f"cp_plans_open_{suffix}", f"Child protection plans open at the period end: {label.lower()}", "plan",
                (p.key for p in open_ if p.category == code), "plans")
    _per_10000(b, "cp_plans_started_per_10000", "Child protection plans started per 10,000 children",
               tuple(p.key for p in started), data.child_population)
    _per_10000(b, "cp_plans_open_per_10000", "Child protection plans open at the period end per 10,000 children",
               tuple(p.key for p in open_), data.child_population)
    earlier = _earlier_plans(data.plans)
    b.rate("second_plans_within_18m_pct", "Plans started that were a second or subsequent plan within 18 months",
           "plan", started, lambda p: second_plan_within(p, earlier.get(p.child, ()), SECOND_PLAN_MONTHS), "plans",
           "Plans started that were not a second plan within 18 months")
    b.rate("second_plans_ever_pct", "Plans started that were a second or subsequent plan ever", "plan", started,
           lambda p: second_plan_ever(p, earlier.get(p.child, ())), "plans", "Plans started that were a first plan")
    reviewable = [p for p in open_ if add_months(p.started_on, REVIEWED_AFTER_MONTHS) <= window.as_of]
    b.rate("plans_reviewed_in_timescale_pct", "Plans open at least 3 months with every review in timescale", "plan",
           reviewable, lambda p: reviewed_in_timescale(p, window.as_of), "plans", "Plans with a review out of timescale")
    ended = [p for p in data.plans if window.holds(p.ended_on)]
    b.rate("plans_ended_lasting_2y_plus_pct", "Plans ended that had lasted two years or more", "plan", ended,
           lambda p: p.ended_on >= add_months(p.started_on, LONG_PLAN_MONTHS), "plans",
           "Plans ended that had lasted less than two years")
    b.count("cin_plans_open_at_period_end", "Child in need plans open at the period end", "cin_plan",
            (p.key for p in data.cin_plans if open_on(p, window.as_of)), "plans")
    _breakdowns(b, started, prefix="cp_plans_started", label="Plans started", on=lambda p: p.started_on)
    _breakdowns(b, open_, prefix="cp_plans_open", label="Plans open at the period end", on=lambda p: window.as_of)
    return b.measures


def referral_measures(data: Data, window: Window) -> list[Measure]:
    """What referrals became, and re-referrals: a referral for a child referred in the 12 months before it."""
    b = _Builder()
    referrals = [r for r in data.referrals if window.holds(r.referral_date)]
    dates: dict[object, list[date]] = {}
    for r in data.referrals:
        if r.child is not None:
            dates.setdefault(r.child, []).append(r.referral_date)

    def re_referral(r: Referral) -> bool:
        if r.child is None:
            return False
        since = a_year_before(r.referral_date)
        return any(since <= d < r.referral_date for d in dates[r.child])

    b.rate("re_referrals_12m_pct", "Re-referrals within 12 months of a previous referral", "referral", referrals,
           re_referral, "referrals", "Referrals with no referral in the 12 months before")
    for id_, label, test in (("referrals_to_assessment_pct", "Referrals that led to an assessment", lambda r: r.assessed),
                             ("referrals_to_cin_plan_pct", "Referrals that led to a child in need plan", lambda r: r.cin_plan),
                             ("referrals_to_cp_plan_pct", "Referrals that led to a child protection plan", lambda r: r.cp_plan)):
        b.rate(id_, label, "referral", referrals, test, "referrals", f"{label.replace('that led', 'that did not lead')}")
    enquiries = [e for e in data.enquiries if window.holds(e.completed_on)]
    b.rate("s47_completed_within_15wd_pct", "Section 47 enquiries completed within 15 working days", "enquiry",
           enquiries, lambda e: within_working_days(e.started_on, e.completed_on, SECTION_47_WORKING_DAYS), "referrals",
           "Section 47 enquiries not completed within 15 working days")
    return b.measures


def _by_label(b: _Builder, id_prefix: str, label: str, kind: str, records: Iterable, name: Callable, group: str) -> None:
    by: dict[str, list] = {}
    for record in records:
        by.setdefault(name(record), []).append(record.key)
    for value in sorted(by):
        slug = re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")
        b.count(f"{id_prefix}_{slug}", f"{label}: {value}", kind, by[value], group)


def partner_measures(data: Data, window: Window) -> list[Measure]:
    """Early help by lead agency; domestic abuse notifications by grade and young people's incidents; MARAC."""
    b = _Builder()
    ehas = [e for e in data.early_help_assessments if window.holds(e.on)]
    tacs = [t for t in data.tac_meetings if window.holds(t.on)]
    b.count("early_help_assessments", "Early help assessments started", "early_help", (e.key for e in ehas), "early_help")
    _by_label(b, "early_help_assessments", "Early help assessments started", "early_help", ehas,
              lambda e: e.lead_agency, "early_help")
    b.count("tac_meetings", "Team Around the Child meetings held", "tac", (t.key for t in tacs), "early_help")
    _by_label(b, "tac_meetings", "Team Around the Child meetings held", "tac", tacs, lambda t: t.lead_agency, "early_help")
    notes = [n for n in data.notifications if window.holds(n.received_on)]
    b.count("da_notifications", "Domestic abuse notifications from the police", "notification",
            (n.key for n in notes), "domestic_abuse")
    for grade in ("standard", "medium", "high", ""):
        keys = tuple(n.key for n in notes if n.grade == grade)
        b.count(f"da_notifications_{grade or 'not_graded'}", f"Domestic abuse notifications: {grade or 'not yet graded'}",
                "notification", keys, "domestic_abuse")
    b.count("da_incidents_young_people_10_17", "Domestic abuse incidents with a victim or suspect aged 10 to 17",
            "notification", (n.key for n in notes if n.young_people), "domestic_abuse")
    referred = [m for m in data.marac_referrals if window.holds(m.referred_on)]
    b.count("marac_referrals", "MARAC referrals", "marac", (m.key for m in referred), "domestic_abuse")
    b.count("marac_referrals_under_18", "MARAC referrals of a victim under 18", "marac",
            (m.key for m in referred if m.victim_under_18), "domestic_abuse")
    b.rate("marac_repeat_referrals_pct", "Repeat MARAC referrals (the victim referred in the 12 months before)",
           "marac", referred, _repeat(data.marac_referrals, lambda m: m.referred_on),
           "domestic_abuse", "MARAC referrals that were not repeats")
    heard = [c for c in data.marac_cases if window.holds(c.heard_on)]
    b.count("marac_cases", "MARAC cases heard (referred by any agency)", "marac_case", (c.key for c in heard),
            "domestic_abuse")
    b.count("marac_cases_victim_under_18", "MARAC cases heard: victim under 18", "marac_case",
            (c.key for c in heard if c.victim_under_18), "domestic_abuse")
    b.count("marac_cases_perpetrator_under_18", "MARAC cases heard: perpetrator under 18", "marac_case",
            (c.key for c in heard if c.perpetrator_under_18), "domestic_abuse")
    b.rate("marac_repeat_cases_pct", "Repeat MARAC cases (the victim heard in the 12 months before)", "marac_case",
           heard, _repeat(data.marac_cases, lambda c: c.heard_on), "domestic_abuse", "MARAC cases that were not repeats")
    return b.measures


def _repeat(records: Sequence, day_of: Callable) -> Callable:
    """SafeLives: a repeat is the same victim again within 12 months; the records before the window count too."""
    by_victim: dict[object, list[date]] = {}
    for record in records:
        if record.victim is not None:
            by_victim.setdefault(record.victim, []).append(day_of(record))
    return lambda record: record.victim is not None and any(
        a_year_before(day_of(record)) <= d < day_of(record) for d in by_victim[record.victim])


def all_measures(data: Data, window: Window) -> list[Measure]:
    return [*journey_measures(data, window), *referral_measures(data, window), *plan_measures(data, window),
            *partner_measures(data, window)]


def _by_month(records: Iterable, day_of: Callable) -> dict[tuple[int, int], list]:
    months: dict[tuple[int, int], list] = {}
    for record in records:
        day = day_of(record)
        if day is not None:
            months.setdefault((day.year, day.month), []).append(record)
    return months


def journey_by_month(data: Data, windows: Sequence[Window]) -> list[tuple[Window, list[Measure]]]:
    """Item 4's measures for each calendar-month window: the same definitions, each month given only the
    records dated in it (and the plans open at its end), so a year's months cost about one year's pass."""
    referrals = _by_month(data.referrals, lambda r: r.referral_date)
    assessments = _by_month(data.assessments, lambda a: a.authorised_on)
    enquiries = _by_month(data.enquiries, lambda e: e.started_on)
    conferences = _by_month(data.conferences, lambda c: c.held_on)
    cin_plans = _by_month(data.cin_plans, lambda p: p.started_on)
    months = []
    for window in windows:
        month = (window.first.year, window.first.month)
        plans = [p for p in data.plans if open_on(p, window.as_of) or (p.started_on.year, p.started_on.month) == month]
        subset = Data(referrals=referrals.get(month, ()), assessments=assessments.get(month, ()),
                      enquiries=enquiries.get(month, ()), conferences=conferences.get(month, ()), plans=plans,
                      cin_plans=cin_plans.get(month, ()))
        months.append((window, journey_measures(subset, window)))
    return months


def month_windows(first: date, last: date, as_of: date) -> list[Window]:
    """The calendar months of [first, last] up to `as_of`, oldest first, each counted to its last day (or `as_of`)."""
    windows, month = [], first.replace(day=1)
    while month <= min(last, as_of):
        following = (month + timedelta(days=32)).replace(day=1)
        end = min(following - timedelta(days=1), last)
        windows.append(Window(max(month, first), end, min(end, as_of)))
        month = following
    return windows
