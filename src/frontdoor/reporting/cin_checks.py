"""What the CIN census must get right that the sector's validator cannot see.

Pure: no Django. csc-validator-be-cin 0.1.13 misses these (shared/STATUTORY-RETURNS.md, "Where
the validator is blind"): factor 21 ("no factors") alongside others, a child with further action
and no disability block, an episode closed before its child protection plan ends or with one
still open, any review after the first (its reader keeps one), a conference at the weekend at
the episode level, a section 47 without ICPCnotRequired, factor codes it does not know (its rule
8897Q crashes), dates outside the year. A few things the return cannot be written without are
checked here too (ethnicity, a date of birth), so the page lists every fix in one place.
"""
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from frontdoor.people.census_codes import NO_DISABILITY
from frontdoor.reporting.cin_xml import Child, CinEpisode, ProtectionPlan

ERROR, QUERY = "error", "query"
# Where the fix is made: the child's details for returns, or one of the episode's records.
CHILD, EPISODE, ASSESSMENT, SECTION_47, CONFERENCE, PLAN, REVIEW = (
    "child", "episode", "assessment", "section_47", "initial_conference", "plan", "review")

RECORD_NAMES = {CHILD: "child's details for returns", EPISODE: "referral", ASSESSMENT: "assessment",
                SECTION_47: "section 47 enquiry", CONFERENCE: "initial conference", PLAN: "child protection plan",
                REVIEW: "review conference"}

FACTORS = frozenset(
    [f"{n}{x}" for n in range(1, 7) for x in "ABC"] + ["7A", *(f"8{x}" for x in "BCDEF"), "9A", "10A", "11A",
                                                       "12A", "13A", "14A", "15A", "16A", "17A", "18B", "18C",
                                                       "19B", "19C", "20", "21", "22A", "23A", "24A"])
NO_FACTORS = "21"


# The queries the sector validator raises on Front Door's files, and what the performance officer
# does about each (a query is fixed, or explained to the DfE with a reason; it does not stop a return).
VALIDATOR_QUERIES = {
    "2887Q": "Fewer than 8 disability codes are used in the whole return. True of a small or young cohort: say so.",
    "2888Q": "Only one disability code is recorded for each disabled child. Record every disability a child has "
             "on their details page, or say that each has one.",
    "8670Q": "An assessment still open more than 45 working days after it started. Authorise it, or give the "
             "reason it is taking longer.",
    "8675Q": "A section 47 enquiry started more than 15 working days before the year's end with no initial "
             "conference and not marked as needing none. Record its outcome, or give the reason.",
    "2991Q": "A section 47 enquiry with no assessment in the episode. Front Door records the enquiry without a "
             "Single Assessment alongside it: record one, or give the reason.",
    "8530Q": "An unborn child's expected date of birth is more than a month before the census's last day (or "
             "more than nine months after it). Listed below for the child: record the date of birth if born.",
    "8873Q": "An episode whose only assessment found no factors (21) but did not close with RC8 or RC9. Check "
             "the factors, or the reason the child still needed services.",
    "8770Q": "A child of school age with neither a UPN nor a reason it is not known. Listed below as a query "
             "for the child: record one or the other.",
}


@dataclass(frozen=True)
class Problem:
    child_id: str  # LAchildID
    message: str
    record: str  # CHILD, EPISODE, ...: what to open to fix it
    referral_date: date | None = None  # the episode, when the problem is in one
    level: str = ERROR

    @property
    def record_name(self) -> str:
        return RECORD_NAMES[self.record]


@dataclass(frozen=True)
class Year:
    starts: date
    ends: date


def _months_after(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month + 1, min(day.day, monthrange(day.year + year, month + 1)[1]))


def _expected_birth_problem(expected: date | None, year: Year) -> str | None:
    """Validator query 8530Q: an unborn child is due within a month before the census's last day and
    nine months after it; a date before that has passed, so the baby has most likely been born."""
    if expected is None or year.ends - timedelta(days=30) < expected < _months_after(year.ends, 9):
        return None
    return (f"The expected date of birth, {expected}, is not between a month before the census's last day and "
            "nine months after it: if the baby has been born, record the date of birth")


def _child_problems(child: Child, year: Year) -> list[Problem]:
    problems = []

    def problem(message, level=ERROR):
        problems.append(Problem(child.la_child_id, message, CHILD, level=level))

    if not child.ethnicity:
        problem("Ethnicity is not recorded (the census needs it for every child)")
    if not (child.birth_date or child.expected_birth_date):
        problem("Neither a date of birth nor an expected date of birth is recorded")
    if any(not e.nfa for e in child.episodes) and not child.disabilities:
        problem("Disabilities are not recorded: a child with further action needs a disability, or 'No disability'")
    if NO_DISABILITY in child.disabilities and len(child.disabilities) > 1:
        problem("'No disability' is recorded alongside a disability")
    if message := _expected_birth_problem(child.expected_birth_date, year):
        problem(message, QUERY)
    if not (child.upn or child.upn_unknown):
        problem("No UPN and no reason it is not known: a child of school age needs one or the other", QUERY)
    return problems


def _in_year(day: date | None, year: Year) -> bool:
    return day is None or day <= year.ends


def _plan_problems(plan: ProtectionPlan, episode: CinEpisode) -> list[tuple[str, str]]:
    found = []
    if plan.started_on.weekday() >= 5:
        found.append((CONFERENCE, f"The initial conference that started the plan on {plan.started_on} was at the weekend"))
    if episode.closed_on and (plan.ended_on is None or plan.ended_on > episode.closed_on):
        found.append((PLAN, f"The episode closed on {episode.closed_on} while its child protection plan from "
                            f"{plan.started_on} was still open"))
    for review in plan.reviews:
        if review <= plan.started_on:
            found.append((REVIEW, f"A review on {review} is not after the plan's start on {plan.started_on}"))
        elif plan.ended_on and review > plan.ended_on:
            found.append((REVIEW, f"A review on {review} is after the plan ended on {plan.ended_on}"))
    return found


def _factor_problems(factors: tuple[str, ...]) -> list[str]:
    found = [f"'{code}' is not a census assessment factor" for code in factors if code not in FACTORS]
    if NO_FACTORS in factors and len(factors) > 1:
        found.append("Factor 21 (no factors identified) is recorded with other factors")
    if len(set(factors)) != len(factors):
        found.append("An assessment factor is recorded twice")
    return found


def _dates(episode: CinEpisode) -> list[date | None]:
    return [episode.referral_date, episode.closed_on, episode.icpc_on,
            *(d for a in episode.assessments for d in (a.started_on, a.authorised_on)),
            *(d for p in episode.cin_plans for d in (p.started_on, p.ended_on)),
            *(d for s in episode.section_47s for d in (s.started_on, s.icpc_on)),
            *(d for p in episode.plans for d in (p.started_on, p.ended_on, *p.reviews))]


def _episode_problems(episode: CinEpisode, year: Year) -> list[tuple[str, str]]:
    found = [(ASSESSMENT, message) for a in episode.assessments for message in _factor_problems(a.factors)]
    if episode.icpc_on and episode.icpc_on.weekday() >= 5:
        found.append((CONFERENCE, f"The initial conference on {episode.icpc_on} was at the weekend"))
    for enquiry in episode.section_47s:
        if not isinstance(enquiry.icpc_not_required, bool):
            found.append((SECTION_47, f"The section 47 enquiry from {enquiry.started_on} does not say whether a "
                                      "conference is needed"))
        if enquiry.icpc_on and enquiry.icpc_on.weekday() >= 5:
            found.append((CONFERENCE, f"The initial conference on {enquiry.icpc_on} was at the weekend"))
    for plan in episode.plans:
        found.extend(_plan_problems(plan, episode))
    if not all(_in_year(day, year) for day in _dates(episode)):
        found.append((EPISODE, f"A date in the episode is after the census year's end, {year.ends}"))
    if episode.closed_on and episode.closed_on < year.starts:
        found.append((EPISODE, f"The episode closed on {episode.closed_on}, before the census year began"))
    return found


def _overlaps(child: Child) -> list[Problem]:
    """A child has one episode at a time (validator rules 8815, 8820): a referral while one is open
    belongs to it."""
    episodes = sorted(child.episodes, key=lambda e: e.referral_date)
    return [Problem(child.la_child_id, f"The referral of {first.referral_date} is still open when the referral of "
                                       f"{then.referral_date} starts: close it, or record the second as part of it",
                    EPISODE, first.referral_date)
            for first, then in zip(episodes, episodes[1:])
            if first.closed_on is None or first.closed_on > then.referral_date]


def census_problems(children: list[Child], year: Year) -> list[Problem]:
    """Every problem, child by child in the return's order, the child's own before their episodes'."""
    problems = []
    for child in children:
        problems.extend(_child_problems(child, year))
        problems.extend(_overlaps(child))
        for episode in child.episodes:
            problems.extend(Problem(child.la_child_id, message, record, episode.referral_date)
                            for record, message in _episode_problems(episode, year))
    return problems
