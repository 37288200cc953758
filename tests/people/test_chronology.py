"""The chronology's pure rules: the alerts' thresholds and the order and filter of its entries."""
from datetime import date, datetime

from frontdoor.people.chronology import (
    REPEAT_CONTACTS, REPEAT_NOTIFICATIONS, SECOND_PLAN_MONTHS, Entry, Plan, chronology_alerts, chronology_entries,
)

TODAY = date(2026, 6, 15)


def _keys(**facts) -> list[str]:
    facts = {"contact_dates": [], "notification_dates": [], "plans": [], **facts}
    return [alert.key for alert in chronology_alerts(today=TODAY, **facts)]


def test_three_contacts_in_twelve_months_are_repeat_contacts_and_two_are_not():
    assert REPEAT_CONTACTS == 3
    two = [date(2026, 1, 5), date(2026, 5, 1)]
    assert _keys(contact_dates=two) == []
    assert _keys(contact_dates=[*two, date(2025, 6, 16)]) == ["repeat_contacts"]


def test_a_contact_more_than_twelve_months_ago_is_not_counted():
    assert _keys(contact_dates=[date(2026, 1, 5), date(2026, 5, 1), date(2025, 6, 15)]) == []


def test_the_repeat_contacts_alert_says_how_many():
    alerts = chronology_alerts(contact_dates=[date(2026, 1, 5)] * 4, notification_dates=[], plans=[], today=TODAY)
    assert alerts[0].text == "Repeat contacts: 4 contacts in the last 12 months"


def test_two_police_notifications_in_twelve_months_are_repeat_notifications():
    assert REPEAT_NOTIFICATIONS == 2
    assert _keys(notification_dates=[date(2026, 3, 1)]) == []
    assert _keys(notification_dates=[date(2026, 3, 1), date(2025, 7, 1)]) == ["repeat_notifications"]
    assert _keys(notification_dates=[date(2026, 3, 1), date(2025, 6, 1)]) == []


def test_an_open_plan_is_an_alert_with_its_category_and_start():
    alerts = chronology_alerts(contact_dates=[], notification_dates=[], today=TODAY,
                               plans=[Plan(started_on=date(2026, 2, 3), ended_on=None, category="neglect")])
    assert [(a.key, a.text) for a in alerts] == [
        ("open_plan", "Subject of a child protection plan (neglect) since 3 February 2026")]


def test_a_previous_plan_is_an_alert():
    alerts = chronology_alerts(contact_dates=[], notification_dates=[], today=TODAY,
                               plans=[Plan(started_on=date(2022, 1, 4), ended_on=date(2022, 9, 1), category="neglect")])
    assert [(a.key, a.text) for a in alerts] == [
        ("previous_plan", "Previous child protection plan (neglect) from 4 January 2022 to 1 September 2022")]


def test_a_second_plan_within_eighteen_months_of_the_end_of_the_first_is_flagged():
    assert SECOND_PLAN_MONTHS == 18
    first = Plan(started_on=date(2024, 1, 4), ended_on=date(2024, 12, 1), category="neglect")
    within = Plan(started_on=date(2026, 6, 1), ended_on=None, category="emotional abuse")
    assert _keys(plans=[within, first]) == ["open_plan", "previous_plan", "second_plan"]


def test_a_plan_starting_more_than_eighteen_months_after_the_last_is_not_a_second_plan():
    first = Plan(started_on=date(2023, 1, 4), ended_on=date(2024, 12, 1), category="neglect")
    later = Plan(started_on=date(2026, 6, 2), ended_on=None, category="neglect")
    assert _keys(plans=[first, later]) == ["open_plan", "previous_plan"]


def test_entries_are_newest_first_with_a_later_time_first_on_the_same_day():
    morning = Entry(on=date(2026, 3, 1), at=datetime(2026, 3, 1, 9), kind="contact", what="Morning", source="School")
    evening = Entry(on=date(2026, 3, 1), at=datetime(2026, 3, 1, 18), kind="police", what="Evening", source="Police")
    earlier = Entry(on=date(2026, 2, 1), kind="social_care", what="Referral", source="Social care")
    assert [e.what for e in chronology_entries([earlier, morning, evening])] == ["Evening", "Morning", "Referral"]


def test_entries_can_be_filtered_by_kind():
    contact = Entry(on=date(2026, 3, 1), kind="contact", what="Contact", source="School")
    police = Entry(on=date(2026, 3, 2), kind="police", what="Notification", source="Police")
    assert [e.what for e in chronology_entries([contact, police], kind="police")] == ["Notification"]
