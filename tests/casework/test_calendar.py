from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdoor.casework.calendar import (
    LONDON,
    Calendar,
    SchoolTerms,
    add_working_days,
    is_working_day,
    next_school_day_start,
    working_days_between,
    working_deadline,
    working_time_remaining,
)


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


AUTUMN_2026_AND_SPRING_2027 = SchoolTerms.from_config(
    [
        {"start": "2026-09-02", "end": "2026-10-23"},
        {"start": "2026-11-02", "end": "2026-12-18"},
        {"start": "2027-01-05", "end": "2027-02-12"},
    ]
)


@pytest.mark.parametrize(
    "bank_holiday",
    [
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 12, 25),  # Christmas Day, a Friday
        date(2026, 12, 28),  # Boxing Day falls on a Saturday, so the Monday is the holiday
        date(2027, 3, 26),  # Good Friday
        date(2027, 3, 29),  # Easter Monday
        date(2027, 12, 27),  # Christmas Day (Saturday) observed
        date(2027, 12, 28),  # Boxing Day (Sunday) observed
    ],
)
def test_english_bank_holidays_are_not_working_days(bank_holiday):
    assert not is_working_day(bank_holiday)


def test_weekends_are_not_working_days_and_an_ordinary_weekday_is():
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday
    assert is_working_day(date(2026, 3, 9))


def test_christmas_2026_skips_christmas_weekend_and_boxing_day_observed():
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_christmas_2027_skips_both_observed_holidays():
    assert add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)


def test_easter_2026_one_working_day_from_maundy_thursday_is_the_tuesday():
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)


def test_easter_2027_one_working_day_from_maundy_thursday_is_the_tuesday():
    assert add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 30)


def test_icpc_fifteen_working_days_across_christmas_2026():
    # Strategy discussion Monday 14 December 2026; 25, 28 Dec and 1 Jan are bank holidays.
    assert add_working_days(date(2026, 12, 14), 15) == date(2027, 1, 7)


def test_add_zero_working_days_is_the_same_day_and_negative_goes_back():
    assert add_working_days(date(2026, 4, 4), 0) == date(2026, 4, 4)
    assert add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)


def test_working_days_between_counts_days_after_a_up_to_b():
    assert working_days_between(date(2026, 12, 24), date(2026, 12, 29)) == 1
    assert working_days_between(date(2026, 12, 29), date(2026, 12, 24)) == -1
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 9)) == 0


def test_contact_on_a_working_morning_is_due_at_the_same_time_next_working_day():
    assert working_deadline(london(2026, 3, 10, 10, 0), 1) == london(2026, 3, 11, 10, 0)


def test_friday_four_pm_contact_is_due_monday_four_pm():
    assert working_deadline(london(2026, 3, 13, 16, 0), 1) == london(2026, 3, 16, 16, 0)


def test_saturday_contact_starts_its_clock_on_monday_morning():
    assert working_deadline(london(2026, 3, 14, 11, 30), 1) == london(2026, 3, 17, 9, 0)


def test_evening_contact_starts_its_clock_next_working_morning():
    assert working_deadline(london(2026, 3, 10, 19, 45), 1) == london(2026, 3, 12, 9, 0)


def test_early_morning_contact_starts_its_clock_at_nine_the_same_day():
    assert working_deadline(london(2026, 3, 10, 7, 15), 1) == london(2026, 3, 11, 9, 0)


def test_christmas_eve_afternoon_contact_2026_is_due_after_the_holidays():
    assert working_deadline(london(2026, 12, 24, 15, 0), 1) == london(2026, 12, 29, 15, 0)


def test_deadline_is_given_in_london_time_whatever_zone_the_contact_arrived_in():
    received_utc = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)  # 10:30 in London (BST)
    deadline = working_deadline(received_utc, 1)
    assert deadline == london(2026, 7, 2, 10, 30)
    assert deadline.tzinfo == LONDON


def test_deadline_across_the_clocks_going_forward_keeps_the_wall_clock_time():
    # Clocks go forward on Sunday 29 March 2026.
    assert working_deadline(london(2026, 3, 27, 10, 0), 1) == london(2026, 3, 30, 10, 0)


def test_custom_office_hours():
    received = london(2026, 3, 10, 17, 30)
    assert working_deadline(received, 1, day_start=time(8), day_end=time(18)) == london(2026, 3, 11, 17, 30)


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        working_deadline(datetime(2026, 3, 10, 10, 0), 1)


def test_working_time_remaining_counts_only_office_hours():
    deadline = working_deadline(london(2026, 3, 13, 16, 0), 1)  # Monday 16:00
    assert working_time_remaining(deadline, london(2026, 3, 13, 16, 30)) == timedelta(hours=7, minutes=30)


def test_working_time_remaining_is_negative_when_overdue():
    deadline = london(2026, 3, 16, 16, 0)
    assert working_time_remaining(deadline, london(2026, 3, 17, 10, 0)) == -timedelta(hours=2)


def test_working_time_remaining_is_zero_at_the_deadline():
    deadline = london(2026, 3, 16, 16, 0)
    assert working_time_remaining(deadline, deadline) == timedelta()


def test_school_notification_on_a_tuesday_evening_is_due_before_wednesday_school_start():
    assert next_school_day_start(london(2026, 9, 15, 22, 10), AUTUMN_2026_AND_SPRING_2027) == london(
        2026, 9, 16, 8, 30
    )


def test_school_notification_early_on_a_school_day_is_due_that_morning():
    assert next_school_day_start(london(2026, 9, 16, 2, 0), None) == london(2026, 9, 16, 8, 30)


def test_school_notification_on_friday_night_is_due_monday_morning():
    assert next_school_day_start(london(2026, 9, 18, 23, 0), None) == london(2026, 9, 21, 8, 30)


def test_school_notification_in_half_term_is_due_on_the_first_day_back():
    assert next_school_day_start(london(2026, 10, 24, 1, 0), AUTUMN_2026_AND_SPRING_2027) == london(
        2026, 11, 2, 8, 30
    )


def test_school_notification_over_christmas_is_due_on_the_first_day_of_spring_term():
    assert next_school_day_start(london(2026, 12, 18, 19, 0), AUTUMN_2026_AND_SPRING_2027) == london(
        2027, 1, 5, 8, 30
    )


def test_without_terms_christmas_skips_only_the_bank_holidays():
    assert next_school_day_start(london(2026, 12, 24, 19, 0), None) == london(2026, 12, 29, 8, 30)


def test_school_day_start_is_configurable():
    at = london(2026, 9, 16, 8, 45)
    assert next_school_day_start(at, None, school_day_start=time(9)) == london(2026, 9, 16, 9, 0)


def test_notification_after_the_last_configured_term_asks_for_more_term_dates():
    with pytest.raises(ValueError, match="No school term is configured"):
        next_school_day_start(london(2027, 3, 1, 19, 0), AUTUMN_2026_AND_SPRING_2027)


def test_school_terms_refuse_a_term_that_ends_before_it_starts():
    with pytest.raises(ValueError, match="cannot end"):
        SchoolTerms.from_config([{"start": "2026-10-23", "end": "2026-09-02"}])


def test_school_terms_are_sorted_and_know_their_days():
    terms = SchoolTerms.from_config(
        [{"start": "2027-01-05", "end": "2027-02-12"}, {"start": "2026-09-02", "end": "2026-10-23"}]
    )
    assert terms.terms[0][0] == date(2026, 9, 2)
    assert terms.in_term(date(2026, 9, 2)) and terms.in_term(date(2027, 2, 12))
    assert not terms.in_term(date(2026, 10, 26))


def test_calendar_for_another_nation_uses_its_own_bank_holidays():
    # St Andrew's Day (observed) is a Scottish bank holiday, not an English one.
    scotland = Calendar(subdiv="SCT")
    assert not scotland.is_working_day(date(2026, 11, 30))
    assert is_working_day(date(2026, 11, 30))


dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(LONDON)
)


@given(start=dates, n=st.integers(min_value=1, max_value=60))
def test_working_days_never_land_on_a_weekend_or_bank_holiday(start, n):
    landed = add_working_days(start, n)
    assert landed.weekday() < 5
    assert is_working_day(landed)


@given(start=dates, n=st.integers(min_value=0, max_value=60))
def test_add_working_days_is_monotonic_in_n(start, n):
    assert add_working_days(start, n) <= add_working_days(start, n + 1)
    assert add_working_days(start, n + 1) > start


@given(a=dates, b=dates)
def test_add_working_days_is_monotonic_in_start(a, b):
    early, late = sorted((a, b))
    assert add_working_days(early, 5) <= add_working_days(late, 5)


@given(start=dates, n=st.integers(min_value=0, max_value=60))
def test_working_days_between_undoes_add_working_days(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@given(received=moments)
def test_one_working_day_deadline_is_in_office_hours_on_a_working_day_after_receipt(received):
    deadline = working_deadline(received, 1)
    assert deadline > received
    assert is_working_day(deadline.date())
    assert time(9) <= deadline.time() < time(17)


@given(at=moments)
def test_next_school_day_start_is_a_weekday_morning_after_the_notification(at):
    due = next_school_day_start(at, None)
    assert due > at
    assert is_working_day(due.date())
    assert due.time() == time(8, 30)
