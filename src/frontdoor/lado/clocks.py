"""The LADO's clocks and counting rules: plain dates in, plain answers out.

Pure. The LADO considers a referral within one working day of receiving it (Working Together 2023,
and seed 003's LADO section); weekends and English bank holidays do not count (casework.calendar).
Seed 003 reports LADO referrals by academic year, September to August.
"""
from datetime import date, datetime

from frontdoor.casework.calendar import Calendar, to_london

CONSIDERATION_WORKING_DAYS = 1
DUE, OVERDUE, IN_TIME, LATE = "due", "overdue", "in_time", "late"


def consideration_due_by(received_at: datetime, *, calendar: Calendar | None = None) -> datetime:
    """One working day from receipt; received out of hours, the clock starts the next working morning."""
    return (calendar or Calendar()).working_deadline(received_at, CONSIDERATION_WORKING_DAYS)


def consideration_status(*, received_at: datetime, considered_at: datetime | None, now: datetime,
                         calendar: Calendar | None = None) -> str:
    due_by = consideration_due_by(received_at, calendar=calendar)
    if considered_at is not None:
        return IN_TIME if considered_at <= due_by else LATE
    return DUE if now <= due_by else OVERDUE


def academic_year(day: date | datetime) -> str:
    """September to August: 15 Sept 2013 and 31 Aug 2014 are both '2013/14'."""
    if isinstance(day, datetime):
        day = to_london(day).date()
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{str(start + 1)[-2:]}"
