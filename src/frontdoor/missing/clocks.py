"""The return interview clock and the repeat-missing rule: plain date-times in, plain answers out.

Pure. The clock runs in hours, not working days: a return home interview is to be offered within
72 hours of the child's return, weekends and bank holidays included (DfE, Children who run away or
go missing from home or care, statutory guidance, January 2014; DOMAIN.md section 4). Seed 003's
board counts children who went missing three or more times; the period is ours (90 days), an area
may choose another.
"""
from collections.abc import Iterable
from datetime import date, datetime, timedelta

RETURN_INTERVIEW_HOURS = 72
REPEAT_EPISODES = 3
REPEAT_DAYS = 90

NOT_RETURNED, DUE, OVERDUE, IN_TIME, LATE = "not_returned", "due", "overdue", "in_time", "late"
NO_PLAN, REVIEW_DUE, REVIEW_OVERDUE = "no_plan", "review_due", "review_overdue"


def return_interview_due_at(returned_at: datetime) -> datetime:
    return returned_at + timedelta(hours=RETURN_INTERVIEW_HOURS)


def hours_left(*, returned_at: datetime, now: datetime) -> int:
    """Whole hours until the interview is due (negative once overdue), rounded towards overdue."""
    seconds = (return_interview_due_at(returned_at) - now).total_seconds()
    return int(seconds // 3600)


def return_interview_status(*, returned_at: datetime | None, held_at: datetime | None, now: datetime) -> str:
    """not_returned, due, overdue (no interview yet), in_time or late (held, or offered and declined)."""
    if returned_at is None:
        return NOT_RETURNED
    due_at = return_interview_due_at(returned_at)
    if held_at is not None:
        return IN_TIME if held_at <= due_at else LATE
    return DUE if now <= due_at else OVERDUE


def is_repeat_missing(missing_from: Iterable[datetime], *, now: datetime) -> bool:
    """Missing REPEAT_EPISODES or more times in the REPEAT_DAYS up to now."""
    since = repeat_window_start(now)
    return sum(1 for moment in missing_from if since <= moment <= now) >= REPEAT_EPISODES


def repeat_window_start(now: datetime) -> datetime:
    return now - timedelta(days=REPEAT_DAYS)


def plan_review_due(reviewed_on: date, *, review_days: int) -> date:
    """The next review of a risk management plan, review_days (the area's setting) after the last."""
    return reviewed_on + timedelta(days=review_days)


def plan_status(review_due: date | None, *, today: date) -> str:
    """no_plan, review_due (today or later) or review_overdue (the due day has passed)."""
    if review_due is None:
        return NO_PLAN
    return REVIEW_DUE if today <= review_due else REVIEW_OVERDUE


def percent(part: int, whole: int) -> int | None:
    """Rounded to a whole per cent; None when there is nothing to count."""
    return round(100 * part / whole) if whole else None
