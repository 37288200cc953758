import uuid

from django.db import models


class Case(models.Model):
    """A child's open involvement with children's services: early help, child in need, child protection."""

    class Kind(models.TextChoices):
        EARLY_HELP = "early_help", "Early help"
        CHILD_IN_NEED = "child_in_need", "Child in need"
        CHILD_PROTECTION = "child_protection", "Child protection plan"
        CHILD_IN_CARE = "child_in_care", "Child in care"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    lead_worker = models.CharField(max_length=200, blank=True)
    team = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-opened_on"]

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class StrategyDiscussion(models.Model):
    """A strategy discussion to be held (police, social care, health at least), with what asked for it.

    Peer-on-peer domestic abuse between young people always gets one (seed 002).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    children = models.ManyToManyField("people.Person", related_name="strategy_discussions", blank=True)
    reason = models.CharField(max_length=300)
    source_notification = models.ForeignKey(
        "triage.PoliceNotification", null=True, blank=True, on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    requested_at = models.DateTimeField()
    due_at = models.DateTimeField()
    held_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["due_at"]
