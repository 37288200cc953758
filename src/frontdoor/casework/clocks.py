"""What is due next on a child's episode, from the records themselves and the working-day calendar.

Pure: plain dates in, plain answers out. The timescales are Working Together to Safeguard
Children 2023's (DOMAIN.md): a strategy discussion within one working day of the decision that
asks for it, an assessment completed within 45 working days of the referral, an initial child
protection conference within 15 working days of the strategy discussion that started the section 47
enquiry, the first review conference within 3 months of it and later ones at most 6 months apart.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from calendar import monthrange
from datetime import date, timedelta

from frontdoor.casework.calendar import add_working_days, is_working_day, working_days_between

ASSESSMENT_WORKING_DAYS = 45
STRATEGY_DISCUSSION_WORKING_DAYS = 1
# No national deadline for completing a section 47 enquiry (DOMAIN.md); seed 003's board measures
# completion within 15 days, and the enquiry feeds the conference due on the same day.
SECTION_47_WORKING_DAYS = 15
ICPC_WORKING_DAYS = 15
FIRST_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6
DUE_SOON_WORKING_DAYS = 5
# A child in need plan is reviewed at least every 3 months by default (a plan may set its own interval).
CIN_REVIEW_MONTHS = 3
# No national timescale for an Early Help Assessment: 30 working days from the family's consent is
# this area's choice (others use 45); change it here.
EHA_DUE_WORKING_DAYS = 30
# Team Around the Child meetings review the family's plan every 6 weeks (local practice).
TAC_REVIEW_WEEKS = 6
# No national timescale for either (DOMAIN.md): the first core group within 10 working days of the
# initial conference is local practice (Sefton, Liverpool, Newcastle); statutory visits to a child
# on a plan are fortnightly here (seed 000), others use 10 working days or 4 weeks. Change them here.
CORE_GROUP_WORKING_DAYS = 10
VISIT_INTERVAL_DAYS = 14
FIRST_CORE_GROUP, STATUTORY_VISIT = "First core group meeting", "Statutory visit"


@dataclass(frozen=True)
class Due:
    what: str
    due_on: date

    def status(self, today: date) -> str:
        """overdue, due_soon (within five working days) or on_track."""
        if today > self.due_on:
            return "overdue"
        if working_days_between(today, self.due_on) <= DUE_SOON_WORKING_DAYS:
            return "due_soon"
        return "on_track"


@dataclass(frozen=True)
class OpenAssessment:
    started_on: date
    authorised_on: date | None


@dataclass(frozen=True)
class OpenDiscussion:
    requested_on: date
    held_on: date | None


@dataclass(frozen=True)
class OpenEnquiry:
    started_on: date
    completed_on: date | None


@dataclass(frozen=True)
class OpenCINPlan:
    started_on: date
    review_months: int
    last_review_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class OpenPlan:
    """A child protection plan: its first core group and its last visit, when there have been any."""
    started_on: date
    ended_on: date | None
    first_core_group_on: date | None
    last_visit_on: date | None


@dataclass(frozen=True)
class OpenConference:
    """An initial or review conference, its due date fixed when it was scheduled."""
    what: str
    due_on: date
    held_on: date | None


def week_end(today: date) -> date:
    """The Sunday ending this week: what a team's "due this week" runs to."""
    return today + timedelta(days=6 - today.weekday())


def assessment_due(referral_date: date) -> date:
    return add_working_days(referral_date, ASSESSMENT_WORKING_DAYS)


def strategy_discussion_due(requested_on: date) -> date:
    return add_working_days(requested_on, STRATEGY_DISCUSSION_WORKING_DAYS)


def section_47_due(started_on: date) -> date:
    return add_working_days(started_on, SECTION_47_WORKING_DAYS)


def initial_conference_due(strategy_discussion_on: date) -> date:
    """Working Together 2023: within 15 working days of the strategy discussion that started the enquiry."""
    return add_working_days(strategy_discussion_on, ICPC_WORKING_DAYS)


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later, or that month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def first_review_due(initial_conference_on: date) -> date:
    """Within 3 months of the initial conference: the last working day on or before that date."""
    return _working_day_on_or_before(add_months(initial_conference_on, FIRST_REVIEW_MONTHS))


def next_review_due(review_on: date) -> date:
    """At most 6 months after the last review: the last working day on or before that date."""
    return _working_day_on_or_before(add_months(review_on, LATER_REVIEW_MONTHS))


def first_core_group_due(initial_conference_on: date) -> date:
    return add_working_days(initial_conference_on, CORE_GROUP_WORKING_DAYS)


def next_visit_due(*, plan_started_on: date, last_visit_on: date | None) -> date:
    """A fortnight after the last visit (or the plan's start): the last working day on or before it."""
    return _working_day_on_or_before((last_visit_on or plan_started_on) + timedelta(days=VISIT_INTERVAL_DAYS))


def plan_due(plan: OpenPlan) -> list[Due]:
    """An open plan's first core group until it meets, and always its next statutory visit."""
    if plan.ended_on is not None:
        return []
    due = [] if plan.first_core_group_on else [Due(FIRST_CORE_GROUP, first_core_group_due(plan.started_on))]
    return due + [Due(STATUTORY_VISIT, next_visit_due(plan_started_on=plan.started_on,
                                                      last_visit_on=plan.last_visit_on))]


def cin_plan_review_due(plan: OpenCINPlan) -> date:
    return add_months(plan.last_review_on or plan.started_on, plan.review_months)


def early_help_due(*, accepted_on: date | None, eha_completed_on: date | None, last_tac_on: date | None,
                   closed_on: date | None) -> list[Due]:
    """An accepted offer's next step: the Early Help Assessment, then a Team Around the Child meeting
    every six weeks (from the assessment's completion until the first). Nothing before consent."""
    if accepted_on is None or closed_on is not None:
        return []
    if eha_completed_on is None:
        return [Due("Early help assessment", add_working_days(accepted_on, EHA_DUE_WORKING_DAYS))]
    return [Due("Team around the child meeting",
                (last_tac_on or eha_completed_on) + timedelta(weeks=TAC_REVIEW_WEEKS))]


def episode_due(*, referral_date: date, closed_on: date | None, assessments: Iterable[OpenAssessment],
                discussions: Iterable[OpenDiscussion], enquiries: Iterable[OpenEnquiry] = (),
                conferences: Iterable[OpenConference] = (), cin_plans: Iterable[OpenCINPlan] = (),
                plans: Iterable[OpenPlan] = ()) -> list[Due]:
    """Every step of an open episode not yet done, soonest first; nothing once it is closed."""
    if closed_on is not None:
        return []
    due = [Due("Strategy discussion", strategy_discussion_due(d.requested_on)) for d in discussions if d.held_on is None]
    due += [Due("Assessment", assessment_due(referral_date)) for a in assessments if a.authorised_on is None]
    due += [Due("Section 47 enquiry", section_47_due(e.started_on)) for e in enquiries if e.completed_on is None]
    due += [Due(c.what, c.due_on) for c in conferences if c.held_on is None]
    due += [Due("Child in need plan review", cin_plan_review_due(p)) for p in cin_plans if p.ended_on is None]
    due += [step for plan in plans for step in plan_due(plan)]
    return sorted(due, key=lambda d: d.due_on)
