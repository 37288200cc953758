import uuid

from django.db import models


class OutboxMessage(models.Model):
    """A message stored in the same transaction as the change that caused it, sent later by the worker.

    `idempotency_key` makes enqueuing the same message twice a no-op; the worker claims a message
    before sending and records the provider's reference, so a message is never sent twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (gave up): retry it from the outbox"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    idempotency_key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=40)
    to_address = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment = models.BinaryField(null=True, blank=True)
    about_type = models.CharField(max_length=40, blank=True)
    about_id = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    channel = models.CharField(max_length=10, blank=True)
    provider_reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    KIND_NAMES = {
        "contact_acknowledgement": "Acknowledgement to the referrer",
        "referral_outcome": "Outcome letter to the referrer",
        "school_da_notification": "Domestic abuse notification to a school",
        "marac_referral": "MARAC referral",
        "idva_referral": "IDVA referral",
        "team_digest": "Weekly digest to a team manager",
    }

    @property
    def kind_name(self) -> str:
        return self.KIND_NAMES.get(self.kind, self.kind.replace("_", " ").capitalize())


class WorkerHeartbeat(models.Model):
    """When a worker last went round its loop, so that /healthz can tell a stopped worker."""

    name = models.CharField(max_length=40, primary_key=True)
    beat_at = models.DateTimeField()
    last_error = models.CharField(max_length=100, blank=True)  # the error's type only: never a record's content
