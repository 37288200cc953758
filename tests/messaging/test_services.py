from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import (
    OutboxDraft,
    outbox_dispatch_pending,
    outbox_enqueue,
    outbox_enqueue_many,
)

pytestmark = pytest.mark.django_db


def _enqueue(key="k1"):
    return outbox_enqueue(kind="test", idempotency_key=key, to_address="dsl@school.example", subject="Subject",
                          body="Body", attachment_name="letter.pdf", attachment=b"%PDF-1.7 test")


def test_the_same_message_enqueued_twice_is_stored_once():
    _enqueue()
    _enqueue()
    assert OutboxMessage.objects.count() == 1


def _draft(key, to="dsl@school.example", about=None):
    return OutboxDraft(kind="test", idempotency_key=key, to_address=to, subject=f"Subject {key}", body="Body",
                       about=about)


def test_several_messages_are_stored_at_once_in_order_with_what_they_are_about():
    about = _enqueue("about-this")
    with CaptureQueriesContext(connection) as queries:
        stored = outbox_enqueue_many(drafts=[_draft("k2", about=about), _draft("k3", to="other@school.example")])
    assert len(queries) == 2
    assert [(m.idempotency_key, m.to_address, m.subject) for m in stored] == [
        ("k2", "dsl@school.example", "Subject k2"), ("k3", "other@school.example", "Subject k3")]
    first = OutboxMessage.objects.get(idempotency_key="k2")
    assert stored[0] == first and (first.about_type, first.about_id) == ("messaging.outboxmessage", str(about.pk))
    assert first.status == OutboxMessage.Status.PENDING and first.next_attempt_at <= timezone.now()


def test_a_key_already_stored_or_given_twice_is_stored_once_and_the_stored_message_returned():
    earlier = _enqueue("k1")
    stored = outbox_enqueue_many(drafts=[_draft("k1", to="changed@school.example"), _draft("k2"), _draft("k2")])
    assert stored[0] == earlier and stored[0].to_address == "dsl@school.example"
    assert stored[1] == stored[2] and OutboxMessage.objects.count() == 2
    assert outbox_enqueue_many(drafts=[]) == []


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


@pytest.mark.parametrize(("address", "reason"), [
    ("dsl@school.example\r\nBcc: everyone@example.org", "line break"),
    ("not-an-email", "not a valid email address"),
    ("", "there is no email address"),
    ("dsl\x00@school.example", "not a valid email address"),
])
def test_a_message_to_an_address_it_can_never_send_to_is_failed_with_a_reason_at_once(address, reason):
    message = outbox_enqueue(kind="test", idempotency_key="bad", to_address=address, subject="Subject", body="Body")

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert message.last_error.startswith("Never sent: ") and reason in message.last_error
    assert outbox_dispatch_pending(now=timezone.now() + timedelta(days=1)) == 0 and not mail.outbox


def test_a_pending_message_to_an_invalid_address_fails_on_its_first_round_and_is_not_retried():
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(to_address="dsl@school.example\nBcc: x@example.org")

    outbox_dispatch_pending()

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED and "line break" in message.last_error
    assert not mail.outbox


def test_several_messages_with_one_bad_address_store_that_one_as_failed():
    stored = outbox_enqueue_many(drafts=[_draft("good"), _draft("bad", to="nobody")])

    assert [m.status for m in stored] == [OutboxMessage.Status.PENDING, OutboxMessage.Status.FAILED]


def test_only_a_failed_message_is_retried_and_the_retry_is_audited():
    from frontdoor.governance.models import AccessLogEntry
    from frontdoor.messaging.services import outbox_retry
    from tests import factories

    admin = factories.user(role="administrator")
    failed, pending = _enqueue("failed"), _enqueue("pending")
    OutboxMessage.objects.filter(pk=failed.pk).update(status=OutboxMessage.Status.FAILED, attempts=5)

    assert outbox_retry(message_id=pending.pk, user=admin) is False
    assert outbox_retry(message_id=failed.pk, user=admin) is True
    assert outbox_retry(message_id=failed.pk, user=admin) is False  # once, however many times it is asked

    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (OutboxMessage.Status.PENDING, 0)
    entries = AccessLogEntry.objects.filter(user=admin, action="update")
    assert [(e.target_type, e.target_id, e.reason) for e in entries] == [
        ("messaging.outboxmessage", str(failed.pk), "Retried a failed message")]
