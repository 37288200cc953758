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


def _queue(user, **filters):
    from django.utils import timezone

    from frontdoor.intake.selectors import contact_queue_filtered

    return set(contact_queue_filtered(user=user, now=timezone.now(), **filters))


def test_queue_search_finds_by_child_reference_referrer_and_agency():
    practitioner = factories.user(role="practitioner")
    oak = factories.user(agency_=factories.agency(name="Oakfield Primary"))
    elm = factories.user(agency_=factories.agency(name="Elm High"))
    ruby = factories.contact(submitted_by=oak)
    tyler = factories.contact(submitted_by=elm, referrer_name="Jo Brown",
                              children=(factories.child_draft(given_name="Tyler", family_name=""),))

    assert _queue(practitioner, text="tyler") == {tyler}
    assert _queue(practitioner, text="Ruby Hartley") == {ruby}
    assert _queue(practitioner, text=tyler.reference.lower()) == {tyler}
    assert _queue(practitioner, text="Jo Brown") == {tyler}
    assert _queue(practitioner, text="oakfield") == {ruby}
    assert _queue(practitioner, text="nobody") == set()
    assert _queue(oak, text="Tyler") == set()  # a referrer's queue is still only their agency's


def test_queue_filters_urgent_status_level_agency_kind_overdue_and_mine():
    from datetime import timedelta

    from django.utils import timezone

    from frontdoor.intake.models import Contact

    practitioner = factories.user(role="practitioner")
    school = factories.contact()
    gp = factories.contact(submitted_by=factories.user(agency_=factories.agency(kind=Agency.Kind.GP)))
    Contact.objects.filter(pk=gp.pk).update(is_urgent=True, status=Contact.Status.IN_PROGRESS,
                                            decision_due_at=timezone.now() - timedelta(hours=1),
                                            assigned_to=practitioner)

    assert _queue(practitioner, urgent=True) == {gp}
    assert _queue(practitioner, status="new") == {school}
    assert _queue(practitioner, agency_kind="gp") == {gp}
    assert _queue(practitioner, overdue=True) == {gp}
    assert _queue(practitioner, assignee=practitioner) == {gp}
    assert _queue(practitioner, level=3) == set()


def test_assignees_are_the_front_door_people_of_the_users_agency():
    from frontdoor.intake.selectors import contact_assignees

    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    factories.user(role="practitioner")  # another agency
    factories.user(agency_=practitioner.membership.agency)  # a referrer
    referrer = factories.user()

    assert set(contact_assignees(user=practitioner)) == {practitioner, manager}
    assert list(contact_assignees(user=referrer)) == []


def test_queue_filters_by_the_decision_level_when_one_is_recorded():
    from django.utils import timezone

    from frontdoor.decisions.models import Decision

    practitioner = factories.user(role="practitioner")
    decided, undecided = factories.contact(), factories.contact()
    Decision.objects.create(contact=decided, level=3, rationale="Assess.", decided_by=practitioner, tool_id="test",
                            tool_version="1", decided_at=timezone.now(), social_worker_name="Sam Patel")

    assert _queue(practitioner, level=3) == {decided}
    assert _queue(practitioner, level=2) == set()
    assert undecided in _queue(practitioner)
