import logging
from datetime import datetime, timedelta

from django.db import models, transaction
from django.utils import timezone

from frontdoor.messaging.channels import channel_for
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.signals import message_sent

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
CLAIM_SECONDS = 120


def outbox_enqueue(
    *,
    kind: str,
    idempotency_key: str,
    to_address: str,
    subject: str,
    body: str,
    about: models.Model | None = None,
    attachment_name: str = "",
    attachment: bytes | None = None,
) -> OutboxMessage:
    """Store a message to send, inside the caller's transaction. The same key twice stores it once."""
    message, _ = OutboxMessage.objects.get_or_create(
        idempotency_key=idempotency_key,
        defaults={
            "kind": kind,
            "to_address": to_address,
            "subject": subject,
            "body": body,
            "attachment_name": attachment_name,
            "attachment": attachment,
            "about_type": about._meta.label_lower if about is not None else "",
            "about_id": str(about.pk) if about is not None else "",
            "next_attempt_at": timezone.now(),
        },
    )
    return message


def _claim(now: datetime, limit: int) -> list[OutboxMessage]:
    """Claim due messages so that a second worker cannot send them too.

    A claim is a compare-and-set on (status, claimed_until); a worker that dies mid-send leaves a
    claim that expires, after which the message is retried.
    """
    due = OutboxMessage.objects.filter(
        models.Q(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now)
        | models.Q(status=OutboxMessage.Status.SENDING, claimed_until__lt=now)
    ).order_by("next_attempt_at")
    claimed = []
    for message in due[:limit]:
        won = OutboxMessage.objects.filter(
            pk=message.pk, status=message.status, claimed_until=message.claimed_until
        ).update(status=OutboxMessage.Status.SENDING, claimed_until=now + timedelta(seconds=CLAIM_SECONDS))
        if won:
            message.refresh_from_db()
            claimed.append(message)
    return claimed


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


def _deliver(message: OutboxMessage) -> None:
    channel = channel_for()
    try:
        reference = channel.send(message)
    except Exception as error:  # any provider failure is retried, then given up on and shown
        attempts = message.attempts + 1
        gave_up = attempts >= MAX_ATTEMPTS
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=attempts,
            status=OutboxMessage.Status.FAILED if gave_up else OutboxMessage.Status.PENDING,
            next_attempt_at=timezone.now() + _backoff(attempts),
            claimed_until=None,
            last_error=f"{type(error).__name__}: {error}"[:300],
        )
        logger.warning("Outbox message %s failed (attempt %s): %s", message.pk, attempts, type(error).__name__)
        return
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENT,
        attempts=message.attempts + 1,
        sent_at=timezone.now(),
        claimed_until=None,
        channel=channel.name,
        provider_reference=reference or "",
        last_error="",
    )
    message_sent.send(sender=OutboxMessage, message=message)


def outbox_dispatch_pending(*, limit: int = 50, now: datetime | None = None) -> int:
    """Send what is due; returns how many messages were attempted."""
    with transaction.atomic():
        claimed = _claim(now or timezone.now(), limit)
    for message in claimed:
        _deliver(message)
    return len(claimed)
