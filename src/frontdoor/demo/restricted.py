"""A restricted record in the demo: a child of a member of Front Door staff, sealed by the manager
(manager@demo.test) to the manager and one practitioner (practitioner@demo.test). The other
practitioner (practitioner2@demo.test) finds neither the child nor their contacts, and each try is
in the child's access log, which the manager reads from the child's page."""
from django.contrib.auth import get_user_model

from frontdoor.intake.models import Contact, ContactChild
from frontdoor.people.models import Person, PersonRestriction
from frontdoor.people.services import person_restrict

REASON = "The child of a member of Front Door staff"


def load_demo_restricted_record() -> PersonRestriction | None:
    """Seal the first child (by name) whose contacts are all decided and authorised, so the queue and
    the demo's walkthroughs of open work are not changed by it."""
    open_mentions = ContactChild.objects.exclude(contact__status=Contact.Status.AUTHORISED).values("person_id")
    child = (Person.objects.filter(kind=Person.Kind.CHILD, merged_into__isnull=True, contact_mentions__isnull=False)
             .exclude(pk__in=open_mentions).exclude(given_name="").order_by("family_name", "given_name", "pk").first())
    if child is None:
        return None
    users = get_user_model().objects
    return person_restrict(manager=users.get(username="manager@demo.test"), person=child, reason=REASON,
                           permitted_ids=[users.get(username="practitioner@demo.test").pk], version=None)
