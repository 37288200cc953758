"""Selectors for the safeguarding partnership's data set (issue 14 items 3 and 4, seed 003): the records
read once, in a few queries, into `partnership_measures`' plain records; the page, its downloads and
`frontdoor report partnership` all count from here. The figures name no one; the drill-down names the
children behind one figure, each read logged."""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.clocks import ASSESSMENT_WORKING_DAYS, ICPC_WORKING_DAYS, add_months
from frontdoor.casework.models import (
    Assessment, ChildInNeedPlan, ChildProtectionPlan, EarlyHelpOffer, Episode, InitialChildProtectionConference,
    ReviewConference, Section47Enquiry, TeamAroundTheChildMeeting, child_name,
)
from frontdoor.fostering.selectors import fostering_figures, may_see_fostering
from frontdoor.governance.services import access_log_record_many
from frontdoor.lado.selectors import lado_figures, may_see_lado
from frontdoor.marac.models import MaracCase
from frontdoor.missing.selectors import missing_figures, may_see_missing
from frontdoor.people.models import Person
from frontdoor.reporting import partnership_measures as pm
from frontdoor.reporting import period_selectors as periods
from frontdoor.reporting.cin_census import census_year
from frontdoor.reporting.selectors import FRONT_DOOR_FIGURES_ROLES
from frontdoor.triage.models import MeetingOutcome, PoliceNotification

PARTNERSHIP_ROLES = FRONT_DOOR_FIGURES_ROLES
ROWS_PER_PAGE = 50


def may_see_partnership_figures(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in PARTNERSHIP_ROLES


@dataclass(frozen=True)
class Comparator:
    england: float | None
    statistical_neighbours: float | None
    year: str


@dataclass(frozen=True)
class PartnershipFigures:
    year: pm.Window
    measures: list[pm.Measure]
    months: list[tuple[pm.Window, list[pm.Measure]]]  # item 4's measures, month by month, oldest first
    comparators: dict[str, Comparator]
    child_population: int | None

    def measure(self, measure_id: str) -> pm.Measure:
        return next(m for m in self.measures if m.id == measure_id)

    def group(self, name: str) -> list[pm.Measure]:
        return [m for m in self.measures if m.group == name]


def year_window(period_end: date, today: date) -> pm.Window:
    """1 April to the period end (the census year); what is open is counted on the period end, or
    today for a year not yet over."""
    return pm.Window(census_year(period_end).starts, period_end, min(period_end, today))


def _id(field: str) -> Cast:
    """An id read as text: the measures hash ids by the hundred thousand, and text hashes in C."""
    return Cast(field, output_field=CharField())


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _facts(born_on, sex, disabilities) -> pm.Child:
    disabled = None if not disabilities else disabilities != ["NONE"]
    return pm.Child(born_on, sex, disabled)


def _referrals(window: pm.Window) -> list[pm.Referral]:
    episodes = periods.referrals_in(first=pm.a_year_before(window.first), last=window.as_of).order_by()
    assessed, cin, cp = (set(model.objects.filter(episode__in=episodes).values_list(_id("episode_id"), flat=True).distinct())
                         for model in (Assessment, ChildInNeedPlan, ChildProtectionPlan))
    return [pm.Referral(pk, person_id, referred, pk in assessed, pk in cin, pk in cp)
            for pk, person_id, referred in episodes.values_list(_id("pk"), _id("person_id"), "referral_date")]


def _plans(window: pm.Window) -> list[pm.Plan]:
    since = add_months(window.first, -pm.SECOND_PLAN_MONTHS)
    plans = periods.cp_plans_open_in(first=since, last=window.as_of).order_by()
    reviews: dict[object, list[date]] = {}
    for plan_id, held_on in (ReviewConference.objects.filter(plan__in=plans, held_on__isnull=False).order_by()
                             .values_list(_id("plan_id"), "held_on")):
        reviews.setdefault(plan_id, []).append(held_on)
    return [pm.Plan(pk, person_id, started_on, ended_on, category, previous, tuple(reviews.get(pk, ())),
                    _facts(born_on, sex, disabilities))
            for pk, person_id, started_on, ended_on, category, previous, born_on, sex, disabilities in plans.values_list(
                _id("pk"), _id("episode__person_id"), "started_on", "ended_on", "initial_category", "previous_plans",
                "episode__person__date_of_birth", "episode__person__sex", "episode__person__disabilities")]


def _lead_agency(name: str | None) -> str:
    return name or "No lead professional"


def _early_help(window: pm.Window) -> tuple[list[pm.EarlyHelp], list[pm.EarlyHelp]]:
    period = (window.first, window.as_of)
    agency = "lead_professional__membership__agency__name"
    ehas = (EarlyHelpOffer.objects.filter(eha_started_on__range=period).order_by()
            .values_list(_id("pk"), "eha_started_on", agency))
    tacs = (TeamAroundTheChildMeeting.objects.filter(held_on__range=period).order_by()
            .values_list(_id("pk"), "held_on", f"offer__{agency}"))
    return ([pm.EarlyHelp(pk, on, _lead_agency(name)) for pk, on, name in ehas],
            [pm.EarlyHelp(pk, on, _lead_agency(name)) for pk, on, name in tacs])


def _young_person(born_on: date | None, on: date) -> bool:
    age = pm.age_on(born_on, on)
    return age is not None and pm.YOUNG_PERSON_AGES[0] <= age <= pm.YOUNG_PERSON_AGES[1]


def _notifications(window: pm.Window) -> list[pm.DaNotification]:
    rows = (PoliceNotification.objects.filter(received_at__gte=_day_start(window.first),
                                              received_at__lt=_day_start(window.as_of + timedelta(days=1)))
            .order_by().values_list(_id("pk"), "received_at", "occurred_at", "grade", "victim__date_of_birth",
                                    "perpetrator__date_of_birth"))
    found = []
    for pk, received_at, occurred_at, grade, victim_born, suspect_born in rows:
        occurred = timezone.localdate(occurred_at)
        found.append(pm.DaNotification(pk, timezone.localdate(received_at), grade,
                                       _young_person(victim_born, occurred) or _young_person(suspect_born, occurred)))
    return found


def _marac(window: pm.Window) -> list[pm.MaracReferral]:
    rows = (MeetingOutcome.objects.filter(decision=MeetingOutcome.Decision.MARAC_REFERRAL,
                                          meeting__date__range=(pm.a_year_before(window.first), window.as_of))
            .order_by().values_list(_id("pk"), _id("notification__victim_id"), "meeting__date", "notification__victim__date_of_birth"))
    return [pm.MaracReferral(pk, victim, on, _under_18(born, on)) for pk, victim, on, born in rows]


def _marac_cases(window: pm.Window) -> list[pm.MaracCase]:
    """Every agency's cases heard at MARAC meetings, from a year before the window so that repeats are seen."""
    rows = (MaracCase.objects.filter(meeting__held_on__range=(pm.a_year_before(window.first), window.as_of))
            .order_by().values_list(_id("pk"), _id("victim_id"), "meeting__held_on", "victim__date_of_birth",
                                    "perpetrator_date_of_birth"))
    return [pm.MaracCase(pk, victim, on, _under_18(born, on), _under_18(perpetrator_born, on))
            for pk, victim, on, born, perpetrator_born in rows]


def _under_18(born_on: date | None, on: date) -> bool:
    age = pm.age_on(born_on, on)
    return age is not None and age < 18


def partnership_data(window: pm.Window) -> pm.Data:
    period = {"first": window.first, "last": window.as_of}
    ehas, tacs = _early_help(window)
    return pm.Data(
        referrals=_referrals(window),
        assessments=[pm.Assessment(*row) for row in periods.assessments_authorised_in(**period)
                     .order_by().values_list(_id("pk"), "started_on", "authorised_on")],
        enquiries=[pm.Enquiry(*row) for row in (periods.section_47s_started_in(**period)
                                                | periods.section_47s_completed_in(**period)).order_by()
                   .values_list(_id("pk"), "started_on", "completed_on")],
        conferences=[pm.Conference(*row) for row in periods.icpcs_after_section_47_held_in(**period).order_by()
                     .values_list(_id("pk"), "section_47__started_on", "held_on")],
        plans=_plans(window),
        cin_plans=[pm.CinPlan(*row) for row in periods.cin_plans_open_in(**period).order_by()
                   .values_list(_id("pk"), "started_on", "ended_on")],
        early_help_assessments=ehas, tac_meetings=tacs,
        notifications=_notifications(window), marac_referrals=_marac(window), marac_cases=_marac_cases(window),
        child_population=settings.FRONTDOOR_CHILD_POPULATION or None,
    )


def _comparators() -> dict[str, Comparator]:
    return {measure_id: Comparator(c.get("england"), c.get("statistical_neighbours"), c.get("year", ""))
            for measure_id, c in settings.FRONTDOOR_BOARD_COMPARATORS.items()}


def partnership_figures(*, period_end: date, today: date | None = None, by_month: bool = True) -> PartnershipFigures:
    """Every measure for the year ending `period_end`, and item 4's month by month. No access check:
    for the command line and for the selectors below, which check."""
    window = year_window(period_end, today or timezone.localdate())
    data = partnership_data(window)
    months = pm.journey_by_month(data, pm.month_windows(window.first, window.last, window.as_of)) if by_month else []
    return PartnershipFigures(year=window, measures=pm.all_measures(data, window), months=months,
                              comparators=_comparators(), child_population=data.child_population)


def partnership_figures_for(*, user, period_end: date, by_month: bool = True) -> PartnershipFigures:
    """The figures, for the Front Door manager and the performance officer; not found for anyone else."""
    if not may_see_partnership_figures(user):
        raise Http404
    return partnership_figures(period_end=period_end, by_month=by_month)


def other_streams_for(*, user) -> list[tuple[str, object]]:
    """The other streams' own headline figures, from their own selectors, where this user may see them."""
    rows: list[tuple[str, object]] = []
    if may_see_missing(user):
        missing = missing_figures()
        rows += [("Missing episodes this month", missing["episodes_this_month"]),
                 ("Repeat missing children (last 12 months)", missing["repeat_children"])]
    if may_see_lado(user):
        years = lado_figures(user=user)
        if years:
            rows.append((f"LADO allegations, academic year {years[0]['year']}", years[0]["current"]))
    if may_see_fostering(user):
        fostering = fostering_figures(user=user)
        rows += [("Private fostering notifications this year", fostering["notified"]["total"]),
                 ("Private fostering arrangements now", fostering["current"]["total"])]
    return rows


# The drill-down: what each kind of record is, who it is about and what the list says of it.
def _d(day: date | None) -> str:
    return f"{day:%-d %B %Y}" if day else "not yet"


@dataclass(frozen=True)
class _Kind:
    queryset: object
    owner: object  # the record whose child it is: an episode, an early help offer, or the person themselves
    details: object


KINDS = {
    "referral": _Kind(lambda: Episode.objects.select_related("person", "contact_child"), lambda r: r,
                      lambda r: f"Referred {_d(r.referral_date)}"),
    "assessment": _Kind(lambda: Assessment.objects.select_related("episode__person", "episode__contact_child"),
                        lambda r: r.episode,
                        lambda r: f"Started {_d(r.started_on)}; completed {_d(r.authorised_on)}; due "
                                  f"{_d(add_working_days(r.started_on, ASSESSMENT_WORKING_DAYS))}"),
    "enquiry": _Kind(lambda: Section47Enquiry.objects.select_related("episode__person", "episode__contact_child"),
                     lambda r: r.episode, lambda r: f"Started {_d(r.started_on)}; completed {_d(r.completed_on)}"),
    "conference": _Kind(lambda: InitialChildProtectionConference.objects.select_related(
        "section_47", "episode__person", "episode__contact_child"), lambda r: r.episode,
        lambda r: f"Section 47 started {_d(r.section_47.started_on)}; conference held {_d(r.held_on)}; due "
                  f"{_d(add_working_days(r.section_47.started_on, ICPC_WORKING_DAYS))}"),
    "plan": _Kind(lambda: ChildProtectionPlan.objects.select_related("episode__person", "episode__contact_child"),
                  lambda r: r.episode, lambda r: f"Started {_d(r.started_on)} ({r.get_initial_category_display()}); "
                                                 f"ended {_d(r.ended_on)}"),
    "cin_plan": _Kind(lambda: ChildInNeedPlan.objects.select_related("episode__person", "episode__contact_child"),
                      lambda r: r.episode, lambda r: f"Started {_d(r.started_on)}; ended {_d(r.ended_on)}"),
    "early_help": _Kind(lambda: EarlyHelpOffer.objects.select_related("person", "contact_child"), lambda r: r,
                        lambda r: f"Early help assessment started {_d(r.eha_started_on)}"),
    "tac": _Kind(lambda: TeamAroundTheChildMeeting.objects.select_related("offer__person", "offer__contact_child"),
                 lambda r: r.offer, lambda r: f"Team Around the Child meeting {_d(r.held_on)}"),
    "notification": _Kind(lambda: PoliceNotification.objects.select_related("victim"), lambda r: r.victim,
                          lambda r: f"Received {_d(timezone.localdate(r.received_at))}; grade {r.grade or 'not yet given'}"),
    "marac": _Kind(lambda: MeetingOutcome.objects.select_related("notification__victim", "meeting"),
                   lambda r: r.notification.victim, lambda r: f"Referred at the triage meeting of {_d(r.meeting.date)}"),
    "marac_case": _Kind(lambda: MaracCase.objects.select_related("victim", "meeting", "referring_agency"),
                        lambda r: r.victim, lambda r: f"Heard at the MARAC of {_d(r.meeting.held_on)}; referred by "
                                                      f"{r.referring_agency.name}"),
}


@dataclass(frozen=True)
class ChildRow:
    name: str
    person: object  # the person index record, or None for a child not yet identified
    details: str


def _row(kind: _Kind, record) -> tuple[ChildRow, object]:
    """The row and the record its read is logged against: the person, or the episode or offer."""
    owner = kind.owner(record)
    if owner is None:  # a notification or referral whose victim is not yet in the person index
        return ChildRow("Not yet identified", None, kind.details(record)), record
    person = owner if isinstance(owner, Person) else owner.person
    name = person.full_name if person is not None else child_name(owner) or "Not yet identified"
    return ChildRow(name, person, kind.details(record)), person or owner


def partnership_children_for(*, user, period_end: date, measure_id: str, others: bool,
                             page_number=None) -> tuple[pm.Measure, Page]:
    """One page of the records behind one figure (or, for a rate, the rest of its denominator), each
    child on the page logged as read. Not found for anyone who may not see the figures, or for a
    figure that does not exist."""
    figures = partnership_figures_for(user=user, period_end=period_end, by_month=False)
    measure = next((m for m in figures.measures if m.id == measure_id), None)
    if measure is None or (others and not measure.is_rate) or measure.kind not in KINDS:
        raise Http404
    kind = KINDS[measure.kind]
    records = kind.queryset().filter(pk__in=list(measure.others if others else measure.keys))
    pairs = sorted((_row(kind, record) for record in records), key=lambda pair: (pair[0].name, pair[0].details))
    page = Paginator(pairs, ROWS_PER_PAGE).get_page(page_number)
    label = measure.others_label if others else measure.label
    access_log_record_many(user=user, targets=list(dict.fromkeys(target for _, target in page)),
                           reason=f"Partnership figures: {label}"[:200])
    page.object_list = [row for row, _ in page]
    return measure, page
