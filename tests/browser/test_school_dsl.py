"""A school's DSL acknowledges one domestic abuse notification and challenges another's grade; the challenge
reaches the Front Door queue as a contact (seed 001, letter to head teachers). An update sent after the triage
meeting corrected its outcome is acknowledged again, and the ISCO sees it until it is."""
import pytest
from playwright.sync_api import expect

from frontdoor.triage.models import Grade, PoliceNotification, SchoolNotification
from frontdoor.triage.schools import school_notifications_update, schools_told
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as ft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_school_dsl_acknowledges_one_and_challenges_another(page, live_server, sign_in):
    school = ft.school("Oakfield Primary")
    dsl = factories.user(agency_=school, first="Chris", last="Taylor")
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    ft.school_notification(school_=school, reference="WMP-ACK")
    ft.school_notification(school_=school, reference="WMP-CHALLENGE", given_name="Leo")

    sign_in(dsl)
    page.get_by_role("link", name="Domestic abuse notifications").click()
    page.get_by_role("link", name="WMP-ACK").click()
    expect(page.locator("#what-was-sent")).to_contain_text("14 Linden Road, Fictionton")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text("You have acknowledged WMP-ACK")).to_be_visible()
    expect(page.get_by_role("row", name="WMP-ACK")).to_contain_text("Acknowledged")

    page.get_by_role("link", name="WMP-CHALLENGE").click()
    page.get_by_role("link", name="Challenge the grade").click()
    page.get_by_role("button", name="Send the challenge").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you think the grade is wrong")
    page.get_by_label("Why do you think the grade is wrong?").fill(
        "Leo told his teacher on Monday that his mum's partner has a knife and said he would use it.")
    page.get_by_role("button", name="Send the challenge").click()
    challenged = SchoolNotification.objects.get(notification__police_reference="WMP-CHALLENGE")
    contact = challenged.challenge_contact
    expect(page.get_by_text(f"sent to the Family Front Door as contact {contact.reference}")).to_be_visible()
    expect(page.get_by_role("row", name="WMP-CHALLENGE")).to_contain_text("Grade challenged")

    sign_in(practitioner)
    page.get_by_role("link", name="Contacts queue").click()
    row = page.get_by_role("row", name=contact.reference)
    expect(row).to_contain_text("Oakfield Primary")
    expect(row).to_contain_text("Leo Hartley")
    row.get_by_role("link", name=contact.reference).click()
    expect(page.get_by_text("challenges the grade of police domestic abuse notification WMP-CHALLENGE")).to_be_visible()
    expect(page.get_by_text("Challenge of a police domestic abuse notification grade")).to_be_visible()


def test_school_dsl_acknowledges_an_updated_notification_and_the_isco_sees_it_until_then(page, live_server, sign_in):
    school = ft.school("Oakfield Primary")
    dsl = factories.user(agency_=school, first="Chris", last="Taylor")
    isco = factories.user(role="isco", first="Alex", last="Morgan")
    told = ft.school_notification(school_=school, reference="WMP-UPDATED")
    SchoolNotification.objects.filter(pk=told.pk).update(status=SchoolNotification.Status.ACKNOWLEDGED,
                                                         acknowledged_at=told.deadline, acknowledged_by=dsl)
    # The triage meeting corrected the outcome: the grade the school was told changed.
    before = schools_told(notification=told.notification)
    PoliceNotification.objects.filter(pk=told.notification_id).update(grade=Grade.MEDIUM)
    told.notification.refresh_from_db()
    school_notifications_update(notification=told.notification, told=before, correction=2)

    sign_in(isco)
    page.goto(f"{live_server.url}/triage/schools/monitoring")
    awaiting = page.locator("#schools-awaiting").get_by_role("row", name="Oakfield Primary").get_by_role("cell")
    expect(awaiting.nth(1)).to_have_text("1")  # not acknowledged
    expect(awaiting.nth(2)).to_have_text("1")  # of which updates
    assert blocking_violations(page) == []

    sign_in(dsl)
    page.get_by_role("link", name="Domestic abuse notifications").click()
    row = page.get_by_role("row", name="WMP-UPDATED")
    expect(row).to_contain_text("To acknowledge")
    expect(row).to_contain_text("Updated")
    row.get_by_role("link", name="WMP-UPDATED").click()
    banner = page.get_by_role("region", name="Updated")
    expect(banner).to_contain_text("The grade, from standard to medium")
    expect(banner).to_contain_text("acknowledge the update by")
    expect(page.locator("#what-was-sent")).to_contain_text("Medium")
    assert blocking_violations(page) == []
    page.get_by_role("button", name="Acknowledge the update").click()
    expect(page.get_by_text("You have acknowledged the update to WMP-UPDATED")).to_be_visible()
    expect(page.get_by_role("row", name="WMP-UPDATED")).to_contain_text("Acknowledged")
    page.get_by_role("link", name="WMP-UPDATED").click()
    expect(page.locator("#updated")).to_contain_text("Update acknowledged on")
    expect(page.get_by_role("button", name="Acknowledge the update")).to_have_count(0)

    sign_in(isco)
    page.goto(f"{live_server.url}/triage/schools/monitoring")
    expect(page.locator("#schools-awaiting")).to_contain_text("Every school has acknowledged its notifications")
