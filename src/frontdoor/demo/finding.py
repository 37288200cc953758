"""A child known only by a first name and a school ("Tyler at Nettlecombe Vale"): the demo's newest new contact
about a pupil is made so, as a referrer who knew no more would have sent it, and the child is left for the
practitioner to find with "Find a person"."""
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.intake.services import contact_quality_flags


def load_demo_known_by_first_name() -> ContactChild | None:
    child = (ContactChild.objects.filter(contact__status=Contact.Status.NEW, person__isnull=False,
                                         person__school__isnull=False, is_unborn=False)
             .exclude(person__given_name="")
             .select_related("person__school").order_by("-contact__received_at", "contact__reference").first())
    if child is None:
        return None
    person = child.person
    ContactChild.objects.filter(pk=child.pk).update(
        given_name=person.given_name, family_name="", date_of_birth=None, address="", postcode="", nhs_number="",
        father_name="", school_name=person.school.name, person=None)
    child.refresh_from_db()
    contact = Contact.objects.select_related("referrer_agency").get(pk=child.contact_id)
    Contact.objects.filter(pk=contact.pk).update(quality_flags=contact_quality_flags(contact=contact))
    return child
