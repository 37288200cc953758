from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.api.models import ApiToken
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import Contact
from tests import factories

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "referrer_name": "Dr Amira Khan",
    "referrer_phone": "01905 555123",
    "referrer_email": "amira.khan@gp.example",
    "concern_now": "Today at 10:15 Leo (4) was brought to surgery with bruising to both upper arms in the shape "
                   "of fingertips. Mum said he fell off the sofa. Leo said 'daddy squeezed me'.",
    "agency_actions": "Examined Leo, photographed the bruising with consent, advised mum we are contacting the Front Door.",
    "consent": "given",
    "children": [{"given_name": "Leo", "family_name": "Okafor", "date_of_birth": "2022-05-02", "postcode": "FD2 3CD"}],
}


def _client_for(user):
    return Client(headers={"Authorization": f"Bearer {ApiToken.issue(user=user, name='test')}"})


def test_partner_creates_a_contact_and_reads_it_back():
    gp = factories.user(agency_=factories.agency(kind="gp"))
    client = _client_for(gp)

    created = client.post("/api/v1/contacts", PAYLOAD, content_type="application/json")

    assert created.status_code == 201, created.content
    body = created.json()
    assert body["reference"].startswith("FD-") and body["children"][0]["given_name"] == "Leo"
    read = client.get(f"/api/v1/contacts/{body['id']}")
    assert read.status_code == 200 and read.json()["referrer_name"] == "Dr Amira Khan"
    assert AccessLogEntry.objects.filter(target_id=body["id"], reason="Read through the API").exists()


def test_another_agencys_contact_is_not_found():
    contact = factories.contact()
    outsider = factories.user(agency_=factories.agency(kind="gp"))

    response = _client_for(outsider).get(f"/api/v1/contacts/{contact.pk}")

    assert response.status_code == 404
    assert "Ruby" not in response.content.decode()


def test_missing_or_revoked_token_is_refused():
    assert Client().get("/api/v1/contacts").status_code == 401
    assert Client(headers={"Authorization": "Bearer nonsense"}).get("/api/v1/contacts").status_code == 401


def test_invalid_contact_gets_a_specific_message_and_nothing_is_stored():
    gp = factories.user(agency_=factories.agency(kind="gp"))
    response = _client_for(gp).post("/api/v1/contacts", {**PAYLOAD, "consent": "not_sought"}, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"] == "Enter why consent was not sought"
    assert response.json()["errors"] == [{"field": "consent_reason", "message": "Enter why consent was not sought"}]
    assert Contact.objects.count() == 0


def test_referral_quality_check_flags_a_poor_referral_without_storing_it():
    gp = factories.user(agency_=factories.agency(kind="gp"))
    poor = {**PAYLOAD, "concern_now": "NAI query. DV in family.", "agency_actions": "", "referrer_phone": "",
            "referrer_email": ""}

    response = _client_for(gp).post("/api/v1/referral-quality", poor, content_type="application/json")

    assert response.status_code == 200
    codes = {flag["code"] for flag in response.json()}
    assert {"missing_contact_details", "no_action_stated"} <= codes
    assert Contact.objects.count() == 0


def test_openapi_document_lists_the_endpoints():
    document = Client().get("/api/v1/openapi.json").json()
    assert {"/api/v1/contacts", "/api/v1/contacts/{contact_id}", "/api/v1/referral-quality"} <= set(document["paths"])


def test_the_outcome_letter_goes_to_the_token_users_email_not_the_typed_one():
    from frontdoor.decisions.services import decision_authorise, decision_record
    from frontdoor.messaging.models import OutboxMessage

    gp = factories.user(agency_=factories.agency(kind="gp"), email="amira.khan@nhs.example")
    created = _client_for(gp).post("/api/v1/contacts", {**PAYLOAD, "referrer_email": "anyone@elsewhere.example"},
                                   content_type="application/json")
    contact = Contact.objects.get(pk=created.json()["id"])
    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=1,
                               outcome_codes=["L1.1"], rationale="Universal services", social_worker_name="Sam Patel", unidentified_reason="Child not yet in the person index")

    decision_authorise(manager=manager, decision=decision, version=decision.version)

    assert OutboxMessage.objects.get(kind="referral_outcome").to_address == "amira.khan@nhs.example"


def test_listing_contacts_logs_each_contact_returned_and_no_other():
    gp = factories.user(agency_=factories.agency(kind="gp"))
    client = _client_for(gp)
    older, newer = (client.post("/api/v1/contacts", PAYLOAD, content_type="application/json").json()["id"]
                    for _ in range(2))

    listed = client.get("/api/v1/contacts?limit=1").json()

    assert [contact["id"] for contact in listed] == [newer]
    assert set(AccessLogEntry.objects.filter(user=gp, reason="Listed through the API")
               .values_list("target_id", flat=True)) == {newer}


# --- Tokens: expiry, revocation and scope ----------------------------------------------------------


def _token_for(user, **issue):
    token = ApiToken.issue(user=user, name="test", **issue)
    return token, ApiToken.objects.get(token_hash=ApiToken.hash(token))


def _get(token, path="/api/v1/contacts"):
    return Client(headers={"Authorization": f"Bearer {token}"}).get(path)


def test_a_token_expires_after_the_configured_days_and_is_then_refused_like_a_bad_one(settings):
    settings.FRONTDOOR_API_TOKEN_DAYS = 30
    token, row = _token_for(factories.user(agency_=factories.agency(kind="gp")))
    assert abs((row.expires_at - timezone.now()) - timedelta(days=30)) < timedelta(minutes=1)
    assert _get(token).status_code == 200

    ApiToken.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    refused, bad = _get(token), _get("nonsense")
    assert refused.status_code == bad.status_code == 401 and refused.content == bad.content


def test_a_revoked_token_is_refused():
    token, row = _token_for(factories.user(agency_=factories.agency(kind="gp")))
    ApiToken.objects.filter(pk=row.pk).update(revoked_at=timezone.now())
    assert _get(token).status_code == 401


def test_a_token_stops_working_when_its_user_moves_to_another_agency():
    gp = factories.user(agency_=factories.agency(kind="gp"))
    token, row = _token_for(gp)
    Membership.objects.filter(user=gp).update(agency=factories.agency(kind="gp"))
    assert row.agency != Membership.objects.get(user=gp).agency
    assert _get(token).status_code == 401


def test_a_police_referrers_token_reads_only_what_its_agency_submitted():
    police = factories.agency(kind="police", name="Fictional Shire Police")
    officer, colleague = factories.user(agency_=police), factories.user(agency_=police)
    submitted = _client_for(officer).post("/api/v1/contacts", PAYLOAD, content_type="application/json").json()["id"]
    phoned = factories.contact(submitted_by=factories.user(role="practitioner"), agency_=police, channel="phone")
    elsewhere = factories.contact()
    token, _ = _token_for(colleague)

    assert [contact["id"] for contact in _get(token).json()] == [submitted]
    assert _get(token, f"/api/v1/contacts/{submitted}").status_code == 200
    for hidden in (phoned, elsewhere):
        assert _get(token, f"/api/v1/contacts/{hidden.pk}").status_code == 404
