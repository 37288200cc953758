"""Child in need plans: started by the team manager after an assessment, an enquiry or a conference
that decided on one; reviewed every 3 months by default; never open alongside a child protection
plan (the census rule); and closing an episode with its census reason, never while a plan is open."""
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.casework.clocks import add_months
from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import (
    Assessment, ChildInNeedPlan, EarlyHelpOffer, Episode, InitialChildProtectionConference, Section47Enquiry,
)
from frontdoor.casework.selectors import caseload, episode_due, episodes_visible_to
from frontdoor.casework.services import (
    cin_plan_end, cin_plan_review_record, cin_plan_start, episode_close, initial_conference_record,
    section_47_record,
)
from tests.casework.journey import assessed, authorised, conference_scheduled, enquiry_opened, plan_started, weekday_ago

pytestmark = pytest.mark.django_db


def _started(staff, *, days_ago=10) -> ChildInNeedPlan:
    *_, team_manager, _ = staff
    episode = assessed(staff, outcome=Assessment.Outcome.CIN_PLAN)
    Episode.objects.filter(pk=episode.pk).update(referral_date=timezone.localdate() - timedelta(days=days_ago + 5))
    episode.refresh_from_db()
    return cin_plan_start(manager=team_manager, episode=episode, version=episode.version,
                          started_on=timezone.localdate() - timedelta(days=days_ago))


def test_an_assessment_deciding_a_cin_plan_lets_the_team_manager_start_one_reviewed_within_3_months(staff):
    plan = _started(staff)
    assert plan.review_months == 3 and plan.ended_on is None
    [due] = episode_due(Episode.objects.prefetch_related("cin_plans__reviews").get(pk=plan.episode_id))
    assert (due.what, due.due_on) == ("Child in need plan review", add_months(plan.started_on, 3))


def test_a_review_moves_the_next_one_on_and_my_cases_shows_it(staff):
    *_, team_manager, worker = staff
    plan = _started(staff, days_ago=30)
    episode = plan.episode
    Episode.objects.filter(pk=episode.pk).update(allocated_to=worker)
    cin_plan_review_record(user=worker, plan=plan, version=plan.version, held_on=timezone.localdate())
    [row] = caseload(user=worker, episodes=episodes_visible_to(user=worker).filter(allocated_to=worker),
                     reason="My cases", today=timezone.localdate())
    assert (row.next_due.what, row.next_due.due_on) == ("Child in need plan review",
                                                        add_months(timezone.localdate(), 3))


def test_only_the_team_manager_starts_a_plan_and_only_when_something_decided_on_one(staff):
    *_, team_manager, worker = staff
    episode = authorised(staff, level=3, codes=["L3.2"])
    with pytest.raises(CaseworkError, match="team manager"):
        cin_plan_start(manager=worker, episode=episode, version=episode.version, started_on=timezone.localdate())
    with pytest.raises(CaseworkError, match="follows an authorised assessment"):
        cin_plan_start(manager=team_manager, episode=episode, version=episode.version,
                       started_on=timezone.localdate())


def test_an_enquiry_substantiated_without_continuing_risk_or_a_no_plan_conference_leads_to_a_plan(staff, chair):
    *_, team_manager, worker = staff
    enquiry = enquiry_opened(staff)
    section_47_record(user=worker, enquiry=enquiry, version=enquiry.version, findings="Found.",
                      outcome=Section47Enquiry.Outcome.NOT_AT_CONTINUING_RISK, completed_on=weekday_ago(35))
    episode = Episode.objects.get(pk=enquiry.episode_id)
    assert cin_plan_start(manager=team_manager, episode=episode, version=episode.version,
                          started_on=timezone.localdate()).episode == episode

    conference = conference_scheduled(staff)
    initial_conference_record(user=chair, conference=conference, version=conference.version, held_on=weekday_ago(30),
                              chair=chair, attendees=["Police"],
                              decision=InitialChildProtectionConference.Decision.NO_PLAN)
    episode = Episode.objects.get(pk=conference.episode_id)
    cin_plan_start(manager=team_manager, episode=episode, version=episode.version, started_on=timezone.localdate())


def test_a_cp_plan_ends_an_open_cin_plan_the_day_before_and_a_cin_plan_is_refused_while_it_is_open(staff, chair):
    *_, team_manager, worker = staff
    conference = conference_scheduled(staff)
    episode = conference.episode
    ChildInNeedPlan.objects.create(episode=episode, started_on=weekday_ago(40), started_by=team_manager)
    initial_conference_record(user=chair, conference=conference, version=conference.version, held_on=weekday_ago(30),
                              chair=chair, attendees=["Police"],
                              decision=InitialChildProtectionConference.Decision.PLAN, category="NEG")
    cin = episode.cin_plans.get()
    assert cin.ended_on == conference.held_on - timedelta(days=1)
    assert cin.end_reason == ChildInNeedPlan.EndReason.CHILD_PROTECTION

    episode.refresh_from_db()
    with pytest.raises(CaseworkError, match="Ruby Hartley has a child protection plan: a child in need plan cannot"):
        cin_plan_start(manager=team_manager, episode=episode, version=episode.version, started_on=timezone.localdate())


def test_ending_a_plan_needs_a_reason_and_stepping_down_offers_early_help(staff):
    *_, team_manager, _ = staff
    plan = _started(staff)
    with pytest.raises(CaseworkError, match="Choose why"):
        cin_plan_end(manager=team_manager, plan=plan, version=plan.version, ended_on=timezone.localdate(), reason="")
    shown = plan.version
    cin_plan_end(manager=team_manager, plan=plan, version=shown, ended_on=timezone.localdate(),
                 reason=ChildInNeedPlan.EndReason.STEP_DOWN_EARLY_HELP)
    assert EarlyHelpOffer.objects.get(from_episode=plan.episode).offered_on == timezone.localdate()
    with pytest.raises(CaseworkError):
        cin_plan_end(manager=team_manager, plan=plan, version=shown, ended_on=timezone.localdate(),
                     reason=ChildInNeedPlan.EndReason.NEEDS_MET)


def test_an_episode_closes_with_its_census_reason_but_not_while_a_plan_is_open(staff, chair):
    *_, team_manager, _ = staff
    plan = _started(staff)
    episode = plan.episode
    with pytest.raises(CaseworkError, match="open child in need plan"):
        episode_close(manager=team_manager, episode=episode, version=episode.version,
                      closed_on=timezone.localdate(), reason="RC7")
    cin_plan_end(manager=team_manager, plan=plan, version=plan.version, ended_on=timezone.localdate(),
                 reason=ChildInNeedPlan.EndReason.NEEDS_MET)
    episode.refresh_from_db()
    with pytest.raises(CaseworkError, match="reason for closing"):
        episode_close(manager=team_manager, episode=episode, version=episode.version,
                      closed_on=timezone.localdate(), reason="RC99")
    episode_close(manager=team_manager, episode=episode, version=episode.version, closed_on=timezone.localdate(),
                  reason=Episode.ClosureReason.SERVICES_CEASED)
    episode.refresh_from_db()
    assert (episode.closed_on, episode.closure_reason) == (timezone.localdate(), "RC7")

    cp_episode = plan_started(staff, chair).episode
    with pytest.raises(CaseworkError, match="open child protection plan"):
        episode_close(manager=team_manager, episode=cp_episode, version=cp_episode.version,
                      closed_on=timezone.localdate(), reason="RC7")


def test_a_stale_closure_is_refused(staff):
    *_, team_manager, _ = staff
    episode = authorised(staff, level=3, codes=["L3.2"])
    with pytest.raises(CaseworkConflict):
        episode_close(manager=team_manager, episode=episode, version=episode.version - 1,
                      closed_on=timezone.localdate(), reason="RC8")


def test_the_close_page_refuses_while_a_cp_plan_is_open_with_the_reason_in_the_error_summary(staff, chair):
    *_, team_manager, _ = staff
    episode = plan_started(staff, chair).episode
    client = Client()
    client.force_login(team_manager)
    assert "Close the episode" in client.get(f"/social-care/episodes/{episode.pk}").content.decode()
    day = timezone.localdate()
    response = client.post(f"/social-care/episodes/{episode.pk}/close", {
        "closed_on_0": day.day, "closed_on_1": day.month, "closed_on_2": day.year, "reason": "RC7",
        "version": episode.version})
    page = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in page
    assert "has an open child protection plan: end it at a review conference before closing" in page
    assert Episode.objects.get(pk=episode.pk).closed_on is None
