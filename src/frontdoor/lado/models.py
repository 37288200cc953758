"""Allegations against adults who work with children: the referral to the LADO, its meetings and outcome."""
import uuid

from django.conf import settings
from django.db import models


class SettingType(models.TextChoices):
    SCHOOL = "school", "School or college"
    EARLY_YEARS = "early_years", "Early years or childcare"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care or foster care"
    FAITH = "faith", "Faith group"
    SPORT = "sport", "Sport or leisure"
    VOLUNTARY = "voluntary", "Voluntary or youth organisation"
    POLICE = "police", "Police"
    TRANSPORT = "transport", "Transport"
    OTHER = "other", "Other"


class Outcome(models.TextChoices):
    # The five outcome definitions of Keeping Children Safe in Education and Working Together.
    SUBSTANTIATED = "substantiated", "Substantiated"
    FALSE = "false", "False"
    MALICIOUS = "malicious", "Malicious"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    UNFOUNDED = "unfounded", "Unfounded"


class LadoReferral(models.Model):
    """A referral to the LADO about a named adult who works with children, from any agency."""

    class Consideration(models.TextChoices):
        MEETING = "meeting", "Threshold met: hold an allegations management meeting"
        ADVICE = "advice", "Threshold not met: advice given to the employer"
        NO_FURTHER_ACTION = "nfa", "No further action by the LADO"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referrer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lado_referrals")
    source_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="lado_referrals")
    source_kind = models.CharField("source", max_length=20, help_text="The referring agency's kind when referred")
    received_at = models.DateTimeField()
    adult_name = models.CharField("name of the adult", max_length=200)
    adult_role = models.CharField("the adult's role", max_length=200)
    employer = models.CharField("employer or setting", max_length=200)
    setting_type = models.CharField(max_length=20, choices=SettingType.choices)
    allegation = models.TextField()
    children_description = models.TextField("children involved", blank=True)
    historical = models.BooleanField(default=False, help_text="The alleged harm happened in the past (non-recent)")
    children = models.ManyToManyField("people.Person", blank=True, related_name="lado_referrals")
    considered_at = models.DateTimeField(null=True, blank=True)
    considered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    consideration = models.CharField(max_length=10, choices=Consideration.choices, blank=True)
    consideration_notes = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_actions = models.TextField(blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["received_at"])]

    @property
    def status_label(self) -> str:
        if self.outcome:
            return "Closed"
        if self.considered_at:
            return "Being considered by the LADO" if self.consideration == self.Consideration.MEETING else "Closed"
        return "Received"


class AllegationMeeting(models.Model):
    """An allegations management meeting (or position of trust meeting): who came and what was decided."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referral = models.ForeignKey(LadoReferral, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    attendees = models.TextField()
    decisions = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
