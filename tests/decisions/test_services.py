import io

import pytest
from pypdf import PdfReader

from frontdoor.decisions.errors import DecisionConflict, DecisionInvalid
from frontdoor.decisions.models import Decision
from frontdoor.decisions.services import decision_authorise, decision_record, decision_return
from frontdoor.intake.models import Contact
from frontdoor.messaging.models import OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency, first="Alex", last="Morgan")
    return practitioner, manager


def _decide(contact, practitioner, **overrides):
    fields = {"level": 3, "outcome_codes": ["L3.2"], "rationale": "Domestic abuse witnessed by Ruby; needs assessment.",
              "social_worker_name": "Sam Patel", "unidentified_reason": "Ruby is not yet in the person index"}
    return decision_record(user=practitioner, contact=contact, contact_version=contact.version, **{**fields, **overrides})


def test_decision_records_tool_version_level_and_waits_for_authorisation(staff):
    practitioner, _ = staff
    contact = factories.contact()

    decision = _decide(contact, practitioner)

    assert (decision.tool_id, decision.tool_version, decision.level) == ("levels_of_need", "1", 3)
    assert decision.status == Decision.Status.AWAITING_AUTHORISATION
    assert Contact.objects.get(pk=contact.pk).status == Contact.Status.AWAITING_AUTHORISATION


def test_second_decider_gets_conflict_and_first_decision_stands(staff):
    practitioner, _ = staff
    other = factories.user(role="practitioner", agency_=practitioner.membership.agency)
    contact = factories.contact()
    stale_version = contact.version

    _decide(contact, practitioner)
    with pytest.raises(DecisionConflict, match="Someone else changed this contact"):
        decision_record(user=other, contact=contact, contact_version=stale_version, level=1, outcome_codes=["L1.1"],
                        rationale="No concerns", social_worker_name="Jo Evans",
                        unidentified_reason="Child not yet in the person index")
    assert Decision.objects.get(contact=contact).level == 3


def test_outcome_from_another_level_is_refused(staff):
    practitioner, _ = staff
    with pytest.raises(DecisionInvalid, match="do not belong to Level 1"):
        _decide(factories.contact(), practitioner, level=1, outcome_codes=["L4.1"])


def test_authorising_makes_the_letter_and_queues_it_to_the_referrer(staff):
    practitioner, manager = staff
    contact = factories.contact()
    decision = _decide(contact, practitioner)

    letter = decision_authorise(manager=manager, decision=decision, version=decision.version)

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(letter.pdf))).pages)
    assert "REFERRAL OUTCOME NOTIFICATION" in text
    assert "Chris Taylor" in text and "Ruby Hartley" in text and "14/03/2017" in text
    assert "Level 3 Threshold" in text and "Sam Patel" in text
    message = OutboxMessage.objects.get(kind="referral_outcome")
    assert message.to_address == contact.submitted_by.email  # the signed-in referrer's account
    assert message.attachment_name.endswith(".pdf") and bytes(message.attachment) == bytes(letter.pdf)
    assert Contact.objects.get(pk=contact.pk).status == Contact.Status.AUTHORISED


def test_authorising_twice_sends_one_letter(staff):
    practitioner, manager = staff
    decision = _decide(factories.contact(), practitioner)
    version = decision.version

    decision_authorise(manager=manager, decision=decision, version=version)
    with pytest.raises(DecisionConflict):
        decision_authorise(manager=manager, decision=decision, version=version)
    assert OutboxMessage.objects.filter(kind="referral_outcome").count() == 1


def test_manager_returns_with_reason_and_practitioner_can_decide_again(staff):
    practitioner, manager = staff
    contact = factories.contact()
    decision = _decide(contact, practitioner)

    decision_return(manager=manager, decision=decision, version=decision.version, reason="Check the school's view first")

    contact.refresh_from_db()
    assert contact.status == Contact.Status.RETURNED
    redecided = _decide(contact, practitioner, level=2, outcome_codes=["L2.2"])
    assert redecided.level == 2 and redecided.return_reason == ""


def test_a_manager_cannot_authorise_their_own_decision(staff):
    _, manager = staff
    decision = _decide(factories.contact(), manager)
    with pytest.raises(DecisionInvalid, match="different manager"):
        decision_authorise(manager=manager, decision=decision, version=decision.version)


def test_the_letter_goes_to_the_signed_in_referrers_account_not_the_typed_address(staff):
    practitioner, manager = staff
    referrer = factories.user(email="dsl@oakfield.example")
    contact = factories.contact(submitted_by=referrer, referrer_email="someone.else@elsewhere.example")
    decision = _decide(contact, practitioner)

    decision_authorise(manager=manager, decision=decision, version=decision.version)

    assert OutboxMessage.objects.get(kind="referral_outcome").to_address == "dsl@oakfield.example"
    assert OutboxMessage.objects.get(kind="contact_acknowledgement").to_address == "dsl@oakfield.example"
    assert Contact.objects.get(pk=contact.pk).referrer_email == "someone.else@elsewhere.example"  # kept to reach them


def test_a_contact_staff_took_by_phone_sends_the_letter_to_the_address_the_caller_gave(staff):
    practitioner, manager = staff
    contact = factories.contact(submitted_by=practitioner, channel=Contact.Channel.PHONE,
                                referrer_email="pc.wilson@police.example")
    decision = _decide(contact, practitioner)

    decision_authorise(manager=manager, decision=decision, version=decision.version)

    assert OutboxMessage.objects.get(kind="referral_outcome").to_address == "pc.wilson@police.example"


def test_a_member_of_the_publics_contact_gets_no_outcome_letter(staff):
    practitioner, manager = staff
    contact = factories.contact(submitted_by=practitioner, channel=Contact.Channel.PHONE, caller_source="1B",
                                referrer_agency_id=None, referrer_email="neighbour@example.org")
    decision = _decide(contact, practitioner)

    letter = decision_authorise(manager=manager, decision=decision, version=decision.version)

    assert letter is None
    assert not OutboxMessage.objects.filter(kind="referral_outcome").exists()
    assert OutboxMessage.objects.get(kind="contact_acknowledgement").to_address == "neighbour@example.org"


def test_a_level_2_outcome_after_a_refusal_records_the_lawful_basis(staff):
    from frontdoor.decisions.errors import ConsentNotSettled

    practitioner, _ = staff
    contact = factories.contact(consent="refused", consent_reason="")
    with pytest.raises(ConsentNotSettled, match="enter the lawful basis"):
        _decide(contact, practitioner, level=2, outcome_codes=["L2.2"])

    decision = _decide(contact, practitioner, level=2, outcome_codes=["L2.2"],
                       consent_basis="Ruby's safety may be at risk: shared under the DPA 2018")

    assert decision.consent_basis == "Ruby's safety may be at risk: shared under the DPA 2018"


def test_a_declined_early_help_offer_alone_does_not_raise_the_level_to_4(staff):
    from frontdoor.casework.models import EarlyHelpOffer
    from frontdoor.decisions.errors import ConsentNotSettled
    from frontdoor.people.services import contact_child_link

    practitioner, _ = staff
    contact = factories.contact(consent="given", consent_reason="")
    ruby = factories.person()
    contact_child_link(user=practitioner, contact_child=contact.children.get(), person=ruby)
    EarlyHelpOffer.objects.create(person=ruby, offered_on="2026-01-05", status=EarlyHelpOffer.Status.DECLINED)
    contact.refresh_from_db()

    with pytest.raises(ConsentNotSettled, match="does not by itself raise the level"):
        _decide(contact, practitioner, level=4, outcome_codes=["L4.1"])
    decision = _decide(contact, practitioner, level=4, outcome_codes=["L4.1"], significant_harm=True)

    assert decision.significant_harm is True
