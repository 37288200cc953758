import pytest
from django.test import Client

from frontdoor.decisions.models import Decision
from frontdoor.decisions.services import decision_record
from tests import factories
from tests.access_log import ids, logged

pytestmark = pytest.mark.django_db


def _waiting(practitioner):
    contact = factories.contact()
    decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=2,
                    outcome_codes=["L2.2"], rationale="Early help for Ruby", social_worker_name="Sam Patel", unidentified_reason="Child not yet in the person index")
    return contact


def test_decisions_to_authorise_list_their_contacts_and_log_each_one():
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    manager = factories.user(role="manager")
    waiting = [_waiting(practitioner), _waiting(practitioner)]
    undecided = factories.contact()
    client = Client()
    client.force_login(manager)

    page = client.get("/front-door/authorisations").content.decode()

    assert all(contact.reference in page for contact in waiting) and undecided.reference not in page
    assert "Sam Patel" in page and "Level 2" in page
    assert logged(user=manager, reason="Listed in the decisions to authorise") == ids(waiting)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_refused_consent_contact_asks_the_decider_for_the_lawful_basis_on_the_page():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact(consent="refused", consent_reason="")
    decision = {"level": "3", "outcome_codes": ["L3.1"], "rationale": "Complex needs", "social_worker_name": "Jo",
                "version": str(contact.version), "unidentified_reason": "Not yet in the index"}

    response = _signed_in(practitioner).post(f"/front-door/contacts/{contact.pk}/decide", decision)

    page = response.content.decode()
    assert "enter the lawful basis for going ahead without it" in page
    assert "might place the child or another person at immediate risk of harm" in page
    assert not Decision.objects.exists()


def test_after_early_help_was_declined_level_4_asks_to_confirm_significant_harm_on_the_page():
    from frontdoor.casework.models import EarlyHelpOffer
    from frontdoor.people.services import contact_child_link

    practitioner = factories.user(role="practitioner")
    contact = factories.contact(consent="given", consent_reason="")
    ruby = factories.person()
    contact_child_link(user=practitioner, contact_child=contact.children.get(), person=ruby)
    EarlyHelpOffer.objects.create(person=ruby, offered_on="2026-01-05", status=EarlyHelpOffer.Status.DECLINED)
    contact.refresh_from_db()
    client = _signed_in(practitioner)
    decision = {"level": "4", "outcome_codes": ["L4.1"], "rationale": "Mum declined early help",
                "social_worker_name": "Jo", "version": str(contact.version)}

    page = client.post(f"/front-door/contacts/{contact.pk}/decide", decision).content.decode()

    assert "does not by itself raise the level" in page and 'name="significant_harm"' in page
    assert not Decision.objects.exists()
    client.post(f"/front-door/contacts/{contact.pk}/decide", {**decision, "significant_harm": "on"})
    assert Decision.objects.get().significant_harm is True
