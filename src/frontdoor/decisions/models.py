import uuid

from django.conf import settings
from django.db import models


class Decision(models.Model):
    """The Front Door's decision on a contact: level of need, outcome option(s), rationale, authorisation."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_AUTHORISATION = "awaiting_authorisation", "Awaiting authorisation"
        RETURNED = "returned", "Returned"
        AUTHORISED = "authorised", "Authorised"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.OneToOneField("intake.Contact", on_delete=models.PROTECT, related_name="decision")
    tool_id = models.CharField(max_length=40)
    tool_version = models.CharField(max_length=10)
    level = models.PositiveSmallIntegerField()
    outcome_codes = models.JSONField(default=list)
    rationale = models.TextField()
    social_worker_name = models.CharField(max_length=200)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.AWAITING_AUTHORISATION)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    authorised_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.TextField(blank=True)
    # Why the decision was sent while a child on the contact was not yet identified in the person index.
    unidentified_reason = models.TextField(blank=True)
    # Consent refused (seed 004): the lawful basis for a support outcome without it, and for Level 4 the
    # decider's confirmation of a risk of significant harm (a refusal alone never raises the level).
    consent_basis = models.TextField("lawful basis for going ahead without consent", blank=True)
    significant_harm = models.BooleanField("risk of significant harm confirmed", default=False)
    version = models.PositiveIntegerField(default=1)


class OutcomeLetter(models.Model):
    """The Referral Outcome Notification (seed 001) as sent: template version and the PDF itself."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="letter")
    template_version = models.CharField(max_length=10)
    pdf = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
