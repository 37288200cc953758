"""The child protection record pages: who may open them (anyone else is told 'not found') and what
the second of two people recording one step sees."""
import pytest
from django.test import Client

from frontdoor.casework.models import ChildProtectionPlan, Section47Enquiry
from frontdoor.casework.services import episode_allocate
from tests import factories
from tests.casework.journey import conference_scheduled, enquiry_opened, weekday_ago

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _s47_url(enquiry) -> str:
    return f"/social-care/episodes/{enquiry.episode_id}/section-47/{enquiry.pk}"


def test_only_the_allocated_social_worker_and_the_team_manager_open_the_enquiry_page(staff, chair):
    practitioner, _, team_manager, worker = staff
    enquiry = enquiry_opened(staff)
    episode_allocate(manager=team_manager, episode=enquiry.episode, worker=worker, version=enquiry.episode.version)
    teammate = factories.user(role="social_worker")
    enquiry.episode.team.members.add(teammate)

    for user in (worker, team_manager):
        assert "Record the section 47 enquiry" in _client(user).get(_s47_url(enquiry)).content.decode()
    for user in (teammate, chair, practitioner, factories.user(role="referrer")):
        assert _client(user).get(_s47_url(enquiry)).status_code == 404, user.membership.role


def test_a_conference_page_is_the_chairs_and_the_team_managers_and_nobody_elses(staff, chair):
    practitioner, _, team_manager, worker = staff
    conference = conference_scheduled(staff)
    url = f"/social-care/episodes/{conference.episode_id}/initial-conference/{conference.pk}"

    page = _client(chair).get(url).content.decode()
    assert "Record the initial child protection conference" in page and "Pat Quinn" in page
    assert _client(team_manager).get(url).status_code == 200
    for user in (worker, practitioner):
        assert _client(user).get(url).status_code == 404


def test_the_second_person_sending_the_enquiry_page_is_told_and_keeps_what_they_typed(staff):
    _, _, team_manager, worker = staff
    enquiry = enquiry_opened(staff)
    episode_allocate(manager=team_manager, episode=enquiry.episode, worker=worker, version=enquiry.episode.version)
    completed = weekday_ago(30)
    form = {"outcome": Section47Enquiry.Outcome.CONFERENCE, "completed_on_0": completed.day,
            "completed_on_1": completed.month, "completed_on_2": completed.year, "version": enquiry.version}

    first = _client(worker).post(_s47_url(enquiry), {**form, "findings": "Findings of the worker."})
    second = _client(team_manager).post(_s47_url(enquiry), {**form, "findings": "Findings of the manager."})

    assert first.status_code == 302 and second.status_code == 400
    page = second.content.decode()
    assert "Someone else changed this record" in page and "Findings of the manager." in page
    enquiry.refresh_from_db()
    assert enquiry.findings == "Findings of the worker."


def test_a_plan_decision_without_a_category_is_sent_back_with_the_error_beside_the_field(staff, chair):
    conference = conference_scheduled(staff)
    held = weekday_ago(30)
    response = _client(chair).post(
        f"/social-care/episodes/{conference.episode_id}/initial-conference/{conference.pk}",
        {"held_on_0": held.day, "held_on_1": held.month, "held_on_2": held.year, "chair": chair.pk,
         "attendees": ["Police", "Health"], "decision": "plan", "version": conference.version})

    assert response.status_code == 400
    assert response.content.decode().count("Choose the category of abuse for the child protection plan") == 2
    assert not ChildProtectionPlan.objects.exists()
