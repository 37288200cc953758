from datetime import date

import pytest
from django.core.exceptions import ValidationError

from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.errors import ContactConflict, ContactInvalid
from frontdoor.intake.models import Contact
from frontdoor.intake.services import FamilyMemberDraft, contact_assign
from frontdoor.messaging.models import OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db


def test_submitted_contact_is_stored_with_children_clock_and_acknowledgement():
    contact = factories.contact()

    stored = Contact.objects.get(pk=contact.pk)
    assert stored.reference.startswith("FD-")
    assert [c.given_name for c in stored.children.all()] == ["Ruby"]
    assert stored.decision_due_at > stored.received_at
    assert not stored.is_urgent
    ack = OutboxMessage.objects.get(kind="contact_acknowledgement")
    assert ack.to_address == contact.submitted_by.email  # the signed-in referrer's account, not a typed address
    assert stored.reference in ack.body
    assert AccessLogEntry.objects.filter(target_id=str(contact.pk), action="create").exists()


def test_a_yes_to_an_immediate_safety_question_makes_the_contact_urgent():
    contact = factories.contact(immediate_answers={"immediate_1": False, "immediate_2": True, "immediate_3": False})

    assert contact.is_urgent
    assert "phone the Family Front Door" in OutboxMessage.objects.get().body or "call now" in OutboxMessage.objects.get().body


def test_quality_flags_are_kept_on_the_contact():
    contact = factories.contact(concern_now="DV at home. CP concerns.", agency_actions="")

    codes = {flag["code"] for flag in contact.quality_flags}
    assert "no_action_stated" in codes
    assert codes & {"acronym", "jargon"}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"children": ()}, "Add at least one child"),
        ({"concern_now": "  "}, "Enter what is happening now"),
        ({"consent": "not_sought", "consent_reason": ""}, "Enter why consent was not sought"),
    ],
)
def test_invalid_contact_is_refused_and_nothing_is_stored(overrides, message):
    referrer = factories.user()
    with pytest.raises(ContactInvalid, match=message):
        factories.contact(submitted_by=referrer, **overrides)
    assert Contact.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_second_person_taking_a_stale_contact_gets_a_conflict():
    contact = factories.contact()
    first, second = factories.user(role="practitioner"), factories.user(role="practitioner")

    contact_assign(contact=contact, user=first, version=contact.version)
    with pytest.raises(ContactConflict, match="Someone else changed this contact"):
        contact_assign(contact=contact, user=second, version=contact.version)
    contact.refresh_from_db()
    assert contact.assigned_to == first


def test_nhs_number_with_a_bad_check_digit_is_refused():
    from frontdoor.people.models import validate_nhs_number

    validate_nhs_number("9434765919")
    with pytest.raises(ValidationError, match="valid 10-digit NHS number"):
        validate_nhs_number("9434765918")


def test_the_service_refuses_what_the_form_refuses_naming_each_field_and_stores_nothing():
    """The command line, the demo and the school pages submit through the service, not the form."""
    referrer = factories.user()
    child = factories.child_draft(nhs_number="9434765918", date_of_birth=date(1990, 1, 1), postcode="FD1 2AB" * 3)
    family = (FamilyMemberDraft(name="Sam\x00 Hartley", relationship="mother"),)

    with pytest.raises(ContactInvalid) as refused:
        factories.contact(submitted_by=referrer, children=(child,), family_members=family,
                          referrer_email="chris@school.example\r\nBcc: all@example.org")

    assert set(refused.value.problems) == {
        "referrer_email", "children[0].nhs_number", "children[0].date_of_birth", "children[0].postcode",
        "family_members[0].name"}
    assert Contact.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_assigning_to_a_colleague_of_the_same_agency_is_recorded_and_audited():
    manager = factories.user(role="manager", first="Alex", last="Morgan")
    colleague = factories.user(role="practitioner", agency_=manager.membership.agency, first="Sam", last="Patel")
    contact = factories.contact()

    contact_assign(contact=contact, user=manager, version=contact.version, assignee=colleague)

    contact.refresh_from_db()
    assert (contact.assigned_to, contact.status, contact.version) == (colleague, Contact.Status.IN_PROGRESS, 2)
    entry = AccessLogEntry.objects.get(user=manager, action="update", target_id=str(contact.pk))
    assert entry.reason == "Assigned the contact to Sam Patel"


def test_a_contact_cannot_be_given_to_someone_outside_the_front_door_team():
    practitioner = factories.user(role="practitioner")
    elsewhere = factories.user(role="practitioner")  # another agency
    referrer = factories.user(agency_=practitioner.membership.agency)
    contact = factories.contact()

    for assignee in (elsewhere, referrer):
        with pytest.raises(ContactInvalid, match="Select a Front Door practitioner or manager from your team"):
            contact_assign(contact=contact, user=practitioner, version=contact.version, assignee=assignee)
    contact.refresh_from_db()
    assert contact.assigned_to is None and contact.version == 1


def test_reassigning_keeps_a_contact_awaiting_authorisation_in_that_status():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact()
    Contact.objects.filter(pk=contact.pk).update(status=Contact.Status.AWAITING_AUTHORISATION)
    contact.refresh_from_db()

    contact_assign(contact=contact, user=practitioner, version=contact.version)

    contact.refresh_from_db()
    assert (contact.assigned_to, contact.status) == (practitioner, Contact.Status.AWAITING_AUTHORISATION)


def test_a_decided_contact_cannot_be_assigned():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact()
    Contact.objects.filter(pk=contact.pk).update(status=Contact.Status.AUTHORISED)
    contact.refresh_from_db()

    with pytest.raises(ContactInvalid, match="has been decided"):
        contact_assign(contact=contact, user=practitioner, version=contact.version)
