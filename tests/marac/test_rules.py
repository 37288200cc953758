from datetime import date

from frontdoor.marac.rules import is_repeat, under_18


def test_a_case_heard_within_12_months_before_is_a_repeat():
    assert is_repeat(heard_on=date(2026, 6, 1), previous=[date(2025, 6, 1)])
    assert not is_repeat(heard_on=date(2026, 6, 1), previous=[date(2025, 5, 31)])
    assert not is_repeat(heard_on=date(2026, 6, 1), previous=[])


def test_under_18_is_on_the_day_of_the_meeting():
    assert under_18(date(2008, 6, 2), date(2026, 6, 1))
    assert not under_18(date(2008, 6, 1), date(2026, 6, 1))
    assert not under_18(None, date(2026, 6, 1))
