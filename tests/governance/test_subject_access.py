"""Subject access: everything held about a person, with other people's details marked for redaction."""
import io
import json
import zipfile

import pytest
from django.test import Client
from pypdf import PdfReader

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.subject_access import subject_access_export, subject_access_records
from frontdoor.intake.models import ContactChild
from frontdoor.people.models import Person
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db


def _field(records, kind, name):
    return next(f for r in records if r.kind == kind for f in r.fields if f.name == name)


@pytest.fixture
def ruby():
    ruby = factories.person()
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=ruby)
    notification = triage.police_notification(perpetrator=triage.adult("Dean", "Marsh"), victim=triage.adult())
    triage.child(notification, person=ruby)
    return ruby


def test_the_records_include_every_contact_and_notification_naming_the_person(ruby):
    kinds = {record.kind for record in subject_access_records(ruby)}
    assert {"Person", "Contact", "Contact child", "Police notification", "Notification child"} <= kinds


def test_other_people_and_free_text_are_marked_for_redaction(ruby):
    records = subject_access_records(ruby)
    assert _field(records, "Police notification", "perpetrator").redact == "Another person"
    assert _field(records, "Police notification", "perpetrator").value == "Dean Marsh"
    assert _field(records, "Contact", "referrer name").redact == "Another person's details"
    assert _field(records, "Contact", "what is happening now").redact.startswith("Free text")
    assert _field(records, "Person", "given name").redact == ""
    assert _field(records, "Contact", "consent").value == "Consent not sought"


def test_a_record_merged_into_the_person_is_theirs_too(ruby):
    duplicate = factories.person(given_name="Rubie")
    Person.objects.filter(pk=duplicate.pk).update(merged_into=ruby)
    other_contact = factories.contact()
    ContactChild.objects.filter(contact=other_contact).update(person=duplicate)
    references = {f.value for r in subject_access_records(ruby) if r.kind == "Contact" for f in r.fields if f.name == "reference"}
    assert other_contact.reference in references


def test_the_export_is_a_pdf_and_json_and_is_in_the_access_log(ruby):
    manager = factories.user(role="manager")
    archive = zipfile.ZipFile(io.BytesIO(subject_access_export(user=manager, person=ruby)))
    machine = json.loads(archive.read("records.json"))
    assert machine["person_id"] == str(ruby.pk) and machine["records"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read("records.pdf"))).pages)
    assert "Records held about Ruby Hartley" in text and "Review for redaction" in text
    assert AccessLogEntry.objects.filter(user=manager, action="export", target_id=str(ruby.pk)).exists()


def test_only_managers_and_administrators_may_export(ruby):
    client = Client()
    client.force_login(factories.user(role="practitioner"))
    assert client.get(f"/governance/people/{ruby.pk}/subject-access").status_code == 404
    client.force_login(factories.user(role="manager"))
    assert "Subject access request" in client.get(f"/governance/people/{ruby.pk}/subject-access").content.decode()
    download = client.post(f"/governance/people/{ruby.pk}/subject-access")
    assert download["Content-Type"] == "application/zip"
    assert "Hartley" not in download["Content-Disposition"]
