"""The weekly digest email to each team manager: the team's overdue and due-this-week work, nothing
of another team's, nothing a team manager may not see, once a week however often it is asked."""
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.clocks import assessment_due, next_visit_due
from frontdoor.casework.models import Episode, Team
from frontdoor.casework.services import episode_allocate, episodes_due_refresh, team_digests_send
from frontdoor.cli import main
from frontdoor.governance.models import AccessLogEntry
from frontdoor.messaging.models import OutboxMessage
from frontdoor.people.models import Person
from tests import factories
from tests.casework.journey import authorised, plan_started, weekday_ago

pytestmark = pytest.mark.django_db


def _renamed(episode: Episode, given: str) -> Episode:
    Person.objects.filter(pk=episode.person_id).update(given_name=given)
    return Episode.objects.get(pk=episode.pk)


def test_each_team_manager_gets_the_teams_overdue_and_due_this_week(staff, chair):
    *_, team_manager, worker = staff
    plan = plan_started(staff, chair, held_on=weekday_ago(30))  # its first visit is overdue
    on_plan = _renamed(plan.episode, "Ruby")
    episode_allocate(manager=team_manager, episode=on_plan, worker=worker, version=on_plan.version)
    assessed = _renamed(authorised(staff, level=3, codes=["L3.2"]), "Ada")  # assessment due in 45 working days
    today = timezone.localdate()
    Episode.objects.filter(pk=assessed.pk).update(referral_date=today - timedelta(days=80))
    episodes_due_refresh(episodes=Episode.objects.filter(pk=assessed.pk))
    elsewhere = Team.objects.create(name="Locality team")
    other_manager = factories.user(role="team_manager", first="Ola", last="Kay", email="ola@example.test")
    elsewhere.members.add(other_manager)

    message, other = team_digests_send(today=today)

    visit_due = next_visit_due(plan_started_on=plan.started_on, last_visit_on=None)
    assert (message.kind, message.to_address) == ("team_digest", team_manager.email)
    assert message.subject.startswith("Assessment team: ") and "overdue" in message.subject
    overdue = message.body.split("Overdue")[1].split("Due this week")[0]
    assert f"Ruby Hartley (Kim Ode): Statutory visit, due {visit_due:%-d %B %Y}" in overdue
    assert "Ada Hartley (not allocated): Assessment" in overdue  # referred 80 days ago
    assert "12 Orchard Way" not in message.body and "FD1" not in message.body  # no address, nothing beyond the list
    assert other.to_address == "ola@example.test" and "Ruby" not in other.body and "Ada" not in other.body
    assert "Nothing overdue" in other.body and "Nothing due this week" in other.body
    assert set(AccessLogEntry.objects.filter(user=team_manager, reason="Weekly team digest email")
               .values_list("target_id", flat=True)) == {str(on_plan.pk), str(assessed.pk)}
    assert assessment_due(today - timedelta(days=80)) < today


def test_work_due_by_sunday_is_in_this_weeks_digest_and_later_work_is_left_for_next_weeks(staff):
    today = timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())
    due_monday = _renamed(authorised(staff, level=3, codes=["L3.2"]), "Ada")
    referred = add_working_days(monday, -45)  # due Monday (Tuesday after a bank holiday Monday)
    Episode.objects.filter(pk=due_monday.pk).update(referral_date=referred)
    episodes_due_refresh(episodes=Episode.objects.filter(pk=due_monday.pk))
    _renamed(authorised(staff, level=3, codes=["L3.2"]), "Bea")  # due in 45 working days

    [message] = team_digests_send(today=monday)

    this_week = message.body.split("Due this week (1):")[1]
    assert f"Ada Hartley (not allocated): Assessment, due {assessment_due(referred):%-d %B %Y}" in this_week
    assert "Bea" not in message.body and "Nothing overdue" in message.body
    assert f"due by Sunday {monday + timedelta(days=6):%-d %B %Y}" in message.body


def test_a_manager_is_sent_one_digest_a_week_however_often_it_is_asked(staff, capsys):
    today = timezone.localdate()
    main(["send-digests"])
    main(["send-digests"])

    assert OutboxMessage.objects.filter(kind="team_digest").count() == 1
    out = capsys.readouterr().out
    assert "1 team digest queued" in out and "0 team digests queued" in out
    assert len(team_digests_send(today=today + timedelta(days=7))) == 1  # next week's


def test_no_digest_goes_to_a_social_worker_or_a_manager_without_an_address(staff):
    *_, team_manager, worker = staff
    type(team_manager).objects.filter(pk=team_manager.pk).update(email="")

    assert team_digests_send(today=timezone.localdate()) == []
    assert not OutboxMessage.objects.filter(to_address=worker.email).exists()


def test_the_outbox_workers_idle_check_queues_the_weeks_digests_and_outlives_a_failure(staff, caplog):
    from frontdoor.cli import _run_when_due, _team_digests_send

    next_check = _run_when_due(_team_digests_send, "Queuing the team digests", 0.0)

    assert OutboxMessage.objects.filter(kind="team_digest").count() == 1
    assert _run_when_due(_team_digests_send, "Queuing the team digests", next_check) == next_check  # not yet

    def failing():
        raise RuntimeError("Ruby Hartley's record")

    assert _run_when_due(failing, "Queuing the team digests", 0.0) > 0
    assert "Queuing the team digests failed (RuntimeError)" in caplog.text and "Ruby" not in caplog.text
