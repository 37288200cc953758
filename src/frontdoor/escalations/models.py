"""Professional disagreements with a Front Door decision, and escalations of a service not engaging,
each through the area's stages (settings.FRONTDOOR_ESCALATION_STAGES) with each stage's outcome."""
import uuid

from django.conf import settings
from django.db import models


class Escalation(models.Model):
    class Kind(models.TextChoices):
        DISAGREEMENT = "disagreement", "Disagreement with a decision"
        NON_ENGAGEMENT = "non_engagement", "Non-engagement of a service"

    class Result(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"
        NOT_RESOLVED = "not_resolved", "Not resolved at the last stage"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    contact = models.ForeignKey("intake.Contact", on_delete=models.PROTECT, related_name="escalations")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_by_agency = models.CharField(max_length=200)
    service = models.CharField(max_length=100, blank=True, help_text="The service not engaging (non-engagement)")
    level_sought = models.PositiveSmallIntegerField(null=True, blank=True,
                                                    help_text="The level of need the referrer thinks is right")
    reason = models.TextField()
    raised_at = models.DateTimeField()
    result = models.CharField(max_length=20, choices=Result.choices, default=Result.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["kind", "raised_at"])]


class StageRecord(models.Model):
    """One stage of an escalation: when it started, when it is due, and its outcome once recorded."""

    class Outcome(models.TextChoices):
        UPHELD = "upheld", "Resolved: the decision stands"
        CHANGED = "changed", "Resolved: the decision is changed"
        ENGAGED = "engaged", "Resolved: the service engages"
        ESCALATED = "escalated", "Not resolved: escalate to the next stage"

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField(help_text="1 for the first stage")
    stage_key = models.CharField(max_length=40)
    stage_name = models.CharField(max_length=100)
    started_at = models.DateTimeField()
    due_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    level_agreed = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["escalation", "number"], name="one_record_per_stage")]
