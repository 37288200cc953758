"""MARAC counting rules (seed 002; SafeLives). Pure: no Django."""
from datetime import date

from frontdoor.reporting.annex_a_codes import age_in_years, months_before

# SafeLives: a repeat is a further case for the same victim within 12 months of their last MARAC.
REPEAT_MONTHS = 12
ADULT_AGE = 18


def is_repeat(*, heard_on: date, previous: list[date]) -> bool:
    since = months_before(heard_on, REPEAT_MONTHS)
    return any(since <= day < heard_on for day in previous)


def under_18(date_of_birth: date | None, on: date) -> bool:
    age = age_in_years(date_of_birth, on)
    return age is not None and age < ADULT_AGE
