from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.clocks import first_review_due, initial_conference_due, next_review_due
from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import (
    AbuseCategory, Allocation, Assessment, ChildProtectionPlan, Episode, InitialChildProtectionConference,
    ReviewConference, Section47Enquiry, StrategyDiscussion,
)
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, episode_allocate, episodes_due_refresh, initial_conference_record,
    section_47_record, strategy_discussion_record,
)
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories
from tests.casework.journey import (
    ALL_AGENCIES, authorised, conference_scheduled, decided, enquiry_opened, plan_started, review_held, weekday_ago,
)

pytestmark = pytest.mark.django_db

def test_a_level_3_assessment_decision_refers_the_child_to_social_care_with_an_assessment(staff):
    episode = authorised(staff, level=3, codes=["L3.2"])

    assert episode.referral_date == timezone.localdate() and episode.source == Episode.Source.SCHOOLS
    assert episode.person is not None and episode.team.name == "Assessment team"
    assert episode.assessments.get().started_on == episode.referral_date
    assert not episode.strategy_discussions.exists()


def test_a_grandmothers_call_refers_the_child_with_the_census_source_1a(staff):
    child = decided(staff, level=3, codes=["L3.2"], contact=factories.public_contact(caller_source="1A"))

    assert Episode.objects.get(contact_child=child).source == Episode.Source.FAMILY


def test_a_level_4_strategy_discussion_decision_asks_for_one_within_one_working_day(staff):
    episode = authorised(staff, level=4, codes=["L4.2b"])

    discussion = episode.strategy_discussions.get()
    assert discussion.held_at is None and discussion.due_at > discussion.requested_at
    assert list(discussion.children.all()) == [episode.person]


def test_a_level_1_or_early_help_decision_opens_no_episode(staff):
    practitioner, manager, *_ = staff
    contact = factories.contact()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=1,
                               outcome_codes=["L1.1"], rationale="Information only.", social_worker_name="Sam Patel", unidentified_reason="Child not yet in the person index")
    decision_authorise(manager=manager, decision=decision, version=decision.version)
    assert not Episode.objects.exists()


def _decided_again(staff, *, person, level, codes):
    """A second contact about `person`, decided and authorised."""
    practitioner, manager, *_ = staff
    contact = factories.contact()
    contact_child_link(user=practitioner, contact_child=ContactChild.objects.get(contact=contact), person=person)
    contact.refresh_from_db()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=level,
                               outcome_codes=codes, rationale="A further concern.", social_worker_name="Sam Patel")
    decision_authorise(manager=manager, decision=decision, version=decision.version)


def test_a_further_concern_about_a_child_open_to_social_care_joins_the_open_episode(staff):
    episode = authorised(staff, level=3, codes=["L3.2"])

    _decided_again(staff, person=episode.person, level=3, codes=["L3.2"])
    assert Episode.objects.get() == episode and episode.assessments.count() == 1

    _decided_again(staff, person=episode.person, level=4, codes=["L4.2b"])
    _decided_again(staff, person=episode.person, level=4, codes=["L4.2b"])
    assert Episode.objects.get() == episode
    assert episode.strategy_discussions.count() == 1, "one discussion waiting answers both concerns"


def test_a_concern_after_the_episode_closed_opens_a_new_one(staff):
    episode = authorised(staff, level=3, codes=["L3.2"])
    Episode.objects.filter(pk=episode.pk).update(closed_on=timezone.localdate(), closure_reason="RC8")
    episodes_due_refresh(episodes=Episode.objects.filter(pk=episode.pk))

    _decided_again(staff, person=episode.person, level=3, codes=["L3.2"])
    assert Episode.objects.filter(person=episode.person).count() == 2


def test_reallocation_keeps_the_history_and_a_stale_page_is_refused(staff):
    *_, team_manager, worker = staff
    other = factories.user(role="social_worker", agency_=worker.membership.agency)
    episode = authorised(staff, level=3, codes=["L3.2"])
    shown = episode.version

    episode_allocate(manager=team_manager, episode=episode, worker=worker, version=shown)
    with pytest.raises(CaseworkConflict):
        episode_allocate(manager=team_manager, episode=episode, worker=other, version=shown)
    episode_allocate(manager=team_manager, episode=episode, worker=other, version=episode.version)

    assert Episode.objects.get(pk=episode.pk).allocated_to == other
    assert [a.worker for a in Allocation.objects.order_by("allocated_at")] == [worker, other]


def test_only_a_social_worker_can_be_allocated(staff):
    practitioner, _, team_manager, _ = staff
    episode = authorised(staff, level=3, codes=["L3.2"])
    with pytest.raises(CaseworkError, match="Choose a social worker"):
        episode_allocate(manager=team_manager, episode=episode, worker=practitioner, version=episode.version)


def test_an_assessment_with_no_further_action_closes_the_episode_when_authorised(staff):
    *_, team_manager, worker = staff
    episode = authorised(staff, level=3, codes=["L3.2"])
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
    episode = authorised(staff, level=3, codes=["L3.2"])
    assessment = episode.assessments.get()
    assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Risk is rising.",
                      factors=[], outcome=Assessment.Outcome.STRATEGY_DISCUSSION)
    assessment_authorise(manager=team_manager, assessment=assessment, version=assessment.version)
    assert episode.strategy_discussions.filter(held_at__isnull=True).count() == 1


def test_a_strategy_discussion_needs_police_social_care_and_health(staff):
    *_, worker = staff
    discussion = authorised(staff, level=4, codes=["L4.2b"]).strategy_discussions.get()
    with pytest.raises(CaseworkError, match="add Health"):
        strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version,
                                   held_at=timezone.now(), participants=ALL_AGENCIES[:2],
                                   decision=StrategyDiscussion.Decision.SECTION_47, outcome="")
    assert StrategyDiscussion.objects.get(pk=discussion.pk).held_at is None


def test_a_strategy_discussion_deciding_assessment_starts_one_and_cannot_be_in_the_future(staff):
    *_, worker = staff
    episode = authorised(staff, level=4, codes=["L4.2b"])
    discussion = episode.strategy_discussions.get()
    with pytest.raises(CaseworkError, match="cannot be in the future"):
        strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version,
                                   held_at=timezone.now() + timedelta(hours=2), participants=ALL_AGENCIES,
                                   decision=StrategyDiscussion.Decision.ASSESSMENT, outcome="")
    strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version,
                               held_at=timezone.now(), participants=ALL_AGENCIES,
                               decision=StrategyDiscussion.Decision.ASSESSMENT, outcome="School joined by phone.")
    assert episode.assessments.count() == 1


def test_a_section_47_decision_opens_an_enquiry_that_starts_on_the_strategy_discussion_day(staff):
    enquiry = enquiry_opened(staff, decision=StrategyDiscussion.Decision.JOINT_SECTION_47)

    discussion = enquiry.strategy_discussion
    assert enquiry.started_on == timezone.localtime(discussion.held_at).date()
    assert enquiry.joint_with_police and enquiry.completed_on is None and not enquiry.icpc_not_required


def test_an_enquiry_asking_for_a_conference_schedules_it_15_working_days_after_the_strategy_discussion(staff):
    conference = conference_scheduled(staff)

    enquiry = conference.section_47
    assert conference.due_on == initial_conference_due(enquiry.started_on) == enquiry.initial_conference_target
    assert conference.held_on is None and not enquiry.icpc_not_required
    assert enquiry.findings == "Bruising seen; neglect at home." and enquiry.completed_by == staff[3]


def test_concerns_not_substantiated_need_no_conference_and_close_the_episode(staff):
    *_, worker = staff
    enquiry = enquiry_opened(staff)
    section_47_record(user=worker, enquiry=enquiry, version=enquiry.version, findings="Explained by a fall at school.",
                      outcome=Section47Enquiry.Outcome.NOT_SUBSTANTIATED, completed_on=weekday_ago(30))

    enquiry.refresh_from_db()
    assert enquiry.icpc_not_required and not InitialChildProtectionConference.objects.exists()
    assert enquiry.episode.closed_on == weekday_ago(30)
    assert enquiry.episode.closure_reason == Episode.ClosureReason.SERVICES_CEASED


def test_the_second_person_recording_an_enquiry_is_told_and_the_first_findings_stand(staff):
    *_, team_manager, worker = staff
    enquiry = enquiry_opened(staff)
    shown = enquiry.version
    stale = Section47Enquiry.objects.get(pk=enquiry.pk)  # the second page, loaded before the first was sent
    section_47_record(user=worker, enquiry=enquiry, version=shown, findings="First findings.",
                      outcome=Section47Enquiry.Outcome.NOT_AT_CONTINUING_RISK, completed_on=weekday_ago(30))

    with pytest.raises(CaseworkConflict, match="Someone else changed this record"):
        section_47_record(user=team_manager, enquiry=stale, version=shown, findings="Second findings.",
                          outcome=Section47Enquiry.Outcome.CONFERENCE, completed_on=weekday_ago(30))
    enquiry.refresh_from_db()
    assert enquiry.findings == "First findings." and not InitialChildProtectionConference.objects.exists()


def test_an_enquiry_cannot_be_completed_before_the_strategy_discussion_or_in_the_future(staff):
    *_, worker = staff
    enquiry = enquiry_opened(staff)
    for day, message in ((enquiry.started_on - timedelta(days=1), "cannot be before"),
                         (timezone.localdate() + timedelta(days=1), "cannot be in the future")):
        with pytest.raises(CaseworkError, match=message):
            section_47_record(user=worker, enquiry=enquiry, version=enquiry.version, findings="Findings.",
                              outcome=Section47Enquiry.Outcome.CONFERENCE, completed_on=day)


def test_a_conference_deciding_a_plan_starts_it_that_day_with_the_first_review_due_within_3_months(staff, chair):
    held_on = weekday_ago(30)
    plan = plan_started(staff, chair, held_on=held_on)

    assert plan.started_on == held_on and plan.initial_category == plan.latest_category == AbuseCategory.NEGLECT
    assert plan.previous_plans == 0 and plan.is_open
    assert [(r.due_on, r.held_on) for r in plan.reviews.all()] == [(first_review_due(held_on), None)]
    conference = plan.initial_conference
    assert conference.chair == chair and conference.attendees == ["Police", "Health"]


def test_a_conference_needs_a_chair_a_weekday_and_a_category_for_a_plan(staff, chair):
    conference = conference_scheduled(staff)
    saturday = weekday_ago(30) - timedelta(days=weekday_ago(30).weekday() + 2)
    attempts = (
        ({"chair": staff[3]}, "Choose the conference chair"),
        ({"held_on": saturday}, "must be a weekday"),
        ({"category": ""}, "Choose the category of abuse"),
        ({"attendees": []}, "Select the agencies"),
        ({"held_on": conference.section_47.completed_on - timedelta(days=3)}, "the section 47 enquiry was completed"),
    )
    for change, message in attempts:
        fields = {"held_on": weekday_ago(30), "chair": chair, "attendees": ["Police"],
                  "decision": InitialChildProtectionConference.Decision.PLAN, "category": AbuseCategory.PHYSICAL}
        with pytest.raises(CaseworkError, match=message):
            initial_conference_record(user=chair, conference=conference, version=conference.version,
                                      **{**fields, **change})
    assert not ChildProtectionPlan.objects.exists()


def test_no_plan_at_the_conference_starts_none_and_nothing_more_is_due(staff, chair):
    conference = conference_scheduled(staff)
    initial_conference_record(user=chair, conference=conference, version=conference.version, held_on=weekday_ago(30),
                              chair=chair, attendees=["Police"], decision=InitialChildProtectionConference.Decision.NO_PLAN,
                              category=AbuseCategory.PHYSICAL)
    conference.refresh_from_db()
    assert conference.category == "" and not ChildProtectionPlan.objects.exists()


def test_a_child_with_an_earlier_plan_has_it_counted_on_the_next(staff, chair):
    first = plan_started(staff, chair)
    review_held(first.reviews.get(), chair, held_on=weekday_ago(20), decision=ReviewConference.Decision.END,
                 end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN)
    again = Episode.objects.create(person=first.episode.person, referral_date=weekday_ago(8),
                                   source=Episode.Source.POLICE)  # a transfer-in: a conference with no enquiry here
    conference = InitialChildProtectionConference.objects.create(episode=again, due_on=timezone.localdate())
    initial_conference_record(user=chair, conference=conference, version=conference.version, held_on=weekday_ago(5),
                              chair=chair, attendees=["Police"], decision=InitialChildProtectionConference.Decision.PLAN,
                              category=AbuseCategory.EMOTIONAL)
    assert ChildProtectionPlan.objects.get(initial_conference=conference).previous_plans == 1


def test_a_review_continuing_the_plan_schedules_the_next_within_6_months(staff, chair):
    plan = plan_started(staff, chair)
    review = plan.reviews.get()
    review_held(review, chair, held_on=weekday_ago(10), decision=ReviewConference.Decision.CONTINUE)

    assert [(r.held_on, r.due_on) for r in plan.reviews.order_by("due_on")] == [
        (weekday_ago(10), review.due_on), (None, next_review_due(weekday_ago(10)))]
    plan.refresh_from_db()
    assert plan.is_open


def test_a_review_ending_the_plan_records_its_end_date_and_reason_and_schedules_no_more(staff, chair):
    plan = plan_started(staff, chair)
    review_held(plan.reviews.get(), chair, held_on=weekday_ago(10), decision=ReviewConference.Decision.END,
                 end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN)

    plan.refresh_from_db()
    assert plan.ended_on == weekday_ago(10) and plan.end_reason == ChildProtectionPlan.EndReason.STEP_DOWN_CIN
    assert plan.reviews.count() == 1 and plan.episode.closed_on is None  # stepped down: the episode carries on


def test_a_review_cannot_be_on_the_plan_start_day_nor_end_a_plan_without_a_reason(staff, chair):
    plan = plan_started(staff, chair)
    review = plan.reviews.get()
    with pytest.raises(CaseworkError, match="must be after"):
        review_held(review, chair, held_on=plan.started_on, decision=ReviewConference.Decision.CONTINUE)
    with pytest.raises(CaseworkError, match="Choose why"):
        review_held(review, chair, held_on=weekday_ago(10), decision=ReviewConference.Decision.END)
    assert ReviewConference.objects.get().held_on is None


def test_two_people_recording_one_review_the_second_is_told_and_the_plan_is_ended_once(staff, chair):
    plan = plan_started(staff, chair)
    review = plan.reviews.get()
    stale = ReviewConference.objects.get(pk=review.pk)
    review_held(review, chair, held_on=weekday_ago(10), decision=ReviewConference.Decision.CONTINUE)

    with pytest.raises(CaseworkConflict):
        review_held(stale, chair, held_on=weekday_ago(9), decision=ReviewConference.Decision.END,
                     end_reason=ChildProtectionPlan.EndReason.MOVED)
    plan.refresh_from_db()
    assert plan.is_open and plan.reviews.count() == 2
