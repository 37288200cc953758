from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from frontdoor.casework.calendar import is_working_day, working_days_between
from frontdoor.casework.clocks import (
    Due, OpenAssessment, OpenDiscussion, assessment_due, episode_due, strategy_discussion_due,
)

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


def test_an_assessment_is_due_45_working_days_after_the_referral_bank_holidays_excluded():
    # Referred Monday 16 December 2024: Christmas Day, Boxing Day and New Year's Day do not count.
    assert assessment_due(date(2024, 12, 16)) == date(2025, 2, 20)


def test_a_strategy_discussion_asked_for_on_friday_is_due_on_monday():
    assert strategy_discussion_due(date(2026, 12, 4)) == date(2026, 12, 7)


def test_before_a_bank_holiday_monday_the_next_working_day_is_tuesday():
    assert strategy_discussion_due(date(2026, 8, 28)) == date(2026, 9, 1)


@given(days)
def test_every_due_date_is_a_working_day_the_right_number_of_working_days_on(referred):
    for due, working_days in ((assessment_due(referred), 45), (strategy_discussion_due(referred), 1)):
        assert is_working_day(due)
        assert working_days_between(referred, due) == working_days


def test_what_is_due_comes_soonest_first_and_nothing_once_done_or_closed():
    referred = date(2026, 11, 2)
    due = episode_due(referral_date=referred, closed_on=None,
                      assessments=[OpenAssessment(referred, None)],
                      discussions=[OpenDiscussion(referred, None)])
    assert [d.what for d in due] == ["Strategy discussion", "Assessment"]
    assert episode_due(referral_date=referred, closed_on=None, assessments=[OpenAssessment(referred, referred)],
                       discussions=[OpenDiscussion(referred, referred)]) == []
    assert episode_due(referral_date=referred, closed_on=referred, assessments=[OpenAssessment(referred, None)],
                       discussions=[]) == []


def test_a_step_is_overdue_the_day_after_it_was_due_and_due_soon_in_its_last_five_working_days():
    due = Due("Assessment", date(2026, 12, 11))  # a Friday
    assert due.status(date(2026, 12, 12)) == "overdue"
    assert due.status(date(2026, 12, 11)) == "due_soon"
    assert due.status(date(2026, 12, 4)) == "due_soon"
    assert due.status(date(2026, 12, 3)) == "on_track"
