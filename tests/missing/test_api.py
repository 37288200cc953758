import pytest
from django.test import Client

from frontdoor.agencies.models import Agency, Membership
from frontdoor.api.models import ApiToken
from frontdoor.missing.models import MissingEpisode
from tests import factories
from tests.missing.reports import report

pytestmark = pytest.mark.django_db


def _client(user):
    return Client(headers={"Authorization": f"Bearer {ApiToken.issue(user=user, name='test')}"})


@pytest.fixture
def police():
    agency = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    return _client(factories.user(role=Membership.Role.TRIAGE_MEMBER, agency_=agency))


def test_police_send_reports_and_each_is_answered(police):
    response = police.post("/api/v1/missing-reports", [report(), report(police_reference="MP-2", force="")],
                           content_type="application/json")
    body = response.json()
    assert response.status_code == 200
    assert [item["status"] for item in body["items"]] == ["stored", "quarantined"]
    assert body["items"][0]["child_id"] == str(MissingEpisode.objects.get().child_id)


def test_sending_again_is_a_duplicate(police):
    police.post("/api/v1/missing-reports", report(), content_type="application/json")
    body = police.post("/api/v1/missing-reports", report(), content_type="application/json").json()
    assert body["duplicates"] == 1 and MissingEpisode.objects.count() == 1


def test_a_force_cannot_send_another_forces_reports(police):
    body = police.post("/api/v1/missing-reports", report(force="Thames Valley Police"),
                       content_type="application/json").json()
    assert body["items"][0]["status"] == "quarantined"


def test_a_school_may_not_send_and_bad_json_is_a_400(police):
    school = _client(factories.user())
    assert school.post("/api/v1/missing-reports", report(), content_type="application/json").status_code == 403
    assert police.post("/api/v1/missing-reports", "{", content_type="application/json").status_code == 400
