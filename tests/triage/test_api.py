import pytest
from django.test import Client

from frontdoor.agencies.models import Agency, Membership
from frontdoor.api.models import ApiToken
from frontdoor.triage.models import ImportBatch, PoliceNotification
from tests import factories
from tests.triage.records import record

pytestmark = pytest.mark.django_db


def _client(user):
    return Client(headers={"Authorization": f"Bearer {ApiToken.issue(user=user, name='test')}"})


@pytest.fixture
def police():
    agency = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    return _client(factories.user(role=Membership.Role.TRIAGE_MEMBER, agency_=agency))


def test_police_send_a_list_and_each_item_is_answered(police):
    body = [record("A1"), record("A1"), record("A2", children="none")]
    response = police.post("/api/v1/notifications", body, content_type="application/json")
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["stored"], answer["duplicates"], answer["quarantined"]) == (1, 1, 1)
    assert [item["status"] for item in answer["items"]] == ["stored", "duplicate", "quarantined"]
    assert answer["items"][0]["notification_id"] == str(PoliceNotification.objects.get().pk)
    assert answer["items"][2]["errors"] == [
        {"field": "children", "message": "Enter the children as a list (an empty list when there are none)"}]


def test_one_object_is_accepted_and_sending_it_again_changes_nothing(police):
    police.post("/api/v1/notifications", record("A1"), content_type="application/json")
    again = police.post("/api/v1/notifications", record("A1"), content_type="application/json").json()
    assert again["items"][0]["status"] == "duplicate" and PoliceNotification.objects.count() == 1


def test_not_json_is_a_400(police):
    response = police.post("/api/v1/notifications", "{oops", content_type="application/json")
    assert response.status_code == 400 and "not valid JSON" in response.json()["detail"]


def test_other_agencies_may_not_send():
    school = _client(factories.user())
    response = school.post("/api/v1/notifications", record("A1"), content_type="application/json")
    assert response.status_code == 403 and not PoliceNotification.objects.exists()


def test_evaluate_returns_the_suggestion_and_stores_nothing():
    isco = _client(factories.user(role=Membership.Role.ISCO))
    body = record("A1", children=[], narrative="DP threatened to kill IP.",
                  prior_incidents=[{"occurred_at": "2025-01-05", "grade": "medium", "summary": "Argument"}])
    response = isco.post("/api/v1/screening/evoda/evaluate", body, content_type="application/json")
    answer = response.json()
    assert response.status_code == 200 and answer["suggested_grade"] == "high"
    threat = next(i for i in answer["indicators"] if i["id"] == "threats_to_kill_or_harm")
    assert body["narrative"][threat["start"]:threat["end"]] == threat["evidence"] == "threatened to kill"
    assert any(i["source"] == "history" for i in answer["indicators"])
    assert not PoliceNotification.objects.exists() and not ImportBatch.objects.exists()


def test_evaluate_explains_what_it_cannot_screen():
    isco = _client(factories.user(role=Membership.Role.ISCO))
    response = isco.post("/api/v1/screening/evoda/evaluate", {"police_reference": "A1"}, content_type="application/json")
    assert response.status_code == 400 and "occurred_at is required" in response.json()["detail"]


def test_a_null_item_is_quarantined_with_its_reason(police):
    answer = police.post("/api/v1/notifications", [record("A1"), None], content_type="application/json").json()
    assert (answer["stored"], answer["duplicates"], answer["quarantined"]) == (1, 0, 1)
    assert answer["items"][1]["errors"] == [
        {"field": "", "message": "Each notification must be a JSON object; this line is null"}]


def test_a_changed_resend_is_answered_amended_with_what_changed(police):
    police.post("/api/v1/notifications", record("A1"), content_type="application/json")
    changed = record("A1", narrative="DP now has a knife")
    answer = police.post("/api/v1/notifications", [changed, changed], content_type="application/json").json()
    assert (answer["stored"], answer["amended"], answer["duplicates"]) == (0, 1, 1)
    assert [(item["status"], item["changed_fields"]) for item in answer["items"]] == [
        ("amended", ["narrative"]), ("duplicate", [])]
    notification = PoliceNotification.objects.get()
    assert answer["items"][0]["notification_id"] == str(notification.pk)
    assert notification.narrative == "DP now has a knife"


def test_a_police_token_sends_only_its_own_forces_notifications(police):
    answer = police.post("/api/v1/notifications", [record("A1"), record("K1", force="Kent Police")],
                         content_type="application/json").json()
    assert [item["status"] for item in answer["items"]] == ["stored", "quarantined"]
    assert answer["items"][1]["errors"] == [{"field": "force", "message": (
        "This token belongs to West Mercia Police; it cannot send Kent Police's notifications")}]
    assert not PoliceNotification.objects.filter(force="Kent Police").exists()


def test_a_police_token_cannot_amend_another_forces_notification(police):
    other = _client(factories.user(role=Membership.Role.REFERRER,
                                   agency_=factories.agency(kind=Agency.Kind.POLICE, name="Kent Police")))
    other.post("/api/v1/notifications", record("K1", force="Kent Police"), content_type="application/json")
    answer = police.post("/api/v1/notifications", record("K1", force="Kent Police", narrative="Changed."),
                         content_type="application/json").json()
    assert answer["items"][0]["status"] == "quarantined"
    assert PoliceNotification.objects.get().narrative != "Changed."


def test_the_force_may_be_the_agencys_name_in_any_case_or_its_code():
    agency = factories.agency(kind=Agency.Kind.POLICE, name="Kent Police")
    agency.ods_code = "KNT"
    agency.save()
    kent = _client(factories.user(role=Membership.Role.REFERRER, agency_=agency))
    body = [record("K1", force="kent police"), record("K2", force="KNT")]
    answer = kent.post("/api/v1/notifications", body, content_type="application/json").json()
    assert answer["stored"] == 2


def test_triage_staff_may_send_any_forces_notifications():
    isco = _client(factories.user(role=Membership.Role.ISCO))
    answer = isco.post("/api/v1/notifications", record("K1", force="Kent Police"), content_type="application/json")
    assert answer.json()["stored"] == 1


@pytest.mark.parametrize("path", ["/api/v1/notifications", "/api/v1/screening/evoda/evaluate"])
def test_a_body_nested_too_deeply_is_a_400_and_nothing_is_stored(police, path):
    body = "[" * 100_000 + "]" * 100_000
    response = police.post(path, body, content_type="application/json")
    assert response.status_code == 400 and "The body is nested too deeply" in response.json()["detail"]
    assert not ImportBatch.objects.exists()
