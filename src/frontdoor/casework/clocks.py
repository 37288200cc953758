"""What is due next on a child's episode, from the records themselves and the working-day calendar.

Pure: plain dates in, plain answers out. The timescales are Working Together to Safeguard
Children 2023's (DOMAIN.md): a strategy discussion within one working day of the decision that
asks for it, an assessment completed within 45 working days of the referral.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from frontdoor.casework.calendar import add_working_days, working_days_between

ASSESSMENT_WORKING_DAYS = 45
STRATEGY_DISCUSSION_WORKING_DAYS = 1
DUE_SOON_WORKING_DAYS = 5


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


def assessment_due(referral_date: date) -> date:
    return add_working_days(referral_date, ASSESSMENT_WORKING_DAYS)


def strategy_discussion_due(requested_on: date) -> date:
    return add_working_days(requested_on, STRATEGY_DISCUSSION_WORKING_DAYS)


def episode_due(*, referral_date: date, closed_on: date | None, assessments: Iterable[OpenAssessment],
                discussions: Iterable[OpenDiscussion]) -> list[Due]:
    """Every step of an open episode not yet done, soonest first; nothing once it is closed."""
    if closed_on is not None:
        return []
    due = [Due("Strategy discussion", strategy_discussion_due(d.requested_on)) for d in discussions if d.held_on is None]
    due += [Due("Assessment", assessment_due(referral_date)) for a in assessments if a.authorised_on is None]
    return sorted(due, key=lambda d: d.due_on)
