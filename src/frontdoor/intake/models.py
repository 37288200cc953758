import secrets
import uuid

from django.conf import settings
from django.db import models


def new_reference() -> str:
    """A short reference the referrer can quote on the phone; random, so it reveals no volumes."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    token = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"FD-{token[:4]}-{token[4:]}"


class Contact(models.Model):
    """A concern about one or more children, from a professional (online) or taken by phone or email."""

    class Channel(models.TextChoices):
        ONLINE = "online", "Online concern form"
        PHONE = "phone", "Phone"
        EMAIL = "email", "Email"

    class Consent(models.TextChoices):
        GIVEN = "given", "Consent given"
        REFUSED = "refused", "Consent refused"
        NOT_SOUGHT = "not_sought", "Consent not sought"

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_PROGRESS = "in_progress", "In progress"
        AWAITING_AUTHORISATION = "awaiting_authorisation", "Awaiting authorisation"
        RETURNED = "returned", "Returned by manager"
        AUTHORISED = "authorised", "Decision authorised"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=14, unique=True, default=new_reference)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NEW, db_index=True)
    received_at = models.DateTimeField(db_index=True)
    decision_due_at = models.DateTimeField(db_index=True)
    is_urgent = models.BooleanField(default=False, db_index=True)
    form_version = models.CharField(max_length=10, default="1")

    # The referrer: a signed-in professional, or the details taken by Front Door staff.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="contacts_submitted"
    )
    referrer_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="contacts")
    referrer_name = models.CharField(max_length=200)
    referrer_role = models.CharField(max_length=100, blank=True)
    referrer_phone = models.CharField(max_length=30, blank=True)
    referrer_email = models.EmailField(blank=True)

    # The five questions of the Concern Contact Form (seed 001).
    immediate_answers = models.JSONField("answers to the immediate safety questions", default=dict)
    welfare_concern = models.BooleanField(null=True)
    early_help_advice = models.BooleanField(null=True)

    concern_now = models.TextField("what is happening now")
    concern_past = models.TextField("past events", blank=True)
    incident_at = models.DateTimeField("date of the incident or disclosure", null=True, blank=True)
    disclosure_at = models.DateTimeField("date the referrer became aware", null=True, blank=True)
    agency_actions = models.TextField("what your agency has done", blank=True)
    consent = models.CharField(max_length=12, choices=Consent.choices)
    consent_reason = models.CharField(max_length=300, blank=True)
    agency_answers = models.JSONField("answers to the agency's questions", default=dict, blank=True)
    quality_flags = models.JSONField(default=list, blank=True)

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts_assigned"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["status", "is_urgent", "decision_due_at"])]

    def __str__(self):
        return self.reference

    @property
    def can_be_decided(self) -> bool:
        return self.status in DECIDABLE_STATUSES

    @property
    def letter_address(self) -> str:
        """Where the acknowledgement and the outcome letter (the child's name and date of birth) go.

        A referrer who signed in (the online form, or the API with their token) gets them at their account's
        address, never at one typed on the form, which could send a child's details anywhere; the typed
        address stays a way to reach them. A contact that Front Door staff took by phone or email has no
        such account: it goes to the address the referrer gave.
        """
        if self.channel == self.Channel.ONLINE and self.submitted_by_id:
            return self.submitted_by.email
        return self.referrer_email


DECIDABLE_STATUSES = (Contact.Status.NEW, Contact.Status.IN_PROGRESS, Contact.Status.RETURNED)


class ContactChild(models.Model):
    """One child named in a contact, as the referrer described them, and the person it was linked to."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="children")
    given_name = models.CharField(max_length=100, blank=True)
    # Seed 004 asks referrers to identify the child, but a first name, a school and a worry are never
    # turned away: the coach says what is missing and the front door identifies the child.
    family_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    is_unborn = models.BooleanField(default=False)
    expected_date = models.DateField(null=True, blank=True)
    father_name = models.CharField("father's name", max_length=200, blank=True)
    sex = models.CharField(max_length=10, blank=True)
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    nhs_number = models.CharField(max_length=10, blank=True)
    school_name = models.CharField(max_length=200, blank=True)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="contact_mentions"
    )

    @property
    def display_name(self) -> str:
        if self.is_unborn and not self.given_name:
            return f"Unborn baby {self.family_name}".strip()
        return f"{self.given_name} {self.family_name}".strip() or "Child whose name is not known"


class ContactFamilyMember(models.Model):
    """A parent, carer or other household member named in a contact."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="family_members")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.CharField(max_length=300, blank=True)
    lives_with_child = models.BooleanField(default=True)
