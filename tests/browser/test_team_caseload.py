"""A team manager with more open work than one page: the team page shows 50 at a time, overdue
and soonest due first, and narrows to one social worker's children or to what is overdue."""
import random

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.models import Episode, Team
from frontdoor.casework.selectors import caseload_order
from tests import factories
from tests.browser.axe import blocking_violations
from tests.casework.bulk import open_episodes_bulk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_manager_pages_through_the_teams_work_and_filters_it(page, sign_in):
    agency = factories.agency(kind="local_authority", name="Children's social care")
    team_manager = factories.user(role="team_manager", agency_=agency, first="Jo", last="Reid")
    kim = factories.user(role="social_worker", agency_=agency, first="Kim", last="Ode")
    lou = factories.user(role="social_worker", agency_=agency, first="Lou", last="Amis")
    team = Team.objects.create(name="Assessment team", receives_referrals=True)
    team.members.add(team_manager, kim, lou)
    open_episodes_bulk(allocations=[(team, kim)] * 40 + [(team, lou)] * 12 + [(team, None)] * 20,
                       rng=random.Random(5))
    soonest = caseload_order(Episode.objects.all())
    lous_overdue = soonest.filter(allocated_to=lou, next_due_on__lt=timezone.localdate())

    sign_in(team_manager)
    page.get_by_role("link", name="Team's cases").click()
    expect(page.get_by_text("72 open episodes, 20 not allocated")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(50)
    expect(rows.first).to_contain_text(soonest.first().child_name)
    expect(rows.first).to_contain_text("Overdue")
    assert blocking_violations(page) == []
    page.get_by_role("link", name="Next page").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(rows).to_have_count(22)
    expect(rows.last).to_contain_text(soonest.last().child_name)

    page.get_by_label("Social worker").select_option(label="Lou Amis")
    page.get_by_role("button", name="Show").click()
    expect(rows).to_have_count(12)
    expect(page.locator(".govuk-pagination")).to_have_count(0)
    page.get_by_label("Due").select_option(label="Overdue")
    page.get_by_role("button", name="Show").click()
    expect(rows).to_have_count(lous_overdue.count())
    expect(rows.first).to_contain_text(lous_overdue.first().child_name)
    expect(page.get_by_label("Social worker")).to_have_value(str(lou.pk))
    assert "Child" not in page.url, "the query string names a social worker and a window, never a child"
