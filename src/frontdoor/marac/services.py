"""Every write to a MARAC meeting: the meeting, who attended, its cases and their actions."""
from datetime import date

from django.db import IntegrityError, transaction

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.marac import rules
from frontdoor.marac.errors import MaracInvalid
from frontdoor.marac.models import MaracAction, MaracAttendance, MaracCase, MaracMeeting


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
def case_add(*, user, meeting: MaracMeeting, victim, referring_agency, lawful_basis: str, children=(),
             perpetrator_name: str = "", perpetrator_date_of_birth: date | None = None) -> MaracCase:
    """A victim's case on the meeting's list, flagged a repeat if heard in the 12 months before; shared with the
    children's social worker and school on the lawful basis recorded."""
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
