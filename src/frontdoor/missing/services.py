"""Every write to a missing episode from the pages: the return, the return interview, a repeat missing
child's risk management plan (MARAMP), the escalation of late interviews and the education list."""
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.messaging.services import outbox_enqueue
from frontdoor.missing import clocks, selectors
from frontdoor.missing.errors import MissingConflict, MissingInvalid
from frontdoor.missing.models import (EducationAbsence, LateInterviewEscalation, MissingEpisode, ReturnInterview,
                                      RiskPlan, RiskPlanAction, RiskPlanReview)

CONFLICT = "Someone else changed this episode. Reload the page to see their changes."


def _claim(*, user, episode: MissingEpisode, version: int, reason: str, **fields) -> None:
    """Compare and set: the change is made only if the episode is as the page showed it."""
    updated = MissingEpisode.objects.filter(pk=episode.pk, version=version).update(
        **fields, version=F("version") + 1)
    if not updated:
        raise MissingConflict(CONFLICT)
    access_log_record(user=user, target=episode.child, reason=reason, action=AccessLogEntry.Action.UPDATE)


def _not_future(moment: datetime | None, label: str) -> None:
    if moment is not None and moment > timezone.now():
        raise MissingInvalid(f"{label} must be now or in the past")


@transaction.atomic
def episode_return_record(*, user, episode: MissingEpisode, version: int, returned_at: datetime,
                          where_found: str, who_with: str, safe_and_well_at: datetime | None) -> None:
    """The child is back: when, where they were found, who with, and the police safe and well check."""
    _not_future(returned_at, "The time the child returned")
    _not_future(safe_and_well_at, "The time of the safe and well check")
    if returned_at < episode.missing_from:
        raise MissingInvalid("The time the child returned must be after they went missing")
    if safe_and_well_at is not None and safe_and_well_at < returned_at:
        raise MissingInvalid("The safe and well check must be after the child returned")
    _claim(user=user, episode=episode, version=version, reason="Recorded a missing child's return",
           returned_at=returned_at, where_found=where_found, who_with=who_with, safe_and_well_at=safe_and_well_at)


@transaction.atomic
def return_interview_record(*, user, episode: MissingEpisode, version: int, held_at: datetime, held_by: str,
                            declined: bool, why_went: str = "", where_went: str = "", with_whom: str = "",
                            what_would_help: str = "") -> ReturnInterview:
    """The return interview, held or offered and declined: after the return, once per episode."""
    if episode.returned_at is None:
        raise MissingInvalid("Record the child's return before the return interview")
    _not_future(held_at, "The time of the return interview")
    if held_at < episode.returned_at:
        raise MissingInvalid("The return interview must be after the child returned")
    _claim(user=user, episode=episode, version=version, reason="Recorded a return interview")
    if ReturnInterview.objects.filter(episode=episode).exists():
        raise MissingConflict("A return interview is already recorded for this episode. Reload the page to see it.")
    return ReturnInterview.objects.create(
        episode=episode, held_at=held_at, held_by=held_by, declined=declined, why_went=why_went,
        where_went=where_went, with_whom=with_whom, what_would_help=what_would_help, recorded_by=user)


PLAN_CONFLICT = "Someone else changed this plan. Reload the page to see their changes."


def _review_days() -> int:
    return settings.FRONTDOOR_MISSING["maramp_review_days"]


def _claim_plan(*, user, plan: RiskPlan, version: int, reason: str, **fields) -> None:
    updated = RiskPlan.objects.filter(pk=plan.pk, version=version).update(**fields, version=F("version") + 1)
    if not updated:
        raise MissingConflict(PLAN_CONFLICT)
    access_log_record(user=user, target=plan.child, reason=reason, action=AccessLogEntry.Action.UPDATE)


def _not_future_day(day: date, label: str) -> None:
    if day > timezone.localdate():
        raise MissingInvalid(f"{label} must be today or in the past")


@transaction.atomic
def risk_plan_record(*, user, child, held_on: date, agencies: list[str], risks: str) -> RiskPlan:
    """The MARAMP for a child missing 3 or more times in 90 days; its first review falls due after the
    area's review interval."""
    if child.pk not in selectors.repeat_missing_child_ids():
        raise MissingInvalid("A risk management plan is for a child missing 3 or more times in 90 days")
    _not_future_day(held_on, "The date of the risk assessment meeting")
    if not agencies:
        raise MissingInvalid("Select the agencies that took part")
    if RiskPlan.objects.filter(child=child).exists():
        raise MissingConflict("A risk management plan is already recorded for this child. Reload the page to see it.")
    plan = RiskPlan.objects.create(child=child, held_on=held_on, agencies=agencies, risks=risks, recorded_by=user,
                                   review_due=clocks.plan_review_due(held_on, review_days=_review_days()))
    access_log_record(user=user, target=child, reason="Recorded a risk management plan",
                      action=AccessLogEntry.Action.UPDATE)
    return plan


@transaction.atomic
def risk_plan_action_add(*, user, plan: RiskPlan, version: int, action: str, owner: str, due_on: date) -> RiskPlanAction:
    if due_on < plan.held_on:
        raise MissingInvalid("The action's due date must be on or after the risk assessment meeting")
    _claim_plan(user=user, plan=plan, version=version, reason="Added an action to a risk management plan")
    return RiskPlanAction.objects.create(plan=plan, action=action, owner=owner, due_on=due_on)


@transaction.atomic
def risk_plan_action_done(*, user, plan: RiskPlan, version: int, action_id: int, done_on: date) -> None:
    _not_future_day(done_on, "The date the action was done")
    action = plan.actions.filter(pk=action_id, done_on__isnull=True).first()
    if action is None:
        raise MissingConflict("That action is already done or no longer in the plan. Reload the page.")
    _claim_plan(user=user, plan=plan, version=version, reason="Marked a risk management plan action done")
    RiskPlanAction.objects.filter(pk=action.pk).update(done_on=done_on)


@transaction.atomic
def risk_plan_review_record(*, user, plan: RiskPlan, version: int, reviewed_on: date, summary: str) -> RiskPlanReview:
    """A review of the plan, which sets when the next one is due."""
    _not_future_day(reviewed_on, "The date of the review")
    if reviewed_on < plan.held_on:
        raise MissingInvalid("The review must be on or after the risk assessment meeting")
    next_due = clocks.plan_review_due(reviewed_on, review_days=_review_days())
    _claim_plan(user=user, plan=plan, version=version, reason="Reviewed a risk management plan", review_due=next_due)
    return RiskPlanReview.objects.create(plan=plan, reviewed_on=reviewed_on, summary=summary,
                                         next_review_due=next_due, recorded_by=user)


@transaction.atomic
def late_interviews_escalate(*, now: datetime | None = None) -> list[LateInterviewEscalation]:
    """Each return interview past its 72 hours and not recorded goes to the responsible team's managers,
    once per episode: a second run finds it already escalated and sends nothing."""
    now = now or timezone.now()
    late = (MissingEpisode.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(returned_at__lt=now - timedelta(hours=clocks.RETURN_INTERVIEW_HOURS),
                    return_interview__isnull=True, late_escalation__isnull=True))
    return [_escalate(episode, now) for episode in late]


def _escalate(episode: MissingEpisode, now: datetime) -> LateInterviewEscalation:
    team = selectors.responsible_team(child=episode.child)
    escalation = LateInterviewEscalation.objects.create(episode=episode, team=team.name, escalated_at=now,
                                                        escalated_to=team.manager_addresses)
    for address in team.manager_addresses:
        # No child's name by email: the message says where to look, the page says who.
        outbox_enqueue(kind="missing_late_interview", idempotency_key=f"missing-late-interview-{episode.pk}-{address}",
                       to_address=address, about=episode, subject="A return interview is overdue",
                       body=(f"A child's return interview for {team.name} is past its 72 hours and not recorded.\n"
                             f"See the late return interviews: {reverse('missing:late_interviews')}"))
    return escalation


@transaction.atomic
def education_absence_add(*, user, child, school, kind: str, since: date, hours_per_week, reason: str) -> EducationAbsence:
    """A school's entry on the list of children missing education or on a reduced timetable."""
    _not_future_day(since, "The date it started")
    if kind == EducationAbsence.Kind.REDUCED_TIMETABLE and hours_per_week is None:
        raise MissingInvalid("Enter the hours a week the child is in school")
    if kind == EducationAbsence.Kind.MISSING_EDUCATION:
        hours_per_week = None
    absence = EducationAbsence.objects.create(child=child, school=school, kind=kind, since=since, reason=reason,
                                              hours_per_week=hours_per_week, recorded_by=user)
    access_log_record(user=user, target=child, reason="Added a child to the education list",
                      action=AccessLogEntry.Action.UPDATE)
    return absence


@transaction.atomic
def education_absence_end(*, user, absence: EducationAbsence, version: int, ended_on: date) -> None:
    _not_future_day(ended_on, "The date it ended")
    if ended_on < absence.since:
        raise MissingInvalid("The date it ended must be on or after the date it started")
    updated = EducationAbsence.objects.filter(pk=absence.pk, version=version, ended_on__isnull=True).update(
        ended_on=ended_on, version=F("version") + 1)
    if not updated:
        raise MissingConflict("Someone else changed this entry. Reload the page to see their changes.")
    access_log_record(user=user, target=absence.child, reason="Ended a child's entry on the education list",
                      action=AccessLogEntry.Action.UPDATE)
