from datetime import date

import pytest

from frontdoor.demo.finding import load_demo_known_by_first_name
from frontdoor.people.models import Person
from frontdoor.people.selectors import person_find
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_newest_pupil_contact_names_the_child_by_first_name_and_school_only_and_the_search_finds_them():
    tyler = factories.person(given_name="Tyler", family_name="Brooks")
    Person.objects.filter(pk=tyler.pk).update(school=factories.agency(name="Nettlecombe Vale Primary School"))
    contact = factories.contact(children=(factories.child_draft(given_name="Tylor", family_name="Brooks"),))
    contact.children.update(person=tyler)

    child = load_demo_known_by_first_name()

    assert child.contact_id == contact.pk
    assert (child.given_name, child.family_name, child.date_of_birth, child.person) == ("Tyler", "", None, None)
    assert child.school_name == "Nettlecombe Vale Primary School"
    practitioner = factories.user(role="practitioner")
    assert person_find(user=practitioner, today=date(2026, 12, 4), given_name=child.given_name,
                       school="Nettlecombe Vale") == [tyler]


def test_nothing_happens_without_a_linked_pupil():
    factories.contact()

    assert load_demo_known_by_first_name() is None


def test_the_coach_flags_follow_what_the_referrer_now_gave():
    tyler = factories.person(given_name="Tyler", family_name="Brooks")
    Person.objects.filter(pk=tyler.pk).update(school=factories.agency(name="Nettlecombe Vale Primary School"))
    contact = factories.contact()
    contact.children.update(person=tyler)
    before = contact.quality_flags

    load_demo_known_by_first_name()

    contact.refresh_from_db()
    assert contact.quality_flags != before
