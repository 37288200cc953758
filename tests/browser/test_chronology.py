"""A practitioner opens a child's chronology from her person page: the alerts come first (an open
child protection plan, repeat contacts), then what happened, newest first, filtered by kind; the
PDF downloads marked OFFICIAL-SENSITIVE. Her social worker opens it from the episode page. With axe."""
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from tests import factories
from tests.browser.axe import blocking_violations
from tests.casework.journey import plan_started, team_staff
from tests.triage import factories_triage as triage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def child():
    staff = team_staff()
    chair = factories.user(role="conference_chair", first="Pat", last="Quinn")
    plan = plan_started(staff, chair)
    person = plan.episode.person
    for _ in range(2):  # with the Level 4 contact, three contacts this year
        ContactChild.objects.filter(contact=factories.contact()).update(person=person)
    notification = triage.police_notification(reference="WMP-20417")
    triage.child(notification, person=person)
    return {"staff": staff, "person": person, "episode": plan.episode}


def test_practitioner_reads_the_chronology_filters_it_and_downloads_the_pdf(page, live_server, sign_in, child):
    practitioner, *_ = child["staff"]
    person = child["person"]
    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/people/{person.pk}")
    page.get_by_role("link", name=f"Chronology of {person.full_name}").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(person.full_name)
    alerts = page.locator("#chronology-alerts")
    expect(alerts).to_contain_text("Subject of a child protection plan (neglect) since")
    expect(alerts).to_contain_text("Repeat contacts: 3 contacts in the last 12 months")
    table = page.get_by_role("table", name=f"Chronology of {person.full_name}, newest first")
    expect(table.get_by_role("row", name="Child protection plan started: neglect")).to_contain_text(
        "Children's social care")
    expect(table.get_by_role("row", name="WMP-20417").first).to_contain_text("West Mercia Police")
    assert blocking_violations(page) == []

    page.get_by_label("Show").select_option(label="Police notifications and triage")
    page.get_by_role("button", name="Show").click()
    expect(table.get_by_role("row", name="WMP-20417").first).to_be_visible()
    expect(table.get_by_role("row", name="Child protection plan started: neglect")).to_have_count(0)

    page.get_by_label("Show").select_option(label="Everything")
    page.get_by_role("button", name="Show").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the chronology (PDF, OFFICIAL-SENSITIVE)").click()
    with open(download.value.path(), "rb") as pdf_file:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_file.read())).pages)
    assert "OFFICIAL-SENSITIVE" in text and person.full_name in text and "Repeat contacts" in text
    assert "Child protection plan started: neglect" in text
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(person.pk),
                                         reason="Downloaded the child's chronology as a PDF").exists()
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(person.pk),
                                         reason="Viewed the child's chronology").count() == 3


def test_social_worker_opens_the_chronology_from_the_episode_page(page, live_server, sign_in, child):
    *_, worker = child["staff"]
    sign_in(worker)
    page.goto(f"{live_server.url}/social-care/episodes/{child['episode'].pk}")
    page.get_by_role("link", name="The child's chronology").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(child["person"].full_name)
    expect(page.locator("#chronology-alerts")).to_contain_text("Subject of a child protection plan")
    row = page.get_by_role("row", name="Child protection plan started: neglect")
    row.get_by_role("link").click()
    expect(page).to_have_url(f"{live_server.url}/social-care/episodes/{child['episode'].pk}")
    assert blocking_violations(page) == []


def test_a_referrer_cannot_open_a_chronology(page, live_server, sign_in, child):
    sign_in(factories.user(role="referrer"))
    response = page.goto(f"{live_server.url}/front-door/people/{child['person'].pk}/chronology")
    assert response.status == 404
