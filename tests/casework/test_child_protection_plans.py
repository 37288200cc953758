"""A child protection plan's contents, actions, core groups and statutory visits: what is stored,
what the clocks say, what is refused, and two people editing one plan."""
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.clocks import FIRST_CORE_GROUP, STATUTORY_VISIT, first_core_group_due, next_visit_due
from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import ChildProtectionPlan, ReviewConference
from frontdoor.casework.selectors import episode_due, plan_due
from frontdoor.casework.services import (
    core_group_record, plan_action_add, plan_contents_update, visit_record,
)
from frontdoor.governance.models import AccessLogEntry
from tests.casework.journey import plan_started, review_held, weekday_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(staff, chair):
    return plan_started(staff, chair, held_on=weekday_ago(30))


def _contents(plan, user, *, version=None, areas="Neglect: no food at home.", key_worker=None):
    return plan_contents_update(user=user, plan=plan, version=plan.version if version is None else version,
                                areas_of_concern=areas, progress_measures="Food in the cupboards at every visit.",
                                key_worker=key_worker)


def test_the_plan_keeps_its_areas_of_concern_progress_measures_and_key_worker(staff, plan):
    *_, team_manager, worker = staff

    _contents(plan, team_manager, key_worker=worker)

    plan.refresh_from_db()
    assert plan.areas_of_concern == "Neglect: no food at home." and plan.key_worker == worker
    assert plan.progress_measures == "Food in the cupboards at every visit."
    assert AccessLogEntry.objects.filter(user=team_manager, reason="Changed the child protection plan").exists()


def test_the_second_of_two_people_editing_one_plan_is_told_and_nothing_is_overwritten(staff, plan):
    *_, team_manager, worker = staff
    shown = plan.version  # both opened the page at this version

    _contents(plan, worker, version=shown, areas="The worker's areas.", key_worker=worker)
    with pytest.raises(CaseworkConflict):
        _contents(ChildProtectionPlan.objects.get(pk=plan.pk), team_manager, version=shown,
                  areas="The manager's areas.", key_worker=worker)
    with pytest.raises(CaseworkConflict):
        plan_action_add(user=team_manager, plan=plan, version=shown, description="Late action",
                        owner_agency="Health", owner_name="", due_on=timezone.localdate())

    plan.refresh_from_db()
    assert plan.areas_of_concern == "The worker's areas." and not plan.actions.exists()


def test_plan_contents_need_areas_progress_measures_and_a_social_worker_as_key_worker(staff, plan, chair):
    *_, team_manager, worker = staff
    with pytest.raises(CaseworkError, match="areas of concern"):
        _contents(plan, team_manager, areas="  ", key_worker=worker)
    with pytest.raises(CaseworkError, match="key worker"):
        _contents(plan, team_manager, key_worker=chair)
    with pytest.raises(CaseworkError, match="how progress"):
        plan_contents_update(user=team_manager, plan=plan, version=plan.version, areas_of_concern="Neglect",
                             progress_measures="", key_worker=worker)


def test_an_action_has_an_owner_by_agency_and_person_and_a_due_date_not_before_the_plan(staff, plan):
    *_, worker = staff
    due = timezone.localdate() + timedelta(days=20)

    action = plan_action_add(user=worker, plan=plan, version=plan.version, description="Register with a GP",
                             owner_agency="Health", owner_name="Dr Amir Shah", due_on=due)

    assert (action.owner_agency, action.owner_name, action.due_on, action.completed_on) == (
        "Health", "Dr Amir Shah", due, None)
    with pytest.raises(CaseworkError, match="before"):
        plan_action_add(user=worker, plan=plan, version=plan.version, description="Too early",
                        owner_agency="School", owner_name="", due_on=plan.started_on - timedelta(days=1))
    with pytest.raises(CaseworkError, match="agency"):
        plan_action_add(user=worker, plan=plan, version=plan.version, description="Nobody's", owner_agency="",
                        owner_name="", due_on=due)


def test_the_first_core_group_clock_shows_until_it_meets_and_the_meeting_marks_actions_done(staff, plan):
    *_, worker = staff
    assert (FIRST_CORE_GROUP, first_core_group_due(plan.started_on)) in [(d.what, d.due_on) for d in plan_due(plan)]
    action = plan_action_add(user=worker, plan=plan, version=plan.version, description="Food bank referral",
                             owner_agency="Family support", owner_name="", due_on=timezone.localdate())
    other = plan_action_add(user=worker, plan=plan, version=plan.version, description="School attendance",
                            owner_agency="School", owner_name="", due_on=timezone.localdate())
    met = weekday_ago(25)

    meeting = core_group_record(user=worker, plan=plan, version=plan.version, held_on=met,
                                attendees=["Children's social care", "Health", "School"],
                                progress="Food bank referral made.", completed_actions=[action])

    assert meeting.attendees == ["Children's social care", "Health", "School"]
    action.refresh_from_db(), other.refresh_from_db()
    assert action.completed_on == met and other.completed_on is None
    plan = ChildProtectionPlan.objects.get(pk=plan.pk)
    assert FIRST_CORE_GROUP not in [d.what for d in plan_due(plan)]


def test_a_core_group_needs_attendees_a_date_within_the_plan_and_only_the_plans_open_actions(staff, chair, plan):
    *_, worker = staff
    with pytest.raises(CaseworkError, match="agencies"):
        core_group_record(user=worker, plan=plan, version=plan.version, held_on=weekday_ago(20), attendees=[],
                          progress="", completed_actions=[])
    with pytest.raises(CaseworkError, match="cannot be before"):
        core_group_record(user=worker, plan=plan, version=plan.version, held_on=plan.started_on - timedelta(days=1),
                          attendees=["Health"], progress="", completed_actions=[])
    another_plan = plan_started(staff, chair)
    foreign = plan_action_add(user=worker, plan=another_plan, version=another_plan.version, description="Not this",
                              owner_agency="Health", owner_name="", due_on=timezone.localdate())
    with pytest.raises(CaseworkError, match="open actions"):
        core_group_record(user=worker, plan=plan, version=plan.version, held_on=weekday_ago(20),
                          attendees=["Health"], progress="", completed_actions=[foreign])


def test_visits_are_recorded_with_the_child_seen_alone_or_not_and_the_next_is_due_a_fortnight_on(staff, plan):
    *_, worker = staff
    first_due = next_visit_due(plan_started_on=plan.started_on, last_visit_on=None)
    assert [d for d in episode_due(plan.episode) if d.what == STATUTORY_VISIT][0].status(timezone.localdate()) == \
        "overdue"  # the plan started 30 days ago and nobody has visited

    visit = visit_record(user=worker, plan=plan, version=plan.version, visited_on=timezone.localdate(),
                         seen_alone=False, notes="Ruby would not talk without her mother.")

    assert (visit.seen_alone, visit.visited_by) == (False, worker)
    plan = ChildProtectionPlan.objects.get(pk=plan.pk)
    [visit_due] = [d for d in plan_due(plan) if d.what == STATUTORY_VISIT]
    assert visit_due.due_on == next_visit_due(plan_started_on=plan.started_on, last_visit_on=timezone.localdate())
    assert visit_due.due_on > first_due


def test_a_visit_cannot_be_in_the_future_or_before_the_plan_nor_on_an_ended_plan(staff, chair, plan):
    *_, worker = staff
    for day in (timezone.localdate() + timedelta(days=1), plan.started_on - timedelta(days=1)):
        with pytest.raises(CaseworkError, match="The date of the visit"):
            visit_record(user=worker, plan=plan, version=plan.version, visited_on=day, seen_alone=True)
    review_held(ReviewConference.objects.get(plan=plan), chair, held_on=weekday_ago(5), decision="end",
                end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN)
    plan = ChildProtectionPlan.objects.get(pk=plan.pk)

    with pytest.raises(CaseworkError, match="has ended"):
        visit_record(user=worker, plan=plan, version=plan.version, visited_on=timezone.localdate(), seen_alone=True)
    assert plan_due(plan) == []
