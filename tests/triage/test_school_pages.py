"""The school DSL's notifications (read, acknowledge, challenge) and the ISCO's monitoring of them."""
from datetime import date, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import Contact
from frontdoor.intake.selectors import contact_queue
from frontdoor.messaging.models import OutboxMessage
from frontdoor.triage import school_pages
from frontdoor.triage.errors import NotificationConflict, NotificationInvalid
from frontdoor.triage.models import Grade, SchoolNotification
from frontdoor.triage.schools import school_notifications_send
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db


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
    with pytest.raises(NotificationConflict, match="Someone else at your school"):
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
