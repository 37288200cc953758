from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import outbox_dispatch_pending
from frontdoor.triage.errors import NotificationInvalid
from frontdoor.triage.models import (
    Grade,
    MeetingOutcome,
    NotificationChild,
    PoliceNotification,
    SchoolNotification,
    SchoolNotificationUpdate,
    TriageAction,
    TriageMeeting,
)
from frontdoor.triage.schools import school_notifications_send, school_notifications_update, schools_told
from tests import factories

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
NARRATIVE = "DP Mark Stone punched IP in the face and threatened to kill her; he has a conviction for GBH."


def _notification(*, grade=Grade.STANDARD, received_at=datetime(2026, 3, 6, 22, 0, tzinfo=LONDON), school=None,
                  reference="WM/2026/000123"):
    school = school or Agency.objects.create(kind=Agency.Kind.SCHOOL, name="Oakfield Primary", urn="123456",
                                             email="dsl@oakfield.example")
    notification = PoliceNotification.objects.create(
        force="West Mercia", police_reference=reference, occurred_at=datetime(2026, 3, 6, 21, 15, tzinfo=LONDON),
        reported_at=datetime(2026, 3, 6, 21, 40, tzinfo=LONDON), location="14 Elm Road, Fictionton",
        relationship="partner", dash_level="high", narrative=NARRATIVE, grade=grade, payload={},
        offences=["Assault occasioning actual bodily harm"],
    )
    PoliceNotification.objects.filter(pk=notification.pk).update(received_at=received_at)
    notification.refresh_from_db()
    NotificationChild.objects.create(notification=notification, given_name="Ruby", family_name="Hartley",
                                     date_of_birth=date(2017, 3, 14), school=school, present=True)
    NotificationChild.objects.create(notification=notification, given_name="Baby", family_name="Hartley")
    return notification


def test_school_email_has_what_the_school_needs_and_nothing_else():
    notification = _notification()
    [sent] = school_notifications_send(notification=notification)
    message = OutboxMessage.objects.get()
    assert sent.outbox_message == message and message.to_address == "dsl@oakfield.example"
    for needed in ("Ruby Hartley", "14 March 2017", "WM/2026/000123", "06 March 2026 at 21:15", "14 Elm Road",
                   "Was the child present: yes", "Grade: Standard", "Relationship of the adults involved: Partner"):
        assert needed in message.body
    for private in ("Mark Stone", "punched", "threatened", "GBH", "Assault occasioning", "Baby"):
        assert private not in message.body and private not in message.subject


def test_medium_lists_the_triage_actions():
    notification = _notification(grade=Grade.MEDIUM)
    author = factories.user(role=Membership.Role.ISCO)
    meeting = TriageMeeting.objects.create(date=date(2026, 3, 9), agenda_cutoff=datetime(2026, 3, 9, 9, 30, tzinfo=LONDON))
    outcome = MeetingOutcome.objects.create(notification=notification, meeting=meeting, final_grade="medium",
                                            decision="early_help_offer", recorded_by=author)
    health = Agency.objects.create(kind=Agency.Kind.HEALTH_TRUST, name="Fictionton Health")
    TriageAction.objects.create(outcome=outcome, description="Health visitor to visit mother",
                                         owner_agency=health, due_date=date(2026, 3, 13))
    school_notifications_send(notification=notification)
    body = OutboxMessage.objects.get().body
    assert "Health visitor to visit mother (owner: Fictionton Health; due 13 March 2026)" in body


def test_sending_twice_changes_nothing():
    notification = _notification()
    school_notifications_send(notification=notification)
    school_notifications_send(notification=notification)
    assert notification.school_notifications.count() == 1 and OutboxMessage.objects.count() == 1


def test_school_without_inbox_emails_each_active_user_there():
    school = Agency.objects.create(kind=Agency.Kind.SCHOOL, name="Brook Academy", urn="654321")
    dsl_one = factories.user(agency_=school)
    dsl_two = factories.user(agency_=school)
    gone = factories.user(agency_=school)
    gone.is_active = False
    gone.save()
    school_notifications_send(notification=_notification(school=school))
    assert set(OutboxMessage.objects.values_list("to_address", flat=True)) == {dsl_one.email, dsl_two.email}


def test_ungraded_notification_is_refused():
    with pytest.raises(NotificationInvalid):
        school_notifications_send(notification=_notification(grade=""))


def test_deadline_after_friday_night_is_monday_morning():
    [sent] = school_notifications_send(notification=_notification())  # Friday 6 March 2026, 22:00
    assert sent.deadline == datetime(2026, 3, 9, 8, 30, tzinfo=LONDON)


def test_deadline_skips_a_bank_holiday_weekend():
    # Thursday 2 April 2026, evening: Good Friday, the weekend and Easter Monday follow.
    [sent] = school_notifications_send(notification=_notification(received_at=datetime(2026, 4, 2, 19, 0, tzinfo=LONDON)))
    assert sent.deadline == datetime(2026, 4, 7, 8, 30, tzinfo=LONDON)


def test_deadline_follows_configured_term_dates(settings):
    settings.FRONTDOOR_SCHOOL_TERMS = [{"start": "2026-01-05", "end": "2026-02-13"}, {"start": "2026-02-23", "end": "2026-03-27"}]
    [sent] = school_notifications_send(notification=_notification(received_at=datetime(2026, 2, 12, 18, 0, tzinfo=LONDON)))
    assert sent.deadline == datetime(2026, 2, 13, 8, 30, tzinfo=LONDON)
    second = _notification(received_at=datetime(2026, 2, 13, 18, 0, tzinfo=LONDON),
                           school=Agency.objects.get(urn="123456"), reference="WM/2026/000124")
    [half_term] = school_notifications_send(notification=second)
    assert half_term.deadline == datetime(2026, 2, 23, 8, 30, tzinfo=LONDON)


def test_school_notification_shows_sent_once_the_worker_has_sent_it():
    notification = _notification()
    school_notifications_send(notification=notification)
    school_notification = SchoolNotification.objects.get()
    assert school_notification.status == SchoolNotification.Status.QUEUED

    outbox_dispatch_pending()

    school_notification.refresh_from_db()
    assert school_notification.status == SchoolNotification.Status.SENT


def test_a_corrected_grade_sends_one_update_to_acknowledge_by_the_next_school_day_after_it(monkeypatch):
    notification = _notification(grade=Grade.MEDIUM)
    [told] = school_notifications_send(notification=notification)
    before = schools_told(notification=notification)
    PoliceNotification.objects.filter(pk=notification.pk).update(grade=Grade.HIGH)
    notification.refresh_from_db()
    corrected_at = datetime(2026, 3, 13, 15, 0, tzinfo=LONDON)  # a Friday afternoon, a week after the incident
    monkeypatch.setattr(timezone, "now", lambda: corrected_at)

    [update] = school_notifications_update(notification=notification, told=before, correction=2)

    assert update.deadline == datetime(2026, 3, 16, 8, 30, tzinfo=LONDON)
    assert (update.grade_before, update.grade, update.grade_changed, update.actions_changed) == (
        Grade.MEDIUM, Grade.HIGH, True, False)
    assert update.acknowledged_at is None and update.created_at == corrected_at
    message = update.outbox_message
    assert message.subject.startswith("Updated domestic abuse notification") and message.about_id == str(told.pk)
    assert "What changed: the grade, from medium to high" in message.body
    assert "What changed: the actions" not in message.body and "acknowledge this update" in message.body
    told.refresh_from_db()
    assert (told.grade, told.updated_at, told.version, told.status) == (Grade.HIGH, corrected_at, 2, "queued")
    assert told.deadline == datetime(2026, 3, 9, 8, 30, tzinfo=LONDON)  # the first notification keeps its own

    # The same correction again is one update, one message, and leaves the notification's version alone.
    assert school_notifications_update(notification=notification, told=before, correction=2) == []
    told.refresh_from_db()
    assert SchoolNotificationUpdate.objects.count() == 1 and told.version == 2
    assert OutboxMessage.objects.filter(subject__startswith="Updated").count() == 1


def test_the_school_is_told_the_circumstances_and_why_it_may_be_told():
    notification = _notification()
    [sent] = school_notifications_send(notification=notification)
    body = OutboxMessage.objects.get().body
    assert ("What happened: The police attended a domestic abuse incident between two adults in a relationship. "
            "The child was present. The police recorded physical violence.") in body
    assert "Why we can share this: Shared without the family's consent under Operation Encompass" in body
    assert sent.lawful_basis.startswith("Shared without the family's consent under Operation Encompass")
    assert "contribute" not in body


def _outcome(notification, decision):
    meeting = TriageMeeting.objects.create(date=date(2026, 3, 9), agenda_cutoff=datetime(2026, 3, 9, 9, 30, tzinfo=LONDON))
    return MeetingOutcome.objects.create(notification=notification, meeting=meeting, final_grade="medium",
                                         decision=decision, recorded_by=factories.user(role=Membership.Role.ISCO))


@pytest.mark.parametrize("decision", ["social_work_assessment", "strategy_discussion"])
def test_a_school_is_asked_to_contribute_to_an_assessment_or_strategy_discussion(decision):
    notification = _notification(grade=Grade.MEDIUM)
    _outcome(notification, decision)
    school_notifications_send(notification=notification)
    body = OutboxMessage.objects.get().body
    assert "As the child's school you will be contacted to contribute to it" in body


def test_a_corrected_decision_to_assess_tells_the_school_it_is_asked_to_contribute():
    notification = _notification(grade=Grade.MEDIUM)
    outcome = _outcome(notification, "early_help_offer")
    school_notifications_send(notification=notification)
    before = schools_told(notification=notification)
    MeetingOutcome.objects.filter(pk=outcome.pk).update(decision="social_work_assessment")

    [update] = school_notifications_update(notification=notification, told=before, correction=2)

    assert update.contribution_asked and not update.grade_changed and not update.actions_changed
    body = update.outbox_message.body
    assert "What changed: you are asked to contribute to what the triage meeting decided" in body
    assert "The triage meeting decided on a social work assessment" in body
