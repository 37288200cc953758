from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.casework.services import early_help_offers_start_for_contact, episodes_start_for_contact
from frontdoor.decisions.consent import STATUTORY_LEVEL, consent_basis_needed, decision_consent_problems
from frontdoor.decisions.errors import ChildNotIdentified, ConsentNotSettled, DecisionConflict, DecisionInvalid
from frontdoor.decisions.letter import LETTER_TEMPLATE_VERSION, letter_email_body, outcome_letter_pdf
from frontdoor.decisions.models import Decision, OutcomeLetter
from frontdoor.decisions.selectors import early_help_declined_for
from frontdoor.decisions.outcomes import levels_of_need, outcome_codes_for
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.intake.models import DECIDABLE_STATUSES, Contact
from frontdoor.messaging.services import outbox_enqueue

CONFLICT = "Someone else changed this contact while you were working on it. Reload the page to see their changes; your text is kept below."


def _check_outcomes(level: int, outcome_codes: list[str]) -> None:
    tool = levels_of_need()
    if level not in [lvl.number for lvl in tool.levels]:
        raise DecisionInvalid("Select a level of need")
    if not outcome_codes:
        raise DecisionInvalid("Select at least one outcome for the referrer")
    allowed = outcome_codes_for(tool, level)
    wrong = [code for code in outcome_codes if code not in allowed]
    if wrong:
        raise DecisionInvalid(f"The outcome(s) selected do not belong to Level {level}: choose outcomes listed under Level {level}")


@transaction.atomic
def decision_record(
    *, user, contact: Contact, contact_version: int, level: int, outcome_codes: list[str], rationale: str,
    social_worker_name: str, unidentified_reason: str = "", consent_basis: str = "", significant_harm: bool = False,
    decided_at: datetime | None = None,
) -> Decision:
    """A practitioner's decision, sent for a manager's authorisation. Compare-and-set on the contact.

    While a child on the contact is not identified in the person index the decision is sent only with the
    practitioner's reason, which the authorising manager sees; once every child is identified none is kept."""
    if not rationale.strip():
        raise DecisionInvalid("Enter the rationale for the decision")
    if not social_worker_name.strip():
        raise DecisionInvalid("Enter the social worker's name for the letter")
    _check_outcomes(level, outcome_codes)
    _check_consent(contact, level=level, consent_basis=consent_basis, significant_harm=significant_harm)
    consent_basis = consent_basis.strip() if consent_basis_needed(consent=contact.consent, level=level) else ""
    unidentified = [child.display_name for child in contact.children.filter(person__isnull=True)]
    unidentified_reason = unidentified_reason.strip() if unidentified else ""
    if unidentified and not unidentified_reason:
        raise ChildNotIdentified(
            f"Find {_names(unidentified)} in the person index, or enter why the decision cannot wait until "
            f"{'they are' if len(unidentified) > 1 else 'the child is'} identified")
    updated = Contact.objects.filter(
        pk=contact.pk, version=contact_version,
        status__in=DECIDABLE_STATUSES,
    ).update(status=Contact.Status.AWAITING_AUTHORISATION, version=F("version") + 1)
    if not updated:
        raise DecisionConflict(CONFLICT)
    tool = levels_of_need()
    decision, _ = Decision.objects.update_or_create(
        contact=contact,
        defaults={
            "tool_id": tool.id, "tool_version": str(tool.version), "level": level, "outcome_codes": outcome_codes,
            "rationale": rationale, "social_worker_name": social_worker_name,
            "status": Decision.Status.AWAITING_AUTHORISATION, "decided_by": user,
            "decided_at": decided_at or timezone.now(),
            "return_reason": "", "authorised_by": None, "authorised_at": None,
            "unidentified_reason": unidentified_reason,
            "consent_basis": consent_basis, "significant_harm": significant_harm and level == STATUTORY_LEVEL,
        },
    )
    access_log_record(user=user, target=contact, reason="Recorded a decision", action=AccessLogEntry.Action.UPDATE)
    return decision


def _check_consent(contact: Contact, *, level: int, consent_basis: str, significant_harm: bool) -> None:
    problems = decision_consent_problems(
        consent=contact.consent, level=level, consent_basis=consent_basis, significant_harm=significant_harm,
        early_help_declined=early_help_declined_for(contact=contact),
    )
    if problems:
        raise ConsentNotSettled(*next(iter(problems.items())))


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _claim_decision(decision: Decision, version: int, **changes) -> None:
    updated = Decision.objects.filter(
        pk=decision.pk, version=version, status=Decision.Status.AWAITING_AUTHORISATION
    ).update(version=F("version") + 1, **changes)
    if not updated:
        raise DecisionConflict("This decision has already been authorised or returned by someone else. Reload the page.")


@transaction.atomic
def decision_authorise(*, manager, decision: Decision, version: int,
                       authorised_at: datetime | None = None) -> OutcomeLetter | None:
    """Authorise: the outcome letter is made and queued to the referrer in the same transaction (now, unless
    `authorised_at` says when it was authorised). A member of the public or an anonymous caller gets none: they
    are told only that their contact was received."""
    if decision.decided_by_id == manager.pk:
        raise DecisionInvalid("A decision must be authorised by a different manager from the one who made it")
    now = authorised_at or timezone.now()
    _claim_decision(decision, version, status=Decision.Status.AUTHORISED, authorised_by=manager, authorised_at=now)
    decision.refresh_from_db()
    Contact.objects.filter(pk=decision.contact_id).update(status=Contact.Status.AUTHORISED, version=F("version") + 1)
    contact = decision.contact
    letter = _outcome_letter_send(decision) if contact.may_receive_outcome_letter else None
    next_steps, today = decision_next_steps(decision), timezone.localdate(now)
    episodes_start_for_contact(contact=contact, next_steps=next_steps, referral_date=today, user=manager)
    early_help_offers_start_for_contact(contact=contact, next_steps=next_steps, offered_on=today, user=manager)
    access_log_record(user=manager, target=contact, reason="Authorised the decision", action=AccessLogEntry.Action.UPDATE)
    return letter


def _outcome_letter_send(decision: Decision) -> OutcomeLetter:
    letter = OutcomeLetter.objects.create(
        decision=decision, template_version=LETTER_TEMPLATE_VERSION, pdf=outcome_letter_pdf(decision)
    )
    contact = decision.contact
    if contact.letter_address:
        outbox_enqueue(
            kind="referral_outcome",
            idempotency_key=f"referral-outcome-{decision.pk}",
            to_address=contact.letter_address,
            subject=f"Referral outcome for your contact {contact.reference}",
            body=letter_email_body(decision),
            attachment_name=f"referral-outcome-{contact.reference}.pdf",
            attachment=bytes(letter.pdf),
            about=contact,
        )
    return letter


def decision_next_steps(decision: Decision) -> set[str]:
    """What the ticked outcomes name next (the Levels of Need tool's `next_step`s)."""
    tool = levels_of_need()
    return {tool.outcome(code).next_step for code in decision.outcome_codes} - {None}


@transaction.atomic
def decision_return(*, manager, decision: Decision, version: int, reason: str) -> None:
    """Send a decision back to the practitioner with the manager's reason."""
    if not reason.strip():
        raise DecisionInvalid("Enter why you are returning the decision")
    _claim_decision(decision, version, status=Decision.Status.RETURNED, return_reason=reason)
    Contact.objects.filter(pk=decision.contact_id).update(status=Contact.Status.RETURNED, version=F("version") + 1)
    access_log_record(user=manager, target=decision.contact, reason="Returned the decision",
                      action=AccessLogEntry.Action.UPDATE)
