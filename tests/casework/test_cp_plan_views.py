"""The child protection plan page and its record pages: what the social worker and the team see,
who may record (anyone else is told 'not found'), bad input, and two people saving one plan."""
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.casework.clocks import first_core_group_due, next_visit_due
from frontdoor.casework.models import ChildProtectionPlan, StatutoryVisit
from frontdoor.casework.services import episode_allocate
from frontdoor.governance.models import AccessLogEntry
from tests import factories
from tests.casework.journey import plan_started, weekday_ago

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def plan(staff, chair):
    *_, team_manager, worker = staff
    plan = plan_started(staff, chair, held_on=weekday_ago(30))
    episode_allocate(manager=team_manager, episode=plan.episode, worker=worker, version=plan.episode.version)
    return ChildProtectionPlan.objects.get(pk=plan.pk)


def _url(plan, action="") -> str:
    return f"/social-care/episodes/{plan.episode_id}/child-protection-plan/{plan.pk}" + (f"/{action}" if action else "")


def _day(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_the_plan_page_shows_the_first_core_group_and_next_visit_due_and_logs_the_read(staff, plan):
    *_, worker = staff

    page = _client(worker).get(_url(plan)).content.decode()

    assert "First core group meeting" in page and f"{first_core_group_due(plan.started_on):%A %-d %B %Y}" in page
    visit_due = next_visit_due(plan_started_on=plan.started_on, last_visit_on=None)
    assert "Next statutory visit" in page and f"{visit_due:%A %-d %B %Y}" in page and "Overdue" in page
    assert "Record a statutory visit" in page
    assert AccessLogEntry.objects.filter(user=worker, target_id=str(plan.episode_id),
                                         reason="Opened the child protection plan").exists()


def test_my_cases_and_the_team_page_show_the_next_statutory_visit(staff, plan):
    *_, team_manager, worker = staff
    visit_due = next_visit_due(plan_started_on=plan.started_on, last_visit_on=None)

    for user, url in ((worker, "/social-care/my-cases"), (team_manager, "/social-care/team")):
        page = _client(user).get(url).content.decode()
        assert "Next statutory visit" in page and f"{visit_due:%-d %b %Y}" in page, url


def test_a_visit_recorded_on_the_page_moves_the_next_one_a_fortnight_on(staff, plan):
    *_, worker = staff
    today = timezone.localdate()

    response = _client(worker).post(_url(plan, "visit"), {**_day("visited_on", today), "seen_alone": "yes",
                                                          "notes": "", "version": plan.version})

    assert response.status_code == 302
    assert StatutoryVisit.objects.get(plan=plan).seen_alone is True
    page = _client(worker).get(_url(plan)).content.decode()
    assert f"{next_visit_due(plan_started_on=plan.started_on, last_visit_on=today):%A %-d %B %Y}" in page


def test_a_visit_page_without_the_answers_shows_the_errors(staff, plan):
    *_, worker = staff
    future = timezone.localdate() + timedelta(days=3)

    response = _client(worker).post(_url(plan, "visit"), {**_day("visited_on", future), "version": plan.version})

    page = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in page
    assert "Select yes if the child was seen alone" in page and "must be today or in the past" in page
    assert not StatutoryVisit.objects.exists()


def test_a_core_group_and_an_action_recorded_on_the_pages(staff, plan):
    *_, worker = staff
    client = _client(worker)
    client.post(_url(plan, "action"), {"description": "Register Ruby with a GP", "owner_agency": "Health",
                                       "owner_name": "Dr Shah", **_day("due_on", timezone.localdate()),
                                       "version": plan.version})
    plan.refresh_from_db()
    action = plan.actions.get()

    response = client.post(_url(plan, "core-group"), {
        **_day("held_on", weekday_ago(20)), "attendees": ["Children's social care", "Health"],
        "progress": "GP registration done.", "completed_actions": [str(action.pk)], "version": plan.version})

    assert response.status_code == 302
    page = client.get(_url(plan)).content.decode()
    assert "Register Ruby with a GP" in page and "Health: Dr Shah" in page and "GP registration done." in page
    assert f"Done {weekday_ago(20):%-d %b %Y}" in page and "First core group meeting" not in page


def test_the_second_person_saving_the_plan_is_told_and_keeps_what_they_typed(staff, plan):
    *_, team_manager, worker = staff
    form = {"progress_measures": "Food at every visit.", "key_worker": worker.pk, "version": plan.version}

    first = _client(worker).post(_url(plan, "contents"), {**form, "areas_of_concern": "The worker's areas."})
    second = _client(team_manager).post(_url(plan, "contents"), {**form, "areas_of_concern": "The manager's areas."})

    assert first.status_code == 302 and second.status_code == 400
    page = second.content.decode()
    assert "Someone else changed this record" in page and "The manager&#x27;s areas." in page
    assert ChildProtectionPlan.objects.get(pk=plan.pk).areas_of_concern == "The worker's areas."


def test_only_the_allocated_worker_and_the_team_manager_record_on_the_plan(staff, chair, plan):
    practitioner, _, team_manager, worker = staff
    teammate = factories.user(role="social_worker")
    plan.episode.team.members.add(teammate)

    for user in (worker, team_manager):
        assert _client(user).get(_url(plan, "visit")).status_code == 200
    for user in (teammate, chair, practitioner, factories.user(role="referrer")):
        assert _client(user).get(_url(plan, "visit")).status_code == 404, user.membership.role
    assert "Record a statutory visit" not in _client(chair).get(_url(plan)).content.decode()
    assert _client(worker).get(_url(plan, "nonsense")).status_code == 404
