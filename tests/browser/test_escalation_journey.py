"""A school's DSL disagrees with the Front Door's decision from their contact's outcome page (told first
what is missing); the practitioner's conversation does not resolve it, the manager changes the level at
the team manager stage, the DSL reads each stage's outcome, and the manager reads the figures."""
import pytest
from playwright.sync_api import expect

from frontdoor.messaging.models import OutboxMessage
from tests.browser.axe import blocking_violations
from tests.escalations.decided import decided_contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dsl_disagrees_and_the_front_door_takes_it_through_the_stages(page, sign_in):
    contact, dsl, practitioner, manager = decided_contact()

    sign_in(dsl)
    page.get_by_role("link", name="Your contacts").click()
    page.get_by_role("link", name=contact.reference).first.click()
    page.get_by_role("link", name="Disagree with this decision, or see a disagreement you raised").click()
    page.get_by_role("button", name="Send the disagreement").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the level of need you think is right")
    page.get_by_label("Level 3", exact=False).check()
    page.get_by_label("Why you disagree with the decision").fill("A second bruise seen this week")
    page.get_by_role("button", name="Send the disagreement").click()
    expect(page.locator("#stages")).to_contain_text("Practitioner conversation")
    assert blocking_violations(page) == []

    sign_in(practitioner)
    page.get_by_role("link", name="Disagreements and escalations").click()
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_label("Not resolved: escalate to the next stage").check()
    page.get_by_label("What was discussed and agreed").fill("Went through the levels of need; not agreed")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.locator("#stages")).to_contain_text("Team manager")

    sign_in(manager)
    page.get_by_role("link", name="Disagreements and escalations").click()
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_label("Resolved: the decision is changed").check()
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the level of need agreed")
    page.get_by_label("Resolved: the decision is changed").check()
    page.get_by_label("Level of need agreed (if the decision is changed)").select_option("3")
    page.get_by_label("What was discussed and agreed").fill("Level 3 agreed")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.locator("#escalation")).to_contain_text("Resolved")
    page.get_by_role("link", name="Escalation figures").click()
    expect(page.locator("#raised-count")).to_have_text("1 raised")
    expect(page.locator("#stage-outcomes")).to_contain_text("Resolved: the decision is changed")
    assert blocking_violations(page) == []

    sign_in(dsl)
    page.get_by_role("link", name="Your contacts").click()
    page.get_by_role("link", name=contact.reference).first.click()
    page.get_by_role("link", name="Disagree with this decision, or see a disagreement you raised").click()
    page.locator("#raised").get_by_role("link").click()
    expect(page.locator("#stages")).to_contain_text("Level 3 agreed")
    assert OutboxMessage.objects.filter(kind="escalation_update", to_address=dsl.email).count() == 3
