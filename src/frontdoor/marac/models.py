"""MARAC as a meeting (seed 002): its cases from any referring agency, who attended, and the action plan."""
import uuid

from django.conf import settings
from django.db import models


class MaracMeeting(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    held_on = models.DateField(db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class MaracAttendance(models.Model):
    meeting = models.ForeignKey(MaracMeeting, on_delete=models.CASCADE, related_name="attendance")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    attendee = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "agency"], name="marac_one_attendance_per_agency")]


class MaracCase(models.Model):
    """One victim's case heard at a meeting, referred by any agency (the police's are one source of many)."""

    class LawfulBasis(models.TextChoices):
        # Why the case and its actions may be shared with the child's social worker and school.
        SAFEGUARDING = "safeguarding", (
            "UK GDPR Article 6(1)(e) public task, with Data Protection Act 2018 Schedule 1 paragraph 18 "
            "(safeguarding of children and individuals at risk)")
        CRIME_AND_DISORDER = "crime_disorder", "Crime and Disorder Act 1998 section 115 (reducing crime and disorder)"
        CONSENT = "consent", "The victim's consent"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(MaracMeeting, on_delete=models.PROTECT, related_name="cases")
    victim = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    perpetrator_name = models.CharField(max_length=200, blank=True)
    perpetrator_date_of_birth = models.DateField(null=True, blank=True)
    referring_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    children = models.ManyToManyField("people.Person", blank=True, related_name="marac_cases",
                                      help_text="The children in the household, whose professionals see the case")
    lawful_basis = models.CharField(max_length=20, choices=LawfulBasis.choices)
    is_repeat = models.BooleanField(help_text="Another MARAC case for this victim in the 12 months before")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "victim"], name="marac_one_case_per_victim_per_meeting")]


class MaracAction(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(MaracCase, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owner_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    owner_name = models.CharField(max_length=200)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)


class AgencyReferral(models.Model):
    """A referral to the MARAC from any agency's professional (seed 002: the police's come from the triage
    meeting), waiting until the coordinator lists it as a case at a meeting."""

    class Criterion(models.TextChoices):
        # SafeLives' referral criteria, as the triage meeting's Dash checklist applies them (DOMAIN.md section 7).
        VISIBLE_HIGH_RISK = "visible_high_risk", "Visible high risk: 14 or more \"yes\" answers on the SafeLives Dash checklist"
        PROFESSIONAL_JUDGEMENT = "professional_judgement", "Professional judgement"
        POTENTIAL_ESCALATION = "potential_escalation", "Potential escalation: 3 or more police call-outs in 12 months"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referrer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    victim_given_name = models.CharField(max_length=100)
    victim_family_name = models.CharField(max_length=100)
    victim_date_of_birth = models.DateField(null=True, blank=True)
    criterion = models.CharField(max_length=30, choices=Criterion.choices)
    dash_yes_count = models.PositiveSmallIntegerField(null=True, blank=True)
    risks = models.TextField(help_text="What the referrer is worried about")
    children = models.TextField(blank=True, help_text="The children in the household, as the referrer knows them")
    lawful_basis = models.CharField(max_length=20, choices=MaracCase.LawfulBasis.choices)
    received_at = models.DateTimeField(auto_now_add=True)
    case = models.OneToOneField(MaracCase, null=True, blank=True, on_delete=models.PROTECT, related_name="referral")

    @property
    def victim_name(self) -> str:
        return f"{self.victim_given_name} {self.victim_family_name}"
