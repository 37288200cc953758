"""Private fostering: what counts as an arrangement, and when its visits are due. Plain values in and out.

Pure. The Children Act 1989 s.66 and the Children (Private Arrangements for Fostering) Regulations 2005:
a child under 16 (under 18 if disabled) cared for, or intended to be cared for, 28 days or more by
someone who is not a parent, a person with parental responsibility or a close relative (s.105:
grandparent, brother, sister, uncle, aunt, or step-parent). The first visit is within 7 working days of
the notification (reg. 4); then visits at intervals of not more than 6 weeks in the first year of the
arrangement and not more than 12 weeks after (reg. 8). Seed 003 counts arrangements at the end of March.
"""
from collections.abc import Iterable
from datetime import date, timedelta

from frontdoor.casework.calendar import Calendar

MIN_DAYS = 28
AGE_LIMIT, DISABLED_AGE_LIMIT = 16, 18
FIRST_VISIT_WORKING_DAYS = 7
FIRST_YEAR_INTERVAL, LATER_INTERVAL = timedelta(weeks=6), timedelta(weeks=12)
# Those who are not private foster carers (Children Act 1989 s.105 "relative", and the child's parents).
NOT_PRIVATE_FOSTERING = {"parent": "a parent", "grandparent": "a grandparent", "sibling": "a brother or sister",
                         "aunt_uncle": "an aunt or uncle", "step_parent": "a step-parent"}
DUE, OVERDUE, ENDED = "due", "overdue", "ended"
AGE_BANDS = ((0, 4, "Under 5"), (5, 9, "5 to 9"), (10, 15, "10 to 15"), (16, 17, "16 and 17"))


def age_on(date_of_birth: date, day: date) -> int:
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def why_not_private_fostering(*, date_of_birth: date, disabled: bool, carer_relationship: str,
                              intended_days: int, began_on: date) -> list[str]:
    """The reasons this is not a private fostering arrangement, in plain English; none if it is one."""
    reasons = []
    age, limit = age_on(date_of_birth, began_on), DISABLED_AGE_LIMIT if disabled else AGE_LIMIT
    if age >= limit:
        reasons.append(f"The child was {age} when the arrangement began: private fostering is for a child under "
                       f"{limit}{' (a disabled child)' if disabled else ', or under 18 if disabled'}")
    if carer_relationship in NOT_PRIVATE_FOSTERING:
        reasons.append(f"The carer is {NOT_PRIVATE_FOSTERING[carer_relationship]}: care by a parent or a close "
                       "relative is not private fostering")
    if intended_days < MIN_DAYS:
        reasons.append(f"The child is to be cared for {intended_days} days: private fostering is care for "
                       f"{MIN_DAYS} days or more")
    return reasons


def first_visit_due(notified_on: date, *, calendar: Calendar | None = None) -> date:
    return (calendar or Calendar()).add_working_days(notified_on, FIRST_VISIT_WORKING_DAYS)


def next_visit_due(*, notified_on: date, began_on: date, visits: Iterable[date],
                   calendar: Calendar | None = None) -> date:
    """The first visit within 7 working days of the notification; after it, 6 weeks from the last visit
    while that visit is in the arrangement's first year, 12 weeks once it is later."""
    visits = sorted(visits)
    if not visits:
        return first_visit_due(notified_on, calendar=calendar)
    last = visits[-1]
    first_year_ends = _add_year(began_on)
    return last + (FIRST_YEAR_INTERVAL if last < first_year_ends else LATER_INTERVAL)


def visit_status(*, due: date, today: date, ended: bool = False) -> str:
    if ended:
        return ENDED
    return DUE if today <= due else OVERDUE


def age_band(date_of_birth: date, day: date) -> str:
    age = age_on(date_of_birth, day)
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), "18 and over")


def year_ending_march(day: date) -> tuple[date, date]:
    """The reporting year (1 April to 31 March) that day falls in."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def _add_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
