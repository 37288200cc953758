"""The daily triage meeting: agenda, attendance, one outcome per incident, access to outcomes, and its pages."""
from datetime import date, time

import pytest
from django.http import Http404

from frontdoor.agencies.models import Agency
from frontdoor.casework.models import StrategyDiscussion
from frontdoor.governance.models import AccessLogEntry
from frontdoor.messaging.models import OutboxMessage
from frontdoor.triage import meetings
from frontdoor.triage.errors import NotificationConflict
from frontdoor.triage.models import (
    Grade,
    GradeDecision,
    MeetingAttendance,
    MeetingOutcome,
    PoliceNotification,
    Relationship,
    SchoolNotification,
    TriageMeeting,
)
from tests import factories
from tests.access_log import capture, ids, log_statements, logged
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 4)  # a Wednesday in term


@pytest.fixture
def police():
    return factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")


@pytest.fixture
def health():
    return factories.agency(kind=Agency.Kind.HEALTH_TRUST, name="Fictionshire Health")


@pytest.fixture
def member(police):
    return factories.user(role="triage_member", agency_=police, first="Pat", last="Officer")


@pytest.fixture
def today_is(monkeypatch):
    """Pretend today is a given day (views and services read it from django.utils.timezone)."""
    def _today_is(day):
        monkeypatch.setattr(meetings.timezone, "localdate", lambda *args: day)
    return _today_is


def _record(user, meeting, notification, **overrides):
    fields = {"final_grade": Grade.MEDIUM, "decision": MeetingOutcome.Decision.EARLY_HELP_OFFER, "notes": "",
              "actions": [], "rationale": "", "version": notification.version}
    return meetings.meeting_outcome_record(user=user, meeting=meeting, notification=notification,
                                           **{**fields, **overrides})


def test_meeting_for_day_uses_the_configured_cutoff_and_is_created_once(settings):
    settings.FRONTDOOR_TRIAGE_CUTOFF = "10:15"
    meeting = meetings.meeting_for_day(DAY)
    assert meetings.meeting_for_day(DAY) == meeting
    assert meeting.agenda_cutoff == ft.at(DAY, 10, 15)
    assert meeting.agenda_cutoff.astimezone(meetings.LONDON).time() == time(10, 15)


def test_only_todays_meeting_on_a_working_day_can_be_opened_and_opening_twice_keeps_one(today_is, settings):
    settings.FRONTDOOR_TRIAGE_CUTOFF = "10:15"
    today_is(DAY)
    meeting = meetings.meeting_open(day=DAY)
    assert meetings.meeting_open(day=DAY) == meeting and meeting.agenda_cutoff == ft.at(DAY, 10, 15)
    for other_day in (date(2026, 3, 3), date(2026, 3, 5)):
        with pytest.raises(meetings.MeetingInvalid, match="Only today's meeting"):
            meetings.meeting_open(day=other_day)
    today_is(date(2026, 3, 7))  # a Saturday
    with pytest.raises(meetings.MeetingInvalid):
        meetings.meeting_open(day=date(2026, 3, 7))
    assert list(TriageMeeting.objects.values_list("date", flat=True)) == [DAY]


def test_meeting_on_a_day_without_one_is_none_and_creates_nothing():
    assert meetings.meeting_on(day=DAY) is None
    assert not TriageMeeting.objects.exists()


def test_agenda_is_medium_and_high_received_before_the_cutoff_without_outcome_oldest_first(member, police):
    meeting = meetings.meeting_for_day(DAY)
    older = ft.police_notification(received_at=ft.at(DAY, 1), suggested_grade=Grade.HIGH)
    newer = ft.police_notification(received_at=ft.at(DAY, 8), suggested_grade=Grade.MEDIUM)
    regraded_up = ft.police_notification(received_at=ft.at(DAY, 9), suggested_grade=Grade.STANDARD, grade=Grade.HIGH)
    ft.police_notification(received_at=ft.at(DAY, 2), suggested_grade=Grade.STANDARD)
    ft.police_notification(received_at=ft.at(DAY, 3), suggested_grade=Grade.HIGH, grade=Grade.STANDARD)
    ft.police_notification(received_at=ft.at(DAY, 10), suggested_grade=Grade.HIGH)  # after the 09:30 cut-off
    decided = ft.police_notification(received_at=ft.at(DAY, 4), suggested_grade=Grade.HIGH)
    _record(member, meeting, decided, final_grade=Grade.HIGH)

    assert list(meetings.meeting_agenda(user=member, meeting=meeting)) == [older, newer, regraded_up]


def test_attendance_is_one_row_per_agency_and_a_second_name_replaces_the_first(police, health):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    meetings.meeting_attendance_record(meeting=meeting, agency=health, attendee_name="Nurse Lee")
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DC Jones")
    assert [(a.agency.name, a.attendee_name) for a in meetings.meeting_attendance(meeting=meeting)] == [
        ("Fictionshire Health", "Nurse Lee"), ("West Mercia Police", "DC Jones")]


def test_attendance_without_a_name_is_refused(police):
    with pytest.raises(meetings.MeetingInvalid, match="Enter the name"):
        meetings.meeting_attendance_record(meeting=meetings.meeting_for_day(DAY), agency=police, attendee_name=" ")


def test_outcome_overrides_the_suggestion_with_rationale_records_actions_and_tells_the_school(member, health):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=health, attendee_name="Nurse Lee")
    school = ft.school()
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    ft.child(notification, school_=school)
    action = meetings.ActionDraft(description="Health visitor to visit mum", owner_agency=health,
                                  due_date=date(2026, 3, 6))

    outcome = _record(member, meeting, notification, final_grade=Grade.HIGH,
                      decision=MeetingOutcome.Decision.SOCIAL_WORK_ASSESSMENT, notes="Third incident this year",
                      rationale="Escalating: third incident in four months", actions=[action])

    decision = GradeDecision.objects.get(notification=notification)
    assert (decision.suggested_grade, decision.grade, decision.at_meeting) == (Grade.MEDIUM, Grade.HIGH, meeting)
    assert decision.is_override and decision.rationale == "Escalating: third incident in four months"
    notification.refresh_from_db()
    assert notification.grade == Grade.HIGH and notification.status == PoliceNotification.Status.OUTCOME_RECORDED
    assert [(a.description, a.owner_agency, a.due_date) for a in outcome.actions.all()] == [
        ("Health visitor to visit mum", health, date(2026, 3, 6))]
    told = SchoolNotification.objects.get(notification=notification)
    assert told.school == school and told.grade == Grade.HIGH
    body = OutboxMessage.objects.get(about_id=str(told.pk)).body
    assert "Grade: High" in body and "Health visitor to visit mum (owner: Fictionshire Health" in body


def test_confirming_the_suggestion_needs_no_rationale(member):
    meeting = meetings.meeting_for_day(DAY)
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    _record(member, meeting, notification, final_grade=Grade.MEDIUM)
    assert GradeDecision.objects.get(notification=notification).rationale.startswith("Grade agreed at the triage meeting")


def test_overriding_without_rationale_is_refused_and_nothing_is_stored(member):
    meeting = meetings.meeting_for_day(DAY)
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    with pytest.raises(meetings.MeetingInvalid, match="EVODA suggested medium") as error:
        _record(member, meeting, notification, final_grade=Grade.STANDARD)
    assert error.value.field == "rationale"
    assert not MeetingOutcome.objects.exists() and not GradeDecision.objects.exists()


def test_second_member_recording_at_once_gets_a_conflict_and_the_first_outcome_stands(member, health):
    meeting = meetings.meeting_for_day(DAY)
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    second_view = PoliceNotification.objects.get(pk=notification.pk)  # the second member's page, same version
    other = factories.user(role="triage_member", agency_=health)
    _record(member, meeting, notification, notes="First member's notes")

    with pytest.raises(NotificationConflict, match="Someone else"):
        _record(other, meeting, second_view, final_grade=Grade.HIGH, rationale="Second view", notes="Second notes")
    outcome = MeetingOutcome.objects.get()
    assert (outcome.notes, outcome.recorded_by) == ("First member's notes", member)
    assert GradeDecision.objects.count() == 1


@pytest.mark.parametrize("decision", [MeetingOutcome.Decision.INFORMATION_ONLY, MeetingOutcome.Decision.EARLY_HELP_OFFER])
def test_peer_on_peer_abuse_always_gets_a_strategy_discussion_whatever_the_decision(member, decision):
    victim, perpetrator = ft.young_person("Mia", date(2010, 6, 1)), ft.young_person("Jay", date(2009, 2, 3))
    notification = ft.police_notification(received_at=ft.at(DAY, 6), relationship=Relationship.YOUNG_PEOPLE_PARTNERS,
                                           victim=victim, perpetrator=perpetrator)
    _record(member, meetings.meeting_for_day(DAY), notification, decision=decision)

    discussion = StrategyDiscussion.objects.get(source_notification=notification)
    assert set(discussion.children.all()) == {victim, perpetrator}
    assert "Peer-on-peer" in discussion.reason and discussion.due_at > discussion.requested_at


def test_adults_abuse_gets_no_automatic_strategy_discussion(member):
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    _record(member, meetings.meeting_for_day(DAY), notification)
    assert not StrategyDiscussion.objects.exists()


def test_outcomes_are_visible_to_attending_agencies_and_front_door_staff_only(member, police, health):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    outcome = _record(member, meeting, notification)
    absent = factories.user(role="triage_member", agency_=health)
    practitioner = factories.user(role="practitioner")
    referrer = factories.user()

    assert list(meetings.outcomes_visible_to(user=member)) == [outcome]
    assert list(meetings.outcomes_visible_to(user=practitioner)) == [outcome]
    assert not meetings.outcomes_visible_to(user=absent).exists()
    assert not meetings.outcomes_visible_to(user=referrer).exists()
    assert meetings.incident_get_for(user=member, notification_id=notification.pk, reason="test") == notification
    assert AccessLogEntry.objects.filter(user=member, target_id=str(notification.pk)).exists()
    with pytest.raises(Http404):
        meetings.incident_get_for(user=absent, notification_id=notification.pk, reason="test")


def test_an_undecided_incident_is_open_to_a_member_whose_agency_attends_a_meeting_with_it_on_the_agenda(
        member, police, health):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    on_agenda = ft.police_notification(received_at=ft.at(DAY, 6))
    standard = ft.police_notification(received_at=ft.at(DAY, 6), suggested_grade=Grade.STANDARD)
    after_cutoff = ft.police_notification(received_at=ft.at(DAY, 11))
    absent = factories.user(role="triage_member", agency_=health)

    assert meetings.incident_get_for(user=member, notification_id=on_agenda.pk, reason="test") == on_agenda
    for user, notification in ((member, standard), (member, after_cutoff), (absent, on_agenda),
                               (factories.user(), on_agenda)):
        with pytest.raises(Http404):
            meetings.incident_get_for(user=user, notification_id=notification.pk, reason="test")


def test_at_a_meeting_a_member_opens_only_that_meetings_agenda(member, police):
    today, tomorrow = meetings.meeting_for_day(DAY), meetings.meeting_for_day(date(2026, 3, 5))
    for meeting in (today, tomorrow):
        meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    after_cutoff = ft.police_notification(received_at=ft.at(DAY, 11))  # on tomorrow's agenda

    with pytest.raises(Http404):
        meetings.incident_get_for(user=member, notification_id=after_cutoff.pk, reason="test", meeting=today)
    assert meetings.incident_get_for(user=member, notification_id=after_cutoff.pk, reason="test",
                                     meeting=tomorrow) == after_cutoff


def test_front_door_staff_open_any_incident_at_a_meeting(police):
    meeting = meetings.meeting_for_day(DAY)
    standard = ft.police_notification(received_at=ft.at(DAY, 6), suggested_grade=Grade.STANDARD)
    isco = factories.user(role="isco")
    assert meetings.incident_get_for(user=isco, notification_id=standard.pk, reason="test",
                                     meeting=meeting) == standard


def test_suggestion_evidence_names_each_finding_in_the_matrix_words():
    evidence = meetings.suggestion_evidence(notification=ft.police_notification())
    assert evidence["grade"] == Grade.MEDIUM
    assert evidence["indicators"][0]["text"].startswith("Evidence of intimidation/bullying behaviour")
    assert evidence["indicators"][0]["evidence"] == "pushed her"
    assert evidence["risk_factors"][0]["text"].startswith("Substance misuse")


# --- Pages ----------------------------------------------------------------------------------------


def test_meeting_page_shows_attendance_and_agenda(client, member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-AGENDA")
    client.force_login(member)
    page = client.get(f"/triage/meetings/{DAY.isoformat()}").content.decode()
    assert "DS Khan" in page and "WMP-AGENDA" in page
    assert f"/triage/meetings/{DAY.isoformat()}/incidents/{notification.pk}" in page


def test_add_another_action_posts_back_with_one_more_action_and_keeps_the_text(client, member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    client.force_login(member)
    url = f"/triage/meetings/{DAY.isoformat()}/incidents/{notification.pk}"
    response = client.post(url, {"add_action": "1", "notes": "Kept notes", "version": notification.version,
                                 "action-TOTAL_FORMS": "1", "action-INITIAL_FORMS": "0",
                                 "action-0-description": "First action"})
    page = response.content.decode()
    assert "Action 2" in page and "Kept notes" in page and "First action" in page
    assert "govuk-error-summary" not in page and not MeetingOutcome.objects.exists()


def test_conflict_on_the_page_shows_one_error_summary_and_keeps_the_second_members_text(client, member, health):
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    stale_version = notification.version
    _record(member, meetings.meeting_for_day(DAY), notification)
    client.force_login(factories.user(role="practitioner"))
    response = client.post(f"/triage/meetings/{DAY.isoformat()}/incidents/{notification.pk}", {
        "final_grade": "medium", "decision": "early_help_offer", "notes": "My careful notes",
        "version": stale_version, "action-TOTAL_FORMS": "1", "action-INITIAL_FORMS": "0",
    })
    page = response.content.decode()
    assert page.count("govuk-error-summary__title") == 1
    assert "Someone else" in page and "My careful notes" in page


def test_meeting_pages_are_not_found_for_referrers(client):
    client.force_login(factories.user())
    assert client.get("/triage/meeting").status_code == 404
    assert client.get("/triage/meetings/past").status_code == 404


def test_choosing_a_date_shows_that_days_meeting_and_an_impossible_date_is_not_found(client, member):
    meetings.meeting_for_day(DAY)
    client.force_login(member)
    response = client.get("/triage/meeting", {"day_0": "4", "day_1": "3", "day_2": "2026"})
    assert response.status_code == 302 and response["Location"] == "/triage/meetings/2026-03-04"
    assert "Wednesday 4 March 2026" in client.get(response["Location"]).content.decode()
    assert client.get("/triage/meetings/2026-02-30").status_code == 404


def test_past_meetings_show_outcomes_and_actions_to_an_attending_agency(client, member, police, health):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-PAST")
    action = meetings.ActionDraft(description="Check bail conditions", owner_agency=police, due_date=date(2026, 3, 5))
    _record(member, meeting, notification, actions=[action])
    client.force_login(member)
    page = client.get("/triage/meetings/past").content.decode()
    assert "WMP-PAST" in page and "Check bail conditions" in page and "DS Khan" in page
    assert AccessLogEntry.objects.filter(user=member, target_id=str(meeting.pk)).exists()
    client.force_login(factories.user(role="triage_member", agency_=health))
    assert "WMP-PAST" not in client.get("/triage/meetings/past").content.decode()


def test_todays_page_without_a_meeting_previews_the_agenda_and_creates_nothing(client, member, today_is):
    today_is(DAY)
    notification = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-PREVIEW")
    client.force_login(member)
    page = client.get("/triage/meeting").content.decode()
    assert "Agenda preview" in page and "WMP-PREVIEW" in page and "Open today's meeting" in page
    assert f"/incidents/{notification.pk}" not in page  # nothing can be recorded before the meeting is open
    assert client.get(f"/triage/meetings/{DAY.isoformat()}/incidents/{notification.pk}").status_code == 404
    assert client.post(f"/triage/meetings/{DAY.isoformat()}/attendance",
                       {"agency": "", "attendee_name": "DS Khan"}).status_code == 404
    assert not TriageMeeting.objects.exists()


def test_opening_todays_meeting_from_its_page(client, member, today_is):
    today_is(DAY)
    ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-OPENED")
    client.force_login(member)
    response = client.post(f"/triage/meetings/{DAY.isoformat()}/open")
    assert response.status_code == 302 and response["Location"] == f"/triage/meetings/{DAY.isoformat()}"
    page = client.get(response["Location"]).content.decode()
    assert "Today&#x27;s meeting is open" in page and "Record attendance" in page and "WMP-OPENED" in page
    assert TriageMeeting.objects.get().date == DAY


def test_a_past_day_without_a_meeting_says_so_and_cannot_be_opened(client, member, today_is):
    today_is(DAY)
    yesterday = date(2026, 3, 3)
    ft.police_notification(received_at=ft.at(yesterday, 6), reference="WMP-YESTERDAY")
    client.force_login(member)
    page = client.get(f"/triage/meetings/{yesterday.isoformat()}").content.decode()
    assert "There was no triage meeting on this day" in page
    assert "WMP-YESTERDAY" not in page and "Open today" not in page
    refused = client.post(f"/triage/meetings/{yesterday.isoformat()}/open").content.decode()
    assert refused.count("govuk-error-summary__title") == 1 and "Only today&#x27;s meeting can be opened" in refused
    assert not TriageMeeting.objects.exists()


def test_a_future_day_previews_its_agenda_without_a_button_to_open_it(client, member, today_is):
    today_is(DAY)
    ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-TOMORROW")
    client.force_login(member)
    page = client.get("/triage/meetings/2026-03-05").content.decode()
    assert "can be opened on the day" in page and "WMP-TOMORROW" in page and "Open today" not in page
    assert not TriageMeeting.objects.exists()


def test_the_meeting_page_logs_its_agenda_and_its_outcomes_and_nothing_else(client, member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    waiting = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-WAITING")
    decided = ft.police_notification(received_at=ft.at(DAY, 5), reference="WMP-DECIDED")
    standard = ft.police_notification(received_at=ft.at(DAY, 6), suggested_grade=Grade.STANDARD)
    _record(member, meeting, decided)
    client.force_login(member)

    with capture() as queries:
        page = client.get(f"/triage/meetings/{DAY.isoformat()}").content.decode()

    assert "WMP-WAITING" in page and "WMP-DECIDED" in page and standard.police_reference not in page
    reason = "Agenda and outcomes of the triage meeting of 4 March 2026"
    assert logged(user=member, reason=reason) == ids([waiting, decided])
    assert log_statements(queries) == 1


def test_the_agenda_preview_logs_the_incidents_it_lists(client, member, today_is):
    today_is(DAY)
    waiting = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-PREVIEWED")
    client.force_login(member)
    assert "WMP-PREVIEWED" in client.get("/triage/meeting").content.decode()
    assert logged(user=member, reason="Agenda preview of the triage meeting of 4 March 2026") == ids([waiting])


def test_past_meetings_log_each_meeting_and_the_incidents_of_its_outcomes(client, member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    _record(member, meeting, notification)
    client.force_login(member)
    client.get("/triage/meetings/past")
    assert logged(user=member, reason="Listed in past triage meetings") == ids([meeting, notification])


def test_a_member_can_neither_open_nor_record_an_outcome_for_an_incident_on_no_agenda(client, member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    standard = ft.police_notification(received_at=ft.at(DAY, 6), suggested_grade=Grade.STANDARD)
    url = f"/triage/meetings/{DAY.isoformat()}/incidents/{standard.pk}"
    client.force_login(member)

    assert client.get(url).status_code == 404
    response = client.post(url, {"final_grade": "medium", "decision": "early_help_offer", "notes": "",
                                 "rationale": "Worried", "version": standard.version,
                                 "action-TOTAL_FORMS": "0", "action-INITIAL_FORMS": "0"})

    assert response.status_code == 404 and "Page not found" in response.content.decode()
    assert not MeetingOutcome.objects.exists()
    assert not AccessLogEntry.objects.filter(target_id=str(standard.pk)).exists()


def test_a_member_cannot_reach_an_incident_on_no_agenda_through_the_iscos_or_the_marac_pages(client, member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    standard = ft.police_notification(received_at=ft.at(DAY, 6), suggested_grade=Grade.STANDARD)
    client.force_login(member)

    for url in (f"/notifications/{standard.pk}", f"/triage/notifications/{standard.pk}/marac",
                f"/triage/incidents/{standard.pk}/correct"):
        assert client.get(url).status_code == 404, url
    assert not AccessLogEntry.objects.filter(target_id=str(standard.pk)).exists()


def test_a_member_cannot_add_their_agency_to_a_past_meeting(client, member, police, today_is):
    today_is(date(2026, 3, 5))
    meetings.meeting_for_day(DAY)
    client.force_login(member)
    page = client.post(f"/triage/meetings/{DAY.isoformat()}/attendance",
                       {"agency": police.pk, "attendee_name": "DS Khan"}).content.decode()
    assert "Attendance can only be recorded on the day of the meeting" in page
    assert not MeetingAttendance.objects.exists()


# --- Actions owned by schools ---------------------------------------------------------------------


def test_action_owners_are_the_meeting_agencies_and_the_schools_of_this_incidents_children(police):
    oakfield, elm = ft.school("Oakfield Primary"), ft.school("Elm High")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    ft.child(notification, school_=oakfield)
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    absent = factories.agency(kind=Agency.Kind.HEALTH_TRUST, name="Absent Health")
    owners = set(meetings.action_owners(notification=notification, meeting=meeting))
    assert police in owners and oakfield in owners and elm not in owners and absent not in owners


def test_an_action_owned_by_a_school_not_in_the_incident_is_refused(member):
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    ft.child(notification, school_=ft.school("Oakfield Primary"))
    elsewhere = meetings.ActionDraft(description="Watch Ruby", owner_agency=ft.school("Elm High"),
                                     due_date=date(2026, 3, 6))
    with pytest.raises(meetings.MeetingInvalid, match="school of a child in this incident"):
        _record(member, meetings.meeting_for_day(DAY), notification, actions=[elsewhere])
    assert not MeetingOutcome.objects.exists()


def test_a_school_is_told_of_its_own_action_even_when_the_meeting_grades_standard(member, police):
    school = ft.school("Oakfield Primary")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    ft.child(notification, school_=school)
    actions = [meetings.ActionDraft(description="Key adult to check in with Ruby", owner_agency=school,
                                    due_date=date(2026, 3, 5)),
               meetings.ActionDraft(description="Check bail conditions", owner_agency=police,
                                    due_date=date(2026, 3, 5))]
    meetings.meeting_attendance_record(meeting=meetings.meeting_for_day(DAY), agency=police, attendee_name="DS Khan")
    _record(member, meetings.meeting_for_day(DAY), notification, final_grade=Grade.STANDARD,
            rationale="Information from health lowers the risk", actions=actions)
    body = OutboxMessage.objects.get().body
    assert "Grade: Standard" in body
    assert "Key adult to check in with Ruby (owner: Oakfield Primary; due 05 March 2026)" in body
    assert "Check bail conditions" not in body


def test_the_incident_page_offers_the_childs_school_as_an_action_owner(client, member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    ft.child(notification, school_=ft.school("Oakfield Primary"))
    ft.school("Elm High")
    client.force_login(member)
    page = client.get(f"/triage/meetings/{DAY.isoformat()}/incidents/{notification.pk}").content.decode()
    assert ">Oakfield Primary</option>" in page and "Elm High" not in page
