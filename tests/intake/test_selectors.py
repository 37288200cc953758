import pytest
from django.http import Http404

from frontdoor.agencies.models import Agency
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.selectors import contact_get_for, contact_queue, contacts_visible_to
from tests import factories

pytestmark = pytest.mark.django_db


def test_referrer_sees_only_their_agencys_contacts_and_others_are_not_found():
    school_a, school_b = factories.agency(name="A"), factories.agency(name="B")
    teacher_a, teacher_b = factories.user(agency_=school_a), factories.user(agency_=school_b)
    mine, theirs = factories.contact(submitted_by=teacher_a), factories.contact(submitted_by=teacher_b)

    assert list(contacts_visible_to(user=teacher_a)) == [mine]
    with pytest.raises(Http404):
        contact_get_for(user=teacher_a, contact_id=theirs.pk, reason="test")


def test_viewing_a_contact_writes_the_access_log():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact()

    contact_get_for(user=practitioner, contact_id=contact.pk, reason="Front Door worked on the contact")

    entry = AccessLogEntry.objects.get(user=practitioner, action="view")
    assert (entry.target_type, entry.target_id, entry.reason) == ("intake.contact", str(contact.pk), "Front Door worked on the contact")


def test_administrator_and_other_roles_see_no_contacts():
    factories.contact()
    admin = factories.user(role="administrator", agency_=factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY))
    assert contacts_visible_to(user=admin).count() == 0


def test_queue_puts_urgent_first_then_least_time_left():
    practitioner = factories.user(role="practitioner")
    referrer = factories.user()
    routine = factories.contact(submitted_by=referrer)
    urgent = factories.contact(submitted_by=referrer, immediate_answers={"immediate_1": True})

    assert list(contact_queue(user=practitioner))[:2] == [urgent, routine]
