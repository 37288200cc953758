import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.fostering.models import Arrangement, Visit
from tests import factories
from tests.fostering.test_services import notify

pytestmark = pytest.mark.django_db


def test_a_stale_visit_form_gets_the_conflict_message_and_nothing_is_stored():
    worker = factories.user(role="fostering_worker")
    arrangement = notify(worker)
    Arrangement.objects.filter(pk=arrangement.pk).update(version=2)
    today = timezone.localdate()
    client = Client()
    client.force_login(worker)
    page = client.post(f"/private-fostering/arrangements/{arrangement.pk}", {
        "step": "visit", "visit-version": 1, "visit-visited_on_0": today.day, "visit-visited_on_1": today.month,
        "visit-visited_on_2": today.year, "visit-seen_alone": "yes"}).content.decode()
    assert "Someone else changed this arrangement" in page
    assert not Visit.objects.exists()


def test_the_worker_downloads_both_csvs_from_the_list_and_nobody_else_can():
    worker = factories.user(role="fostering_worker")
    notify(worker)
    client = Client()
    client.force_login(worker)
    page = client.get("/private-fostering").content.decode()
    for url, first_line in (("/private-fostering/arrangements.csv", b"child_given_name,"),
                            ("/private-fostering/figures.csv", b"year,measure,category,arrangements")):
        assert url in page
        response = client.get(url)
        assert response["Content-Type"] == "text/csv" and response.content.startswith(first_line)
        assert "attachment" in response["Content-Disposition"]
    for role in ("manager", "lado", "practitioner"):
        client.force_login(factories.user(role=role))
        assert client.get("/private-fostering/arrangements.csv").status_code == 404
        assert client.get("/private-fostering/figures.csv").status_code == 404
