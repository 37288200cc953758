from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import working_deadline
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.intake import coach, validation
from frontdoor.intake.errors import ContactConflict, ContactInvalid
from frontdoor.intake.models import AdviceRequest, Contact, ContactChild, ContactFamilyMember
from frontdoor.intake.selectors import OPEN_STATUSES
from frontdoor.messaging.services import outbox_enqueue


@dataclass(frozen=True)
class ChildDraft:
    family_name: str = ""
    given_name: str = ""
    date_of_birth: date | None = None
    is_unborn: bool = False
    expected_date: date | None = None
    father_name: str = ""
    sex: str = ""
    address: str = ""
    postcode: str = ""
    nhs_number: str = ""
    school_name: str = ""


@dataclass(frozen=True)
class FamilyMemberDraft:
    name: str
    relationship: str
    date_of_birth: date | None = None
    address: str = ""
    lives_with_child: bool = True


@dataclass(frozen=True)
class ContactDraft:
    """Everything the Concern Contact Form (or a Front Door officer taking a call) collects."""

    referrer_agency_id: str | None
    referrer_name: str
    concern_now: str
    consent: str
    children: tuple[ChildDraft, ...]
    channel: str = Contact.Channel.ONLINE
    caller_source: str = ""  # a member of the public's or an anonymous caller's census code; "" for a professional
    referrer_role: str = ""
    referrer_phone: str = ""
    referrer_email: str = ""
    immediate_answers: dict = field(default_factory=dict)
    welfare_concern: bool | None = None
    early_help_advice: bool | None = None
    concern_past: str = ""
    incident_at: datetime | None = None
    disclosure_at: datetime | None = None
    agency_actions: str = ""
    consent_reason: str = ""
    agency_answers: dict = field(default_factory=dict)
    family_members: tuple[FamilyMemberDraft, ...] = ()

    @property
    def is_urgent(self) -> bool:
        return any(self.immediate_answers.values())


def referral_quality_flags(*, draft: ContactDraft, agency_kind: str, now: datetime | None = None) -> list[dict]:
    """The referral-quality coach's flags for a draft (seed 004's good and poor referral)."""
    referral = coach.ReferralDraft(
        referrer_name=draft.referrer_name,
        referrer_phone=draft.referrer_phone,
        referrer_email=draft.referrer_email,
        agency_kind=agency_kind,
        children=tuple(
            {
                "given_name": c.given_name,
                "family_name": c.family_name,
                "dob": c.date_of_birth,
                "expected_date": c.expected_date,
                "address": c.address,
                "postcode": c.postcode,
                "nhs_number": c.nhs_number,
                "school_name": c.school_name,
            }
            for c in draft.children
        ),
        concern_now=draft.concern_now,
        concern_past=draft.concern_past,
        incident_at=draft.incident_at,
        disclosure_at=draft.disclosure_at,
        submitted_at=now or timezone.now(),
        agency_actions=draft.agency_actions,
        consent=draft.consent,
        consent_reason=draft.consent_reason,
        agency_answers=dict(draft.agency_answers),
    )
    return coach.flags_as_dicts(coach.check(referral))


def contact_quality_flags(*, contact: Contact) -> list[dict]:
    """The coach's flags for a stored contact (for contacts that did not come through the form)."""
    draft = ContactDraft(
        referrer_agency_id=contact.referrer_agency_id and str(contact.referrer_agency_id),
        caller_source=contact.caller_source,
        referrer_name=contact.referrer_name,
        referrer_phone=contact.referrer_phone,
        referrer_email=contact.referrer_email,
        concern_now=contact.concern_now,
        concern_past=contact.concern_past,
        incident_at=contact.incident_at,
        disclosure_at=contact.disclosure_at,
        agency_actions=contact.agency_actions,
        consent=contact.consent,
        consent_reason=contact.consent_reason,
        agency_answers=contact.agency_answers,
        children=tuple(
            ChildDraft(**{f: getattr(c, f) for f in ChildDraft.__dataclass_fields__}) for c in contact.children.all()
        ),
    )
    agency_kind = contact.referrer_agency.kind if contact.referrer_agency_id else ""
    return referral_quality_flags(draft=draft, agency_kind=agency_kind, now=contact.received_at)


def _contact_fields(draft: ContactDraft) -> dict:
    return {k: v for k, v in asdict(draft).items() if k not in ("children", "family_members", "referrer_agency_id")}


def _draft_checked(draft: ContactDraft) -> ContactDraft:
    """The draft normalised as the concern form normalises it, or ContactInvalid naming every field that is
    wrong: the form, the API and every other caller of `contact_submit` meet the same rules."""
    contact = validation.normalised(Contact, _contact_fields(draft))
    children = [validation.normalised(ContactChild, asdict(child)) for child in draft.children]
    family = [validation.normalised(ContactFamilyMember, asdict(member)) for member in draft.family_members]
    problems = validation.contact_problems(contact=contact, children=children, family_members=family)
    if problems:
        raise ContactInvalid(problems=problems)
    return replace(draft, **contact, children=tuple(ChildDraft(**child) for child in children),
                   family_members=tuple(FamilyMemberDraft(**member) for member in family))


@transaction.atomic
def contact_submit(*, submitted_by, draft: ContactDraft, received_at: datetime | None = None) -> Contact:
    """Store a concern before anything else can fail, then acknowledge it through the outbox."""
    draft = _draft_checked(draft)
    agency = None if draft.caller_source else Agency.objects.get(pk=draft.referrer_agency_id)
    received_at = received_at or timezone.now()
    contact = Contact.objects.create(
        **_contact_fields(draft),
        referrer_agency=agency,
        submitted_by=submitted_by,
        received_at=received_at,
        decision_due_at=working_deadline(received_at, 1),
        is_urgent=draft.is_urgent,
        quality_flags=referral_quality_flags(draft=draft, agency_kind=agency.kind if agency else "", now=received_at),
    )
    ContactChild.objects.bulk_create(ContactChild(contact=contact, **asdict(c)) for c in draft.children)
    ContactFamilyMember.objects.bulk_create(
        ContactFamilyMember(contact=contact, **asdict(m)) for m in draft.family_members
    )
    access_log_record(user=submitted_by, target=contact, reason="Submitted a contact", action=AccessLogEntry.Action.CREATE)
    if draft.early_help_advice:
        AdviceRequest.objects.create(contact=contact)
    _acknowledge(contact)
    return contact


PUBLIC_ACKNOWLEDGEMENT = (
    "Thank you for telling the Family Front Door about your worry for a child. Your reference is {reference}.\n\n"
    "We have received it and a qualified social worker will consider it. To protect the child and their family "
    "we cannot tell you what we decide or anything about them.\n\n"
    "If a child is in immediate danger, call the police on 999.\n\nFamily Front Door"
)


def _acknowledge(contact: Contact) -> None:
    """Every caller who can be reached hears that their contact arrived; only a professional is told more."""
    if not contact.letter_address:
        return
    if contact.is_from_public:
        outbox_enqueue(
            kind="contact_acknowledgement", idempotency_key=f"contact-ack-{contact.pk}",
            to_address=contact.letter_address, subject=f"We have received your contact {contact.reference}",
            body=f"Dear {contact.referrer_name},\n\n" + PUBLIC_ACKNOWLEDGEMENT.format(reference=contact.reference),
            about=contact,
        )
        return
    urgent_line = (
        "You told us a child may be at immediate risk. If you have not already phoned the Family Front Door, "
        "please call now.\n\n"
        if contact.is_urgent
        else ""
    )
    outbox_enqueue(
        kind="contact_acknowledgement",
        idempotency_key=f"contact-ack-{contact.pk}",
        to_address=contact.letter_address,
        subject=f"We have received your contact {contact.reference}",
        body=(
            f"Dear {contact.referrer_name},\n\n"
            f"Thank you for telling the Family Front Door about your concern. Your reference is {contact.reference}.\n\n"
            f"{urgent_line}"
            "A qualified social worker will consider it and decide on the next steps within one working day. "
            "You will receive the outcome by email.\n\nFamily Front Door"
        ),
        about=contact,
    )


@transaction.atomic
def contact_assign(*, contact: Contact, user, version: int, assignee=None) -> None:
    """Give a contact to someone to work on: the user themself ("Assign to me") or a colleague, a Front Door
    practitioner or manager of the same agency. Compare-and-set, so two people do not both pick it up unseen.
    A new contact becomes in progress; one already further on keeps its status. Recorded in the access log."""
    assignee = assignee or user
    membership = getattr(assignee, "membership", None)
    if (not assignee.is_active or membership is None or not membership.is_front_door
            or membership.agency_id != user.membership.agency_id):
        raise ContactInvalid("Select a Front Door practitioner or manager from your team")
    if contact.status not in OPEN_STATUSES:
        raise ContactInvalid("This contact has been decided and can no longer be assigned")
    status = Contact.Status.IN_PROGRESS if contact.status == Contact.Status.NEW else contact.status
    updated = Contact.objects.filter(pk=contact.pk, version=version, status=contact.status).update(
        assigned_to=assignee, status=status, version=F("version") + 1
    )
    if not updated:
        raise ContactConflict("Someone else changed this contact. Reload the page to see their changes.")
    who = "themself" if assignee.pk == user.pk else assignee.get_full_name() or "a colleague"
    access_log_record(user=user, target=contact, reason=f"Assigned the contact to {who}",
                      action=AccessLogEntry.Action.UPDATE)


ADVICE_MAX_LENGTH = 5000


@transaction.atomic
def advice_reply(*, user, advice: AdviceRequest, version: int, reply: str) -> None:
    """The community social worker's advice on early help (seed 001, question 5), sent to the referrer through
    the outbox. Compare-and-set, so two workers do not both answer unseen."""
    reply = reply.strip()
    if not reply:
        raise ContactInvalid("Enter your advice for the referrer")
    if len(reply) > ADVICE_MAX_LENGTH or validation.CONTROL_BUT_LINE_BREAKS.search(reply):
        raise ContactInvalid(f"Enter your advice in {ADVICE_MAX_LENGTH} characters or fewer, as plain text")
    contact = advice.contact
    if not contact.letter_address:
        raise ContactInvalid("The referrer gave no email address to send advice to: phone them on "
                             f"{contact.referrer_phone or 'the number on the contact'} instead")
    now = timezone.now()
    updated = AdviceRequest.objects.filter(pk=advice.pk, version=version, status=AdviceRequest.Status.OPEN).update(
        status=AdviceRequest.Status.REPLIED, reply=reply, replied_by=user, replied_at=now, version=F("version") + 1)
    if not updated:
        raise ContactConflict("Someone else has already given advice on this request. Reload the page to see it.")
    outbox_enqueue(
        kind="early_help_advice", idempotency_key=f"early-help-advice-{advice.pk}",
        to_address=contact.letter_address,
        subject=f"Advice on early help for your contact {contact.reference}",
        body=(f"Dear {contact.referrer_name},\n\nYou asked the Family Front Door for advice on how to support a "
              f"family with early help (your contact {contact.reference}). This is the advice of our community "
              f"social worker.\n\n{reply}\n\n{user.get_full_name()}\n{user.membership.job_title}\n\n"
              "The Front Door will still send you its decision on your contact."),
        about=contact,
    )
    access_log_record(user=user, target=contact, reason="Gave early help advice to the referrer",
                      action=AccessLogEntry.Action.UPDATE)
