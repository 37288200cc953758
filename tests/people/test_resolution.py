from datetime import date

import pytest

from frontdoor.people.models import Person
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create
from tests import factories

pytestmark = pytest.mark.django_db


def test_nhs_number_match_links_to_the_existing_person():
    ruby = factories.person(nhs_number="9434765919")
    person, created = person_resolve_or_create(PersonDescription(family_name="Hartly", given_name="R", nhs_number="9434765919"))
    assert (person, created) == (ruby, False)


def test_exact_name_and_date_of_birth_links_but_a_sibling_does_not():
    ruby = factories.person()
    person, created = person_resolve_or_create(
        PersonDescription(family_name="hartley", given_name="RUBY", date_of_birth=date(2017, 3, 14)))
    assert (person, created) == (ruby, False)
    sister, created = person_resolve_or_create(
        PersonDescription(family_name="Hartley", given_name="Rose", date_of_birth=date(2015, 6, 1), postcode="FD1 2AB"))
    assert created and sister != ruby
    assert sister.current_address.postcode == "FD1 2AB"


def test_two_identical_candidates_are_never_guessed_between():
    factories.person()
    factories.person()
    person, created = person_resolve_or_create(
        PersonDescription(family_name="Hartley", given_name="Ruby", date_of_birth=date(2017, 3, 14)))
    assert created
    assert Person.objects.count() == 3
