import pytest

from frontdoor.agencies.models import Membership
from frontdoor.triage.models import Grade
from frontdoor.triage.services import notification_grade
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db
URL = "/figures/domestic-abuse"


def test_a_manager_reads_the_weeks_figures_with_the_overrides(client):
    isco = factories.user(role=Membership.Role.ISCO)
    notification = triage.police_notification(suggested_grade=Grade.MEDIUM)
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
