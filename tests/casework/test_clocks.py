from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from frontdoor.casework.calendar import is_working_day, working_days_between
from frontdoor.casework.clocks import (
    FIRST_CORE_GROUP, STATUTORY_VISIT, OpenPlan, first_core_group_due, next_visit_due, plan_due,
    Due, OpenAssessment, OpenConference, OpenDiscussion, OpenEnquiry, add_months, assessment_due, episode_due,
    first_review_due, initial_conference_due, next_review_due, section_47_due, strategy_discussion_due,
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


def test_an_initial_conference_is_due_15_working_days_after_the_strategy_discussion_over_christmas():
    # Monday 14 December 2026: Christmas Day, Boxing Day (Monday 28th in lieu) and New Year's Day skipped.
    assert initial_conference_due(date(2026, 12, 14)) == date(2027, 1, 7)
    assert section_47_due(date(2026, 12, 14)) == date(2027, 1, 7)


def test_the_first_review_is_due_3_months_after_the_conference_brought_back_to_a_working_day():
    assert first_review_due(date(2026, 9, 30)) == date(2026, 12, 30)
    assert first_review_due(date(2026, 11, 30)) == date(2027, 2, 26)  # 28 February 2027 is a Sunday
    assert first_review_due(date(2026, 1, 6)) == date(2026, 4, 2)  # 6 April 2026 is Easter Monday


def test_later_reviews_are_due_6_months_apart():
    assert next_review_due(date(2026, 8, 31)) == date(2027, 2, 26)
    assert next_review_due(date(2027, 2, 26)) == date(2027, 8, 26)


@given(days, st.integers(min_value=0, max_value=36))
def test_adding_months_keeps_the_day_of_the_month_or_ends_the_shorter_month(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + timedelta(days=1)).day == 1)


@given(days)
def test_a_conference_is_always_due_on_a_working_day_and_never_later_than_its_timescale(held):
    assert is_working_day(initial_conference_due(held))
    assert working_days_between(held, initial_conference_due(held)) == 15
    for due, limit in ((first_review_due(held), add_months(held, 3)), (next_review_due(held), add_months(held, 6))):
        assert is_working_day(due)
        assert limit - timedelta(days=4) <= due <= limit  # at most Easter's or Christmas's four days back


def test_the_child_protection_steps_are_due_until_done():
    started = date(2026, 11, 2)
    enquiry, icpc = OpenEnquiry(started, None), OpenConference("Initial child protection conference", started, None)
    due = episode_due(referral_date=started, closed_on=None, assessments=[], discussions=[],
                      enquiries=[enquiry], conferences=[icpc])
    assert [(d.what, d.due_on) for d in due] == [("Initial child protection conference", started),
                                                  ("Section 47 enquiry", date(2026, 11, 23))]
    assert episode_due(referral_date=started, closed_on=None, assessments=[], discussions=[],
                       enquiries=[OpenEnquiry(started, started)],
                       conferences=[OpenConference("Review conference", started, started)]) == []


def test_the_first_core_group_is_due_10_working_days_after_the_initial_conference_bank_holidays_excluded():
    # Conference Friday 18 December 2026: Christmas Day, Boxing Day (Monday 28th) and New Year's Day do not count.
    assert first_core_group_due(date(2026, 12, 18)) == date(2027, 1, 6)


def test_a_statutory_visit_is_due_a_fortnight_after_the_last_or_the_working_day_before():
    assert next_visit_due(plan_started_on=date(2026, 11, 2), last_visit_on=None) == date(2026, 11, 16)
    # A visit on Saturday 5 December: the fortnight ends on a Saturday, so the Friday before.
    assert next_visit_due(plan_started_on=date(2026, 11, 2), last_visit_on=date(2026, 12, 5)) == date(2026, 12, 18)


@given(days, st.one_of(st.none(), days))
def test_a_visit_is_due_on_a_working_day_within_a_fortnight_of_the_last(started, visited):
    last = max(started, visited) if visited else started
    due = next_visit_due(plan_started_on=started, last_visit_on=visited and last)
    assert is_working_day(due) and last < due <= last + timedelta(days=14)


def test_a_plan_shows_its_first_core_group_until_it_meets_and_always_its_next_visit():
    started = date(2026, 11, 2)
    waiting = plan_due(OpenPlan(started, None, first_core_group_on=None, last_visit_on=None))
    met = plan_due(OpenPlan(started, None, first_core_group_on=date(2026, 11, 10), last_visit_on=date(2026, 11, 9)))

    assert [(d.what, d.due_on) for d in waiting] == [(FIRST_CORE_GROUP, date(2026, 11, 16)),
                                                     (STATUTORY_VISIT, date(2026, 11, 16))]
    assert [(d.what, d.due_on) for d in met] == [(STATUTORY_VISIT, date(2026, 11, 23))]
    assert plan_due(OpenPlan(started, date(2026, 12, 1), None, None)) == []
    assert waiting[1].status(date(2026, 11, 17)) == "overdue"
