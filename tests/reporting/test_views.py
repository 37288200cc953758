import pytest
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.triage.models import Grade
from frontdoor.triage.services import notification_grade
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db
URL = "/figures/domestic-abuse"


def test_a_manager_reads_the_weeks_figures_with_the_overrides(client):
    isco = factories.user(role=Membership.Role.ISCO)
    notification = triage.police_notification(suggested_grade=Grade.MEDIUM, received_at=timezone.now())
    notification_grade(user=isco, notification=notification, grade=Grade.HIGH, rationale="Threat to kill",
                       version=notification.version)
    client.force_login(factories.user(role=Membership.Role.MANAGER))
    page = client.get(URL).content.decode()
    assert "Domestic abuse triage figures" in page and "Triage figures</a>" in page
    assert "0 / 1 / 0" in page and "100%" in page
    assert "EVODA version 1" in page and "Medium" in page and "High" in page
    assert notification.police_reference not in page


@pytest.mark.parametrize("role", [Membership.Role.REFERRER, Membership.Role.TRIAGE_MEMBER])
def test_anyone_else_finds_no_such_page(client, role):
    client.force_login(factories.user(role=role))
    assert client.get(URL).status_code == 404


def test_signed_out_is_sent_to_sign_in(client):
    assert client.get(URL)["Location"].startswith("/sign-in")


def test_the_weekly_figures_download_as_a_spreadsheet_oldest_week_first(client):
    import csv
    import io

    triage.police_notification(suggested_grade=Grade.HIGH, received_at=timezone.now())
    client.force_login(factories.user(role=Membership.Role.ISCO))
    response = client.get(URL + ".csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="domestic-abuse-triage-')
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 12 and rows[0]["week_beginning"] < rows[-1]["week_beginning"]
    assert (rows[-1]["received"], rows[-1]["suggested_high"], rows[-1]["graded_high"]) == ("1", "1", "0")


def test_the_spreadsheet_is_for_the_same_people_as_the_page(client):
    client.force_login(factories.user(role=Membership.Role.REFERRER))
    assert client.get(URL + ".csv").status_code == 404
