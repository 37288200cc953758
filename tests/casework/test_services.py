from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import Allocation, Assessment, Episode, StrategyDiscussion, Team
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, episode_allocate, strategy_discussion_record,
)
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories

pytestmark = pytest.mark.django_db

ALL_AGENCIES = [{"agency": a, "by_phone": False} for a in ("Police", "Children's social care", "Health")]


@pytest.fixture
def staff():
    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    team_manager = factories.user(role="team_manager", agency_=practitioner.membership.agency, first="Jo", last="Reid")
    worker = factories.user(role="social_worker", agency_=practitioner.membership.agency, first="Kim", last="Ode")
    team = Team.objects.create(name="Assessment team", receives_referrals=True)
    team.members.add(team_manager, worker)
    return practitioner, manager, team_manager, worker


def _authorised(staff, *, level, codes):
    practitioner, manager, *_ = staff
    contact = factories.contact()
    child = ContactChild.objects.get(contact=contact)
    contact_child_link(user=practitioner, contact_child=child, person=factories.person())
    contact.refresh_from_db()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=level,
                               outcome_codes=codes, rationale="Needs social care.", social_worker_name="Sam Patel")
    decision_authorise(manager=manager, decision=decision, version=decision.version)
    return Episode.objects.get(contact_child=child)


def test_a_level_3_assessment_decision_refers_the_child_to_social_care_with_an_assessment(staff):
    episode = _authorised(staff, level=3, codes=["L3.2"])

    assert episode.referral_date == timezone.localdate() and episode.source == Episode.Source.SCHOOLS
    assert episode.person is not None and episode.team.name == "Assessment team"
    assert episode.assessments.get().started_on == episode.referral_date
    assert not episode.strategy_discussions.exists()


def test_a_level_4_strategy_discussion_decision_asks_for_one_within_one_working_day(staff):
    episode = _authorised(staff, level=4, codes=["L4.2b"])

    discussion = episode.strategy_discussions.get()
    assert discussion.held_at is None and discussion.due_at > discussion.requested_at
    assert list(discussion.children.all()) == [episode.person]


def test_a_level_1_or_early_help_decision_opens_no_episode(staff):
    practitioner, manager, *_ = staff
    contact = factories.contact()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=1,
                               outcome_codes=["L1.1"], rationale="Information only.", social_worker_name="Sam Patel")
    decision_authorise(manager=manager, decision=decision, version=decision.version)
    assert not Episode.objects.exists()


def test_reallocation_keeps_the_history_and_a_stale_page_is_refused(staff):
    *_, team_manager, worker = staff
    other = factories.user(role="social_worker", agency_=worker.membership.agency)
    episode = _authorised(staff, level=3, codes=["L3.2"])
    shown = episode.version

    episode_allocate(manager=team_manager, episode=episode, worker=worker, version=shown)
    with pytest.raises(CaseworkConflict):
        episode_allocate(manager=team_manager, episode=episode, worker=other, version=shown)
    episode_allocate(manager=team_manager, episode=episode, worker=other, version=episode.version)

    assert Episode.objects.get(pk=episode.pk).allocated_to == other
    assert [a.worker for a in Allocation.objects.order_by("allocated_at")] == [worker, other]


def test_only_a_social_worker_can_be_allocated(staff):
    practitioner, _, team_manager, _ = staff
    episode = _authorised(staff, level=3, codes=["L3.2"])
    with pytest.raises(CaseworkError, match="Choose a social worker"):
        episode_allocate(manager=team_manager, episode=episode, worker=practitioner, version=episode.version)


def test_an_assessment_with_no_further_action_closes_the_episode_when_authorised(staff):
    *_, team_manager, worker = staff
    episode = _authorised(staff, level=3, codes=["L3.2"])
    assessment = episode.assessments.get()
    assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Needs met at home.",
                      factors=["21"], outcome=Assessment.Outcome.NO_FURTHER_ACTION)
    assert Episode.objects.get(pk=episode.pk).closed_on is None  # not until the manager authorises

    with pytest.raises(CaseworkError, match="someone other than"):
        assessment_authorise(manager=worker, assessment=assessment, version=assessment.version)
    assessment_authorise(manager=team_manager, assessment=assessment, version=assessment.version)

    episode.refresh_from_db()
    assert episode.closed_on == timezone.localdate()
    assert episode.closure_reason == Episode.ClosureReason.NFA_AFTER_ASSESSMENT


def test_an_assessment_outcome_of_strategy_discussion_convenes_one(staff):
    *_, team_manager, worker = staff
    episode = _authorised(staff, level=3, codes=["L3.2"])
    assessment = episode.assessments.get()
    assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Risk is rising.",
                      factors=[], outcome=Assessment.Outcome.STRATEGY_DISCUSSION)
    assessment_authorise(manager=team_manager, assessment=assessment, version=assessment.version)
    assert episode.strategy_discussions.filter(held_at__isnull=True).count() == 1


def test_a_strategy_discussion_needs_police_social_care_and_health(staff):
    *_, worker = staff
    discussion = _authorised(staff, level=4, codes=["L4.2b"]).strategy_discussions.get()
    with pytest.raises(CaseworkError, match="add Health"):
        strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version,
                                   held_at=timezone.now(), participants=ALL_AGENCIES[:2],
                                   decision=StrategyDiscussion.Decision.SECTION_47, outcome="")
    assert StrategyDiscussion.objects.get(pk=discussion.pk).held_at is None


def test_a_strategy_discussion_deciding_assessment_starts_one_and_cannot_be_in_the_future(staff):
    *_, worker = staff
    episode = _authorised(staff, level=4, codes=["L4.2b"])
    discussion = episode.strategy_discussions.get()
    with pytest.raises(CaseworkError, match="cannot be in the future"):
        strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version,
                                   held_at=timezone.now() + timedelta(hours=2), participants=ALL_AGENCIES,
                                   decision=StrategyDiscussion.Decision.ASSESSMENT, outcome="")
    strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version,
                               held_at=timezone.now(), participants=ALL_AGENCIES,
                               decision=StrategyDiscussion.Decision.ASSESSMENT, outcome="School joined by phone.")
    assert episode.assessments.count() == 1
