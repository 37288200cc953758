from datetime import UTC, datetime, timedelta

from frontdoor.missing import clocks

RETURNED = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)  # a Friday evening: the clock runs through the weekend


def test_interview_is_due_72_hours_after_the_return_weekend_or_not():
    assert clocks.return_interview_due_at(RETURNED) == datetime(2026, 12, 7, 18, 0, tzinfo=UTC)


def test_status_moves_from_due_to_overdue_at_the_72nd_hour():
    due = RETURNED + timedelta(hours=72)
    assert clocks.return_interview_status(returned_at=RETURNED, held_at=None, now=due) == clocks.DUE
    assert clocks.return_interview_status(returned_at=RETURNED, held_at=None,
                                          now=due + timedelta(minutes=1)) == clocks.OVERDUE


def test_held_interview_is_in_time_or_late_and_not_returned_has_no_clock():
    assert clocks.return_interview_status(returned_at=RETURNED, held_at=RETURNED + timedelta(hours=71),
                                          now=RETURNED) == clocks.IN_TIME
    assert clocks.return_interview_status(returned_at=RETURNED, held_at=RETURNED + timedelta(hours=73),
                                          now=RETURNED) == clocks.LATE
    assert clocks.return_interview_status(returned_at=None, held_at=None, now=RETURNED) == clocks.NOT_RETURNED


def test_hours_left_counts_down_and_goes_negative_when_overdue():
    assert clocks.hours_left(returned_at=RETURNED, now=RETURNED + timedelta(hours=10)) == 62
    assert clocks.hours_left(returned_at=RETURNED, now=RETURNED + timedelta(hours=74, minutes=30)) == -3


def test_three_episodes_in_90_days_is_repeat_missing_but_older_ones_do_not_count():
    now = datetime(2026, 12, 1, tzinfo=UTC)
    recent = [now - timedelta(days=d) for d in (1, 30, 89)]
    assert clocks.is_repeat_missing(recent, now=now)
    assert not clocks.is_repeat_missing([*recent[:2], now - timedelta(days=91)], now=now)


def test_percent_is_none_with_nothing_to_count():
    assert clocks.percent(2, 3) == 67
    assert clocks.percent(0, 0) is None


def test_a_plan_review_is_overdue_the_day_after_it_falls_due():
    from datetime import date

    due = clocks.plan_review_due(date(2026, 1, 1), review_days=42)
    assert due == date(2026, 2, 12)
    assert clocks.plan_status(due, today=due) == clocks.REVIEW_DUE
    assert clocks.plan_status(due, today=date(2026, 2, 13)) == clocks.REVIEW_OVERDUE
    assert clocks.plan_status(None, today=due) == clocks.NO_PLAN
