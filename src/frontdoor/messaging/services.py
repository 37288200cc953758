import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models, transaction
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.messaging.addresses import address_problem, address_shown
from frontdoor.messaging.channels import channel_for
from frontdoor.messaging.models import OutboxMessage, WorkerHeartbeat
from frontdoor.messaging.signals import message_sent

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
CLAIM_SECONDS = 120


@dataclass(frozen=True)
class OutboxDraft:
    """One message to store: what `outbox_enqueue` takes, for enqueuing several at once."""

    kind: str
    idempotency_key: str
    to_address: str
    subject: str
    body: str
    about: models.Model | None = None
    attachment_name: str = ""
    attachment: bytes | None = None

    def as_fields(self) -> dict:
        about = self.about
        return {
            **_addressed(self.to_address),
            "kind": self.kind,
            "subject": self.subject,
            "body": self.body,
            "attachment_name": self.attachment_name,
            "attachment": self.attachment,
            "about_type": about._meta.label_lower if about is not None else "",
            "about_id": str(about.pk) if about is not None else "",
        }


def _addressed(address: str) -> dict:
    """A message to an address it can never be sent to is stored failed, with the reason, rather than pending
    and retried: no retry can succeed, and the outbox page shows someone what to correct."""
    problem = address_problem(address)
    if problem is None:
        return {"to_address": address, "status": OutboxMessage.Status.PENDING}
    return {"to_address": address_shown(address), "status": OutboxMessage.Status.FAILED, "last_error": _never_sent(problem)}


def _never_sent(problem: str) -> str:
    return f"Never sent: {problem}"


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
    draft = OutboxDraft(kind=kind, idempotency_key=idempotency_key, to_address=to_address, subject=subject, body=body,
                        about=about, attachment_name=attachment_name, attachment=attachment)
    message, _ = OutboxMessage.objects.get_or_create(
        idempotency_key=idempotency_key, defaults={**draft.as_fields(), "next_attempt_at": timezone.now()},
    )
    return message


def outbox_enqueue_many(*, drafts: Sequence[OutboxDraft]) -> list[OutboxMessage]:
    """Store several messages in two statements, inside the caller's transaction; the stored messages in the
    drafts' order. As with `outbox_enqueue`, a key already stored (or given twice) is stored once and its
    stored message returned, also when another transaction stores it at the same moment."""
    if not drafts:
        return []
    now = timezone.now()
    OutboxMessage.objects.bulk_create(
        [OutboxMessage(idempotency_key=d.idempotency_key, next_attempt_at=now, **d.as_fields()) for d in drafts],
        ignore_conflicts=True,
    )
    stored = OutboxMessage.objects.in_bulk([d.idempotency_key for d in drafts], field_name="idempotency_key")
    missing = [d.idempotency_key for d in drafts if d.idempotency_key not in stored]
    if missing:  # SQLite's INSERT OR IGNORE skips any invalid row, not only a repeated key
        raise ValueError(f"Outbox messages not stored: {', '.join(missing)}")
    return [stored[d.idempotency_key] for d in drafts]


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
    if problem := address_problem(message.to_address):  # stored before this check, or changed since
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=OutboxMessage.Status.FAILED, claimed_until=None, last_error=_never_sent(problem))
        logger.warning("Outbox message %s can never be sent: %s", message.pk, problem)
        return
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


def outbox_retry(*, message_id, user) -> bool:
    """A message the worker gave up on is tried again now, once however many times it is asked; only a failed
    message can be retried. Who retried it goes in the audit (the access log, as a change to the message)."""
    with transaction.atomic():
        retried = OutboxMessage.objects.filter(pk=message_id, status=OutboxMessage.Status.FAILED).update(
            status=OutboxMessage.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_until=None)
        if retried:
            AccessLogEntry.objects.create(user=user, action=AccessLogEntry.Action.UPDATE,
                                          target_type=OutboxMessage._meta.label_lower, target_id=str(message_id),
                                          reason="Retried a failed message")
    if retried:
        logger.info("Outbox message %s retried by user %s", message_id, user.pk)
    return bool(retried)


def worker_heartbeat_record(*, name: str, error: Exception | None = None) -> None:
    WorkerHeartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now(), "last_error": type(error).__name__ if error else ""})
