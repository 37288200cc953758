from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.clocks import first_core_group_due
from frontdoor.casework.models import Episode, ReviewConference, Section47Enquiry
from frontdoor.casework.selectors import (
    CONFERENCE_STEP, WORKER_STEP, caseload, episode_due, episodes_visible_to, may_record, person_casework,
    re_referrals,
)
from frontdoor.casework.services import episode_allocate, section_47_record
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories
from tests.casework.journey import conference_scheduled, enquiry_opened, plan_started, review_held, weekday_ago

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


def _all_due(episode):
    return [(d.what, d.due_on) for d in episode_due(Episode.objects.get(pk=episode.pk))]


def _next_due(episode):
    return _all_due(episode)[:1]


def test_what_is_due_next_follows_the_child_from_enquiry_to_conference_to_review(staff, chair):
    *_, worker = staff
    enquiry = enquiry_opened(staff)
    episode = enquiry.episode
    assert _next_due(episode) == [("Section 47 enquiry", enquiry.due_on)]

    section_47_record(user=worker, enquiry=enquiry, version=enquiry.version, findings="Injuries unexplained.",
                      outcome=Section47Enquiry.Outcome.CONFERENCE, completed_on=weekday_ago(35))
    assert _next_due(episode) == [("Initial child protection conference", enquiry.initial_conference_target)]

    plan = plan_started(staff, chair)  # another child, walked to a plan: its core group is due first
    review = plan.reviews.get()
    assert _next_due(plan.episode) == [("First core group meeting", first_core_group_due(plan.started_on))]
    assert ("Review conference", review.due_on) in _all_due(plan.episode)
    review_held(review, chair, held_on=weekday_ago(10), decision=ReviewConference.Decision.CONTINUE)
    assert ("Review conference", plan.reviews.get(held_on__isnull=True).due_on) in _all_due(plan.episode)
    assert ("Review conference", review.due_on) not in _all_due(plan.episode)


def test_the_team_caseload_shows_the_overdue_conference_first_and_logs_each_child(staff, chair):
    _, _, team_manager, _ = staff
    overdue = conference_scheduled(staff)  # the strategy discussion was 40 days ago: the conference is overdue
    plan = plan_started(staff, chair)
    rows = caseload(user=team_manager, episodes=episodes_visible_to(user=team_manager), reason="Team's cases",
                    today=timezone.localdate())

    assert [row.episode for row in rows] == [overdue.episode, plan.episode]
    assert rows[0].next_due.status(timezone.localdate()) == "overdue"
    assert set(AccessLogEntry.objects.filter(reason="Team's cases").values_list("target_id", flat=True)) == {
        str(overdue.episode.pk), str(plan.episode.pk)}


def test_a_conference_chair_sees_children_with_a_conference_and_records_only_conferences(staff, chair):
    *_, team_manager, worker = staff
    enquiry = enquiry_opened(staff)
    conference = conference_scheduled(staff)
    episode_allocate(manager=team_manager, episode=enquiry.episode, worker=worker, version=enquiry.episode.version)
    other_worker = factories.user(role="social_worker")

    assert list(episodes_visible_to(user=chair)) == [conference.episode]
    assert may_record(user=chair, episode=conference.episode, step=CONFERENCE_STEP)
    assert not may_record(user=chair, episode=conference.episode, step=WORKER_STEP)
    assert may_record(user=worker, episode=enquiry.episode, step=WORKER_STEP)
    assert not may_record(user=worker, episode=enquiry.episode, step=CONFERENCE_STEP)
    assert not may_record(user=other_worker, episode=enquiry.episode, step=WORKER_STEP)
    assert may_record(user=team_manager, episode=enquiry.episode, step=WORKER_STEP)


def test_the_person_page_names_the_open_child_protection_plan_and_not_an_ended_one(staff, chair):
    practitioner, *_ = staff
    plan = plan_started(staff, chair)
    person = plan.episode.person
    assert person_casework(user=practitioner, person=person)["child_protection_plan"] == plan

    review_held(plan.reviews.get(), chair, held_on=weekday_ago(10), decision=ReviewConference.Decision.END,
                end_reason="step_down_cin")
    assert person_casework(user=practitioner, person=person)["child_protection_plan"] is None
