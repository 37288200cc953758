"""A restricted child's records in the other streams (social care episodes, early help, missing
episodes, private fostering arrangements, exploitation screenings, escalations) are hidden as the person is: only the people the
restriction names see them, and every refused attempt on one is in the access log."""
from datetime import date

import pytest
from django.http import Http404

from frontdoor.agencies.models import Membership
from frontdoor.casework import selectors as casework
from frontdoor.casework.models import EarlyHelpOffer
from frontdoor.escalations import selectors as escalations
from frontdoor.escalations.services import disagreement_raise
from frontdoor.exploitation import selectors as exploitation
from frontdoor.exploitation.services import cse_screening_record
from frontdoor.fostering import selectors as fostering
from frontdoor.fostering.models import Arrangement
from frontdoor.governance.models import AccessLogEntry
from frontdoor.lado import selectors as lado
from frontdoor.marac import selectors as marac
from frontdoor.marac.models import MaracCase, MaracMeeting
from frontdoor.missing import selectors as missing
from frontdoor.people.services import person_restrict
from tests import factories
from tests.casework.journey import authorised, decided, team_staff
from tests.escalations.decided import decided_contact
from tests.exploitation.helpers import contact_with_child
from tests.fostering.test_services import notify
from tests.lado.test_services import refer
from tests.missing.episodes import episodes

pytestmark = pytest.mark.django_db


def _restrict(person, *named):
    manager = factories.user(role="manager")
    person_restrict(manager=manager, person=person, reason="The child of a member of staff",
                    permitted_ids=[user.pk for user in named], version=None)


def _refused(user, person) -> bool:
    return AccessLogEntry.objects.filter(user=user, target_id=str(person.pk),
                                         action=AccessLogEntry.Action.REFUSED).exists()


def test_the_episode_is_hidden_from_a_social_worker_the_restriction_does_not_name():
    staff = team_staff()
    *_, team_manager, worker = staff
    episode = authorised(staff, level=3, codes=["L3.2"])
    _restrict(episode.person, team_manager)

    assert casework.episodes_visible_to(user=team_manager).filter(pk=episode.pk).exists()
    assert not casework.episodes_visible_to(user=worker).filter(pk=episode.pk).exists()
    with pytest.raises(Http404):
        casework.episode_get_for(user=worker, episode_id=episode.pk, reason="Viewed the episode")
    assert _refused(worker, episode.person)


def test_the_early_help_offer_is_hidden_from_a_lead_professional_it_does_not_name():
    staff = team_staff()
    offer = EarlyHelpOffer.objects.get(contact_child=decided(staff, level=2, codes=["L2.2"]))
    named, other = (factories.user(role="early_help_lead") for _ in range(2))
    _restrict(offer.person, named)

    assert casework.early_help_offers_visible_to(user=named).filter(pk=offer.pk).exists()
    assert not casework.early_help_offers_visible_to(user=other).filter(pk=offer.pk).exists()


def test_missing_episodes_are_hidden_from_a_coordinator_it_does_not_name():
    named, other = (factories.user(role=Membership.Role.MISSING_COORDINATOR) for _ in range(2))
    child = factories.person()
    [episode] = episodes(child, 1)
    _restrict(child, named)

    assert missing.episodes_visible_to(user=named).filter(pk=episode.pk).exists()
    assert not missing.episodes_visible_to(user=other).exists()
    with pytest.raises(Http404):
        missing.episode_get_for(user=other, episode_id=episode.pk, reason="Viewed the missing episode")
    assert _refused(other, child)


def test_a_private_fostering_arrangement_is_hidden_from_a_worker_it_does_not_name():
    named, other = (factories.user(role=Membership.Role.PRIVATE_FOSTERING_WORKER) for _ in range(2))
    child = factories.person()
    arrangement = notify(named)
    Arrangement.objects.filter(pk=arrangement.pk).update(child=child)
    _restrict(child, named)

    assert fostering.arrangement_get_for(user=named, arrangement_id=arrangement.pk, reason="Viewed") == arrangement
    assert not fostering.arrangements_visible_to(user=other).exists()
    with pytest.raises(Http404):
        fostering.arrangement_get_for(user=other, arrangement_id=arrangement.pk, reason="Viewed")
    assert _refused(other, child)



def test_a_restricted_childs_marac_case_is_seen_only_by_those_named():
    named, other = factories.user(role="marac_coordinator"), factories.user(role="marac_coordinator")
    victim, child = factories.person(given_name="Dawn"), factories.person(given_name="Ruby")
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=named)
    case = MaracCase.objects.create(meeting=meeting, victim=victim, referring_agency=factories.agency(kind="police"),
                                    lawful_basis="safeguarding", is_repeat=False, created_by=named)
    case.children.add(child)
    _restrict(child, named)

    assert marac.meeting_get_for(user=named, meeting_id=meeting.pk)[1] == [case]
    assert marac.meeting_get_for(user=other, meeting_id=meeting.pk)[1] == []


def test_an_exploitation_screening_is_hidden_from_a_practitioner_it_does_not_name():
    named, other = (factories.user(role=Membership.Role.PRACTITIONER) for _ in range(2))
    contact, child = contact_with_child()
    screening = cse_screening_record(user=named, source=contact, child=child, answers={"example_disclosure": True},
                                     sen="K", decided_level="medium", rationale="A man gives her lifts.")
    _restrict(child, named)

    assert exploitation.screening_get_for(user=named, screening_id=screening.pk) == screening
    assert exploitation.recent_screenings(user=other) == []
    with pytest.raises(Http404):
        exploitation.screening_get_for(user=other, screening_id=screening.pk)
    assert _refused(other, child)


def test_an_escalation_about_a_restricted_childs_contact_is_hidden_from_staff_it_does_not_name():
    contact, referrer, practitioner, manager = decided_contact()
    escalation = disagreement_raise(user=referrer, contact=contact, reason="Bruising seen twice", level_sought=3)
    child = contact.children.get().person
    _restrict(child, manager)

    assert escalations.escalation_get_for(user=manager, escalation_id=escalation.pk, reason="Viewed") == escalation
    assert escalations.escalation_list(user=practitioner) == []
    with pytest.raises(Http404):
        escalations.escalation_get_for(user=practitioner, escalation_id=escalation.pk, reason="Viewed")
    assert _refused(practitioner, child)


def test_a_restricted_child_linked_to_a_lado_referral_is_seen_only_by_a_lado_the_restriction_names():
    named, other = factories.user(role=Membership.Role.LADO), factories.user(role=Membership.Role.LADO)
    referral, child = refer(), factories.person()
    referral.children.add(child)
    _restrict(child, named)

    assert lado.referral_children(user=named, referral=referral) == [child]
    assert lado.referral_children(user=other, referral=referral) == []
    assert _refused(other, child)
