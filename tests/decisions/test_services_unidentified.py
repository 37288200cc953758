"""A decision is not sent for authorisation while a child on the contact is unidentified, unless the
practitioner says why; the reason is kept for the authorising manager, and none once all are identified."""
import pytest

from frontdoor.decisions.errors import ChildNotIdentified
from frontdoor.decisions.models import Decision
from frontdoor.decisions.services import decision_record
from frontdoor.intake.models import Contact
from frontdoor.people.services import contact_child_link
from tests import factories

pytestmark = pytest.mark.django_db


def _decide(contact, practitioner, **overrides):
    fields = {"level": 1, "outcome_codes": ["L1.1"], "rationale": "Information only", "social_worker_name": "Sam Patel"}
    return decision_record(user=practitioner, contact=contact, contact_version=contact.version, **{**fields, **overrides})


def test_an_unidentified_child_blocks_the_decision_and_nothing_changes():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact()
    with pytest.raises(ChildNotIdentified, match="Find Ruby Hartley in the person index, or enter why"):
        _decide(contact, practitioner, unidentified_reason="   ")
    contact.refresh_from_db()
    assert not Decision.objects.exists() and contact.status == Contact.Status.NEW


def test_the_reason_lets_the_decision_through_and_is_kept_for_the_manager():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact()
    decision = _decide(contact, practitioner, unidentified_reason=" The school is closed until Monday ")
    assert decision.unidentified_reason == "The school is closed until Monday"
    assert decision.status == Decision.Status.AWAITING_AUTHORISATION


def test_once_every_child_is_identified_no_reason_is_needed_nor_kept():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact()
    contact_child_link(user=practitioner, contact_child=contact.children.get(), person=factories.person())
    contact.refresh_from_db()
    decision = _decide(contact, practitioner, unidentified_reason="Left over from an earlier try")
    assert decision.unidentified_reason == ""
