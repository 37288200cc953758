import pytest
from django.test import Client

from frontdoor.casework.models import Episode, Team
from frontdoor.messaging.models import OutboxMessage
from frontdoor.missing import services
from frontdoor.missing.models import LateInterviewEscalation
from tests import factories
from tests.missing.episodes import episodes

pytestmark = pytest.mark.django_db


def test_a_late_interview_is_escalated_to_the_front_door_managers_once():
    manager = factories.user(role="manager", email="manager@example.test")
    [late] = episodes(factories.person(), 1, returned_hours_ago=73)
    episodes(factories.person(given_name="Amir"), 1, returned_hours_ago=71)
    assert [e.episode for e in services.late_interviews_escalate()] == [late]
    assert services.late_interviews_escalate() == []
    [message] = OutboxMessage.objects.filter(kind="missing_late_interview")
    assert message.to_address == manager.email and "Ruby" not in message.body
    assert LateInterviewEscalation.objects.get().team == "Missing children team"


def test_a_child_with_a_social_work_team_goes_to_that_teams_manager():
    child = factories.person()
    team = Team.objects.create(name="Assessment team north")
    team_manager = factories.user(role="team_manager", email="tm@example.test")
    team.members.add(team_manager, factories.user(role="social_worker"))
    Episode.objects.create(person=child, referral_date="2026-01-05", source="2A", team=team)
    episodes(child, 1, returned_hours_ago=80)
    services.late_interviews_escalate()
    assert list(OutboxMessage.objects.values_list("to_address", flat=True)) == ["tm@example.test"]
    client = Client()
    client.force_login(team_manager)
    page = client.get("/missing-children/late-return-interviews").content.decode()
    assert "Ruby Hartley" in page and "Assessment team north" in page and "hours overdue" in page
    other = factories.user(role="team_manager")
    client.force_login(other)
    assert "Ruby Hartley" not in client.get("/missing-children/late-return-interviews").content.decode()


def test_the_coordinator_sees_the_responsible_team_and_the_escalation():
    factories.user(role="manager")
    episodes(factories.person(), 1, returned_hours_ago=90)
    services.late_interviews_escalate()
    client = Client()
    client.force_login(factories.user(role="missing_coordinator"))
    page = client.get("/missing-children").content.decode()
    assert "Missing children team" in page and "Escalated to a manager" in page


def test_the_late_list_is_not_found_for_the_coordinator_and_a_referrer():
    client = Client()
    for role in ("missing_coordinator", "referrer"):
        client.force_login(factories.user(role=role))
        assert client.get("/missing-children/late-return-interviews").status_code == 404


def test_the_command_and_the_idle_worker_escalate_once(capsys, monkeypatch):
    from frontdoor.cli import _IdleJobs, main

    factories.user(role="manager")
    episodes(factories.person(), 1, returned_hours_ago=75)
    main(["escalate-late-interviews"])
    assert capsys.readouterr().out.strip() == "1 late return interviews escalated to a manager"
    episodes(factories.person(given_name="Amir"), 1, returned_hours_ago=76)
    monkeypatch.setattr(_IdleJobs, "jobs", {job: what for job, what in _IdleJobs.jobs.items()
                                            if what == "Escalating late return interviews"})
    _IdleJobs()()
    assert LateInterviewEscalation.objects.count() == 2
