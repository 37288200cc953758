import uuid

from django.conf import settings
from django.db import models


class AccessLogEntry(models.Model):
    """Who saw or changed which record, when and why. Never holds the record's content."""

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        EXPORT = "export", "Exported"
        # Asked for a restricted record they are not named on, and told it does not exist.
        REFUSED = "refused", "Refused: restricted record"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    target_type = models.CharField(max_length=40)
    target_id = models.CharField(max_length=64)
    reason = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["target_type", "target_id"])]
        ordering = ["-at"]


class LegalHold(models.Model):
    """Keeps everything held about a person past its retention date (a court case, a review, an inquiry)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="legal_holds")
    reason = models.CharField(max_length=300)
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    lift_reason = models.CharField(max_length=300, blank=True)
    # Compare and set: lifting adds one, so a second manager lifting from an old page is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-placed_at"]


class RetentionRun(models.Model):
    """One run of the retention schedule: what was due, deleted and kept, by rule. Never the records' content."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ran_at = models.DateTimeField(auto_now_add=True)
    deleting = models.BooleanField()
    summary = models.JSONField()  # [{"record": label, "due": n, "deleted": [ids], "kept": {id: reason}}]
    holds = models.JSONField(default=list)  # the ids of the legal holds in force when it ran

    class Meta:
        ordering = ["-ran_at"]
