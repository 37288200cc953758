"""`frontdoor load-demo`: a small year, loaded once for the module, has every step of the journey;
the CIN census built from it has what issue 14 asks for; a database with children is refused."""
from datetime import date, timedelta

import pytest
from django.db import transaction

from frontdoor.casework import models as casework
from frontdoor.casework.selectors import episode_due, re_referrals
from frontdoor.decisions.models import Decision
from frontdoor.demo.year import load_year_demo
from frontdoor.exploitation.models import CseScreening
from frontdoor.fostering.models import Arrangement
from frontdoor.intake.models import Contact
from frontdoor.lado.models import LadoReferral
from frontdoor.marac.models import MaracCase
from frontdoor.messaging.models import OutboxMessage
from frontdoor.missing.models import MissingEpisode
from frontdoor.people.models import PersonRestriction
from frontdoor.reporting.cin_census import census_reference_date, cin_census_build
from frontdoor.triage.models import PoliceNotification, TriageMeeting

TODAY = date(2026, 3, 30)  # so that the months loaded are one census year's (to 31 March 2026)
CHILDREN = 40  # the showcase journeys (one of each path) and some drawn at random
MONTHS = 11


@pytest.fixture(scope="module")
def year(django_db_setup, django_db_blocker):
    """Loaded once and rolled back after the module, so that other tests meet an empty database."""
    with django_db_blocker.unblock(), transaction.atomic():
        summary = load_year_demo(children=CHILDREN, months=MONTHS, seed=2026, today=TODAY)
        yield summary
        transaction.set_rollback(True)


def _values(model, field: str, **filters) -> set:
    return set(model.objects.filter(**filters).values_list(field, flat=True))


@pytest.mark.django_db
def test_the_front_door_decides_at_every_level_over_the_months(year):
    assert _values(Decision, "level") == {1, 2, 3, 4}
    received = sorted(Contact.objects.values_list("received_at", flat=True))
    assert received[0].date() < TODAY - timedelta(days=270) and received[-1].date() >= TODAY - timedelta(days=14)
    assert Contact.objects.count() > CHILDREN  # some children come back
    assert re_referrals(contacts=Contact.objects.all())  # within 12 months of a closure


@pytest.mark.django_db
def test_early_help_is_offered_consented_to_or_declined_and_ends_with_its_reason(year):
    offers = casework.EarlyHelpOffer.objects
    assert _values(casework.EarlyHelpOffer, "status") == {"offered", "accepted", "declined"}
    assert offers.filter(eha_completed_on__isnull=False).exists()
    assert casework.TeamAroundTheChildMeeting.objects.exists()
    assert {"outcomes_met", "stepped_up"} <= _values(casework.EarlyHelpOffer, "closure_reason")
    assert offers.filter(stepped_up_to__isnull=False).exists()  # step up to social care
    assert offers.filter(from_episode__isnull=False).exists()  # step down from it


@pytest.mark.django_db
def test_social_care_assesses_discusses_enquires_and_confers(year):
    assert _values(casework.Assessment, "outcome", authorised_on__isnull=False) == {
        "nfa", "cin_plan", "early_help", "strategy_discussion"}
    assert {"section_47", "joint_section_47", "assessment", "nfa"} <= _values(
        casework.StrategyDiscussion, "decision", held_at__isnull=False)
    assert _values(casework.Section47Enquiry, "outcome", completed_on__isnull=False) == {
        "icpc", "substantiated_no_risk", "not_substantiated"}
    assert _values(casework.InitialChildProtectionConference, "decision", held_on__isnull=False) == {"plan", "no_plan"}
    assert casework.Allocation.objects.exists()


@pytest.mark.django_db
def test_plans_are_reviewed_ended_and_some_children_come_back_to_a_second_one(year):
    plans = casework.ChildProtectionPlan.objects
    assert casework.ReviewConference.objects.filter(held_on__isnull=False, decision="continue").exists()
    assert plans.filter(ended_on__isnull=False).exists() and plans.filter(ended_on__isnull=True).exists()
    assert plans.filter(previous_plans__gte=1).exists()
    assert casework.ChildInNeedPlanReview.objects.exists()
    assert {"needs_met", "step_down_early_help"} <= _values(casework.ChildInNeedPlan, "end_reason")


@pytest.mark.django_db
def test_episodes_close_with_their_reasons_and_some_open_work_is_overdue(year):
    assert {"RC7", "RC8", "RC9"} <= _values(casework.Episode, "closure_reason")
    open_episodes = casework.Episode.objects.filter(closed_on__isnull=True)
    statuses = {due.status(TODAY) for episode in open_episodes for due in episode_due(episode)}
    assert {"overdue", "on_track"} <= statuses
    # The year's letters went at the time: the demo's worker is not left a year of them to send.
    assert not OutboxMessage.objects.filter(status="pending", about_id__in=[
        str(pk) for pk in Contact.objects.filter(received_at__date__lt=TODAY - timedelta(days=7)).values_list("pk", flat=True)])


@pytest.mark.django_db
def test_the_other_streams_are_there_too(year):
    assert PoliceNotification.objects.exists() and TriageMeeting.objects.exists()
    assert MissingEpisode.objects.exists() and LadoReferral.objects.exists() and Arrangement.objects.exists()
    assert CseScreening.objects.exists() and MaracCase.objects.exists()
    assert PersonRestriction.objects.exists()  # what `frontdoor demo` shows of each stream, `make demo` shows too


@pytest.mark.django_db
def test_the_cin_census_built_from_it_has_what_issue_14_lists(year):
    census = cin_census_build(reference_date=census_reference_date(TODAY), today=TODAY)
    episodes = [episode for child in census.children for episode in child.episodes]
    assert any(episode.nfa for episode in episodes)  # a referral with no further action
    assert any(a.authorised_on for episode in episodes for a in episode.assessments)
    assert any(episode.cin_plans for episode in episodes)
    assert any(episode.section_47s for episode in episodes)
    assert any(s47.icpc_on for episode in episodes for s47 in episode.section_47s)
    assert any(plan.reviews for episode in episodes for plan in episode.plans)
    assert any(episode.closure_reason for episode in episodes)
