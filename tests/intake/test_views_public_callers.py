"""Contacts from members of the public, family and anonymous callers, recorded by Front Door staff."""
import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from frontdoor.agencies.models import Agency
from frontdoor.intake.errors import ContactInvalid
from frontdoor.intake.models import Contact
from frontdoor.messaging.models import OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _call(**changes):
    form = {
        "caller": "1A", "channel": "phone", "immediate_risk": "no",
        "referrer_name": "Maureen Hartley", "referrer_role": "", "referrer_phone": "07700 900982",
        "referrer_email": "maureen@example.org",
        "child-TOTAL_FORMS": "1", "child-INITIAL_FORMS": "0", "child-0-given_name": "Ruby",
        "child-0-family_name": "Hartley", "child-0-school_name": "Oakfield Primary",
        "family-TOTAL_FORMS": "0", "family-INITIAL_FORMS": "0",
        "concern_now": "Ruby's grandmother rang: Ruby has been left alone overnight twice this week.",
        "agency_actions": "", "consent": "not_sought", "consent_reason": "A family member's call",
    }
    return {**form, **changes}


def test_a_grandmothers_call_is_stored_as_census_source_1a_with_no_agency():
    practitioner = factories.user(role="practitioner")

    response = _client(practitioner).post("/front-door/record-contact", _call())

    contact = Contact.objects.get()
    assert response.status_code == 302
    assert (contact.caller_source, contact.referrer_agency, contact.referrer_name) == ("1A", None, "Maureen Hartley")
    page = _client(practitioner).get(f"/front-door/contacts/{contact.pk}").content.decode()
    assert "Phone from Family member, relative or carer" in page
    assert "Only that the contact was received" in page


def test_a_member_of_the_public_is_told_only_that_the_contact_was_received():
    practitioner = factories.user(role="practitioner")

    _client(practitioner).post("/front-door/record-contact", _call(caller="1B", referrer_name="Dev Shah"))

    message = OutboxMessage.objects.get(kind="contact_acknowledgement")
    assert message.to_address == "maureen@example.org"
    assert "we cannot tell you what we decide" in message.body
    assert "outcome" not in message.body.lower() and "level" not in message.body.lower()


def test_an_anonymous_call_keeps_no_caller_details_and_nothing_is_sent():
    practitioner = factories.user(role="practitioner")
    form = _call(caller="9", referrer_name="", referrer_phone="", referrer_email="")

    _client(practitioner).post("/front-door/record-contact", form)

    contact = Contact.objects.get()
    assert (contact.caller_source, contact.referrer_name, contact.letter_address) == ("9", "", "")
    assert contact.disclosure_to_referrer.startswith("Nothing")
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(("changes", "message"), [
    ({"caller": "9"}, "Leave this blank for an anonymous caller"),
    ({"caller": "1A", "referrer_name": ""}, "Enter the referrer&#x27;s full name"),
    ({"caller": "7"}, "Select who the contact is from"),
    ({"caller": ""}, "Select who the contact is from"),
    ({"caller": "professional"}, "Select the referrer&#x27;s agency"),
])
def test_bad_caller_details_are_refused_and_nothing_is_stored(changes, message):
    practitioner = factories.user(role="practitioner")

    response = _client(practitioner).post("/front-door/record-contact", _call(**changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Contact.objects.count() == 0


def test_a_professional_call_still_needs_an_agency_and_a_phone_number():
    practitioner = factories.user(role="practitioner")
    police = factories.agency(kind=Agency.Kind.POLICE)

    response = _client(practitioner).post("/front-door/record-contact",
                                          _call(caller="professional", referrer_agency=str(police.pk),
                                                referrer_phone=""))

    assert "Enter a phone number so a social worker can call you back" in response.content.decode()
    assert Contact.objects.count() == 0


def test_the_service_refuses_an_anonymous_contact_with_a_name():
    practitioner = factories.user(role="practitioner")

    with pytest.raises(ContactInvalid, match="Leave this blank for an anonymous caller"):
        factories.contact(submitted_by=practitioner, caller_source="9", referrer_agency_id=None)


def test_the_database_refuses_a_public_contact_with_an_agency():
    contact = factories.contact()
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.filter(pk=contact.pk).update(caller_source="1D")


@pytest.mark.parametrize("role", ["referrer", "isco", "social_worker"])
def test_only_front_door_staff_record_a_call(role):
    response = _client(factories.user(role=role)).post("/front-door/record-contact", _call())
    assert response.status_code == 404
    assert Contact.objects.count() == 0
