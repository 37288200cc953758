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

    class CallerSource(models.TextChoices):
        # A contact from someone who is not a professional, coded as the DfE CIN census codes its
        # ReferralSource (N00152, shared/STATUTORY-RETURNS.md): individuals 1A-1D, anonymous 9.
        FAMILY = "1A", "Family member, relative or carer"
        ACQUAINTANCE = "1B", "Acquaintance, such as a neighbour or a child minder"
        SELF = "1C", "The child or young person themself"
        OTHER_INDIVIDUAL = "1D", "Another member of the public"
        ANONYMOUS = "9", "Anonymous caller"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=14, unique=True, default=new_reference)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NEW, db_index=True)
    received_at = models.DateTimeField(db_index=True)
    decision_due_at = models.DateTimeField(db_index=True)
    is_urgent = models.BooleanField(default=False, db_index=True)
    form_version = models.CharField(max_length=10, default="1")

    # The referrer: a signed-in professional, or the details taken by Front Door staff. A member of the
    # public or an anonymous caller has a caller source and no agency; an anonymous caller has no name.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="contacts_submitted"
    )
    caller_source = models.CharField("who the contact is from", max_length=2, choices=CallerSource.choices,
                                     blank=True)
    referrer_agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="contacts")
    referrer_name = models.CharField(max_length=200, blank=True)
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
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(caller_source="", referrer_agency__isnull=False)
                           | (~models.Q(caller_source="") & models.Q(referrer_agency__isnull=True))),
                name="contact_from_an_agency_or_a_member_of_the_public",
            ),
            models.CheckConstraint(
                condition=~models.Q(caller_source="9") | models.Q(referrer_name="", referrer_phone="", referrer_email=""),
                name="anonymous_contact_keeps_no_caller_details",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_from_public(self) -> bool:
        return bool(self.caller_source)

    @property
    def referrer_description(self) -> str:
        """Who the contact came from, as the pages name it: the agency, or the kind of caller."""
        if self.is_from_public:
            return self.get_caller_source_display()
        return self.referrer_agency.name

    @property
    def may_receive_outcome_letter(self) -> bool:
        """The outcome letter names the child, the level of need and the actions: it goes to professionals only."""
        return not self.is_from_public

    @property
    def disclosure_to_referrer(self) -> str:
        """What the Front Door may tell the person who made the contact (the staff page shows it)."""
        if self.caller_source == self.CallerSource.ANONYMOUS:
            return "Nothing: the caller is anonymous and cannot be contacted."
        if self.is_from_public:
            return ("Only that the contact was received. Do not tell them the outcome, the level of need or "
                    "anything about the child's family.")
        return "The outcome letter: the level of need, the actions and the rationale."

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


class AdviceRequest(models.Model):
    """Question 5 of the Concern Contact Form answered yes (seed 001): the referrer is "seeking advice and
    assistance on how to support a family with early help", which is the community social worker's to give.
    The contact still has its Front Door decision; the advice is answered beside it, to the referrer."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for advice"
        REPLIED = "replied", "Advice given"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="advice_request")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    reply = models.TextField("the advice given", blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    replied_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=models.Q(status="open", replied_at__isnull=True)
            | models.Q(status="replied", replied_at__isnull=False) & ~models.Q(reply=""),
            name="advice_replied_with_its_text")]
