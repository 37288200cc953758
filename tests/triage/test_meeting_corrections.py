"""Correcting a recorded triage outcome: the earlier versions kept, compare and set, the schools told again
only when their grade or actions changed, and a strategy discussion when the decision now needs one."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.casework.models import StrategyDiscussion
from frontdoor.governance.models import AccessLogEntry
from frontdoor.messaging.models import OutboxMessage
from frontdoor.triage import meetings, school_pages
from frontdoor.triage.errors import NotificationConflict
from frontdoor.triage.models import (
    Grade,
    GradeDecision,
    MeetingOutcome,
    OutcomeVersion,
    Relationship,
    SchoolNotification,
    SchoolNotificationUpdate,
    TriageAction,
)
from frontdoor.triage.schools import school_notifications_update, schools_told
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 4)
DUE = date(2026, 3, 9)
Decision = MeetingOutcome.Decision


@pytest.fixture
def police():
    return factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")


@pytest.fixture
def school():
    return ft.school("Oakfield Primary")


@pytest.fixture
def chair(police):
    return factories.user(role="triage_member", agency_=police, first="Pat", last="Khan")


@pytest.fixture
def outcome(chair, police, school):
    """A medium outcome with a police action, recorded at a meeting police attended; Ruby's school told."""
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-CORRECT")
    ft.child(notification, school_=school)
    return meetings.meeting_outcome_record(
        user=chair, meeting=meeting, notification=notification, final_grade=Grade.MEDIUM,
        decision=Decision.EARLY_HELP_OFFER, notes="First notes", rationale="", version=notification.version,
        actions=[meetings.ActionDraft(description="Check bail conditions", owner_agency=police, due_date=DUE)],
    )


def _drafts(outcome, **changes):
    """The outcome's actions as the correction page shows them, with some changed."""
    return [meetings.ActionDraft(description=changes.get("description", a.description),
                                 owner_agency=a.owner_agency, due_date=a.due_date, action_id=a.pk)
            for a in outcome.actions.order_by("pk")]


def _correct(user, outcome, **overrides):
    fields = {"final_grade": outcome.final_grade, "decision": outcome.decision, "notes": outcome.notes,
              "actions": _drafts(outcome), "reason": "Police shared new information", "version": outcome.version}
    return meetings.meeting_outcome_correct(user=user, outcome=outcome, **{**fields, **overrides})


def _updates():
    return OutboxMessage.objects.filter(subject__startswith="Updated domestic abuse notification")


def test_a_correction_keeps_the_earlier_version_with_who_when_what_and_why(chair, outcome, police):
    nurse = factories.user(role="practitioner", first="Lee", last="Nurse")
    TriageAction.objects.update(completed_at=timezone.now())
    first_recorded_at = outcome.recorded_at

    corrected = _correct(nurse, outcome, final_grade=Grade.HIGH, decision=Decision.SOCIAL_WORK_ASSESSMENT,
                         notes="Second notes", reason="The police told us of a knife at the house")

    assert (corrected.final_grade, corrected.decision, corrected.notes) == (
        Grade.HIGH, Decision.SOCIAL_WORK_ASSESSMENT, "Second notes")
    assert (corrected.version, corrected.recorded_by) == (2, nurse)
    earlier = OutcomeVersion.objects.get()
    assert (earlier.version, earlier.final_grade, earlier.decision, earlier.notes) == (
        1, Grade.MEDIUM, Decision.EARLY_HELP_OFFER, "First notes")
    assert (earlier.recorded_by, earlier.recorded_at, earlier.corrected_by) == (chair, first_recorded_at, nurse)
    assert earlier.reason == "The police told us of a knife at the house"
    [action] = earlier.action_rows
    assert (action["description"], action["owner"], action["due_date"]) == ("Check bail conditions",
                                                                           "West Mercia Police", DUE)
    assert action["completed_at"] is not None
    corrected.notification.refresh_from_db()
    assert corrected.notification.grade == Grade.HIGH
    assert GradeDecision.objects.filter(grade=Grade.HIGH).get().rationale == (
        "Outcome corrected: The police told us of a knife at the house")
    assert AccessLogEntry.objects.filter(user=nurse, action=AccessLogEntry.Action.UPDATE,
                                         target_id=str(outcome.notification_id)).exists()

    _correct(chair, corrected, notes="Third notes", reason="Typo")
    assert list(OutcomeVersion.objects.values_list("version", "notes")) == [(2, "Second notes"), (1, "First notes")]


def test_a_correction_needs_a_reason_and_changes_nothing_without_one(chair, outcome):
    with pytest.raises(meetings.MeetingInvalid, match="Enter why you are correcting") as error:
        _correct(chair, outcome, notes="Changed", reason="  ")
    assert error.value.field == "reason"
    outcome.refresh_from_db()
    assert (outcome.notes, outcome.version) == ("First notes", 1) and not OutcomeVersion.objects.exists()


def test_a_second_corrector_from_the_same_version_gets_a_conflict_and_the_first_correction_stands(chair, outcome):
    second_view = MeetingOutcome.objects.get(pk=outcome.pk)
    _correct(chair, outcome, notes="First correction")

    with pytest.raises(NotificationConflict, match="Someone else has corrected this outcome"):
        _correct(factories.user(role="practitioner"), second_view, notes="Second correction", final_grade=Grade.HIGH)
    outcome.refresh_from_db()
    assert (outcome.notes, outcome.final_grade, outcome.version) == ("First correction", Grade.MEDIUM, 2)
    assert OutcomeVersion.objects.count() == 1 and _updates().count() == 0


def test_a_new_grade_sends_the_school_one_update_with_the_grade_and_actions_only(chair, outcome, school):
    told = SchoolNotification.objects.get()
    first_message = told.outbox_message

    corrected = _correct(chair, outcome, final_grade=Grade.HIGH, notes="Private: the adults' story",
                         reason="Private: a reason the school need not know")

    [update] = _updates()
    assert update.to_address == "safeguarding@school.example" and update.about_id == str(told.pk)
    assert "Grade: High" in update.body and "Check bail conditions (owner: West Mercia Police" in update.body
    assert "Ruby Hartley" in update.body and "WMP-CORRECT" in update.body
    for private in ("Private", "Linden Road"):
        assert private not in update.body
    told.refresh_from_db()
    assert told.grade == Grade.HIGH and told.updated_at is not None and told.outbox_message == first_message
    # The same correction sent again (as if the school had been told something else) is not queued twice.
    as_if_changed = schools_told(notification=corrected.notification) | {told.pk: (Grade.MEDIUM, [])}
    school_notifications_update(notification=corrected.notification, told=as_if_changed,
                                correction=corrected.version)
    assert _updates().count() == 1


def test_changed_actions_reach_the_school_and_a_done_action_stays_done(chair, outcome, police, school):
    own = meetings.ActionDraft(description="Key adult to check in with Ruby", owner_agency=school, due_date=DUE)
    corrected = _correct(chair, outcome, actions=[*_drafts(outcome), own])
    assert _updates().count() == 1 and "Key adult to check in with Ruby" in _updates().get().body
    school_action = TriageAction.objects.get(owner_agency=school)
    school_pages.school_action_complete(user=factories.user(agency_=school), action=school_action, version=1,
                                        school_notification=SchoolNotification.objects.get())

    police_action = TriageAction.objects.get(owner_agency=police)
    kept = [d for d in _drafts(corrected) if d.action_id == school_action.pk]  # the police action removed
    _correct(chair, MeetingOutcome.objects.get(pk=outcome.pk), actions=kept)

    assert list(TriageAction.objects.all()) == [school_action]
    school_action.refresh_from_db()
    assert school_action.completed_at is not None and school_action.version == 2
    assert not TriageAction.objects.filter(pk=police_action.pk).exists()
    assert _updates().count() == 2 and "Check bail conditions" not in _updates().order_by("created_at").last().body


def test_correcting_only_the_notes_or_decision_tells_the_school_nothing(chair, outcome):
    _correct(chair, outcome, notes="Better notes", decision=Decision.INFORMATION_ONLY)
    assert _updates().count() == 0 and SchoolNotification.objects.get().updated_at is None


def test_the_iscos_monitoring_keeps_the_first_notification_on_time_and_awaits_the_update(chair, outcome):
    told = SchoolNotification.objects.get()
    OutboxMessage.objects.filter(pk=told.outbox_message_id).update(sent_at=told.deadline - timedelta(hours=2))
    SchoolNotification.objects.filter(pk=told.pk).update(status=SchoolNotification.Status.ACKNOWLEDGED,
                                                         acknowledged_at=told.deadline - timedelta(hours=1))
    _correct(chair, outcome, final_grade=Grade.HIGH)
    update = SchoolNotificationUpdate.objects.get()

    report = school_pages.schools_monitoring(user=factories.user(role="isco"), now=update.deadline + timedelta(days=1))
    assert [(item.update, item.reasons) for item in report.late] == [
        (update, ("Not sent by the deadline", "Not acknowledged by the deadline"))]
    assert [(row["unacknowledged"], row["updates"]) for row in report.schools_awaiting] == [(1, 1)]


def test_a_decision_for_a_strategy_discussion_gets_one_and_never_a_second(chair, outcome):
    _correct(chair, outcome, decision=Decision.STRATEGY_DISCUSSION)
    discussion = StrategyDiscussion.objects.get(source_notification=outcome.notification)
    assert "Triage meeting decided a strategy discussion" in discussion.reason
    _correct(chair, MeetingOutcome.objects.get(pk=outcome.pk), decision=Decision.STRATEGY_DISCUSSION, notes="Again")
    assert StrategyDiscussion.objects.count() == 1


def test_recording_a_strategy_discussion_decision_gets_one_for_the_children(chair):
    ruby = ft.young_person("Ruby", date(2016, 5, 2))
    notification = ft.police_notification(received_at=ft.at(DAY, 6), victim=ft.adult())
    ft.child(notification, person=ruby)
    meetings.meeting_outcome_record(
        user=chair, meeting=meetings.meeting_for_day(DAY), notification=notification, final_grade=Grade.MEDIUM,
        decision=Decision.STRATEGY_DISCUSSION, notes="", actions=[], rationale="", version=notification.version)
    assert list(StrategyDiscussion.objects.get().children.all()) == [ruby]


def test_correcting_peer_on_peer_abuse_does_not_duplicate_its_strategy_discussion(chair):
    notification = ft.police_notification(received_at=ft.at(DAY, 6), relationship=Relationship.YOUNG_PEOPLE_PARTNERS,
                                          victim=ft.young_person("Mia", date(2010, 6, 1)))
    outcome = meetings.meeting_outcome_record(
        user=chair, meeting=meetings.meeting_for_day(DAY), notification=notification, final_grade=Grade.MEDIUM,
        decision=Decision.INFORMATION_ONLY, notes="", actions=[], rationale="", version=notification.version)
    _correct(chair, outcome, decision=Decision.STRATEGY_DISCUSSION)
    assert StrategyDiscussion.objects.count() == 1


# --- Pages ----------------------------------------------------------------------------------------


def _form(outcome, **overrides):
    actions = list(outcome.actions.order_by("pk"))
    data = {"final_grade": outcome.final_grade, "decision": outcome.decision, "notes": outcome.notes,
            "reason": "Police shared new information", "version": outcome.version,
            "action-TOTAL_FORMS": str(len(actions) + 1), "action-INITIAL_FORMS": str(len(actions))}
    for number, action in enumerate(actions):
        data |= {f"action-{number}-action_id": action.pk, f"action-{number}-description": action.description,
                 f"action-{number}-owner_agency": action.owner_agency_id,
                 f"action-{number}-due_date_0": action.due_date.day, f"action-{number}-due_date_1": action.due_date.month,
                 f"action-{number}-due_date_2": action.due_date.year}
    return data | overrides


def test_the_correction_page_shows_the_outcome_as_recorded_with_the_childs_school_as_a_possible_owner(
        client, chair, outcome):
    client.force_login(chair)
    page = client.get(f"/triage/incidents/{outcome.notification_id}/correct").content.decode()
    assert "Correct the outcome" in page and "First notes" in page and 'value="Check bail conditions"' in page
    assert "Remove this action" in page and ">Oakfield Primary</option>" in page
    assert AccessLogEntry.objects.filter(user=chair, reason="Triage meeting: correct an outcome").exists()


def test_correcting_on_the_page_shows_the_history_on_the_incident_page(client, chair, outcome):
    client.force_login(chair)
    url = f"/triage/incidents/{outcome.notification_id}/correct"
    response = client.post(url, _form(outcome, final_grade="high", notes="Second notes",
                                      reason="The police told us of a knife"))
    incident_url = f"/triage/meetings/{DAY.isoformat()}/incidents/{outcome.notification_id}"
    assert response.status_code == 302 and response["Location"] == incident_url
    page = client.get(incident_url).content.decode()
    assert "Outcome corrected for WMP-CORRECT" in page and "(corrected)" in page and "Second notes" in page
    assert "Earlier versions of this outcome" in page and "Version 1: Medium, Early help offer" in page
    assert "First notes" in page and "The police told us of a knife" in page and "Pat Khan" in page


def test_the_page_refuses_a_correction_without_a_reason_and_a_stale_one_keeping_the_text(client, chair, outcome):
    client.force_login(chair)
    url = f"/triage/incidents/{outcome.notification_id}/correct"
    page = client.post(url, _form(outcome, reason="", notes="My careful notes")).content.decode()
    assert page.count("govuk-error-summary__title") == 1 and "Enter why you are correcting the outcome" in page
    _correct(chair, outcome, notes="Someone else's notes")
    page = client.post(url, _form(outcome, notes="My careful notes")).content.decode()
    assert page.count("govuk-error-summary__title") == 1
    assert "Someone else has corrected this outcome since you opened the page" in page and "My careful notes" in page
    outcome.refresh_from_db()
    assert outcome.notes == "Someone else's notes"


def test_removing_an_action_on_the_page(client, chair, outcome):
    client.force_login(chair)
    client.post(f"/triage/incidents/{outcome.notification_id}/correct", _form(outcome, **{"action-0-DELETE": "on"}))
    assert not TriageAction.objects.exists() and OutcomeVersion.objects.get().actions[0]["description"] == (
        "Check bail conditions")


def test_the_correction_page_is_not_found_for_an_agency_that_did_not_attend_or_an_undecided_incident(client, outcome):
    client.force_login(factories.user(role="triage_member", agency_=factories.agency(kind=Agency.Kind.PROBATION)))
    assert client.get(f"/triage/incidents/{outcome.notification_id}/correct").status_code == 404
    undecided = ft.police_notification(received_at=ft.at(DAY, 7))
    client.force_login(factories.user(role="practitioner"))
    assert client.get(f"/triage/incidents/{undecided.pk}/correct").status_code == 404


def test_the_school_sees_its_notification_as_updated(client, chair, outcome, school):
    _correct(chair, outcome, final_grade=Grade.HIGH)
    told = SchoolNotification.objects.get()
    client.force_login(factories.user(agency_=school))
    assert "Updated</strong>" in client.get("/school/da-notifications").content.decode()
    page = client.get(f"/school/da-notifications/{told.pk}").content.decode()
    assert "the triage meeting corrected the grade or the actions" in page and "High" in page
