"""The school DSL's notifications (read, acknowledge, challenge) and the ISCO's monitoring of them."""
from datetime import date, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import Contact
from frontdoor.intake.selectors import contact_queue
from frontdoor.messaging.models import OutboxMessage
from frontdoor.triage import meetings, school_pages
from frontdoor.triage.errors import NotificationConflict, NotificationInvalid
from frontdoor.triage.models import (
    Grade,
    MeetingOutcome,
    PoliceNotification,
    SchoolNotification,
    SchoolNotificationUpdate,
    TriageAction,
)
from frontdoor.triage.schools import school_notifications_send, school_notifications_update, schools_told
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 4)


@pytest.fixture
def oakfield():
    return ft.school("Oakfield Primary")


@pytest.fixture
def dsl(oakfield):
    return factories.user(agency_=oakfield, first="Chris", last="Taylor")


def test_a_dsl_sees_only_their_schools_notifications_newest_first(dsl, oakfield):
    first = ft.school_notification(school_=oakfield, reference="WMP-1")
    second = ft.school_notification(school_=oakfield, reference="WMP-2")
    ft.school_notification(school_=ft.school("Elm High"), reference="WMP-ELM")
    assert list(school_pages.school_notifications_for(user=dsl)) == [second, first]


def test_another_schools_notification_is_not_found_and_a_read_is_logged(dsl, oakfield):
    own = ft.school_notification(school_=oakfield)
    elsewhere = ft.school_notification(school_=ft.school("Elm High"))
    assert school_pages.school_notification_get_for(user=dsl, school_notification_id=own.pk, reason="read") == own
    assert AccessLogEntry.objects.filter(user=dsl, target_id=str(own.pk), reason="read").exists()
    with pytest.raises(Http404):
        school_pages.school_notification_get_for(user=dsl, school_notification_id=elsewhere.pk, reason="read")
    with pytest.raises(Http404):
        school_pages.school_notification_get_for(user=factories.user(role="practitioner"),
                                                 school_notification_id=own.pk, reason="read")


def test_acknowledging_records_who_and_when_and_a_stale_page_gets_a_conflict(dsl, oakfield):
    notification = ft.school_notification(school_=oakfield)
    stale = SchoolNotification.objects.get(pk=notification.pk)
    school_pages.school_notification_acknowledge(user=dsl, school_notification=notification,
                                                 version=notification.version)
    notification.refresh_from_db()
    assert notification.status == SchoolNotification.Status.ACKNOWLEDGED
    assert notification.acknowledged_by == dsl and notification.acknowledged_at is not None
    with pytest.raises(NotificationConflict, match="changed since you opened it"):
        school_pages.school_notification_challenge(user=dsl, school_notification=stale, reason="We know more",
                                                   version=stale.version)
    assert not Contact.objects.exists()


def test_a_challenge_opens_a_front_door_contact_linked_to_the_notification(dsl, oakfield):
    ruby = ft.young_person("Ruby", date(2016, 5, 2))
    notification = ft.police_notification(reference="WMP-CHALLENGE", grade=Grade.STANDARD,
                                          suggested_grade=Grade.STANDARD)
    ft.child(notification, school_=oakfield, person=ruby)
    told = school_notifications_send(notification=notification)[0]

    contact = school_pages.school_notification_challenge(
        user=dsl, school_notification=told, reason="Ruby told us her dad has a knife at home.", version=told.version)

    told.refresh_from_db()
    assert told.status == SchoolNotification.Status.CHALLENGED and told.challenge_contact == contact
    assert told.challenge_reason == "Ruby told us her dad has a knife at home."
    assert (contact.channel, contact.referrer_agency, contact.submitted_by) == ("online", oakfield, dsl)
    assert contact.referrer_name == "Chris Taylor"
    assert "challenges the grade of police domestic abuse notification WMP-CHALLENGE" in contact.concern_now
    assert "graded standard" in contact.concern_now and "her dad has a knife" in contact.concern_now
    assert (contact.consent, contact.consent_reason) == ("not_sought", school_pages.CHALLENGE_CONSENT_REASON)
    child = contact.children.get()
    assert (child.given_name, child.family_name, child.person) == ("Ruby", "Hartley", ruby)
    assert contact in contact_queue(user=factories.user(role="practitioner"))


def test_a_challenge_needs_a_reason_and_can_be_made_once(dsl, oakfield):
    told = ft.school_notification(school_=oakfield)
    with pytest.raises(NotificationInvalid, match="Enter why"):
        school_pages.school_notification_challenge(user=dsl, school_notification=told, reason="  ",
                                                   version=told.version)
    school_pages.school_notification_challenge(user=dsl, school_notification=told, reason="We disagree",
                                               version=told.version)
    told.refresh_from_db()
    with pytest.raises(NotificationConflict, match="already been challenged"):
        school_pages.school_notification_challenge(user=dsl, school_notification=told, reason="Again",
                                                   version=told.version)


def test_monitoring_lists_schools_not_acknowledged_and_late_notifications(oakfield):
    isco = factories.user(role="isco")
    elm = ft.school("Elm High")
    now = timezone.now()
    late_unsent = ft.school_notification(school_=oakfield, reference="WMP-LATE")
    on_time = ft.school_notification(school_=elm, reference="WMP-ONTIME")
    SchoolNotification.objects.filter(pk__in=[late_unsent.pk, on_time.pk]).update(deadline=now - timedelta(hours=1))
    OutboxMessage.objects.filter(about_id=str(on_time.pk)).update(sent_at=now - timedelta(hours=3))
    SchoolNotification.objects.filter(pk=on_time.pk).update(
        status=SchoolNotification.Status.ACKNOWLEDGED, acknowledged_at=now - timedelta(hours=2))
    not_due = ft.school_notification(school_=elm, reference="WMP-NOTDUE")
    SchoolNotification.objects.filter(pk=not_due.pk).update(deadline=now + timedelta(hours=20))

    report = school_pages.schools_monitoring(user=isco, now=now)

    assert [(row["school__name"], row["unacknowledged"]) for row in report.schools_awaiting] == [
        ("Oakfield Primary", 1), ("Elm High", 1)]
    assert [(item.school_notification.notification.police_reference, item.reasons) for item in report.late] == [
        ("WMP-LATE", ("Not sent by the deadline", "Not acknowledged by the deadline"))]
    assert AccessLogEntry.objects.filter(user=isco, target_id=str(late_unsent.pk)).exists()


# --- Pages ----------------------------------------------------------------------------------------


def test_school_pages_show_what_was_sent_and_acknowledge(client, dsl, oakfield):
    told = ft.school_notification(school_=oakfield, reference="WMP-PAGE")
    client.force_login(dsl)
    assert "WMP-PAGE" in client.get("/school/da-notifications").content.decode()
    page = client.get(f"/school/da-notifications/{told.pk}").content.decode()
    for text in ("14 Linden Road, Fictionton", "Was the child present", "Standard", "Ruby Hartley"):
        assert text in page
    response = client.post(f"/school/da-notifications/{told.pk}/acknowledge", {"version": told.version})
    assert response.status_code == 302
    told.refresh_from_db()
    assert told.status == SchoolNotification.Status.ACKNOWLEDGED


def test_challenge_page_without_a_reason_shows_one_error_summary(client, dsl, oakfield):
    told = ft.school_notification(school_=oakfield)
    client.force_login(dsl)
    page = client.post(f"/school/da-notifications/{told.pk}/challenge", {"reason": "", "version": told.version})
    html = page.content.decode()
    assert html.count("govuk-error-summary__title") == 1 and "Enter why you think the grade is wrong" in html


def test_school_pages_are_not_found_for_other_schools_and_other_roles(client, dsl, oakfield):
    elsewhere = ft.school_notification(school_=ft.school("Elm High"))
    client.force_login(dsl)
    assert client.get(f"/school/da-notifications/{elsewhere.pk}").status_code == 404
    assert client.post(f"/school/da-notifications/{elsewhere.pk}/acknowledge", {"version": 1}).status_code == 404
    assert client.get("/triage/schools/monitoring").status_code == 404
    client.force_login(factories.user(role="practitioner"))
    assert client.get("/school/da-notifications").status_code == 404
    gp_referrer = factories.user(agency_=factories.agency(kind="gp"))
    client.force_login(gp_referrer)
    assert client.get("/school/da-notifications").status_code == 404


def test_monitoring_page_for_the_isco(client, oakfield):
    ft.school_notification(school_=oakfield)
    client.force_login(factories.user(role="isco"))
    page = client.get("/triage/schools/monitoring").content.decode()
    assert "Oakfield Primary" in page and "Schools that have not acknowledged" in page


# --- Actions owned by a school --------------------------------------------------------------------


def test_the_school_page_shows_what_happened_why_it_may_be_shared_and_what_it_is_asked(client, dsl, oakfield):
    notification = _incident_with_actions(oakfield, decision=MeetingOutcome.Decision.STRATEGY_DISCUSSION)
    client.force_login(dsl)

    page = client.get(f"/school/da-notifications/{_told(notification, oakfield).pk}").content.decode()

    assert "The police attended a domestic abuse incident between two adults in a relationship." in page
    assert "Shared without the family&#x27;s consent under Operation Encompass" in page
    assert "The triage meeting decided on a strategy discussion" in page


def _incident_with_actions(*schools, grade=Grade.MEDIUM, decision=MeetingOutcome.Decision.EARLY_HELP_OFFER):
    """An incident with a child at each school, decided at triage with one action for each school and one for police."""
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    notification = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-ACTIONS")
    for number, school in enumerate(schools):
        ft.child(notification, school_=school, given_name=f"Child {number}")
    drafts = [meetings.ActionDraft(description=f"{school.name} key adult to check in", owner_agency=school,
                                   due_date=date(2026, 3, 6)) for school in schools]
    drafts.append(meetings.ActionDraft(description="Check bail conditions", owner_agency=police,
                                       due_date=date(2026, 3, 5)))
    meetings.meeting_attendance_record(meeting=meetings.meeting_for_day(DAY), agency=police, attendee_name="DS Khan")
    meetings.meeting_outcome_record(
        user=factories.user(role="practitioner"), meeting=meetings.meeting_for_day(DAY), notification=notification,
        final_grade=grade, decision=decision, notes="", actions=drafts,
        rationale="Agreed" if grade != Grade.MEDIUM else "", version=notification.version,
    )
    return notification


def _told(notification, school):
    return SchoolNotification.objects.get(notification=notification, school=school)


def test_a_dsl_marks_their_schools_action_done_and_who_and_when_is_kept(dsl, oakfield):
    told = _told(_incident_with_actions(oakfield), oakfield)
    action = school_pages.school_action_get_for(user=dsl, school_notification=told,
                                                action_id=TriageAction.objects.get(owner_agency=oakfield).pk)

    school_pages.school_action_complete(user=dsl, school_notification=told, action=action, version=action.version)

    action.refresh_from_db()
    assert action.completed_by == dsl and action.completed_at is not None and action.version == 2
    assert AccessLogEntry.objects.filter(user=dsl, target_id=str(told.pk), action=AccessLogEntry.Action.UPDATE,
                                         reason="School marked its triage action done").exists()


def test_a_stale_page_cannot_mark_an_action_done_again(dsl, oakfield):
    told = _told(_incident_with_actions(oakfield), oakfield)
    action = TriageAction.objects.get(owner_agency=oakfield)
    stale = TriageAction.objects.get(pk=action.pk)
    school_pages.school_action_complete(user=dsl, school_notification=told, action=action, version=1)
    with pytest.raises(NotificationConflict, match="changed since you opened the page"):
        school_pages.school_action_complete(user=dsl, school_notification=told, action=stale, version=1)
    action.refresh_from_db()
    with pytest.raises(NotificationConflict, match="already been marked as done"):
        school_pages.school_action_complete(user=dsl, school_notification=told, action=action, version=2)


def test_a_dsl_cannot_reach_another_schools_or_another_agencys_action_on_the_same_incident(dsl, oakfield):
    elm = ft.school("Elm High")
    notification = _incident_with_actions(oakfield, elm)
    elm_dsl = factories.user(agency_=elm)
    oakfield_action = TriageAction.objects.get(owner_agency=oakfield)
    police_action = TriageAction.objects.get(description="Check bail conditions")
    with pytest.raises(Http404):
        school_pages.school_action_get_for(user=elm_dsl, school_notification=_told(notification, elm),
                                           action_id=oakfield_action.pk)
    with pytest.raises(Http404):  # the right action, through another school's notification
        school_pages.school_action_get_for(user=elm_dsl, school_notification=_told(notification, oakfield),
                                           action_id=oakfield_action.pk)
    with pytest.raises(Http404):
        school_pages.school_action_get_for(user=dsl, school_notification=_told(notification, oakfield),
                                           action_id=police_action.pk)


def test_a_school_sees_its_own_action_when_the_meeting_graded_standard(dsl, oakfield):
    told = _told(_incident_with_actions(oakfield, grade=Grade.STANDARD), oakfield)
    assert [a.description for a in school_pages.school_notification_actions(school_notification=told)] == [
        "Oakfield Primary key adult to check in"]


def test_the_school_page_marks_its_action_done_and_the_meeting_sees_it(client, dsl, oakfield):
    elm = ft.school("Elm High")
    notification = _incident_with_actions(oakfield, elm)
    told = _told(notification, oakfield)
    own = TriageAction.objects.get(owner_agency=oakfield)
    client.force_login(dsl)
    page = client.get(f"/school/da-notifications/{told.pk}").content.decode()
    assert "Actions for your school" in page and "Oakfield Primary key adult to check in" in page
    assert "6 March 2026" in page and "Mark as done" in page

    elm_action = TriageAction.objects.get(owner_agency=elm)
    assert client.post(f"/school/da-notifications/{told.pk}/actions/{elm_action.pk}/done",
                       {"version": 1}).status_code == 404
    response = client.post(f"/school/da-notifications/{told.pk}/actions/{own.pk}/done", {"version": 1})
    assert response.status_code == 302 and response["Location"] == f"/school/da-notifications/{told.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "You have marked the action done" in page and "Mark as done" not in page
    stale = client.post(f"/school/da-notifications/{told.pk}/actions/{own.pk}/done", {"version": 1}).content.decode()
    assert stale.count("govuk-error-summary__title") == 1 and "already been marked as done" in stale
    assert TriageAction.objects.get(pk=elm_action.pk).completed_at is None

    client.force_login(factories.user(role="practitioner"))
    meeting_page = client.get(f"/triage/meetings/{DAY.isoformat()}/incidents/{notification.pk}").content.decode()
    assert "Done</strong>" in meeting_page and "by Chris Taylor" in meeting_page


# --- Updates after the triage meeting corrected its outcome ---------------------------------------


def _update(told: SchoolNotification, *, grade=Grade.MEDIUM, correction=2) -> SchoolNotificationUpdate:
    """The meeting corrected the grade the school was told: it is sent an update (the real service)."""
    notification = told.notification
    before = schools_told(notification=notification)
    PoliceNotification.objects.filter(pk=notification.pk).update(grade=grade)
    notification.refresh_from_db()
    [update] = school_notifications_update(notification=notification, told=before, correction=correction)
    return update


def _acknowledged(told: SchoolNotification, dsl) -> SchoolNotification:
    school_pages.school_notification_acknowledge(user=dsl, school_notification=told, version=told.version)
    return SchoolNotification.objects.get(pk=told.pk)


def test_an_update_is_to_acknowledge_again_and_the_first_acknowledgement_is_kept(dsl, oakfield):
    told = _acknowledged(ft.school_notification(school_=oakfield), dsl)
    first_acknowledged_at = told.acknowledged_at
    update = _update(told)
    [listed] = school_pages.school_notifications_for(user=dsl)
    assert listed.update_to_acknowledge and school_pages.school_notification_awaits_acknowledgement(listed)
    with pytest.raises(NotificationConflict, match="changed since you opened it"):  # the page before the update
        school_pages.school_notification_acknowledge(user=dsl, school_notification=told, version=told.version)

    other_dsl = factories.user(agency_=oakfield)
    current = school_pages.school_notification_get_for(user=other_dsl, school_notification_id=told.pk, reason="read")
    school_pages.school_notification_acknowledge(user=other_dsl, school_notification=current, version=current.version)

    update.refresh_from_db()
    assert update.acknowledged_by == other_dsl and update.acknowledged_at is not None
    told.refresh_from_db()
    assert (told.status, told.acknowledged_by, told.acknowledged_at) == ("acknowledged", dsl, first_acknowledged_at)
    assert not school_pages.school_notification_get_for(user=dsl, school_notification_id=told.pk,
                                                        reason="read").update_to_acknowledge
    with pytest.raises(NotificationConflict, match="already been acknowledged"):
        school_pages.school_notification_acknowledge(user=dsl, school_notification=told, version=told.version)


def test_one_acknowledgement_covers_a_notification_and_its_update_sent_before_it_was_read(dsl, oakfield):
    told = ft.school_notification(school_=oakfield)
    update = _update(told)
    told.refresh_from_db()
    school_pages.school_notification_acknowledge(user=dsl, school_notification=told, version=told.version)
    told.refresh_from_db()
    update.refresh_from_db()
    assert told.status == "acknowledged" and told.acknowledged_by == dsl and update.acknowledged_by == dsl


def test_challenging_the_updated_grade_acknowledges_the_update(dsl, oakfield):
    told = ft.school_notification(school_=oakfield)
    update = _update(told)
    told.refresh_from_db()
    school_pages.school_notification_challenge(user=dsl, school_notification=told, reason="We know more",
                                               version=told.version)
    update.refresh_from_db()
    assert update.acknowledged_by == dsl


def test_monitoring_counts_an_update_not_acknowledged_and_lists_it_late_marked_as_an_update(dsl, oakfield):
    isco = factories.user(role="isco")
    told = _acknowledged(ft.school_notification(school_=oakfield, reference="WMP-UPDATED"), dsl)
    OutboxMessage.objects.filter(pk=told.outbox_message_id).update(sent_at=told.deadline - timedelta(hours=2))
    SchoolNotification.objects.filter(pk=told.pk).update(acknowledged_at=told.deadline - timedelta(hours=1))
    update = _update(told)
    elm = ft.school("Elm High")
    ft.school_notification(school_=elm, reference="WMP-ELM")

    before_deadline = school_pages.schools_monitoring(user=isco, now=update.deadline - timedelta(minutes=1))
    assert [(row["school__name"], row["unacknowledged"], row["updates"], row["oldest_deadline"])
            for row in before_deadline.schools_awaiting][1] == ("Oakfield Primary", 1, 1, update.deadline)
    assert before_deadline.schools_awaiting[0]["school__name"] == "Elm High"
    assert [item for item in before_deadline.late if item.update] == []

    OutboxMessage.objects.filter(pk=update.outbox_message_id).update(sent_at=update.created_at)
    after = school_pages.schools_monitoring(user=isco, now=update.deadline + timedelta(minutes=1))
    [late_update] = [item for item in after.late if item.school_notification == told]
    assert (late_update.update, late_update.deadline, late_update.reasons) == (
        update, update.deadline, ("Not acknowledged by the deadline",))

    current = school_pages.school_notification_get_for(user=dsl, school_notification_id=told.pk, reason="read")
    school_pages.school_notification_acknowledge(user=dsl, school_notification=current, version=current.version)
    acknowledged = school_pages.schools_monitoring(user=isco, now=update.deadline + timedelta(minutes=1))
    assert [row["school__name"] for row in acknowledged.schools_awaiting] == ["Elm High"]
    # Acknowledged before its deadline (now, in the test): on time after all.
    assert [item for item in acknowledged.late if item.school_notification == told] == []


def test_the_dsl_sees_what_changed_and_acknowledges_the_update_on_the_page(client, dsl, oakfield):
    told = _acknowledged(ft.school_notification(school_=oakfield, reference="WMP-UPD"), dsl)
    _update(told)
    client.force_login(dsl)
    listing = client.get("/school/da-notifications").content.decode()
    assert "To acknowledge</strong>" in listing and "Updated</strong>" in listing
    page = client.get(f"/school/da-notifications/{told.pk}").content.decode()
    assert "govuk-notification-banner" in page and "The grade, from standard to medium" in page
    assert "acknowledge the update by" in page and "Acknowledge the update</button>" in page
    assert "Medium" in page and "Actions agreed at the triage meeting" in page

    response = client.post(f"/school/da-notifications/{told.pk}/acknowledge",
                           {"version": SchoolNotification.objects.get(pk=told.pk).version}, follow=True)
    assert "You have acknowledged the update to WMP-UPD" in response.content.decode()
    page = client.get(f"/school/da-notifications/{told.pk}").content.decode()
    assert "Update acknowledged on" in page and "Chris Taylor" in page and "govuk-notification-banner" not in page
    assert "Acknowledge the update" not in page


def test_the_monitoring_page_marks_updates(client, dsl, oakfield):
    told = _acknowledged(ft.school_notification(school_=oakfield, reference="WMP-UPD"), dsl)
    update = _update(told)
    SchoolNotificationUpdate.objects.filter(pk=update.pk).update(deadline=timezone.now() - timedelta(hours=1))
    client.force_login(factories.user(role="isco"))
    page = client.get("/triage/schools/monitoring").content.decode()
    assert "Of which updates" in page
    assert 'WMP-UPD <strong class="govuk-tag govuk-tag--yellow">Update</strong>' in page


# --- Siblings at different schools: each school sees only its own actions (issue 15 item 6) -------------


def _siblings_at_two_schools(oakfield):
    """A medium incident with Ruby at Oakfield and her brother Sam at Elm High, and an action for each school
    and one for the police; each school has a DSL."""
    elm = ft.school("Elm High", email="")  # no inbox: its DSL is emailed directly
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    member = factories.user(role="triage_member", agency_=police)
    notification = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-SIB")
    ft.child(notification, school_=oakfield, given_name="Ruby")
    ft.child(notification, school_=elm, given_name="Sam")
    elm_dsl = factories.user(agency_=elm, first="Sam", last="Lee", email="dsl@elm.example")
    meetings.meeting_attendance_record(meeting=meetings.meeting_for_day(DAY), agency=police, attendee_name="DS Khan")
    meetings.meeting_outcome_record(
        user=member, meeting=meetings.meeting_for_day(DAY), notification=notification, final_grade=Grade.MEDIUM,
        decision=MeetingOutcome.Decision.EARLY_HELP_OFFER, notes="", rationale="", version=notification.version,
        actions=[
            meetings.ActionDraft(description="Oakfield key adult to check in with Ruby", owner_agency=oakfield,
                                 due_date=DAY + timedelta(days=2)),
            meetings.ActionDraft(description="Elm High mentor to meet Sam about his exclusion", owner_agency=elm,
                                 due_date=DAY + timedelta(days=2)),
            meetings.ActionDraft(description="Check bail conditions", owner_agency=police,
                                 due_date=DAY + timedelta(days=1)),
        ])
    told = {sn.school_id: sn for sn in SchoolNotification.objects.filter(notification=notification)}
    return notification, elm, elm_dsl, told[oakfield.pk], told[elm.pk], member


def test_each_school_is_told_its_own_action_and_the_agencies_but_never_another_schools(oakfield):
    _, elm, _, at_oakfield, at_elm, _ = _siblings_at_two_schools(oakfield)
    descriptions = {sn.school.name: [a.description for a in school_pages.school_notification_actions(
        school_notification=sn)] for sn in (at_oakfield, at_elm)}
    assert descriptions == {
        "Oakfield Primary": ["Check bail conditions", "Oakfield key adult to check in with Ruby"],
        "Elm High": ["Check bail conditions", "Elm High mentor to meet Sam about his exclusion"],
    }
    oakfield_email = OutboxMessage.objects.get(to_address="safeguarding@school.example").body
    elm_email = OutboxMessage.objects.get(to_address="dsl@elm.example").body
    assert "Oakfield key adult" in oakfield_email and "Elm High mentor" not in oakfield_email
    assert "Elm High mentor" in elm_email and "Oakfield key adult" not in elm_email
    assert "Check bail conditions" in oakfield_email and "Check bail conditions" in elm_email


def test_a_correction_of_another_schools_action_is_not_sent_to_this_school(oakfield):
    notification, elm, _, at_oakfield, at_elm, member = _siblings_at_two_schools(oakfield)
    told = schools_told(notification=notification)
    outcome = notification.outcome
    drafts = [meetings.ActionDraft(description=a.description if a.owner_agency_id != elm.pk else
                                   "Elm High mentor to meet Sam twice a week", owner_agency=a.owner_agency,
                                   due_date=a.due_date, action_id=a.pk) for a in outcome.actions.all()]
    meetings.meeting_outcome_correct(user=member, outcome=outcome, final_grade=Grade.MEDIUM,
                                     decision=MeetingOutcome.Decision.EARLY_HELP_OFFER, notes="", actions=drafts,
                                     reason="Elm High asked for more", version=outcome.version)
    assert told  # both schools had been told
    assert list(SchoolNotificationUpdate.objects.values_list("school_notification__school__name", flat=True)) == [
        "Elm High"]
    update_email = OutboxMessage.objects.get(to_address="dsl@elm.example", idempotency_key__contains="correction").body
    assert "twice a week" in update_email and "Oakfield key adult" not in update_email


def test_each_schools_page_shows_only_its_own_action_and_cannot_mark_the_others(client, dsl, oakfield):
    _, elm, elm_dsl, at_oakfield, at_elm, _ = _siblings_at_two_schools(oakfield)
    elm_action = TriageAction.objects.get(owner_agency=elm)
    client.force_login(dsl)
    page = client.get(f"/school/da-notifications/{at_oakfield.pk}").content.decode()
    assert "Oakfield key adult to check in with Ruby" in page and "Check bail conditions" in page
    assert "Elm High mentor" not in page and "Sam" not in page
    response = client.post(f"/school/da-notifications/{at_oakfield.pk}/actions/{elm_action.pk}/done",
                           {"version": elm_action.version})
    assert response.status_code == 404
    assert client.get(f"/school/da-notifications/{at_elm.pk}").status_code == 404
    client.force_login(elm_dsl)
    page = client.get(f"/school/da-notifications/{at_elm.pk}").content.decode()
    assert "Elm High mentor to meet Sam about his exclusion" in page and "Oakfield key adult" not in page


def test_the_api_shows_a_school_dsl_no_notification_or_action(oakfield):
    """The API's police-notification routes are for the police and the Front Door: a school's token is refused
    and the answer names no action of any school."""
    from django.test import Client

    from frontdoor.api.models import ApiToken
    _siblings_at_two_schools(oakfield)
    dsl_user = factories.user(agency_=oakfield, email="dsl2@oakfield.example")
    api = Client(headers={"Authorization": f"Bearer {ApiToken.issue(user=dsl_user, name='test')}"})
    for path in ("/api/v1/notifications", "/api/v1/screening/evoda/evaluate"):
        response = api.post(path, {}, content_type="application/json")
        assert response.status_code == 403
        assert "Elm High mentor" not in response.content.decode() and "Oakfield key" not in response.content.decode()
    assert api.get("/api/v1/notifications").status_code in (404, 405)
