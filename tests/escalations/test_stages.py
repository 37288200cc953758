from datetime import date

import pytest

from frontdoor.escalations import stages

ROUTE = [{"key": "a", "name": "A", "working_days": 2}, {"key": "b", "name": "B", "working_days": 3}]


def test_a_stage_is_due_in_working_days_past_a_weekend_and_a_bank_holiday():
    # Thursday 24 December 2026: Friday is Christmas Day, Monday 28 the Boxing Day holiday in lieu.
    assert stages.stage_due_on(ROUTE[0], started_on=date(2026, 12, 24)) == date(2026, 12, 30)


def test_not_resolved_goes_on_until_the_last_stage():
    assert stages.result_after(ROUTE, number=1, outcome="escalated") == stages.OPEN
    assert stages.result_after(ROUTE, number=2, outcome="escalated") == stages.NOT_RESOLVED
    assert stages.result_after(ROUTE, number=1, outcome="upheld") == stages.RESOLVED


def test_an_unknown_outcome_is_an_error():
    with pytest.raises(ValueError):
        stages.result_after(ROUTE, number=1, outcome="maybe")


def test_the_clock_is_overdue_the_day_after():
    assert stages.stage_clock(date(2026, 1, 5), today=date(2026, 1, 5)) == stages.DUE
    assert stages.stage_clock(date(2026, 1, 5), today=date(2026, 1, 6)) == stages.OVERDUE
