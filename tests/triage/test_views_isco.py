import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.timezone import localtime

from frontdoor.agencies.models import Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.triage.models import ImportBatch, PoliceNotification, QuarantinedRow
from tests import factories
from tests.access_log import capture, ids, log_statements, logged
from tests.triage import factories_triage as ft
from tests.triage.records import csv_text, jsonl, record

pytestmark = pytest.mark.django_db
NARRATIVE = "DP threatened to kill IP. No weapons were used. The children were asleep upstairs."


@pytest.fixture
def isco_client(client):
    client.force_login(factories.user(role=Membership.Role.ISCO))
    return client


def _upload(client, name, text):
    return client.post("/notifications/import", {"file": SimpleUploadedFile(name, text.encode())}, follow=True)


def test_upload_shows_counts_and_reasons_per_field(isco_client):
    text = csv_text(record("A1"), record("A2", victim={"given_name": "Jo", "family_name": "B", "dob": "1/2/90"}))
    page = _upload(isco_client, "night.csv", text).content.decode()
    assert 'id="count-stored">1<' in page and 'id="count-quarantined">1<' in page
    assert "Enter the victim&#x27;s date of birth as YYYY-MM-DD" in page


def test_a_file_that_cannot_be_read_is_one_error_and_nothing_stored(isco_client):
    page = _upload(isco_client, "night.csv", "colour,force\n").content.decode()
    assert "There is a problem" in page and "does not define: colour" in page
    assert not PoliceNotification.objects.exists()


def test_a_csv_narrative_longer_than_csvs_field_limit_is_a_row_to_correct(isco_client):
    page = _upload(isco_client, "night.csv", csv_text(record("A1", narrative="x" * 200_000), record("A2")))
    text = page.content.decode()
    assert page.status_code == 200 and 'id="count-stored">1<' in text and 'id="count-quarantined">1<' in text
    assert "The officer&#x27;s narrative must be 20,000 characters or fewer" in text


def test_a_file_nested_too_deeply_is_one_error_and_nothing_stored(isco_client):
    page = _upload(isco_client, "night.jsonl", jsonl(record("A1"), "[" * 100_000 + "]" * 100_000))
    text = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in text and "Line 2 is nested too deeply" in text
    assert not PoliceNotification.objects.exists()


def test_an_amended_notification_shows_when_and_what_changed(isco_client):
    _upload(isco_client, "night.jsonl", jsonl(record("A1", narrative="DP pushed IP.")))
    page = _upload(isco_client, "amended.jsonl", jsonl(record("A1", narrative="DP pushed IP. DP now has a knife",
                                                              offences=["Affray"])))
    text = page.content.decode()
    assert 'id="count-amended">1<' in text and "offences, narrative" in text
    notification = PoliceNotification.objects.get()
    amendment = notification.amendments.get()
    text = isco_client.get(f"/notifications/{notification.pk}").content.decode()
    assert f"Amended on {localtime(amendment.received_at):%-d %B %Y}: offences, narrative" in text
    assert "DP pushed IP. DP now has a knife" in text and "Common assault" in text  # the new narrative; what it was


def test_an_amendment_after_grading_is_flagged_and_the_grade_kept(isco_client):
    _upload(isco_client, "night.jsonl", jsonl(record("A1", narrative="DP pushed IP.")))
    notification = PoliceNotification.objects.get()
    isco_client.post(f"/notifications/{notification.pk}", {"grade": notification.suggested_grade, "version": 1})
    _upload(isco_client, "amended.jsonl", jsonl(record("A1", narrative="DP pushed IP. DP now has a knife")))
    text = isco_client.get(f"/notifications/{notification.pk}").content.decode()
    assert "The police amended this notification after it was graded" in text
    assert f"Graded <strong>{notification.get_suggested_grade_display()}</strong>" in text
    assert "after the notification was graded" in text


def test_correcting_a_row_imports_it(isco_client):
    _upload(isco_client, "night.jsonl", jsonl(record("A1", dash_level="severe")))
    row = QuarantinedRow.objects.get()
    page = isco_client.get(f"/notifications/quarantine/{row.pk}").content.decode()
    assert 'href="#field-dash-level"' in page
    fields = {"force": "West Mercia Police", "police_reference": "A1", "occurred_at": "2025-03-01T22:15:00Z",
              "reported_at": "2025-03-01T22:40:00Z", "relationship": "partner", "victim.given_name": "Jo",
              "victim.family_name": "B", "perpetrator.given_name": "Sam", "perpetrator.family_name": "B",
              "dash_level": "high", "narrative": "Argument.", "version": row.version}
    response = isco_client.post(f"/notifications/quarantine/{row.pk}", fields)
    notification = PoliceNotification.objects.get()
    assert response.status_code == 302 and response.url == f"/notifications/{notification.pk}"


def test_notification_page_marks_the_words_and_logs_the_view(isco_client):
    _upload(isco_client, "night.jsonl", jsonl(record("A1", narrative=NARRATIVE, children=[])))
    notification = PoliceNotification.objects.get()
    page = isco_client.get(f"/notifications/{notification.pk}").content.decode()
    assert 'data-factor="threats_to_kill_or_harm">threatened to kill</mark>' in page
    assert "No weapons were used" in page and "weapons</mark>" not in page
    assert AccessLogEntry.objects.filter(target_id=str(notification.pk), action="view",
                                         reason="Opened the notification to grade it").count() == 1


def test_overriding_without_a_rationale_is_refused_on_the_page(isco_client):
    _upload(isco_client, "night.jsonl", jsonl(record("A1")))
    notification = PoliceNotification.objects.get()
    page = isco_client.post(f"/notifications/{notification.pk}", {"grade": "standard", "rationale": "", "version": 1})
    assert "Enter why you are changing the suggested grade" in page.content.decode()
    notification.refresh_from_db()
    assert notification.grade == ""


def test_to_grade_filter(isco_client):
    _upload(isco_client, "night.jsonl", jsonl(record("A1"), record("A2")))
    PoliceNotification.objects.filter(police_reference="A1").update(grade="high", status="graded")
    page = isco_client.get("/notifications/?status=to_grade").content.decode()
    # The list itself: after today's cut-off both are also in the banner of late high notifications.
    listed = page.split('<table class="govuk-table">')[1]
    assert "A2" in listed and ">A1<" not in listed


def test_other_roles_do_not_see_the_pages(client):
    client.force_login(factories.user(role=Membership.Role.REFERRER))
    assert client.get("/notifications/").status_code == 404


# --- Need to know: the ISCO's lists log the records they show ------------------------------------


def test_the_notifications_list_logs_the_notifications_on_its_page(isco_client):
    _upload(isco_client, "night.jsonl", jsonl(record("A1"), record("A2")))
    PoliceNotification.objects.filter(police_reference="A1").update(grade="high", status="graded")

    response = isco_client.get("/notifications/?status=to_grade")

    shown = PoliceNotification.objects.filter(police_reference="A2")
    assert logged(user=response.wsgi_request.user, reason="Listed in the police notifications") == ids(shown)


def test_an_imports_results_and_the_rows_to_correct_are_logged(isco_client):
    response = _upload(isco_client, "night.jsonl", jsonl(record("A1"), record("A2", dash_level="severe")))
    user = response.wsgi_request.user
    stored, row = PoliceNotification.objects.get(), QuarantinedRow.objects.get()
    assert logged(user=user, reason="Listed in an import's results") == ids([stored, row])

    with capture() as queries:
        page = isco_client.get("/notifications/quarantine").content.decode()

    assert "line 2" in page
    assert logged(user=user, reason="Listed in the rows to correct") == ids([row])
    assert log_statements(queries) == 1


def test_a_large_imports_results_are_shown_and_logged_a_page_at_a_time(isco_client):
    batch = ImportBatch.objects.create(source="night.csv", format="csv", stored=101)
    stored = [ft.police_notification(reference=f"A{i:03d}", batch=batch) for i in range(101)]

    response = isco_client.get(f"/notifications/imports/{batch.pk}?page=2")

    assert "A100" in response.content.decode() and "A099" not in response.content.decode()
    assert logged(user=response.wsgi_request.user, reason="Listed in an import's results") == ids(stored[100:])
