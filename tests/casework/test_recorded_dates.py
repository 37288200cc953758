"""Steps recorded after the event (a practitioner catching up, the demo's year): the services take
the day it happened, and refuse a day before the step could have been, or in the future."""
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.errors import CaseworkError
from frontdoor.casework.models import Episode
from frontdoor.casework.services import assessment_authorise, assessment_submit, episode_allocate
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories
from tests.casework.journey import team_staff

pytestmark = pytest.mark.django_db
DAYS_AGO = 30


def _referred_a_month_ago(staff) -> Episode:
    practitioner, manager, *_ = staff
    contact = factories.contact()
    child = ContactChild.objects.get(contact=contact)
    contact_child_link(user=practitioner, contact_child=child, person=factories.person())
    contact.refresh_from_db()
    then = timezone.now() - timedelta(days=DAYS_AGO)
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=3,
                               outcome_codes=["L3.2"], rationale="Needs an assessment.", social_worker_name="Sam Patel",
                               decided_at=then)
    decision_authorise(manager=manager, decision=decision, version=decision.version,
                       authorised_at=then + timedelta(hours=1))
    return Episode.objects.get(contact_child=child)


def test_a_decision_authorised_in_the_past_refers_the_child_that_day():
    staff = team_staff()
    episode = _referred_a_month_ago(staff)
    then = timezone.localdate() - timedelta(days=DAYS_AGO)
    assert episode.referral_date == then
    assert episode.contact_child.contact.decision.decided_at.date() == then
    *_, team_manager, worker = staff
    allocated_at = timezone.now() - timedelta(days=DAYS_AGO - 1)
    episode_allocate(manager=team_manager, episode=episode, worker=worker, version=episode.version,
                     allocated_at=allocated_at)
    assert episode.allocations.get().allocated_at == allocated_at


def test_an_assessment_completed_and_authorised_on_past_days():
    staff = team_staff()
    *_, team_manager, worker = staff
    assessment = _referred_a_month_ago(staff).assessments.get()
    completed = assessment.started_on + timedelta(days=20)
    assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Analysis.",
                      factors=["21"], outcome="nfa", submitted_on=completed)
    assessment_authorise(manager=team_manager, assessment=assessment, version=assessment.version,
                         authorised_on=completed + timedelta(days=1))
    assessment.episode.refresh_from_db()
    assert (assessment.submitted_on, assessment.authorised_on) == (completed, completed + timedelta(days=1))
    assert assessment.episode.closed_on == completed + timedelta(days=1)  # no further action closes it that day


@pytest.mark.parametrize("days_after_start, message", [(-1, "cannot be before"), (DAYS_AGO + 1, "in the future")])
def test_an_assessment_cannot_be_completed_before_it_started_or_in_the_future(days_after_start, message):
    staff = team_staff()
    *_, worker = staff
    assessment = _referred_a_month_ago(staff).assessments.get()
    with pytest.raises(CaseworkError, match=message):
        assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Analysis.",
                          factors=["21"], outcome="nfa",
                          submitted_on=assessment.started_on + timedelta(days=days_after_start))


def test_an_assessment_cannot_be_authorised_before_it_was_completed():
    staff = team_staff()
    *_, team_manager, worker = staff
    assessment = _referred_a_month_ago(staff).assessments.get()
    completed = assessment.started_on + timedelta(days=10)
    assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Analysis.",
                      factors=["21"], outcome="nfa", submitted_on=completed)
    with pytest.raises(CaseworkError, match="cannot be before"):
        assessment_authorise(manager=team_manager, assessment=assessment, version=assessment.version,
                             authorised_on=completed - timedelta(days=1))
