"""POST /api/v1/contacts checks its input as the concern form does: a 422 naming each field, never a 500,
and nothing stored. On PostgreSQL a NUL byte or an over-long value reached the database and was a 500."""
from datetime import date, timedelta

import pytest
from django.test import Client

from frontdoor.api.models import ApiToken
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.messaging.models import OutboxMessage
from tests import factories
from tests.api.test_routes import PAYLOAD

pytestmark = pytest.mark.django_db

CHILD = PAYLOAD["children"][0]
POSTCODE_LENGTH = ContactChild._meta.get_field("postcode").max_length
PHONE_LENGTH = Contact._meta.get_field("referrer_phone").max_length
NAME_LENGTH = Contact._meta.get_field("referrer_name").max_length


@pytest.fixture
def gp_client():
    gp = factories.user(agency_=factories.agency(kind="gp"), email="amira.khan@gp.example")
    return Client(headers={"Authorization": f"Bearer {ApiToken.issue(user=gp, name='test')}"})


def _child(**changes):
    return {**PAYLOAD, "children": [{**CHILD, **changes}]}


def _post(client, payload):
    return client.post("/api/v1/contacts", payload, content_type="application/json")


@pytest.mark.parametrize(("payload", "field", "message"), [
    ({**PAYLOAD, "concern_now": "Leo said\x00 daddy squeezed me"}, "concern_now",
     "What is happening now must not contain hidden control characters"),
    (_child(family_name="Oka\x00for"), "children[0].family_name", "must not contain hidden control characters"),
    ({**PAYLOAD, "agency_answers": {"gp_1": "seen\x00today"}}, "agency_answers",
     "must not contain hidden control characters"),
    (_child(postcode="FD2 3CD" + "X" * POSTCODE_LENGTH), "children[0].postcode",
     "Enter a real UK postcode, like WR1 2AB"),
    ({**PAYLOAD, "referrer_phone": "0" * (PHONE_LENGTH + 1)}, "referrer_phone",
     "Enter a UK phone number, like 01632 960 001"),
    ({**PAYLOAD, "referrer_phone": "12345"}, "referrer_phone", "Enter a UK phone number, like 01632 960 001"),
    ({**PAYLOAD, "referrer_name": "A" * (NAME_LENGTH + 1)}, "referrer_name", f"must be {NAME_LENGTH} characters or fewer"),
    ({**PAYLOAD, "referrer_email": "a" * 250 + "@gp.example"}, "referrer_email", "Enter an email address in the correct"),
    ({**PAYLOAD, "referrer_email": "not-an-email"}, "referrer_email",
     "Enter an email address in the correct format, like name@example.org"),
    ({**PAYLOAD, "referrer_email": "amira@gp.example\r\nBcc: everyone@example.org"}, "referrer_email",
     "Enter an email address in the correct format"),
    (_child(date_of_birth="2999-01-01"), "children[0].date_of_birth", "Enter a date of birth in the past"),
    (_child(date_of_birth="0001-01-01"), "children[0].date_of_birth", "Enter a date of birth within the last 25 years"),
    (_child(nhs_number="9434765918"), "children[0].nhs_number", "check digit"),
    ({**PAYLOAD, "children": [CHILD] * 1000}, "children", "Enter 20 children or fewer"),
    (_child(is_unborn=True), "children[0].expected_date", "Enter the expected date of delivery for an unborn child"),
    ({**PAYLOAD, "referrer_name": "   "}, "referrer_name", "Enter the referrer's full name"),
    ({**PAYLOAD, "incident_at": "0001-01-01T00:00:00+01:00"}, "incident_at", "four-digit year after 1900"),
    ({**PAYLOAD, "disclosure_at": "9999-12-31T23:00:00-05:00"}, "disclosure_at", "must be today or in the past"),
    ({**PAYLOAD, "family_members": [{"name": "Sam Okafor", "relationship": "father"}] * 31}, "family_members",
     "Enter 30 family members or fewer"),
    ({**PAYLOAD, "immediate_answers": {"immediate_1\x00": True}}, "immediate_answers",
     "must not contain hidden control characters"),
])
def test_invalid_field_gets_422_naming_it_and_nothing_is_stored(gp_client, payload, field, message):
    response = _post(gp_client, payload)

    assert response.status_code == 422, response.content
    errors = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert message in errors[field], errors
    assert message in response.json()["detail"] or len(errors) > 1
    assert Contact.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_every_wrong_field_is_named_at_once(gp_client):
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    response = _post(gp_client, {**_child(date_of_birth=tomorrow, nhs_number="123"), "referrer_email": "nope"})

    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"referrer_email", "children[0].date_of_birth", "children[0].nhs_number"}


def test_a_wrongly_typed_field_answers_in_the_same_shape(gp_client):
    response = _post(gp_client, _child(date_of_birth="14 March"))

    assert response.status_code == 422
    body = response.json()
    assert isinstance(body["detail"], str) and body["errors"][0]["field"] == "children[0].date_of_birth"


def test_nhs_number_and_postcode_are_stored_as_the_form_stores_them(gp_client):
    response = _post(gp_client, _child(nhs_number="943 476 5919", postcode=" fd2  3cd "))

    assert response.status_code == 201, response.content
    child = ContactChild.objects.get()
    assert (child.nhs_number, child.postcode) == ("9434765919", "FD2 3CD")


def test_a_child_known_only_by_first_name_and_school_is_accepted_flagged_and_queued(gp_client):
    partly_named = {"given_name": "Tyler", "school_name": "Nettlecombe Vale Primary"}
    response = _post(gp_client, {**PAYLOAD, "children": [partly_named]})
    assert response.status_code in (200, 201), response.content
    contact = Contact.objects.get()
    assert contact.children.get().display_name == "Tyler"
    assert "child_not_identifiable" in {flag["code"] for flag in contact.quality_flags}
    assert contact.status == Contact.Status.NEW


def test_not_known_as_a_surname_is_refused_in_favour_of_blank(gp_client):
    response = _post(gp_client, _child(family_name="Not known"))
    assert response.status_code == 422
    assert "Leave the last name blank if you do not know it" in response.content.decode()
