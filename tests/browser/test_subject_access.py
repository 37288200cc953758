"""A Front Door manager opens a child's page, asks for the subject access request export and
downloads it: a zip with a readable PDF of the records, other people's details marked for
redaction, and the same records as JSON; the download is in the child's access log. With axe-core."""
import io
import json
import zipfile

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as triage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_downloads_everything_held_about_a_child(page, live_server, sign_in):
    ruby = factories.person()
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=ruby)
    notification = triage.police_notification(perpetrator=triage.adult("Dean", "Marsh"), victim=triage.adult())
    triage.child(notification, person=ruby)
    manager = factories.user(role="manager", first="Alex", last="Morgan")

    sign_in(manager)
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    page.get_by_role("link", name="Subject access request for Ruby Hartley").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subject access request")
    assert blocking_violations(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the records").click()
    download = download_info.value

    assert download.suggested_filename == f"subject-access-{ruby.pk}.zip"
    with open(download.path(), "rb") as file:
        archive = zipfile.ZipFile(io.BytesIO(file.read()))
    records = json.loads(archive.read("records.json"))["records"]
    assert {"Person", "Contact", "Police notification"} <= {record["kind"] for record in records}
    perpetrator = next(f for r in records if r["kind"] == "Police notification" for f in r["fields"]
                       if f["name"] == "perpetrator")
    assert (perpetrator["value"], perpetrator["redact"]) == ("Dean Marsh", "Another person")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(archive.read("records.pdf"))).pages)
    assert "Records held about Ruby Hartley" in text and contact.reference in text and "Review for redaction" in text
    assert AccessLogEntry.objects.filter(user=manager, target_id=str(ruby.pk), action=AccessLogEntry.Action.EXPORT,
                                         reason="Subject access request export").exists()
