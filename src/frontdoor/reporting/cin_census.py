"""The DfE Children in Need census: who is in it and what it says about them, read from the casework.

Who: every child referred to children's social care in the census year (1 April to 31 March)
and every child with an episode open at any point in it. As of the reference date, or today for a
year-to-date return: what happened after that day is left out, so a return for a past year says
what was true on its last day. The records become `cin_xml`'s plain records; `cin_checks` finds
what the sector validator cannot. Episodes not yet linked to a person index record cannot be
returned (the census needs the child's identity): they are counted so the page can say so.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from frontdoor.casework.models import Assessment, ChildInNeedPlan, ChildProtectionPlan, Episode, ReviewConference, Section47Enquiry
from frontdoor.people.models import Person
from frontdoor.reporting import cin_xml
from frontdoor.reporting import period_selectors as periods
from frontdoor.reporting.child_ids import child_unique_id
from frontdoor.reporting.cin_checks import Problem, Year, census_problems

SEX = {Person.Sex.FEMALE: "F", Person.Sex.MALE: "M", Person.Sex.UNKNOWN: "U"}
SCHOOL_AGE = 5  # compulsory school age starts in the term after a child turns five


def census_reference_date(today: date) -> date:
    """The 31 March that ends the census year today is in."""
    return date(today.year + 1 if today.month >= 4 else today.year, 3, 31)


def census_year(reference_date: date) -> Year:
    """The year ending on the reference date: 1 April to 31 March for the census."""
    starts_in = reference_date.year if reference_date.month >= 4 else reference_date.year - 1
    return Year(starts=date(starts_in, 4, 1), ends=reference_date)


def la_child_id(person: Person) -> str:
    """The child's ID in every return (reporting/child_ids.py)."""
    return child_unique_id(person_id=person.pk, prefix=settings.FRONTDOOR_CENSUS_CHILD_ID_PREFIX)


@dataclass(frozen=True)
class CensusReturn:
    year: Year
    as_of: date
    children: list[cin_xml.Child]
    problems: list[Problem]
    people: dict[str, Person]  # LAchildID -> the person, for links and the access log
    unlinked_episodes: int


class _AsOf:
    """Dates as they stood on the census's last day (or today): anything later had not happened."""

    def __init__(self, day: date):
        self.day = day

    def __call__(self, value: date | None) -> date | None:
        return value if value is not None and value <= self.day else None


def _by(records, key: str) -> dict[object, list]:
    grouped = defaultdict(list)
    for record in records:
        grouped[getattr(record, key)].append(record)
    return grouped


@dataclass(frozen=True)
class _Steps:
    """The year's steps by episode (reviews by plan): each kind read once for the whole year, as grouping
    them in Python costs far less than a prefetch's per-episode querysets."""
    assessments: dict
    cin_plans: dict
    section_47s: dict
    transfer_ins: dict
    plans: dict
    reviews: dict


def _steps(year: Year, as_of: date) -> _Steps:
    """The steps open at some time in the year to `as_of`: a step over before 1 April belongs to an
    earlier return (validator rules 8696, 8715)."""
    period = {"first": year.starts, "last": as_of}
    plans = periods.cp_plans_open_in(**period)
    return _Steps(
        assessments=_by(periods.assessments_open_in(**period).order_by("started_on"), "episode_id"),
        cin_plans=_by(periods.cin_plans_open_in(**period).order_by("started_on"), "episode_id"),
        section_47s=_by(periods.section_47s_open_in(**period).select_related("initial_conference")
                        .order_by("started_on"), "episode_id"),
        transfer_ins=_by(periods.transfer_in_conferences_held_in(**period), "episode_id"),
        plans=_by(plans.order_by("started_on"), "episode_id"),
        reviews=_by(ReviewConference.objects.filter(plan__in=plans, held_on__isnull=False).order_by("held_on"),
                    "plan_id"))


def _assessment(assessment: Assessment, on: _AsOf) -> cin_xml.Assessment:
    authorised = on(assessment.authorised_on)
    return cin_xml.Assessment(started_on=assessment.started_on, authorised_on=authorised,
                              factors=tuple(assessment.factors) if authorised else ())


def _section_47(enquiry: Section47Enquiry, on: _AsOf) -> cin_xml.Section47:
    conference = getattr(enquiry, "initial_conference", None)
    decided = on(enquiry.completed_on) is not None
    return cin_xml.Section47(
        started_on=enquiry.started_on, icpc_not_required=decided and enquiry.icpc_not_required,
        icpc_target=enquiry.initial_conference_target if conference else None,
        icpc_on=on(conference.held_on) if conference else None)


def _plan(plan: ChildProtectionPlan, reviews: list[ReviewConference], on: _AsOf) -> cin_xml.ProtectionPlan:
    return cin_xml.ProtectionPlan(
        started_on=plan.started_on, ended_on=on(plan.ended_on), initial_category=plan.initial_category,
        latest_category=plan.latest_category, previous_plans=plan.previous_plans,
        reviews=tuple(r.held_on for r in reviews if on(r.held_on)))


def _cin_plan(plan: ChildInNeedPlan, on: _AsOf) -> cin_xml.CinPlan:
    return cin_xml.CinPlan(started_on=plan.started_on, ended_on=on(plan.ended_on))


def _episode(episode: Episode, steps: _Steps, on: _AsOf) -> cin_xml.CinEpisode:
    closed_on = on(episode.closed_on)
    assessments = tuple(_assessment(a, on) for a in steps.assessments.get(episode.pk, ()))
    enquiries = tuple(_section_47(s, on) for s in steps.section_47s.get(episode.pk, ()))
    plans = tuple(_plan(p, steps.reviews.get(p.pk, []), on) for p in steps.plans.get(episode.pk, ()))
    cin_plans = tuple(_cin_plan(p, on) for p in steps.cin_plans.get(episode.pk, ()))
    transfer_in = [c.held_on for c in steps.transfer_ins.get(episode.pk, ())]
    nfa = closed_on is not None and not episode.further_action
    return cin_xml.CinEpisode(
        referral_date=episode.referral_date, source=episode.source, nfa=nfa,
        primary_need=None if nfa else episode.primary_need, closed_on=closed_on,
        closure_reason=episode.closure_reason if closed_on else "",
        icpc_on=min(transfer_in, default=None), assessments=assessments,
        cin_plans=cin_plans, section_47s=enquiries, plans=plans)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _upn_unknown(person: Person, episodes: list[cin_xml.CinEpisode], reference_date: date) -> str:
    """As recorded; otherwise what the record itself says: UN1 for a child not yet of school age
    (or unborn), UN7 when every referral was no further action."""
    if person.upn or person.upn_unknown_reason:
        return person.upn_unknown_reason
    born = person.date_of_birth
    if person.kind == Person.Kind.UNBORN or (born is not None and age_on(born, reference_date) < SCHOOL_AGE):
        return "UN1"
    return "UN7" if all(e.nfa for e in episodes) else ""


def _child(person: Person, episodes: list[cin_xml.CinEpisode], on: _AsOf, reference_date: date) -> cin_xml.Child:
    unborn = person.date_of_birth is None and person.kind == Person.Kind.UNBORN
    return cin_xml.Child(
        la_child_id=la_child_id(person), upn=person.upn,
        upn_unknown=_upn_unknown(person, episodes, reference_date),
        birth_date=None if unborn else person.date_of_birth, expected_birth_date=person.expected_date if unborn else None,
        sex="U" if unborn else SEX.get(person.sex, "U"), death_date=on(person.died_on), ethnicity=person.ethnicity,
        disabilities=tuple(person.disabilities), episodes=tuple(episodes))


def cin_census_build(*, reference_date: date, today: date) -> CensusReturn:
    """The return for the year ending on `reference_date`, as it stood then (or today, if sooner)."""
    year, as_of = census_year(reference_date), min(reference_date, today)
    on, steps = _AsOf(as_of), _steps(year, as_of)
    by_person: dict = {}
    unlinked = 0
    episodes = (periods.with_further_action(periods.episodes_open_in(first=year.starts, last=as_of), by=as_of)
                .select_related("person").order_by("referral_date"))
    for episode in episodes:
        if episode.person is None:
            unlinked += 1
            continue
        by_person.setdefault(episode.person, []).append(_episode(episode, steps, on))
    children = [_child(person, episodes, on, reference_date) for person, episodes in by_person.items()]
    people = {la_child_id(person): person for person in by_person}
    return CensusReturn(year=year, as_of=as_of, children=children, problems=census_problems(children, year),
                        people=people, unlinked_episodes=unlinked)


def census_header(*, reference_date: date, serial_no: int, created_at) -> cin_xml.Header:
    try:
        release = version("frontdoor")
    except PackageNotFoundError:
        release = "0.1.0"
    return cin_xml.Header(la_code=settings.FRONTDOOR_LA_CODE, software_code=settings.FRONTDOOR_CENSUS_SOFTWARE_CODE,
                          release=release, serial_no=serial_no, created_at=created_at, reference_date=reference_date)
