"""After the front door: a Level 3 decision becomes a referral to social care with its assessment;
the team manager allocates it, the social worker completes the assessment, the manager authorises
it and the episode closes with its reason; the clocks are shown at every step."""
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.clocks import assessment_due
from frontdoor.casework.models import Episode, Team
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _level_3_decision_authorised():
    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    contact = factories.contact()
    contact_child_link(user=practitioner, contact_child=ContactChild.objects.get(contact=contact),
                       person=factories.person())
    contact.refresh_from_db()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=3,
                               outcome_codes=["L3.2"], rationale="Needs an assessment.", social_worker_name="Sam Patel")
    decision_authorise(manager=manager, decision=decision, version=decision.version)
    return contact


def test_team_manager_allocates_worker_assesses_manager_authorises_and_episode_closes(page, sign_in):
    agency = factories.agency(kind="local_authority", name="Children's social care")
    team_manager = factories.user(role="team_manager", agency_=agency, first="Jo", last="Reid")
    worker = factories.user(role="social_worker", agency_=agency, first="Kim", last="Ode")
    team = Team.objects.create(name="Assessment team", receives_referrals=True)
    team.members.add(team_manager, worker)
    contact = _level_3_decision_authorised()
    due = assessment_due(timezone.localdate()).strftime("%-d %b %Y")

    sign_in(team_manager)
    page.get_by_role("link", name="Team's cases").click()
    row = page.get_by_role("row", name="Ruby Hartley")
    expect(row).to_contain_text("Not allocated")
    expect(row).to_contain_text(f"Assessment by {due}")
    assert blocking_violations(page) == []
    row.get_by_role("link", name="Ruby Hartley").click()
    expect(page.get_by_text(contact.reference)).to_be_visible()
    page.get_by_label("Social worker", exact=True).select_option(label="Kim Ode")
    page.get_by_role("button", name="Allocate").click()
    expect(page.get_by_text("Ruby Hartley allocated to Kim Ode")).to_be_visible()

    sign_in(worker)
    page.get_by_role("link", name="My cases").click()
    expect(page.get_by_role("row", name="Ruby Hartley")).to_contain_text(f"Assessment by {due}")
    page.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("button", name="Send to the team manager").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the social worker's analysis")
    page.get_by_label("The social worker's analysis").fill("Ruby's needs are met at home with school support.")
    page.get_by_label("No further action: close the episode").check()
    page.get_by_role("button", name="Send to the team manager").click()
    expect(page.get_by_text("Assessment sent to the team manager to authorise")).to_be_visible()
    assert blocking_violations(page) == []

    sign_in(team_manager)
    page.get_by_role("link", name="Team's cases").click()
    page.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("button", name="Authorise the assessment").click()
    expect(page.get_by_text("Closed after assessment, no further action")).to_be_visible()
    expect(page.get_by_text("Nothing is due.")).to_be_visible()
    assert Episode.objects.get().closure_reason == Episode.ClosureReason.NFA_AFTER_ASSESSMENT


def test_a_new_contact_after_a_closed_episode_is_flagged_as_a_re_referral(page, sign_in):
    practitioner = factories.user(role="practitioner")
    ruby = factories.person()
    Episode.objects.create(person=ruby, referral_date=timezone.localdate().replace(day=1),
                           source=Episode.Source.SCHOOLS, closed_on=timezone.localdate(),
                           closure_reason=Episode.ClosureReason.NFA_AFTER_ASSESSMENT)
    contact = factories.contact()
    contact_child_link(user=practitioner, contact_child=ContactChild.objects.get(contact=contact), person=ruby)

    sign_in(practitioner)
    page.get_by_role("link", name="Contacts queue").click()
    expect(page.get_by_role("row", name=contact.reference)).to_contain_text("Re-referral")
    page.get_by_role("link", name=contact.reference).click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("Re-referral: Ruby Hartley's child in need episode closed")
    page.get_by_role("link", name="Ruby Hartley").first.click()
    expect(page.get_by_role("table", name="Referrals to children's social care")).to_contain_text(
        "Closed after assessment, no further action")
