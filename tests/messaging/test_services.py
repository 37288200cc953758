from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import outbox_dispatch_pending, outbox_enqueue

pytestmark = pytest.mark.django_db


def _enqueue(key="k1"):
    return outbox_enqueue(kind="test", idempotency_key=key, to_address="dsl@school.example", subject="Subject",
                          body="Body", attachment_name="letter.pdf", attachment=b"%PDF-1.7 test")


def test_the_same_message_enqueued_twice_is_stored_once():
    _enqueue()
    _enqueue()
    assert OutboxMessage.objects.count() == 1


def test_worker_sends_once_with_attachment_and_records_it():
    message = _enqueue()

    assert outbox_dispatch_pending() == 1
    assert outbox_dispatch_pending() == 0

    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][0] == "letter.pdf"
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT and message.attempts == 1 and message.sent_at


def test_failed_send_is_retried_later_then_given_up(settings):
    settings.EMAIL_BACKEND = "tests.messaging.failing_backend.FailingBackend"
    message = _enqueue()

    outbox_dispatch_pending()
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.PENDING and message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error
    assert outbox_dispatch_pending() == 0  # not due yet: backing off

    for _ in range(10):
        outbox_dispatch_pending(now=timezone.now() + timedelta(days=1))
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED and message.attempts == 8


def test_a_claim_left_by_a_dead_worker_expires_and_the_message_is_sent():
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, claimed_until=timezone.now() + timedelta(minutes=2)
    )
    assert outbox_dispatch_pending() == 0
    assert outbox_dispatch_pending(now=timezone.now() + timedelta(minutes=3)) == 1
    assert len(mail.outbox) == 1
