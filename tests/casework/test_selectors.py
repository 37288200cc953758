from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.models import Episode
from frontdoor.casework.selectors import re_referrals
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories

pytestmark = pytest.mark.django_db


def _contact_about(person):
    contact = factories.contact()
    contact_child_link(user=factories.user(role="practitioner"), contact_child=ContactChild.objects.get(contact=contact),
                       person=person)
    return contact


def _closed(person, *, on: date) -> Episode:
    return Episode.objects.create(person=person, referral_date=on - timedelta(days=40), source=Episode.Source.SCHOOLS,
                                  closed_on=on, closure_reason=Episode.ClosureReason.NFA_AFTER_ASSESSMENT)


def test_a_contact_within_12_months_of_a_closed_episode_is_a_re_referral_and_later_ones_are_not():
    today = timezone.localdate()
    recent, long_ago, never = factories.person(), factories.person(given_name="Rose"), factories.person(given_name="Ava")
    episode = _closed(recent, on=today - timedelta(days=300))
    _closed(long_ago, on=today - timedelta(days=400))
    contacts = [_contact_about(person) for person in (recent, long_ago, never)]

    flags = re_referrals(contacts=contacts)

    assert flags == {contacts[0].pk: episode}


def test_an_open_episode_is_not_a_re_referral():
    child = factories.person()
    Episode.objects.create(person=child, referral_date=timezone.localdate(), source=Episode.Source.SCHOOLS)
    assert re_referrals(contacts=[_contact_about(child)]) == {}
