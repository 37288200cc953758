from django.db import transaction

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.models import Address, Person, Residence


@transaction.atomic
def contact_child_link(*, user, contact_child: ContactChild, person: Person) -> None:
    """Record that the child named in a contact is this person in the index."""
    contact_child.person = person
    contact_child.save(update_fields=["person"])
    access_log_record(user=user, target=person, reason=f"Linked to contact {contact_child.contact.reference}",
                      action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def contact_child_unlink(*, user, contact_child: ContactChild) -> None:
    person = contact_child.person
    contact_child.person = None
    contact_child.save(update_fields=["person"])
    if person is not None:
        access_log_record(user=user, target=person, reason=f"Unlinked from contact {contact_child.contact.reference}",
                          action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def person_create_from_contact_child(*, user, contact_child: ContactChild) -> Person:
    """No one in the index matches: create the child from what the referrer told us, and link it."""
    person = Person.objects.create(
        kind=Person.Kind.UNBORN if contact_child.is_unborn else Person.Kind.CHILD,
        given_name=contact_child.given_name,
        family_name=contact_child.family_name,
        date_of_birth=contact_child.date_of_birth,
        expected_date=contact_child.expected_date,
        sex=contact_child.sex or Person.Sex.UNKNOWN,
        nhs_number=contact_child.nhs_number,
    )
    if contact_child.address or contact_child.postcode:
        address = Address.objects.create(line1=contact_child.address or "Address not given", postcode=contact_child.postcode)
        Residence.objects.create(person=person, address=address, from_date=None)
    access_log_record(user=user, target=person, reason="Created from a contact", action=AccessLogEntry.Action.CREATE)
    contact_child_link(user=user, contact_child=contact_child, person=person)
    return person
