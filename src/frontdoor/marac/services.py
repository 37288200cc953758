"""Every write to a MARAC meeting: the meeting, who attended, its cases and their actions."""
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.marac import rules
from frontdoor.marac.errors import MaracInvalid
from frontdoor.marac.models import AgencyReferral, MaracAction, MaracAttendance, MaracCase, MaracMeeting
from frontdoor.messaging.services import outbox_enqueue

DASH_QUESTIONS = 24


@transaction.atomic
def meeting_schedule(*, user, held_on: date) -> MaracMeeting:
    return MaracMeeting.objects.create(held_on=held_on, created_by=user)


@transaction.atomic
def attendance_record(*, meeting: MaracMeeting, agency, attendee: str) -> MaracAttendance:
    """Who came for an agency; recording it again replaces the name."""
    if not attendee.strip():
        raise MaracInvalid("Enter who attended for the agency")
    attendance, _ = MaracAttendance.objects.update_or_create(meeting=meeting, agency=agency,
                                                             defaults={"attendee": attendee.strip()})
    return attendance


@transaction.atomic
def agency_referral_submit(*, referrer, victim_given_name: str, victim_family_name: str, criterion: str, risks: str,
                           lawful_basis: str, victim_date_of_birth: date | None = None,
                           dash_yes_count: int | None = None, children: str = "") -> AgencyReferral:
    """A professional of any agency refers a victim to the MARAC; the coordinator is told through the outbox."""
    membership = getattr(referrer, "membership", None)
    if membership is None:
        raise MaracInvalid("Only a professional with an agency can refer to the MARAC")
    if not victim_given_name.strip() or not victim_family_name.strip():
        raise MaracInvalid("Enter the victim's given name and family name")
    if criterion not in AgencyReferral.Criterion.values:
        raise MaracInvalid("Select why the victim meets the MARAC criteria")
    if dash_yes_count is not None and not 0 <= dash_yes_count <= DASH_QUESTIONS:
        raise MaracInvalid(f"The number of \"yes\" answers on the Dash checklist must be between 0 and {DASH_QUESTIONS}")
    if criterion == AgencyReferral.Criterion.VISIBLE_HIGH_RISK and (dash_yes_count or 0) < 14:
        raise MaracInvalid("Visible high risk needs 14 or more \"yes\" answers on the Dash checklist: "
                           "enter the number, or choose professional judgement")
    if not risks.strip():
        raise MaracInvalid("Enter what you are worried about")
    if lawful_basis not in MaracCase.LawfulBasis.values:
        raise MaracInvalid("Select the lawful basis for sharing the referral")
    referral = AgencyReferral.objects.create(
        referrer=referrer, agency=membership.agency, victim_given_name=victim_given_name.strip(),
        victim_family_name=victim_family_name.strip(), victim_date_of_birth=victim_date_of_birth,
        criterion=criterion, dash_yes_count=dash_yes_count, risks=risks.strip(), children=children.strip(),
        lawful_basis=lawful_basis)
    outbox_enqueue(kind="marac_referral", idempotency_key=f"marac-agency-referral-{referral.pk}",
                   to_address=settings.FRONTDOOR_MARAC_EMAIL, subject=f"MARAC referral from {membership.agency.name}",
                   body=_referral_text(referral), about=referral)
    access_log_record(user=referrer, target=referral, reason="Made a MARAC referral",
                      action=AccessLogEntry.Action.CREATE)
    return referral


def _referral_text(referral: AgencyReferral) -> str:
    born = f", born {referral.victim_date_of_birth:%d/%m/%Y}" if referral.victim_date_of_birth else ""
    dash = "" if referral.dash_yes_count is None else f"Dash checklist: {referral.dash_yes_count} of 24 answered yes\n"
    return (f"A MARAC referral is waiting to be listed at a meeting.\n\n"
            f"Victim: {referral.victim_name}{born}\n"
            f"Criterion: {referral.get_criterion_display()}\n{dash}"
            f"Lawful basis for sharing: {referral.get_lawful_basis_display()}\n"
            f"Referred by: {referral.referrer.get_full_name()} ({referral.agency.name})\n")


@transaction.atomic
def case_add(*, user, meeting: MaracMeeting, victim, referring_agency, lawful_basis: str, children=(),
             perpetrator_name: str = "", perpetrator_date_of_birth: date | None = None,
             referral: AgencyReferral | None = None) -> MaracCase:
    """A victim's case on the meeting's list, flagged a repeat if heard in the 12 months before; shared with the
    children's social worker and school on the lawful basis recorded. From an agency's referral, the referral
    is then heard, and only once."""
    if lawful_basis not in MaracCase.LawfulBasis.values:
        raise MaracInvalid("Select the lawful basis for sharing the case")
    previous = list(MaracCase.objects.filter(victim=victim, meeting__held_on__lt=meeting.held_on)
                    .values_list("meeting__held_on", flat=True))
    try:
        with transaction.atomic():
            case = MaracCase.objects.create(
                meeting=meeting, victim=victim, referring_agency=referring_agency, created_by=user,
                lawful_basis=lawful_basis,
                perpetrator_name=perpetrator_name.strip(), perpetrator_date_of_birth=perpetrator_date_of_birth,
                is_repeat=rules.is_repeat(heard_on=meeting.held_on, previous=previous))
    except IntegrityError:
        raise MaracInvalid("This victim's case is already on this meeting's list") from None
    case.children.set(children)
    if referral is not None and not AgencyReferral.objects.filter(pk=referral.pk, case__isnull=True).update(case=case):
        raise MaracInvalid("This referral is already on a meeting's list. Go back to the meeting to see it.")
    access_log_record(user=user, target=victim, reason="Added a case to a MARAC meeting",
                      action=AccessLogEntry.Action.CREATE)
    return case


@transaction.atomic
def action_add(*, case: MaracCase, text: str, owner_agency, owner_name: str, due_on: date) -> MaracAction:
    if due_on < case.meeting.held_on:
        raise MaracInvalid("The action's due date must be on or after the meeting")
    return MaracAction.objects.create(case=case, text=text.strip(), owner_agency=owner_agency,
                                      owner_name=owner_name.strip(), due_on=due_on)


@transaction.atomic
def action_complete(*, action_id, meeting: MaracMeeting, completed_on: date) -> None:
    """Mark an action done; only once, so a second click changes nothing."""
    updated = MaracAction.objects.filter(pk=action_id, case__meeting=meeting, completed_on__isnull=True).update(
        completed_on=completed_on)
    if not updated:
        raise MaracInvalid("This action is already completed, or is not on this meeting")
