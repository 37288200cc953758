"""Police domestic-abuse notifications, their grading, the daily triage meeting, and schools told (seed 001)."""
import uuid
from datetime import date, datetime

from django.conf import settings
from django.db import models


class Grade(models.TextChoices):
    STANDARD = "standard", "Standard"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class Relationship(models.TextChoices):
    PARTNER = "partner", "Partner"
    EX_PARTNER = "ex_partner", "Former partner"
    FAMILY_MEMBER = "family_member", "Family member"
    YOUNG_PEOPLE_PARTNERS = "young_people_partners", "Young people in a relationship (both under 18)"
    OTHER = "other", "Other"


class ImportBatch(models.Model):
    """One file (or API call) of police notifications and what became of its rows."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(max_length=200)
    format = models.CharField(max_length=10)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)
    stored = models.PositiveIntegerField(default=0)
    amended = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    quarantined = models.PositiveIntegerField(default=0)


class PoliceNotification(models.Model):
    """A police domestic-abuse notification: stored as received, resolved to people, graded by a person."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        GRADED = "graded", "Graded"
        OUTCOME_RECORDED = "outcome_recorded", "Triage outcome recorded"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    force = models.CharField(max_length=100)
    police_reference = models.CharField(max_length=60)
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="notifications")
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    occurred_at = models.DateTimeField(db_index=True)
    reported_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True)
    relationship = models.CharField(max_length=30, choices=Relationship.choices)
    victim = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    perpetrator = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    victim_pregnant = models.BooleanField(default=False)
    dash_level = models.CharField("officer's DASH level", max_length=10, choices=Grade.choices)
    dash_answers = models.JSONField(default=dict, blank=True)
    offences = models.JSONField(default=list, blank=True)
    narrative = models.TextField(blank=True)
    payload = models.JSONField(help_text="The record exactly as the police sent it")

    # The screening tool's suggestion, kept beside the decision (DESIGN: the software informs).
    tool_id = models.CharField(max_length=40, blank=True)
    tool_version = models.CharField(max_length=10, blank=True)
    suggested_grade = models.CharField(max_length=10, choices=Grade.choices, blank=True)
    suggestion = models.JSONField(default=dict, blank=True)

    grade = models.CharField(max_length=10, choices=Grade.choices, blank=True, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["force", "police_reference"], name="unique_police_reference")
        ]
        ordering = ["-occurred_at"]

    def __str__(self):
        return f"{self.force} {self.police_reference}"


class NotificationAmendment(models.Model):
    """A notification the police sent again with changed content: when, in which import, and each changed
    field from what to what. The notification holds the new content and a suggestion made from it; a grade
    a person had given stands, and `graded` says it came first, to be looked at again."""

    notification = models.ForeignKey(PoliceNotification, on_delete=models.CASCADE, related_name="amendments")
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="amendments")
    received_at = models.DateTimeField(auto_now_add=True)
    changed_fields = models.JSONField(help_text="The record's top-level fields that changed, in the format's order")
    previous = models.JSONField(help_text="{field: its value before} (null: it was absent)")
    new = models.JSONField(help_text="{field: its value now} (null: it is absent now)")
    suggested_grade_before = models.CharField(max_length=10, choices=Grade.choices, blank=True)
    suggested_grade = models.CharField(max_length=10, choices=Grade.choices, blank=True)
    graded = models.BooleanField(help_text="A person had graded the notification before it was amended")

    class Meta:
        ordering = ["-received_at"]


class NotificationChild(models.Model):
    """A child in the household or present at the incident, as the police described them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    notification = models.ForeignKey(PoliceNotification, on_delete=models.CASCADE, related_name="children")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=10, blank=True)
    school = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    school_urn = models.CharField(max_length=8, blank=True)
    school_name = models.CharField(max_length=200, blank=True)
    present = models.BooleanField(default=False)
    disability = models.BooleanField(default=False)
    injured = models.BooleanField(default=False)


class QuarantinedRow(models.Model):
    """A row that could not be stored, with a specific reason per field; corrected and re-imported later."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="quarantined_rows")
    line_number = models.PositiveIntegerField()
    raw = models.JSONField(help_text="The row as received (CSV columns or JSON object)")
    errors = models.JSONField(help_text="[{field, message}]")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_notification = models.ForeignKey(PoliceNotification, null=True, blank=True, on_delete=models.PROTECT,
                                              related_name="+")
    version = models.PositiveIntegerField(default=1)


class GradeDecision(models.Model):
    """A person's grade for a notification, with the tool's suggestion it confirmed or overrode."""

    notification = models.ForeignKey(PoliceNotification, on_delete=models.CASCADE, related_name="grade_decisions")
    suggested_grade = models.CharField(max_length=10, choices=Grade.choices, blank=True)
    grade = models.CharField(max_length=10, choices=Grade.choices)
    rationale = models.TextField()
    tool_id = models.CharField(max_length=40)
    tool_version = models.CharField(max_length=10)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)
    at_meeting = models.ForeignKey("TriageMeeting", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    @property
    def is_override(self) -> bool:
        return bool(self.suggested_grade) and self.grade != self.suggested_grade

    class Meta:
        ordering = ["-decided_at"]


class TriageMeeting(models.Model):
    """The daily multi-agency triage meeting (police, health, probation, children's social care)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    date = models.DateField(unique=True)
    agenda_cutoff = models.DateTimeField(help_text="Medium and high notifications received before this are on the agenda")
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date"]


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(TriageMeeting, on_delete=models.CASCADE, related_name="attendance")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    attendee_name = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "agency"], name="one_attendance_per_agency")]


class MeetingOutcome(models.Model):
    """The single record of outcome for an incident discussed at triage (seed 001)."""

    class Decision(models.TextChoices):
        SOCIAL_WORK_ASSESSMENT = "social_work_assessment", "Social work assessment"
        STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
        EARLY_HELP_OFFER = "early_help_offer", "Early help offer"
        MARAC_REFERRAL = "marac_referral", "MARAC referral"
        INFORMATION_ONLY = "information_only", "Information only"

    notification = models.OneToOneField(PoliceNotification, on_delete=models.PROTECT, related_name="outcome")
    meeting = models.ForeignKey(TriageMeeting, on_delete=models.PROTECT, related_name="outcomes")
    final_grade = models.CharField(max_length=10, choices=Grade.choices)
    decision = models.CharField(max_length=30, choices=Decision.choices)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)


class OutcomeVersion(models.Model):
    """An earlier version of a meeting outcome, kept when it was corrected: what it was, who recorded it and
    when, and who corrected it, when and why. The outcome itself always holds the current version."""

    outcome = models.ForeignKey(MeetingOutcome, on_delete=models.PROTECT, related_name="earlier_versions")
    version = models.PositiveIntegerField()
    final_grade = models.CharField(max_length=10, choices=Grade.choices)
    decision = models.CharField(max_length=30, choices=MeetingOutcome.Decision.choices)
    notes = models.TextField(blank=True)
    actions = models.JSONField(default=list, help_text="[{description, owner, due_date, completed_at}] as they were")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    corrected_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField()

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["outcome", "version"], name="one_row_per_outcome_version")]

    @property
    def action_rows(self) -> list[dict]:
        """The stored actions with their dates as dates again, for the page."""
        return [
            {**action, "due_date": date.fromisoformat(action["due_date"]),
             "completed_at": datetime.fromisoformat(action["completed_at"]) if action["completed_at"] else None}
            for action in self.actions
        ]


class TriageAction(models.Model):
    """An action agreed at triage, owned by an agency at the meeting or the school of a child in the incident."""

    outcome = models.ForeignKey(MeetingOutcome, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=500)
    owner_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="triage_actions")
    due_date = models.DateField()
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    version = models.PositiveIntegerField(default=1)


class ToldToSchool(models.Model):
    """What the school was sent by email (its outbox message) and its DSL's acknowledgement, due by a
    deadline: a notification and each update to it alike."""

    outbox_message = models.ForeignKey("messaging.OutboxMessage", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")

    class Meta:
        abstract = True


class SchoolNotification(ToldToSchool):
    """Operation Encompass: the child's school told before the next school day (ISCO role, seed 001)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        CHALLENGED = "challenged", "Grade challenged"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    notification = models.ForeignKey(PoliceNotification, on_delete=models.PROTECT, related_name="school_notifications")
    child = models.OneToOneField(NotificationChild, on_delete=models.PROTECT, related_name="school_notification")
    school = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="da_notifications")
    grade = models.CharField(max_length=10, choices=Grade.choices)
    deadline = models.DateTimeField(help_text="Start of the next school day after the incident was received")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    updated_at = models.DateTimeField(null=True, blank=True,
                                      help_text="When the school was last sent a corrected grade or actions")
    challenge_reason = models.TextField(blank=True)
    challenge_contact = models.ForeignKey("intake.Contact", null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="+")
    # Shared without consent: the lawful basis as it stood when the school was told (seed 004).
    lawful_basis = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)


class SchoolNotificationUpdate(ToldToSchool):
    """A school told again because the triage meeting corrected the grade or the actions it had been told.

    Like the first notification, the update is acknowledged by the school's DSL before the start of
    the next school day after it was sent; the first notification keeps its own deadline and
    acknowledgement, so the ISCO still sees whether that was on time.
    """

    school_notification = models.ForeignKey(SchoolNotification, on_delete=models.PROTECT, related_name="updates")
    correction = models.PositiveIntegerField(help_text="The version of the meeting outcome that made this update")
    grade_before = models.CharField(max_length=10, choices=Grade.choices)
    grade = models.CharField(max_length=10, choices=Grade.choices)
    actions_changed = models.BooleanField()
    contribution_asked = models.BooleanField(default=False, help_text="The school is newly asked to contribute to "
                                             "the assessment or strategy discussion the meeting decided")
    deadline = models.DateTimeField(help_text="Start of the next school day after the update")

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["school_notification", "correction"],
                                               name="one_school_update_per_correction")]

    @property
    def grade_changed(self) -> bool:
        return self.grade != self.grade_before


class MaracReferral(models.Model):
    """MARAC and IDVA referrals made together (seed 002) when the DASH criteria are met."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    notification = models.ForeignKey(PoliceNotification, on_delete=models.PROTECT, related_name="marac_referrals")
    victim = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    criteria = models.JSONField(help_text="Which SafeLives criteria were met")
    dash_yes_count = models.PositiveSmallIntegerField(null=True, blank=True)
    is_repeat = models.BooleanField(default=False, help_text="Another MARAC referral for this victim within 12 months")
    idva_referred_at = models.DateTimeField()
    # Seed 004: a share without the victim's consent records its lawful basis. None: made before this was asked.
    victim_consented = models.BooleanField(null=True)
    lawful_basis = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class LateNotificationRoute(models.Model):
    """The ISCO's choice for a high notification received after today's agenda cut-off: added to today's
    meeting, or sent straight to a strategy discussion, with the reason (issue 15). One per notification."""

    class Route(models.TextChoices):
        TODAYS_MEETING = "todays_meeting", "Added to today's triage meeting"
        STRATEGY_DISCUSSION = "strategy_discussion", "Sent straight to a strategy discussion"

    notification = models.OneToOneField(PoliceNotification, on_delete=models.PROTECT, related_name="late_route")
    route = models.CharField(max_length=30, choices=Route.choices)
    meeting = models.ForeignKey(TriageMeeting, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="late_additions")
    strategy_discussion = models.ForeignKey("casework.StrategyDiscussion", null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)
