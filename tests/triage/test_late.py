"""High notifications received after today's agenda cut-off: to today's meeting or straight to a strategy
discussion, with the reason recorded and audited (issue 15 item 6)."""
from datetime import date

import pytest
from django.http import Http404

from frontdoor.agencies.models import Agency
from frontdoor.casework.models import StrategyDiscussion
from frontdoor.governance.models import AccessLogEntry
from frontdoor.triage import late, meetings
from frontdoor.triage.errors import NotificationConflict
from frontdoor.triage.meetings import MeetingInvalid
from frontdoor.triage.models import Grade, LateNotificationRoute, MeetingOutcome, PoliceNotification
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 4)  # a Wednesday; the cut-off is 09:30
SATURDAY = date(2026, 3, 7)
TODAY = late.Route.TODAYS_MEETING
DISCUSSION = late.Route.STRATEGY_DISCUSSION


@pytest.fixture
def today(monkeypatch):
    def _today(day):
        monkeypatch.setattr(meetings.timezone, "localdate", lambda *args: day)
    _today(DAY)
    return _today


@pytest.fixture
def isco():
    return factories.user(role="isco", first="Isla", last="Cole")


def _late_high(**fields):
    fields = {"received_at": ft.at(DAY, 11), "suggested_grade": Grade.HIGH, **fields}
    notification = ft.police_notification(**fields)
    child = ft.child(notification, person=ft.young_person("Ruby", date(2016, 5, 2)))
    return notification, child


def _route(user, notification, route, reason="Child injured; police arrest today"):
    return late.late_notification_route(user=user, notification=notification, route=route, reason=reason,
                                        version=notification.version)


def test_late_high_are_those_high_received_after_todays_cutoff_without_outcome_or_choice(today, isco):
    late_suggested, _ = _late_high(reference="LATE-1")
    late_graded, _ = _late_high(reference="LATE-2", suggested_grade=Grade.MEDIUM, grade=Grade.HIGH,
                                received_at=ft.at(DAY, 12))
    _late_high(reference="ON-AGENDA", received_at=ft.at(DAY, 8))
    _late_high(reference="MEDIUM", suggested_grade=Grade.MEDIUM)
    _late_high(reference="GRADED-DOWN", grade=Grade.MEDIUM)
    routed, _ = _late_high(reference="ROUTED")
    _route(isco, routed, DISCUSSION)
    assert list(late.late_high_notifications(user=isco)) == [late_suggested, late_graded]
    assert list(late.late_high_notifications(user=factories.user(role="referrer"))) == []


def test_added_to_todays_meeting_it_is_on_its_agenda_with_the_reason_and_an_audit(today, isco):
    notification, _ = _late_high()
    chosen = _route(isco, notification, TODAY)
    meeting = meetings.meeting_on(day=DAY)
    assert (chosen.route, chosen.meeting, chosen.reason, chosen.decided_by) == (
        TODAY, meeting, "Child injured; police arrest today", isco)
    assert notification in meetings.meeting_agenda(user=isco, meeting=meeting)
    assert not StrategyDiscussion.objects.exists()
    entry = AccessLogEntry.objects.filter(target_id=str(notification.pk), action=AccessLogEntry.Action.UPDATE).get()
    assert entry.user == isco and entry.reason == "Late high notification: added to today's triage meeting"
    assert not late.late_high_notifications(user=isco).exists()


def test_a_triage_member_at_todays_meeting_can_open_a_late_addition(today, isco):
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    member = factories.user(role="triage_member", agency_=police)
    notification, _ = _late_high()
    meeting = meetings.meeting_open(day=DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="Pat Officer")
    with pytest.raises(Http404):
        meetings.incident_get_for(user=member, notification_id=notification.pk, reason="read", meeting=meeting)
    _route(isco, notification, TODAY)
    assert meetings.incident_get_for(user=member, notification_id=notification.pk, reason="read",
                                     meeting=meeting) == notification


def test_sent_to_a_strategy_discussion_social_care_has_it_for_the_child_and_the_meeting_adds_none(today, isco):
    notification, child = _late_high(reference="WMP-SD")
    chosen = _route(isco, notification, DISCUSSION, reason="Threat to kill; children in the house")
    discussion = StrategyDiscussion.objects.get()
    assert chosen.strategy_discussion == discussion and chosen.meeting is None
    assert discussion.source_notification == notification and list(discussion.children.all()) == [child.person]
    assert "WMP-SD" in discussion.reason and "Threat to kill" in discussion.reason
    assert discussion.requested_at < discussion.due_at
    # The next meeting still records the single outcome, and finds the discussion already requested.
    notification.refresh_from_db()
    meetings.meeting_outcome_record(
        user=isco, meeting=meetings.meeting_for_day(date(2026, 3, 5)), notification=notification,
        final_grade=Grade.HIGH, decision=MeetingOutcome.Decision.STRATEGY_DISCUSSION, notes="", actions=[],
        rationale="", version=notification.version)
    assert StrategyDiscussion.objects.count() == 1


def test_a_reason_and_a_choice_are_needed_and_nothing_is_stored_without_them(today, isco):
    notification, _ = _late_high()
    with pytest.raises(MeetingInvalid, match="Enter why you chose this") as error:
        _route(isco, notification, TODAY, reason="  ")
    assert error.value.field == "reason"
    with pytest.raises(MeetingInvalid, match="Select whether to add"):
        _route(isco, notification, "tomorrow")
    assert not LateNotificationRoute.objects.exists() and meetings.meeting_on(day=DAY) is None


def test_without_a_meeting_today_it_can_only_go_to_a_strategy_discussion(today, isco):
    today(SATURDAY)
    notification, _ = _late_high(received_at=ft.at(SATURDAY, 11))
    with pytest.raises(MeetingInvalid, match="There is no triage meeting today"):
        _route(isco, notification, TODAY)
    assert _route(isco, notification, DISCUSSION).route == DISCUSSION


def test_a_notification_on_the_agenda_or_already_routed_is_refused(today, isco):
    on_agenda, _ = _late_high(received_at=ft.at(DAY, 8))
    with pytest.raises(NotificationConflict, match="no longer needs a choice"):
        _route(isco, on_agenda, TODAY)
    notification, _ = _late_high()
    stale = PoliceNotification.objects.get(pk=notification.pk)
    _route(isco, notification, TODAY)
    with pytest.raises(NotificationConflict):
        _route(isco, stale, DISCUSSION)
    assert LateNotificationRoute.objects.filter(notification=notification).count() == 1
    assert not StrategyDiscussion.objects.exists()


def test_a_grade_given_meanwhile_makes_the_choice_a_conflict(today, isco):
    notification, _ = _late_high()
    stale_version = notification.version
    PoliceNotification.objects.filter(pk=notification.pk).update(version=stale_version + 1)
    with pytest.raises(NotificationConflict, match="Someone else changed this notification"):
        late.late_notification_route(user=isco, notification=notification, route=TODAY, reason="Urgent",
                                     version=stale_version)
    assert not LateNotificationRoute.objects.exists()


# --- Pages ------------------------------------------------------------------------------------------


def test_the_notifications_page_lists_late_high_ones_and_logs_them(client, today, isco):
    notification, _ = _late_high(reference="WMP-LATE")
    client.force_login(isco)
    page = client.get("/notifications/").content.decode()
    assert 'id="late-high"' in page and "received after today's agenda cut-off (09:30)" in page
    assert "WMP-LATE" in page
    assert AccessLogEntry.objects.filter(target_id=str(notification.pk),
                                         reason="Listed as a high notification received after today's cut-off").exists()


def test_the_notification_page_records_the_choice_and_then_shows_it(client, today, isco):
    notification, _ = _late_high(reference="WMP-LATE")
    client.force_login(isco)
    url = f"/notifications/{notification.pk}"
    assert 'id="late-form"' in client.get(url).content.decode()
    response = client.post(f"{url}/late-route", {"late-route": TODAY, "late-reason": "Baby injured",
                                                 "late-version": notification.version}, follow=True)
    page = response.content.decode()
    assert 'id="late-form"' not in page and "Added to today&#x27;s triage meeting" in page and "Baby injured" in page


def test_the_notification_page_without_a_reason_shows_one_error_summary(client, today, isco):
    notification, _ = _late_high()
    client.force_login(isco)
    page = client.post(f"/notifications/{notification.pk}/late-route",
                       {"late-route": DISCUSSION, "late-reason": "", "late-version": notification.version}
                       ).content.decode()
    assert page.count("govuk-error-summary__title") == 1
    assert 'href="#id_late-reason">Enter why you chose this for the notification' in page
    assert not LateNotificationRoute.objects.exists()


def test_the_choice_is_not_found_for_a_referrer(client, today):
    notification, _ = _late_high()
    client.force_login(factories.user(role="referrer"))
    response = client.post(f"/notifications/{notification.pk}/late-route",
                           {"late-route": TODAY, "late-reason": "x", "late-version": notification.version})
    assert response.status_code in (403, 404) and not LateNotificationRoute.objects.exists()


def test_todays_meeting_page_counts_late_high_for_front_door_staff_only(client, today, isco):
    _late_high()
    meeting = meetings.meeting_open(day=DAY)
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="Pat Officer")
    client.force_login(isco)
    page = client.get(f"/triage/meetings/{DAY.isoformat()}").content.decode()
    assert "1 high notification received after the cut-off needs a choice" in page
    client.force_login(factories.user(role="triage_member", agency_=police))
    page = client.get(f"/triage/meetings/{DAY.isoformat()}").content.decode()
    assert 'id="late-high-count"' not in page
