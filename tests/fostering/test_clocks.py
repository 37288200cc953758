from datetime import date

from frontdoor.fostering import clocks


def test_first_visit_is_7_working_days_after_the_notification_skipping_the_weekend():
    assert clocks.first_visit_due(date(2026, 12, 2)) == date(2026, 12, 11)  # Wednesday to the next Friday


def test_first_visit_skips_christmas_and_boxing_day_bank_holidays():
    # Notified Mon 21 Dec 2026: 25 Dec and 28 Dec (Boxing Day substitute) are bank holidays.
    assert clocks.first_visit_due(date(2026, 12, 21)) == date(2027, 1, 4)  # 1 Jan 2027 is a bank holiday too


def test_visits_every_6_weeks_in_the_first_year_then_every_12():
    began = date(2026, 1, 5)
    assert clocks.next_visit_due(notified_on=began, began_on=began, visits=[date(2026, 1, 9)]) == date(2026, 2, 20)
    assert clocks.next_visit_due(notified_on=began, began_on=began,
                                 visits=[date(2026, 1, 9), date(2027, 1, 6)]) == date(2027, 3, 31)


def test_an_overdue_visit_is_marked_and_an_ended_arrangement_has_none_due():
    assert clocks.visit_status(due=date(2026, 12, 1), today=date(2026, 12, 1)) == clocks.DUE
    assert clocks.visit_status(due=date(2026, 12, 1), today=date(2026, 12, 2)) == clocks.OVERDUE
    assert clocks.visit_status(due=date(2026, 12, 1), today=date(2026, 12, 2), ended=True) == clocks.ENDED


def test_a_16_year_old_qualifies_only_if_disabled():
    kwargs = {"date_of_birth": date(2010, 1, 1), "carer_relationship": "family_friend", "intended_days": 60,
              "began_on": date(2026, 6, 1)}
    assert clocks.why_not_private_fostering(disabled=True, **kwargs) == []
    [reason] = clocks.why_not_private_fostering(disabled=False, **kwargs)
    assert "under 16" in reason


def test_a_grandparent_or_a_short_stay_is_not_private_fostering_and_says_why():
    reasons = clocks.why_not_private_fostering(date_of_birth=date(2015, 1, 1), disabled=False,
                                               carer_relationship="grandparent", intended_days=27,
                                               began_on=date(2026, 6, 1))
    assert reasons == ["The carer is a grandparent: care by a parent or a close relative is not private fostering",
                       "The child is to be cared for 27 days: private fostering is care for 28 days or more"]


def test_age_bands_and_the_year_to_march():
    assert clocks.age_band(date(2012, 6, 1), date(2026, 5, 31)) == "10 to 15"
    assert clocks.age_band(date(2022, 6, 1), date(2026, 5, 31)) == "Under 5"
    assert clocks.year_ending_march(date(2026, 3, 31)) == (date(2025, 4, 1), date(2026, 3, 31))
    assert clocks.year_ending_march(date(2026, 4, 1)) == (date(2026, 4, 1), date(2027, 3, 31))
