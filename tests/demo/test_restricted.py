import pytest

from frontdoor.demo.restricted import load_demo_restricted_record
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.people.selectors import persons_visible_to
from tests import factories

pytestmark = pytest.mark.django_db


def _demo_user(email, role):
    return factories.user(role=role, email=email)


def test_the_demo_seals_a_child_with_no_open_contact_to_the_manager_and_one_practitioner():
    manager = _demo_user("manager@demo.test", "manager")
    named = _demo_user("practitioner@demo.test", "practitioner")
    other = _demo_user("practitioner2@demo.test", "practitioner")
    open_child, closed_child = factories.person(given_name="Ada"), factories.person(given_name="Zoe")
    for child, status in ((open_child, Contact.Status.NEW), (closed_child, Contact.Status.AUTHORISED)):
        contact = factories.contact()
        Contact.objects.filter(pk=contact.pk).update(status=status)
        ContactChild.objects.filter(contact=contact).update(person=child)

    restriction = load_demo_restricted_record()

    assert restriction.person == closed_child
    assert set(restriction.permitted.all()) == {manager, named}
    assert not persons_visible_to(user=other).filter(pk=closed_child.pk).exists()
