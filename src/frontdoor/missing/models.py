"""Missing episodes from the police's missing-person reports, and the return interviews after them."""
import uuid

from django.conf import settings
from django.db import models


class ReportBatch(models.Model):
    """One file (or API call) of missing-person reports and what became of its rows."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(max_length=200)
    format = models.CharField(max_length=10)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)
    stored = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    quarantined = models.PositiveIntegerField(default=0)


class MissingEpisode(models.Model):
    """A child missing from home or care, from the police report that told us, to their return."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="missing_episodes")
    force = models.CharField(max_length=100)
    police_reference = models.CharField(max_length=50)
    batch = models.ForeignKey(ReportBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="episodes")
    missing_from = models.DateTimeField()
    reported_at = models.DateTimeField()
    returned_at = models.DateTimeField(null=True, blank=True)
    where_found = models.CharField(max_length=500, blank=True)
    who_with = models.CharField(max_length=500, blank=True)
    safe_and_well_at = models.DateTimeField("police safe and well check done at", null=True, blank=True)
    risk_level = models.CharField(max_length=20, blank=True)
    circumstances = models.TextField(blank=True)
    payload = models.JSONField(help_text="The report as last received")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["force", "police_reference"], name="unique_missing_report")]
        indexes = [models.Index(fields=["child", "missing_from"])]


class ReturnInterview(models.Model):
    """The return home interview: held (or offered and declined), by whom, and what the child said."""

    episode = models.OneToOneField(MissingEpisode, on_delete=models.CASCADE, related_name="return_interview")
    held_at = models.DateTimeField(help_text="When it was held, or when the child declined it")
    held_by = models.CharField(max_length=200)
    declined = models.BooleanField(default=False)
    why_went = models.TextField(blank=True)
    where_went = models.TextField(blank=True)
    with_whom = models.TextField(blank=True)
    what_would_help = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)


class QuarantinedReport(models.Model):
    """A report that could not be stored, kept as received with a reason per field."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(ReportBatch, on_delete=models.PROTECT, related_name="quarantined_rows")
    line_number = models.PositiveIntegerField()
    raw = models.JSONField(help_text="The row as received (CSV columns or JSON object)")
    errors = models.JSONField(help_text="[{field, message}]")
    created_at = models.DateTimeField(auto_now_add=True)


class RiskPlan(models.Model):
    """A repeat missing child's multi-agency risk assessment and management plan (MARAMP), kept up to
    date at each review: one living plan per child."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child = models.OneToOneField("people.Person", on_delete=models.PROTECT, related_name="risk_plan")
    held_on = models.DateField("date of the risk assessment meeting")
    agencies = models.JSONField(help_text="The agencies that took part, as their names")
    risks = models.TextField()
    review_due = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)


class RiskPlanAction(models.Model):
    """One action in the plan: who does it and by when, and when it was done."""

    plan = models.ForeignKey(RiskPlan, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=500)
    owner = models.CharField(max_length=200)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]


class RiskPlanReview(models.Model):
    """A review of the plan: what was found, and when the next review is due."""

    plan = models.ForeignKey(RiskPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    summary = models.TextField()
    next_review_due = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-pk"]


class LateInterviewEscalation(models.Model):
    """A return interview past its 72 hours and not recorded, escalated to a manager: once per episode."""

    episode = models.OneToOneField(MissingEpisode, on_delete=models.CASCADE, related_name="late_escalation")
    team = models.CharField(max_length=100, help_text="The team responsible when it was escalated")
    escalated_to = models.JSONField(help_text="The managers' email addresses the message went to")
    escalated_at = models.DateTimeField()


class EducationAbsence(models.Model):
    """A child missing education or on a reduced timetable, as their school recorded it, until it ends
    (seed 003: the Pupils Missing Out list)."""

    class Kind(models.TextChoices):
        MISSING_EDUCATION = "missing_education", "Missing education"
        REDUCED_TIMETABLE = "reduced_timetable", "Reduced timetable"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="education_absences")
    school = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    since = models.DateField()
    hours_per_week = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True,
                                         help_text="Hours in school a week, on a reduced timetable")
    reason = models.TextField(blank=True)
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=~models.Q(kind="reduced_timetable") | models.Q(hours_per_week__isnull=False),
            name="reduced_timetable_has_hours")]
