"""The administrator finds a message the worker gave up on, by status, and sends it again."""
import pytest
from playwright.sync_api import expect

from frontdoor.governance.models import AccessLogEntry
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import MAX_ATTEMPTS, outbox_enqueue
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_filters_failed_messages_and_retries_one(page, sign_in):
    admin = factories.user(role="administrator")
    failed = outbox_enqueue(kind="referral_outcome", idempotency_key="dead", to_address="dsl@school.example",
                            subject="Referral outcome", body="Body")
    OutboxMessage.objects.filter(pk=failed.pk).update(status=OutboxMessage.Status.FAILED, attempts=MAX_ATTEMPTS,
                                                      last_error="ConnectionRefusedError: mail server down")
    outbox_enqueue(kind="contact_acknowledgement", idempotency_key="fine", to_address="gp@surgery.example",
                   subject="Thank you", body="Body")

    sign_in(admin)
    page.get_by_role("link", name="Outbox").click()
    expect(page.locator("#worker-health")).to_contain_text("The outbox worker has never run")
    page.get_by_label("Status").select_option(label="Failed (gave up): retry it from the outbox")
    page.get_by_role("button", name="Show").click()
    rows = page.get_by_role("table", name="Messages").locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Outcome letter to the referrer")
    expect(rows.first).to_contain_text("dsl@school.example")
    assert blocking_violations(page) == []

    rows.first.get_by_role("button", name="Retry").click()
    expect(page.get_by_text("The message will be sent again in a moment")).to_be_visible()
    assert OutboxMessage.objects.get(pk=failed.pk).status == OutboxMessage.Status.PENDING
    assert AccessLogEntry.objects.filter(user=admin, action="update", target_id=str(failed.pk),
                                         reason="Retried a failed message").count() == 1


def test_outbox_filters_by_kind_with_readable_names(page, sign_in):
    admin = factories.user(role="administrator")
    outbox_enqueue(kind="referral_outcome", idempotency_key="letter", to_address="dsl@school.example",
                   subject="Referral outcome", body="Body")
    outbox_enqueue(kind="contact_acknowledgement", idempotency_key="ack", to_address="gp@surgery.example",
                   subject="Thank you", body="Body")

    sign_in(admin)
    page.get_by_role("link", name="Outbox").click()
    page.get_by_label("Kind").select_option(label="Acknowledgement to the referrer")
    page.get_by_role("button", name="Show").click()
    rows = page.get_by_role("table", name="Messages").locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("gp@surgery.example")
    expect(rows.first).not_to_contain_text("contact_acknowledgement")
    expect(rows.first.get_by_role("button", name="Retry")).to_have_count(0)  # only a failed message can be retried
