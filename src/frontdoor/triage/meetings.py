"""The daily triage meeting: its agenda, attendance by agency, and one outcome per incident (seed 001).

Medium and high notifications received before the agenda cut-off are discussed by police, health,
probation and children's social care; the meeting keeps "a single record of the outcome" (seed
001, letter to head teachers): the final grade beside the EVODA suggestion, the decision, and the
actions with their owners, readable afterwards by every agency that attended.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.casework.calendar import LONDON, is_working_day, working_deadline
from frontdoor.casework.models import StrategyDiscussion
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.screening.tools import load_tool
from frontdoor.triage.errors import NotificationConflict, NotificationInvalid
from frontdoor.triage.models import (
    Grade,
    MeetingAttendance,
    MeetingOutcome,
    OutcomeVersion,
    PoliceNotification,
    Relationship,
    TriageAction,
    TriageMeeting,
)
from frontdoor.triage.schools import (
    incident_actions,
    school_notifications_send,
    school_notifications_update,
    schools_told,
)
from frontdoor.triage.selectors import notification_refused_record, notifications_hidden_from, without_restricted
from frontdoor.triage.services import notification_grade

AGENDA_GRADES = (Grade.MEDIUM, Grade.HIGH)
MEETING_ROLES = (
    Membership.Role.TRIAGE_MEMBER,
    Membership.Role.ISCO,
    Membership.Role.PRACTITIONER,
    Membership.Role.MANAGER,
)
# The Front Door's own staff run the meeting and see every one; partner agencies' members see
# the meetings their agency attended (need to know).
SEES_EVERY_MEETING = (Membership.Role.ISCO, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


class MeetingInvalid(NotificationInvalid):
    """Invalid meeting input; `field` names the form field the message belongs to, if any."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ActionDraft:
    description: str
    owner_agency: Agency
    due_date: date
    action_id: int | None = None  # the action a correction changes; None for a new one


def agenda_cutoff(day: date) -> datetime:
    hour, minute = (int(part) for part in settings.FRONTDOOR_TRIAGE_CUTOFF.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def meeting_for_day(day: date) -> TriageMeeting:
    """The day's meeting, created with its agenda cut-off if it does not exist yet (the demo's history, tests)."""
    meeting, _ = TriageMeeting.objects.get_or_create(date=day, defaults={"agenda_cutoff": agenda_cutoff(day)})
    return meeting


def meeting_may_open(day: date) -> bool:
    """Only today's meeting can be opened, on a working day: a past day without one had no meeting."""
    return day == timezone.localdate() and is_working_day(day)


@transaction.atomic
def meeting_open(*, day: date) -> TriageMeeting:
    """Open today's meeting; opening it again (a second member at the same moment) changes nothing."""
    if not meeting_may_open(day):
        raise MeetingInvalid("Only today's meeting can be opened, and only on a working day")
    return meeting_for_day(day)


def meeting_on(*, day: date) -> TriageMeeting | None:
    """The meeting held (or being held) on a day, if one was opened; reading never creates one."""
    return TriageMeeting.objects.filter(date=day).first()


def meeting_agenda(*, user, meeting: TriageMeeting) -> QuerySet[PoliceNotification]:
    """The agenda by its cut-off, and the late high notifications the ISCO added to this meeting, as
    this user may see it (a restricted person's incidents only to the people the restriction names)."""
    return without_restricted(PoliceNotification.objects.filter(
        _awaiting_a_meeting(), Q(received_at__lt=meeting.agenda_cutoff) | Q(late_route__meeting=meeting),
    ), user=user).select_related("late_route").order_by("received_at")


def agenda_before(*, user, cutoff: datetime) -> QuerySet[PoliceNotification]:
    """Medium and high notifications received before the cut-off and not yet decided, oldest first,
    as this user may see them.

    A notification not yet graded by a person is on the agenda by its suggested grade; one left
    undecided at an earlier meeting stays on the agenda until it has an outcome.
    """
    return without_restricted(PoliceNotification.objects.filter(_awaiting_a_meeting(), received_at__lt=cutoff),
                              user=user).order_by("received_at")


def _awaiting_a_meeting() -> Q:
    """Medium or high (by a person's grade, else by the suggestion), and not decided yet."""
    by_grade = Q(grade__in=AGENDA_GRADES) | Q(grade="", suggested_grade__in=AGENDA_GRADES)
    return by_grade & Q(outcome__isnull=True)


def attendance_check_may_record(*, user, meeting: TriageMeeting) -> None:
    """A partner's member records attendance on the meeting's day only: attending is what lets their
    agency read the meeting's incidents, so it is never added to a meeting afterwards."""
    membership = _membership(user)
    if membership is not None and membership.role in SEES_EVERY_MEETING:
        return
    if meeting.date != timezone.localdate():
        raise MeetingInvalid("Attendance can only be recorded on the day of the meeting", field="agency")


@transaction.atomic
def meeting_attendance_record(*, meeting: TriageMeeting, agency: Agency, attendee_name: str) -> MeetingAttendance:
    """Who attended for an agency; recording the agency again replaces the name."""
    name = attendee_name.strip()
    if not name:
        raise MeetingInvalid("Enter the name of the person attending", field="attendee_name")
    attendance, _ = MeetingAttendance.objects.update_or_create(
        meeting=meeting, agency=agency, defaults={"attendee_name": name}
    )
    return attendance


@transaction.atomic
def meeting_outcome_record(
    *,
    user,
    meeting: TriageMeeting,
    notification: PoliceNotification,
    final_grade: str,
    decision: str,
    notes: str,
    actions: Sequence[ActionDraft],
    rationale: str,
    version: int,
) -> MeetingOutcome:
    """The meeting's one outcome for an incident: outcome, actions, grade decision, then the schools told.

    `version` is the notification's version the page showed: if another member recorded first,
    the outcome's uniqueness or the compare-and-set in `notification_grade` refuses, and nothing of
    this outcome is stored. The actions are stored before the grade, so that a school told at once
    of a standard grade is told of its own actions too.
    """
    _check_outcome(final_grade, decision)
    _check_owners(notification, actions, meeting=meeting)
    rationale = _grade_rationale(notification, meeting, final_grade, rationale)
    outcome = _outcome_create(user, meeting, notification, final_grade, decision, notes)
    _actions_create(outcome, actions)
    notification_grade(user=user, notification=notification, grade=final_grade, version=version, meeting=meeting,
                       rationale=rationale)
    PoliceNotification.objects.filter(pk=notification.pk).update(status=PoliceNotification.Status.OUTCOME_RECORDED)
    notification.refresh_from_db()
    _strategy_discussion_if_required(notification, decision)
    school_notifications_send(notification=notification)
    return outcome


@transaction.atomic
def meeting_outcome_correct(
    *,
    user,
    outcome: MeetingOutcome,
    final_grade: str,
    decision: str,
    notes: str,
    actions: Sequence[ActionDraft],
    reason: str,
    version: int,
) -> MeetingOutcome:
    """Correct a recorded outcome, keeping the earlier version with who corrected it, when and why.

    `version` is the outcome's version the page showed: a second corrector gets a conflict, never an
    overwrite. Schools already told hear again if their grade or actions changed; a decision that
    now needs a strategy discussion gets one, unless the incident already has one.
    """
    _check_outcome(final_grade, decision)
    reason = reason.strip()
    if not reason:
        raise MeetingInvalid("Enter why you are correcting the outcome", field="reason")
    _check_owners(outcome.notification, actions, meeting=outcome.meeting, recorded=list(outcome.actions.all()))
    earlier = _outcome_claim(outcome, version)
    notification = earlier.notification
    told = schools_told(notification=notification)
    _earlier_version_keep(earlier, version, user, reason)
    MeetingOutcome.objects.filter(pk=outcome.pk).update(
        final_grade=final_grade, decision=decision, notes=notes.strip(), recorded_by=user, recorded_at=timezone.now()
    )
    _actions_correct(earlier, actions)
    if final_grade != notification.grade:
        notification_grade(user=user, notification=notification, grade=final_grade, version=notification.version,
                           meeting=earlier.meeting, rationale=f"Outcome corrected: {reason}")
    school_notifications_update(notification=notification, told=told, correction=version + 1)
    _strategy_discussion_if_required(notification, decision)
    access_log_record(user=user, target=notification, reason="Corrected the triage meeting's outcome",
                      action=AccessLogEntry.Action.UPDATE)
    return MeetingOutcome.objects.get(pk=outcome.pk)


def _check_outcome(final_grade: str, decision: str) -> None:
    if final_grade not in Grade.values:
        raise MeetingInvalid("Select the final grade", field="final_grade")
    if decision not in MeetingOutcome.Decision.values:
        raise MeetingInvalid("Select the meeting's decision", field="decision")


def _check_owners(notification: PoliceNotification, actions: Sequence[ActionDraft], *, meeting: TriageMeeting,
                  recorded: Sequence[TriageAction] = ()) -> None:
    """A new or changed action is owned by an agency at the meeting or a child's school, and is not due
    before the meeting; an action already recorded and left as it was is kept as it is."""
    unchanged = {(a.pk, a.owner_agency_id, a.due_date) for a in recorded}
    checked = [a for a in actions if (a.action_id, a.owner_agency.pk, a.due_date) not in unchanged]
    allowed = set(action_owners(notification=notification, meeting=meeting).values_list("pk", flat=True))
    for action in checked:
        if action.owner_agency.pk not in allowed:
            raise MeetingInvalid(f"The owner of '{action.description.strip()}' must be an agency at the meeting or "
                                 "the school of a child in this incident")
        if action.due_date < meeting.date:
            raise MeetingInvalid(f"The due date of '{action.description.strip()}' must be on or after the day of "
                                 "the meeting")


def _grade_rationale(notification: PoliceNotification, meeting: TriageMeeting, final_grade: str,
                     rationale: str) -> str:
    """Overriding the suggestion needs the meeting's reason; confirming it is recorded as such."""
    rationale = rationale.strip()
    if rationale:
        return rationale
    if notification.suggested_grade and final_grade != notification.suggested_grade:
        raise MeetingInvalid(
            f"Enter why the meeting graded this incident {Grade(final_grade).label.lower()} when EVODA "
            f"suggested {Grade(notification.suggested_grade).label.lower()}",
            field="rationale",
        )
    return f"Grade agreed at the triage meeting on {meeting.date:%d %B %Y}"


def _outcome_create(user, meeting, notification, final_grade, decision, notes) -> MeetingOutcome:
    try:
        with transaction.atomic():
            # By id: a refused instance must not be cached on the notification the page still shows.
            return MeetingOutcome.objects.create(
                notification_id=notification.pk, meeting=meeting, final_grade=final_grade, decision=decision,
                notes=notes.strip(), recorded_by=user,
            )
    except IntegrityError:
        raise NotificationConflict(
            "Someone else has already recorded the outcome for this incident. Your text is below: "
            "reload the page to see their outcome."
        ) from None


def _actions_create(outcome: MeetingOutcome, actions: Sequence[ActionDraft]) -> None:
    TriageAction.objects.bulk_create(
        TriageAction(outcome=outcome, description=a.description.strip(), owner_agency=a.owner_agency,
                     due_date=a.due_date)
        for a in actions
    )


def _outcome_claim(outcome: MeetingOutcome, version: int) -> MeetingOutcome:
    """Compare and set on the outcome's version; the outcome as it stood at that version, for keeping."""
    claimed = MeetingOutcome.objects.filter(pk=outcome.pk, version=version).update(version=F("version") + 1)
    if not claimed:
        raise NotificationConflict(
            "Someone else has corrected this outcome since you opened the page. Your changes are below and have "
            "not been saved: reload the page to see theirs."
        )
    return MeetingOutcome.objects.select_related("notification", "meeting").get(pk=outcome.pk)


def _earlier_version_keep(earlier: MeetingOutcome, version: int, user, reason: str) -> OutcomeVersion:
    return OutcomeVersion.objects.create(
        outcome=earlier, version=version, final_grade=earlier.final_grade, decision=earlier.decision,
        notes=earlier.notes, recorded_by_id=earlier.recorded_by_id, recorded_at=earlier.recorded_at,
        corrected_by=user, reason=reason,
        actions=[
            {"description": a.description, "owner": a.owner_agency.name, "due_date": a.due_date.isoformat(),
             "completed_at": a.completed_at.isoformat() if a.completed_at else None}
            for a in incident_actions(notification=earlier.notification)
        ],
    )


def _actions_correct(outcome: MeetingOutcome, actions: Sequence[ActionDraft]) -> None:
    """Actions left off are removed and new ones added; a changed one keeps whether it was done."""
    kept = [action for action in actions if action.action_id is not None]
    outcome.actions.exclude(pk__in=[action.action_id for action in kept]).delete()
    for action in kept:
        fields = {"description": action.description.strip(), "owner_agency": action.owner_agency,
                  "due_date": action.due_date}
        # Only a changed action gets a new version, so a school marking it done is not refused for nothing.
        outcome.actions.filter(pk=action.action_id).exclude(**fields).update(**fields, version=F("version") + 1)
    _actions_create(outcome, [action for action in actions if action.action_id is None])


def _strategy_discussion_if_required(notification: PoliceNotification, decision: str) -> StrategyDiscussion | None:
    """Peer-on-peer abuse always gets a strategy discussion, whatever the decision (seed 002), and so does a
    decision for one; an incident never gets a second."""
    peer_on_peer = notification.relationship == Relationship.YOUNG_PEOPLE_PARTNERS
    if not (peer_on_peer or decision == MeetingOutcome.Decision.STRATEGY_DISCUSSION):
        return None
    if notification.strategy_discussions.exists():
        return None
    return strategy_discussion_request(
        notification=notification,
        reason=(f"Peer-on-peer domestic abuse between young people: police reference {notification.police_reference}"
                if peer_on_peer else
                f"Triage meeting decided a strategy discussion: police reference {notification.police_reference}"),
    )


def strategy_discussion_request(*, notification: PoliceNotification, reason: str) -> StrategyDiscussion:
    """A strategy discussion for an incident, for children's social care: due within one working day, with the
    incident's children (and, between young people, the victim and the perpetrator), seen on each child's page.
    An incident that already has one keeps it: it never gets a second."""
    existing = notification.strategy_discussions.order_by("requested_at").first()
    if existing is not None:
        return existing
    peer_on_peer = notification.relationship == Relationship.YOUNG_PEOPLE_PARTNERS
    now = timezone.now()
    discussion = StrategyDiscussion.objects.create(
        reason=reason[:300], source_notification=notification, requested_at=now,
        # Seed 002: the young people's pathway convenes the strategy meeting without delay; the
        # meeting's own decision for one, or the ISCO's for a late high notification, is as urgent.
        due_at=working_deadline(now, 1),
    )
    discussion.children.set(_discussion_people(notification, peer_on_peer))
    return discussion


def _discussion_people(notification: PoliceNotification, peer_on_peer: bool) -> list:
    """The children of the incident; between young people, the victim and the perpetrator are children too."""
    people = [notification.victim, notification.perpetrator] if peer_on_peer else []
    people += [child.person for child in notification.children.select_related("person")]
    return [person for person in people if person is not None]


# --- Reads ----------------------------------------------------------------------------------------


def _membership(user) -> Membership | None:
    return getattr(user, "membership", None) if user.is_authenticated else None


def meetings_visible_to(*, user) -> QuerySet[TriageMeeting]:
    """The one place that says whose outcomes a user may read: Front Door staff all, members their agency's."""
    membership = _membership(user)
    if membership is None:
        return TriageMeeting.objects.none()
    if membership.role in SEES_EVERY_MEETING:
        return TriageMeeting.objects.all()
    if membership.role == Membership.Role.TRIAGE_MEMBER:
        return TriageMeeting.objects.filter(attendance__agency_id=membership.agency_id).distinct()
    return TriageMeeting.objects.none()


def incidents_visible_to(*, user, meeting: TriageMeeting | None = None) -> QuerySet[PoliceNotification]:
    """The one place that says which incidents the meeting's pages may open for a user.

    Front Door staff: every one. A triage member: one decided at a meeting their agency attended,
    and an undecided one on the agenda of a meeting their agency attends; of `meeting` when given,
    the meeting its outcome would be recorded at. Nobody else: none. A restricted person's
    incidents, only to the people the restriction names.
    """
    return without_restricted(_incidents_by_role(user=user, meeting=meeting), user=user)


def _incidents_by_role(*, user, meeting: TriageMeeting | None) -> QuerySet[PoliceNotification]:
    membership = _membership(user)
    if membership is not None and membership.role in SEES_EVERY_MEETING:
        return PoliceNotification.objects.all()
    attended = meetings_visible_to(user=user)
    agendas = attended.filter(pk=meeting.pk) if meeting is not None else attended
    on_an_agenda = _awaiting_a_meeting() & (Exists(agendas.filter(agenda_cutoff__gt=OuterRef("received_at")))
                                            | Q(late_route__meeting__in=agendas))
    return PoliceNotification.objects.filter(on_an_agenda | Q(outcome__meeting__in=attended))


def outcomes_visible_to(*, user) -> QuerySet[MeetingOutcome]:
    return (
        MeetingOutcome.objects.filter(meeting__in=meetings_visible_to(user=user))
        .exclude(notification__in=notifications_hidden_from(user=user))
        .select_related("notification", "meeting", "recorded_by")
        .prefetch_related("actions__owner_agency", "actions__completed_by")
        .order_by("notification__received_at")
    )


def incident_get_for(*, user, notification_id, reason: str, meeting: TriageMeeting | None = None) -> PoliceNotification:
    """A notification for the meeting's incident pages, if `incidents_visible_to` lets this user open
    it; otherwise 404, as for a missing one."""
    notification = incidents_visible_to(user=user, meeting=meeting).filter(pk=notification_id).first()
    if notification is None:
        notification_refused_record(user=user, notification_id=notification_id, reason=reason)
        raise Http404
    access_log_record(user=user, target=notification, reason=reason)
    return notification


def outcome_get_for(*, user, notification_id, reason: str) -> MeetingOutcome:
    """An incident's recorded outcome, to a user who may read it (and so correct it); otherwise 404."""
    outcome = getattr(incident_get_for(user=user, notification_id=notification_id, reason=reason), "outcome", None)
    if outcome is None:
        raise Http404
    return outcome


def outcome_earlier_versions(*, outcome: MeetingOutcome) -> QuerySet[OutcomeVersion]:
    return outcome.earlier_versions.select_related("recorded_by", "corrected_by").order_by("-version")


def action_owners(*, notification: PoliceNotification, meeting: TriageMeeting) -> QuerySet[Agency]:
    """Who may own an incident's actions: the agencies whose attendance is recorded at the meeting, and the
    schools of its children."""
    schools = notification.children.filter(school__isnull=False).values("school_id")
    attending = meeting.attendance.values("agency_id")
    return Agency.objects.filter(Q(pk__in=attending) | Q(pk__in=schools)).order_by("name")


def meeting_attendance(*, meeting: TriageMeeting) -> QuerySet[MeetingAttendance]:
    return meeting.attendance.select_related("agency").order_by("agency__name")


def suggestion_evidence(*, notification: PoliceNotification) -> dict:
    """The EVODA suggestion stored on the notification, each finding named as the matrix words it."""
    suggestion = notification.suggestion or {}
    tool = load_tool(notification.tool_id or "evoda", notification.tool_version or None)

    def findings(kind: str) -> list[dict]:
        return [{**finding, "text": _factor_text(tool, finding["id"])} for finding in suggestion.get(kind, [])]

    return {
        "grade": notification.suggested_grade,
        "tool": f"{tool.title} (version {tool.version})",
        "indicators": findings("indicators"),
        "risk_factors": findings("risk_factors"),
        "protective_factors": findings("protective_factors"),
        "explanation": suggestion.get("explanation", []),
    }


def _factor_text(tool, factor_id: str) -> str:
    try:
        return tool.factor(factor_id).text
    except KeyError:
        return factor_id
