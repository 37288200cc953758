"""Questions 4 and 5 (seed 001): the answers on the contact, and a request for early help advice answered by a
community social worker (an early help lead) through the outbox."""
import pytest
from django.test import Client

from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.errors import ContactConflict, ContactInvalid
from frontdoor.intake.models import AdviceRequest
from frontdoor.intake.services import advice_reply
from frontdoor.messaging.models import OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def adviser():
    return factories.user(role="early_help_lead", first="Sam", last="Ellis")


def test_question_5_answered_yes_opens_an_advice_request_and_no_leaves_none():
    asked = factories.contact(early_help_advice=True)
    factories.contact(early_help_advice=False)
    assert AdviceRequest.objects.get().contact == asked


def test_the_contact_page_shows_questions_4_and_5_and_the_advice_waiting():
    contact = factories.contact(welfare_concern=True, early_help_advice=True)

    page = _client(factories.user(role="practitioner")).get(f"/front-door/contacts/{contact.pk}").content.decode()

    assert "Question 4: Do you have concerns for the welfare of a child that are not immediate safeguarding" in page
    assert "Question 5: Are you seeking advice and assistance on how to support a family with early help?" in page
    assert "Waiting for a community social worker's advice" in page


def test_the_community_social_worker_lists_the_request_and_replies_through_the_outbox(adviser):
    contact = factories.contact(early_help_advice=True)
    advice = contact.advice_request
    client = _client(adviser)
    assert contact.reference in client.get("/early-help/advice").content.decode()

    response = client.post(f"/early-help/advice/{advice.pk}",
                           {"reply": "Offer the family an Early Help Assessment; the school nurse can help.",
                            "version": str(advice.version)})

    assert response.status_code == 302
    advice.refresh_from_db()
    assert (advice.status, advice.replied_by) == ("replied", adviser)
    message = OutboxMessage.objects.get(kind="early_help_advice")
    assert message.to_address == contact.submitted_by.email
    assert "Offer the family an Early Help Assessment" in message.body and "Sam Ellis" in message.body
    assert AccessLogEntry.objects.filter(user=adviser, target_id=str(contact.pk), action="view").exists()


def test_an_empty_reply_is_refused_on_the_page(adviser):
    advice = factories.contact(early_help_advice=True).advice_request

    response = _client(adviser).post(f"/early-help/advice/{advice.pk}", {"reply": "  ", "version": "1"})

    assert response.status_code == 400
    assert "Enter your advice for the referrer" in response.content.decode()
    assert not OutboxMessage.objects.filter(kind="early_help_advice").exists()


def test_a_second_reply_gets_a_conflict_and_one_message_is_sent(adviser):
    advice = factories.contact(early_help_advice=True).advice_request
    advice_reply(user=adviser, advice=advice, version=1, reply="First advice")
    with pytest.raises(ContactConflict):
        advice_reply(user=factories.user(role="early_help_lead"), advice=advice, version=1, reply="Second advice")
    assert OutboxMessage.objects.filter(kind="early_help_advice").count() == 1


def test_control_characters_in_the_reply_are_refused(adviser):
    advice = factories.contact(early_help_advice=True).advice_request
    with pytest.raises(ContactInvalid, match="as plain text"):
        advice_reply(user=adviser, advice=advice, version=1, reply="Advice\x00")


@pytest.mark.parametrize("role", ["referrer", "social_worker", "isco", "practitioner"])
def test_only_community_social_workers_reach_the_advice_pages(role):
    advice = factories.contact(early_help_advice=True).advice_request
    client = _client(factories.user(role=role))
    assert client.get("/early-help/advice").status_code == 404
    assert client.get(f"/early-help/advice/{advice.pk}").status_code == 404

