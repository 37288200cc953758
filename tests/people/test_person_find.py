"""The person search from the Front Door menu (people.selectors.person_find) and its form."""
from datetime import date

import pytest

from frontdoor.agencies.models import Agency
from frontdoor.people.forms import PersonFindForm
from frontdoor.people.models import Person
from frontdoor.people.selectors import log_person_find_results, person_find
from tests import factories
from tests.access_log import ids, logged

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 4)


@pytest.fixture
def people():
    school = factories.agency(name="Nettlecombe Vale Primary School")
    tyler = factories.person(given_name="Tyler", family_name="Brooks", date_of_birth=date(2017, 6, 1),
                             postcode="FD3 9XY", nhs_number="9434765919")
    Person.objects.filter(pk=tyler.pk).update(school=school)
    other_tyler = factories.person(given_name="Tyler", family_name="Hughes", date_of_birth=date(2012, 1, 5))
    ruby = factories.person()
    return tyler, other_tyler, ruby


def _find(user, **criteria):
    return person_find(user=user, today=TODAY, **criteria)


def test_first_name_and_school_find_the_child_without_a_surname(people):
    tyler, other_tyler, _ = people
    practitioner = factories.user(role="practitioner")

    assert _find(practitioner, given_name="Tyler", school="Nettlecombe Vale") == [tyler]
    assert set(_find(practitioner, given_name="tyler")) == {tyler, other_tyler}


def test_a_school_named_on_a_contact_finds_the_child_linked_to_it(people):
    _, other_tyler, _ = people
    practitioner = factories.user(role="practitioner")
    contact = factories.contact(children=(factories.child_draft(given_name="Tyler", school_name="Heronsgate Vale"),))
    contact.children.update(person=other_tyler)

    assert _find(practitioner, given_name="Tyler", school="heronsgate") == [other_tyler]


def test_age_date_of_birth_postcode_and_nhs_number_each_narrow_the_search(people):
    tyler, other_tyler, ruby = people
    practitioner = factories.user(role="practitioner")

    assert _find(practitioner, given_name="Tyler", age=9) == [tyler]
    assert _find(practitioner, age=14) == [other_tyler]
    assert _find(practitioner, date_of_birth=date(2017, 3, 14)) == [ruby]
    assert _find(practitioner, postcode="fd39xy") == [tyler]
    assert _find(practitioner, nhs_number="943 476 5919") == [tyler]
    assert _find(practitioner, family_name="Brooks", nhs_number="9434765919") == [tyler]
    assert _find(practitioner, family_name="Hughes", nhs_number="9434765919") == []
    assert _find(practitioner) == []


def test_only_front_door_staff_find_anyone(people):
    referrer = factories.user()
    social_worker = factories.user(role="social_worker", agency_=factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY))

    assert _find(referrer, given_name="Tyler") == []
    assert _find(social_worker, given_name="Tyler") == []


def test_each_person_shown_is_logged(people):
    tyler, other_tyler, _ = people
    practitioner = factories.user(role="practitioner")

    log_person_find_results(user=practitioner, people=[tyler, other_tyler])

    assert logged(user=practitioner, reason="Shown in a person search") == ids([tyler, other_tyler])


@pytest.mark.parametrize(("data", "message"), [
    ({}, "Enter a name, date of birth, age, school, postcode or NHS number to search"),
    ({"nhs_number": "9434765918"}, "is not valid"),
    ({"nhs_number": "12345"}, "Enter the NHS number as 10 digits"),
    ({"age": "nine"}, "Enter the age as a whole number of years, like 9"),
    ({"postcode": "FD1 2A!"}, "Enter a real postcode, like FD1 2AB"),
    ({"age": "9", "date_of_birth_0": "1", "date_of_birth_1": "6", "date_of_birth_2": "2017"},
     "Enter a date of birth or an age, not both"),
])
def test_bad_search_input_gets_a_specific_message(data, message):
    form = PersonFindForm(data)

    assert not form.is_valid()
    assert any(message in error for errors in form.errors.values() for error in errors)
