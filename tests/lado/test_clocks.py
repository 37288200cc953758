from datetime import UTC, date, datetime

from frontdoor.lado import clocks


def test_a_friday_referral_is_due_on_monday_not_saturday():
    friday = datetime(2026, 12, 4, 11, 0, tzinfo=UTC)
    assert clocks.consideration_due_by(friday) == datetime(2026, 12, 7, 11, 0, tzinfo=UTC)


def test_bank_holidays_do_not_count_christmas_eve_is_due_after_boxing_day_substitute():
    # 24 Dec 2026 is a Thursday; 25 Dec (Fri) and 28 Dec (Mon, Boxing Day substitute) are bank holidays.
    assert clocks.consideration_due_by(datetime(2026, 12, 24, 10, 0, tzinfo=UTC)).date() == date(2026, 12, 29)


def test_a_referral_received_on_saturday_starts_its_clock_on_monday_morning():
    due = clocks.consideration_due_by(datetime(2026, 12, 5, 15, 0, tzinfo=UTC))
    assert due.date() == date(2026, 12, 8) and due.hour == 9


def test_status_is_due_then_overdue_and_considered_in_time_or_late():
    received = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    due = clocks.consideration_due_by(received)
    assert clocks.consideration_status(received_at=received, considered_at=None, now=due) == clocks.DUE
    later = datetime(2026, 12, 9, 10, 0, tzinfo=UTC)
    assert clocks.consideration_status(received_at=received, considered_at=None, now=later) == clocks.OVERDUE
    assert clocks.consideration_status(received_at=received, considered_at=due, now=later) == clocks.IN_TIME
    assert clocks.consideration_status(received_at=received, considered_at=later, now=later) == clocks.LATE


def test_academic_year_runs_september_to_august():
    assert clocks.academic_year(date(2013, 9, 1)) == "2013/14"
    assert clocks.academic_year(date(2014, 8, 31)) == "2013/14"
    assert clocks.academic_year(datetime(2014, 8, 31, 23, 30, tzinfo=UTC)) == "2014/15"  # 00:30 BST on 1 Sept
