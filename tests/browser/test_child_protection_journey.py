"""The child protection path on the pages: a strategy discussion decides on a section 47 enquiry; the
social worker records its findings and asks for a conference; the conference chair records the
initial conference (a plan, category neglect); the social worker records the first core group and a
statutory visit; the chair records the first review, which ends the plan. Every
step's due date is shown beside it until it is done, and a Front Door practitioner reads on the
person page that the child is subject to a plan."""
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.clocks import first_core_group_due, first_review_due, initial_conference_due, next_visit_due
from frontdoor.casework.models import ChildProtectionPlan, Team
from frontdoor.casework.services import episode_allocate, episodes_start_for_contact
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _weekday_ago(days: int) -> date:
    day = timezone.localdate() - timedelta(days=days)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _long(day: date) -> str:
    return day.strftime("%A %-d %B %Y")


def _fill_date(scope, day: date) -> None:
    scope.get_by_label("Day").fill(str(day.day))
    scope.get_by_label("Month").fill(str(day.month))
    scope.get_by_label("Year").fill(str(day.year))


def _referred_for_a_strategy_discussion(*, on: date, team_manager, worker):
    """A Level 4 decision's episode, referred `on` that day, allocated to the worker."""
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    contact = factories.contact()
    contact_child_link(user=practitioner, contact_child=ContactChild.objects.get(contact=contact),
                       person=factories.person())
    episode, = episodes_start_for_contact(contact=contact, next_steps={"strategy_discussion"}, referral_date=on,
                                          user=team_manager)
    episode_allocate(manager=team_manager, episode=episode, worker=worker, version=episode.version)
    return practitioner, episode


def _core_group_and_a_visit(page, *, conference_day: date, met: date, visited: date) -> None:
    """The social worker sees the plan's first core group and first visit overdue on My cases and the
    plan page, records both, and the visit clock moves a fortnight on."""
    first_visit = next_visit_due(plan_started_on=conference_day, last_visit_on=None)
    page.get_by_role("link", name="My cases").click()
    expect(page.get_by_role("row", name="Ruby Hartley")).to_contain_text(f"{first_visit:%-d %b %Y} Overdue")
    page.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("link", name="The plan's contents, core groups and visits").click()
    core_group = page.locator(".govuk-summary-list__row", has_text="First core group meeting")
    expect(core_group).to_contain_text(f"Due by {_long(first_core_group_due(conference_day))} Overdue")
    assert blocking_violations(page) == []

    page.get_by_role("link", name="Record a core group meeting").click()
    _fill_date(page, met)
    for agency_name in ("Children's social care", "Health", "School"):
        page.get_by_label(agency_name, exact=True).check()
    page.get_by_label("Progress on the plan's actions (optional)").fill("Food bank referral made; Ruby attends.")
    page.get_by_role("button", name="Record a core group meeting").click()
    expect(page.get_by_text("Core group meeting recorded")).to_be_visible()
    expect(page.get_by_role("table", name="Core group meetings")).to_contain_text(f"{met:%-d %b %Y}")
    expect(page.locator(".govuk-summary-list__row", has_text="First core group meeting")).to_have_count(0)

    page.get_by_role("link", name="Record a statutory visit").click()
    _fill_date(page, visited)
    page.get_by_role("button", name="Record a statutory visit").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select yes if the child was seen alone")
    assert blocking_violations(page) == []
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Record a statutory visit").click()
    expect(page.get_by_text("Visit recorded")).to_be_visible()
    expect(page.get_by_role("table", name="Statutory visits").get_by_role(
        "row", name=f"{visited:%-d %b %Y} Kim Ode Yes")).to_be_visible()
    next_visit = next_visit_due(plan_started_on=conference_day, last_visit_on=visited)
    expect(page.locator(".govuk-summary-list__row", has_text="Next statutory visit")).to_contain_text(
        f"Due by {_long(next_visit)}")


def test_strategy_discussion_to_section_47_to_conference_to_plan_to_review(page, sign_in, live_server):
    agency = factories.agency(kind="local_authority", name="Children's social care")
    team_manager = factories.user(role="team_manager", agency_=agency, first="Jo", last="Reid")
    worker = factories.user(role="social_worker", agency_=agency, first="Kim", last="Ode")
    chair = factories.user(role="conference_chair", agency_=agency, first="Pat", last="Quinn")
    Team.objects.create(name="Assessment team", receives_referrals=True).members.add(team_manager, worker)
    discussed, enquired, conference_day, review_day = (_weekday_ago(n) for n in (60, 55, 50, 5))
    practitioner, episode = _referred_for_a_strategy_discussion(on=discussed, team_manager=team_manager, worker=worker)

    sign_in(worker)
    page.get_by_role("link", name="My cases").click()
    page.get_by_role("link", name="Ruby Hartley").click()
    form = page.locator("#strategy-discussion")
    _fill_date(form, discussed)
    form.get_by_label("Time it was held").fill("10:00")
    for agency_name in ("Police", "Children's social care", "Health"):
        form.get_by_role("group", name="Agencies who took part").get_by_label(agency_name, exact=True).check()
    form.get_by_label("Section 47 enquiry", exact=True).check()
    form.get_by_role("button", name="Record the strategy discussion").click()
    expect(page.get_by_text("Strategy discussion recorded")).to_be_visible()

    page.get_by_role("link", name="Record the section 47 enquiry").click()
    expect(page.get_by_text(_long(initial_conference_due(discussed)))).to_be_visible()  # the conference's target
    page.get_by_role("button", name="Record the section 47 enquiry").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what the enquiry found")
    assert blocking_violations(page) == []
    page.get_by_label("What the enquiry found").fill("Ruby was seen alone; the home is cold and there is no food.")
    page.get_by_label("Concerns substantiated: an initial child protection conference is needed").check()
    _fill_date(page, enquired)
    page.get_by_role("button", name="Record the section 47 enquiry").click()
    expect(page.get_by_text("Section 47 enquiry recorded")).to_be_visible()
    conference = page.locator("dl", has_text=_long(initial_conference_due(discussed)))
    expect(conference).to_contain_text("Overdue")  # 15 working days after the strategy discussion, weeks ago
    page.get_by_role("link", name="My cases").click()
    expect(page.get_by_role("row", name="Ruby Hartley")).to_contain_text(
        f"Initial child protection conference by {initial_conference_due(discussed):%-d %b %Y}")

    sign_in(chair)
    page.get_by_role("link", name="Conferences").click()
    expect(page.get_by_role("row", name="Ruby Hartley")).to_contain_text("Overdue")
    page.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("link", name="Record the initial child protection conference").click()
    expect(page.get_by_label("Chair")).to_have_value(str(chair.pk))
    _fill_date(page, conference_day)
    for agency_name in ("Police", "Health", "Children's social care"):
        page.get_by_label(agency_name, exact=True).check()
    page.get_by_label("A child protection plan").check()
    page.get_by_role("button", name="Record the initial child protection conference").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the category of abuse")
    page.get_by_label("Neglect").check()
    page.get_by_role("button", name="Record the initial child protection conference").click()
    expect(page.get_by_text("Initial child protection conference recorded")).to_be_visible()
    plan = page.locator("dl", has_text="Previous plans")
    expect(plan).to_contain_text("Neglect")
    expect(plan).to_contain_text(f"{conference_day:%-d %B %Y}")
    reviews = page.get_by_role("table", name="Review conferences")
    expect(reviews).to_contain_text(f"{first_review_due(conference_day):%-d %b %Y}")
    assert blocking_violations(page) == []

    sign_in(worker)
    _core_group_and_a_visit(page, conference_day=conference_day, met=_weekday_ago(45), visited=_weekday_ago(8))

    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/people/{episode.person_id}")
    expect(page.locator("#child-protection-plan")).to_contain_text(
        f"Subject of a child protection plan (Neglect) since {conference_day:%-d %B %Y}")

    sign_in(chair)
    page.goto(f"{live_server.url}/social-care/episodes/{episode.pk}")
    page.get_by_role("link", name="Record the review conference").click()
    _fill_date(page, review_day)
    page.get_by_label("Children's social care", exact=True).check()
    page.get_by_label("End the child protection plan").check()
    page.get_by_role("button", name="Record the review child protection conference").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose why the child protection plan is ending")
    page.get_by_label("No longer at risk of significant harm: stepped down to child in need").check()
    page.get_by_role("button", name="Record the review child protection conference").click()
    expect(page.get_by_text("Review conference recorded")).to_be_visible()
    expect(page.locator("dl", has_text="Previous plans")).to_contain_text(f"Ended {review_day:%-d %B %Y}")
    assert ChildProtectionPlan.objects.get().end_reason == ChildProtectionPlan.EndReason.STEP_DOWN_CIN
