"""The caseload pages sort and page in the database on each episode's stored next date due: the
same children, in the same order, as computing every episode's clocks and sorting them did."""
import random
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.casework.clocks import (
    add_months, assessment_due, section_47_due, strategy_discussion_due, week_end,
)
from frontdoor.casework.models import (
    Assessment, ChildInNeedPlan, ChildProtectionPlan, Episode, ReviewConference, Section47Enquiry,
)
from frontdoor.casework.selectors import (
    CASELOAD_PAGE_SIZE, DUE_PREFETCH, DUE_THIS_WEEK, OVERDUE, caseload, episode_due, episodes_visible_to,
)
from frontdoor.casework.services import (
    cin_plan_end, cin_plan_review_record, cin_plan_start, core_group_record, episode_close, episodes_due_refresh,
    section_47_record, visit_record,
)
from frontdoor.cli import main
from frontdoor.governance.models import AccessLogEntry
from tests import factories
from tests.casework.bulk import open_episodes_bulk
from tests.casework.journey import assessed, authorised, enquiry_opened, plan_started, review_held, weekday_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_caseload(staff):
    """130 open episodes of the team: 40 each for its worker and a second one, 50 not allocated."""
    *_, team_manager, worker = staff
    team = worker.casework_teams.get()
    other = factories.user(role="social_worker", agency_=worker.membership.agency, first="Lou", last="Amis")
    team.members.add(other)
    episodes = open_episodes_bulk(allocations=[(team, worker)] * 40 + [(team, other)] * 40 + [(team, None)] * 50,
                                  rng=random.Random(7))
    return team_manager, worker, other, episodes


def _the_old_order(episodes) -> list:
    """What the team page did before: every open episode's clocks computed, overdue and soonest
    first, nothing due last, in the episodes' own order (latest referral first) among equals."""
    open_episodes = episodes.filter(closed_on__isnull=True).order_by("-referral_date", "pk")
    rows = [(e.pk, episode_due(e)) for e in open_episodes.prefetch_related(*DUE_PREFETCH)]
    return [pk for pk, due in sorted(rows, key=lambda row: (not row[1], row[1][0].due_on if row[1] else None))]


def _pages(user, episodes, **filters) -> list:
    today, shown, number = timezone.localdate(), [], 1
    while True:
        page = caseload(user=user, episodes=episodes, reason="Team's cases", today=today, page=number, **filters)
        shown += [row.episode.pk for row in page]
        if not page.has_next():
            return shown
        number += 1


def test_every_page_shows_the_children_the_old_computation_put_there(team_caseload):
    team_manager, *_ = team_caseload
    episodes = episodes_visible_to(user=team_manager)
    first = caseload(user=team_manager, episodes=episodes, reason="Team's cases", today=timezone.localdate())

    assert [row.episode.pk for row in first] == _the_old_order(episodes)[:CASELOAD_PAGE_SIZE]
    assert first.paginator.num_pages == 3
    assert _pages(team_manager, episodes) == _the_old_order(episodes)
    assert any(row.next_due.status(timezone.localdate()) == "overdue" for row in first)


def test_the_order_holds_for_one_worker_and_for_the_unallocated(team_caseload):
    team_manager, worker, _, _ = team_caseload
    for episodes in (episodes_visible_to(user=team_manager).filter(allocated_to=worker),
                     episodes_visible_to(user=team_manager).filter(allocated_to__isnull=True)):
        assert _pages(team_manager, episodes) == _the_old_order(episodes)


def test_overdue_and_due_this_week_keep_only_that_work_soonest_first(team_caseload):
    team_manager, *_ = team_caseload
    episodes, today = episodes_visible_to(user=team_manager), timezone.localdate()
    old = _the_old_order(episodes)
    next_due = dict(episodes.values_list("pk", "next_due_on"))

    assert _pages(team_manager, episodes, due=OVERDUE) == [pk for pk in old if next_due[pk] and next_due[pk] < today]
    assert _pages(team_manager, episodes, due=DUE_THIS_WEEK) == [
        pk for pk in old if next_due[pk] and next_due[pk] <= week_end(today)]


def test_only_the_children_on_the_page_are_read_and_logged(team_caseload):
    team_manager, *_ = team_caseload
    page = caseload(user=team_manager, episodes=episodes_visible_to(user=team_manager), reason="Team's cases",
                    today=timezone.localdate(), page=3)
    logged = set(AccessLogEntry.objects.filter(reason="Team's cases").values_list("target_id", flat=True))
    assert len(page) == 30 and logged == {str(row.episode.pk) for row in page}


def test_refresh_due_dates_stores_what_the_clocks_say_and_again_changes_nothing(team_caseload, capsys):
    Episode.objects.update(next_due_on=None)
    main(["refresh-due-dates"])
    due = sum(1 for episode in Episode.objects.all() if episode_due(episode))
    assert capsys.readouterr().out == f"{due} episodes had a different next date due; stored\n"
    assert episodes_due_refresh(episodes=Episode.objects.all()) == 0


def test_the_team_page_pages_fifty_at_a_time_and_keeps_its_filters(client, team_caseload):
    team_manager, worker, other, _ = team_caseload
    client.force_login(team_manager)

    first = client.get("/social-care/team").content.decode()
    assert "130 open episodes, 50 not allocated" in first and "Page 1 of 3" in first
    assert first.count('class="govuk-table__row"') == 1 + CASELOAD_PAGE_SIZE
    assert 'href="?page=2"' in first

    mine = client.get(f"/social-care/team?worker={worker.pk}&due=").content.decode()
    table = mine.split("<table")[1]
    assert table.count("Kim Ode") == 40 and "Lou Amis" not in table and 'class="govuk-pagination"' not in mine
    unallocated = client.get("/social-care/team?worker=none&page=2").content.decode()
    assert unallocated.split("<table")[1].count("Not allocated</strong>") == 50, "page 2 of 1 shows the last page"

    overdue = client.get("/social-care/team?due=overdue").content.decode()
    late = Episode.objects.filter(next_due_on__lt=timezone.localdate()).count()
    assert 0 < late and overdue.count('class="govuk-table__row"') == 1 + min(late, CASELOAD_PAGE_SIZE)


def test_a_worker_from_another_team_or_an_unknown_filter_is_refused_with_a_message(client, team_caseload):
    team_manager, *_ = team_caseload
    stranger = factories.user(role="social_worker", first="Sid", last="Vale")
    client.force_login(team_manager)

    page = client.get(f"/social-care/team?worker={stranger.pk}&due=soon").content.decode()
    assert "There is a problem" in page
    assert "Choose a social worker from the list" in page and "Choose when the work is due from the list" in page
    assert "Page 1 of 3" in page  # the whole team's work, unfiltered


def test_my_cases_pages_the_same_way(client, staff):
    *_, worker = staff
    team = worker.casework_teams.get()
    open_episodes_bulk(allocations=[(team, worker)] * (CASELOAD_PAGE_SIZE + 5), rng=random.Random(3),
                       today=timezone.localdate() - timedelta(days=3))
    client.force_login(worker)

    page = client.get("/social-care/my-cases?page=2").content.decode()
    assert "Page 2 of 2" in page and page.count('class="govuk-table__row"') == 1 + 5


def _stored(episode) -> object:
    """The episode's stored next date due, checked against what its clocks say now."""
    episode = Episode.objects.prefetch_related(*DUE_PREFETCH).get(pk=episode.pk)
    due = episode_due(episode)
    assert episode.next_due_on == (due[0].due_on if due else None)
    return episode.next_due_on


def test_each_service_that_changes_a_step_stores_the_new_next_date_due(staff, chair):
    *_, team_manager, worker = staff
    referred = authorised(staff, level=3, codes=["L3.2"])  # a referral opens with its assessment
    assert _stored(referred) == assessment_due(referred.referral_date)
    episode_close(manager=team_manager, episode=referred, version=referred.version, closed_on=timezone.localdate(),
                  reason=Episode.ClosureReason.SERVICES_CEASED)
    assert _stored(referred) is None
    convened = assessed(staff, outcome=Assessment.Outcome.STRATEGY_DISCUSSION)
    assert _stored(convened) == strategy_discussion_due(timezone.localdate())

    enquiry = enquiry_opened(staff)  # the Level 4 strategy discussion, held: a section 47 enquiry
    assert _stored(enquiry.episode) == section_47_due(enquiry.started_on)
    section_47_record(user=worker, enquiry=enquiry, version=enquiry.version, findings="Nothing found.",
                      outcome=Section47Enquiry.Outcome.NOT_SUBSTANTIATED, completed_on=weekday_ago(35))
    assert _stored(enquiry.episode) is None

    plan = plan_started(staff, chair, held_on=weekday_ago(30))
    episode, changes = plan.episode, []
    Episode.objects.filter(pk=episode.pk).update(referral_date=weekday_ago(40))  # referred before its enquiry
    for record in (
        lambda: visit_record(user=worker, plan=plan, version=plan.version, visited_on=weekday_ago(20), seen_alone=True),
        lambda: core_group_record(user=worker, plan=plan, version=plan.version, held_on=weekday_ago(25),
                                  attendees=["Health"], progress="", completed_actions=[]),
        lambda: visit_record(user=worker, plan=plan, version=plan.version, visited_on=weekday_ago(14),
                             seen_alone=False),
        lambda: review_held(plan.reviews.get(), chair, held_on=weekday_ago(12), decision=ReviewConference.Decision.END,
                            end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN),
        lambda: cin_plan_start(manager=team_manager, episode=(now := Episode.objects.get(pk=episode.pk)),
                               version=now.version, started_on=weekday_ago(10)),
    ):
        before = _stored(episode)
        record()
        plan.refresh_from_db()
        changes.append((before, _stored(episode)))
    cin_plan = episode.cin_plans.get()
    cin_plan_review_record(user=worker, plan=cin_plan, version=cin_plan.version, held_on=timezone.localdate())
    assert _stored(episode) == add_months(timezone.localdate(), 3)
    cin_plan.refresh_from_db()
    cin_plan_end(manager=team_manager, plan=cin_plan, version=cin_plan.version, ended_on=timezone.localdate(),
                 reason=ChildInNeedPlan.EndReason.NEEDS_MET)
    assert _stored(episode) is None

    visit, core_group, second_visit, review, cin_start = changes
    assert visit[0] == core_group[0], "the first core group was due first and still is"
    assert core_group[1] > core_group[0] and second_visit[1] > second_visit[0]
    assert review[1] is None and cin_start[1] == add_months(weekday_ago(10), 3)
