"""Every write to a child's statutory journey: one transaction each, compare-and-set on versions."""
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.casework import clocks
from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import Allocation, Assessment, Episode, StrategyDiscussion, Team
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record

CONFLICT = "Someone else changed this record while you were working on it. Reload the page to see their changes."
# The next steps of the Levels of Need tool (its outcomes' `next_step`) that open an episode.
ASSESSMENT_STEPS = {"social_work_assessment"}
STRATEGY_STEPS = {"strategy_discussion", "child_protection_enquiries"}
CLOSING_DECISIONS = {StrategyDiscussion.Decision.NO_FURTHER_ACTION, StrategyDiscussion.Decision.POLICE_ONLY,
                     StrategyDiscussion.Decision.EARLY_HELP}
SOURCE_BY_AGENCY_KIND = {
    Agency.Kind.SCHOOL: Episode.Source.SCHOOLS,
    Agency.Kind.GP: Episode.Source.GP,
    Agency.Kind.POLICE: Episode.Source.POLICE,
    Agency.Kind.HEALTH_TRUST: Episode.Source.OTHER_HEALTH,
    Agency.Kind.PROBATION: Episode.Source.OTHER_LEGAL,
    Agency.Kind.HOUSING: Episode.Source.HOUSING,
    Agency.Kind.CAMHS: Episode.Source.OTHER_HEALTH,
    Agency.Kind.VOLUNTARY: Episode.Source.OTHER,
    Agency.Kind.LOCAL_AUTHORITY: Episode.Source.LA_INTERNAL,
}


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def episodes_start_for_contact(*, contact, next_steps: set[str], referral_date: date, user) -> list[Episode]:
    """A front-door decision starts the work it names (issue 12): a referral to children's social
    care for each child on the contact, with its assessment or strategy discussion. Called inside
    the decision's own transaction; a decision naming no such step opens nothing."""
    wants_assessment, wants_discussion = bool(next_steps & ASSESSMENT_STEPS), bool(next_steps & STRATEGY_STEPS)
    if not (wants_assessment or wants_discussion):
        return []
    source = SOURCE_BY_AGENCY_KIND.get(contact.referrer_agency.kind, Episode.Source.OTHER)
    team = Team.objects.filter(receives_referrals=True).order_by("name").first()
    episodes = []
    for child in contact.children.all():
        episode = Episode.objects.create(contact_child=child, person=child.person, referral_date=referral_date,
                                         source=source, team=team)
        if wants_discussion:
            _strategy_discussion_convene(episode=episode, requested_on=referral_date,
                                         reason=f"Front Door decision on contact {contact.reference}")
        else:
            Assessment.objects.create(episode=episode, started_on=referral_date)
        access_log_record(user=user, target=episode, reason="Opened from a Front Door decision",
                          action=AccessLogEntry.Action.CREATE)
        episodes.append(episode)
    return episodes


def _strategy_discussion_convene(*, episode: Episode, requested_on: date, reason: str) -> StrategyDiscussion:
    requested_at = _start_of(requested_on)
    discussion = StrategyDiscussion.objects.create(
        episode=episode, reason=reason[:300], requested_at=requested_at,
        due_at=_start_of(clocks.strategy_discussion_due(requested_on)))
    if episode.person_id:
        discussion.children.add(episode.person)
    return discussion


def _compare_and_set(model, record, version: int, **changes) -> None:
    if not model.objects.filter(pk=record.pk, version=version).update(version=F("version") + 1, **changes):
        raise CaseworkConflict(CONFLICT)
    record.refresh_from_db()


@transaction.atomic
def episode_allocate(*, manager, episode: Episode, worker, version: int) -> Episode:
    """A team manager gives the episode to one of the team's social workers; the history is kept."""
    membership = getattr(worker, "membership", None)
    if membership is None or membership.role != Membership.Role.SOCIAL_WORKER:
        raise CaseworkError("Choose a social worker to allocate the child to")
    _compare_and_set(Episode, episode, version, allocated_to=worker)
    Allocation.objects.create(episode=episode, worker=worker, allocated_by=manager, allocated_at=timezone.now())
    access_log_record(user=manager, target=episode, reason=f"Allocated to {worker.get_full_name()}",
                      action=AccessLogEntry.Action.UPDATE)
    return episode


@transaction.atomic
def assessment_submit(*, user, assessment: Assessment, version: int, analysis: str, factors: list[str],
                      outcome: str) -> Assessment:
    """The social worker's analysis, the factors found and the proposed outcome, for authorisation."""
    if not analysis.strip():
        raise CaseworkError("Enter the social worker's analysis")
    if outcome not in Assessment.Outcome.values:
        raise CaseworkError("Choose the outcome of the assessment")
    if assessment.authorised_on:
        raise CaseworkError("This assessment has already been authorised")
    _compare_and_set(Assessment, assessment, version, analysis=analysis.strip(), factors=factors, outcome=outcome,
                     completed_by=user, submitted_on=timezone.localdate())
    access_log_record(user=user, target=assessment.episode, reason="Completed the assessment",
                      action=AccessLogEntry.Action.UPDATE)
    return assessment


@transaction.atomic
def assessment_authorise(*, manager, assessment: Assessment, version: int) -> Assessment:
    """The manager's authorisation ends the assessment; its outcome starts what follows."""
    if not assessment.submitted_on:
        raise CaseworkError("The assessment has not been completed yet")
    if assessment.completed_by_id == manager.pk:
        raise CaseworkError("An assessment must be authorised by someone other than the social worker who wrote it")
    today = timezone.localdate()
    _compare_and_set(Assessment, assessment, version, authorised_by=manager, authorised_on=today)
    episode = assessment.episode
    if assessment.outcome == Assessment.Outcome.NO_FURTHER_ACTION:
        _episode_close(episode, on=today, reason=Episode.ClosureReason.NFA_AFTER_ASSESSMENT)
    elif assessment.outcome == Assessment.Outcome.EARLY_HELP:
        _episode_close(episode, on=today, reason=Episode.ClosureReason.EARLY_HELP_AFTER_ASSESSMENT)
    elif assessment.outcome == Assessment.Outcome.STRATEGY_DISCUSSION:
        _strategy_discussion_convene(episode=episode, requested_on=today, reason="Outcome of the assessment")
    access_log_record(user=manager, target=episode, reason="Authorised the assessment",
                      action=AccessLogEntry.Action.UPDATE)
    return assessment


def _episode_close(episode: Episode, *, on: date, reason: str) -> None:
    Episode.objects.filter(pk=episode.pk).update(closed_on=on, closure_reason=reason, version=F("version") + 1)


@transaction.atomic
def strategy_discussion_record(*, user, discussion: StrategyDiscussion, version: int, held_at: datetime,
                               participants: list[dict], decision: str, outcome: str) -> StrategyDiscussion:
    """When it was held, who took part (police, social care and health at least) and what it decided."""
    agencies = {p["agency"] for p in participants}
    missing = [agency for agency in ("Police", "Children's social care", "Health") if agency not in agencies]
    if missing:
        raise CaseworkError(f"A strategy discussion needs police, social care and health: add {', '.join(missing)}")
    if decision not in StrategyDiscussion.Decision.values:
        raise CaseworkError("Choose what the strategy discussion decided")
    if held_at > timezone.now():
        raise CaseworkError("The date the strategy discussion was held cannot be in the future")
    if discussion.held_at:
        raise CaseworkError("This strategy discussion has already been recorded")
    _compare_and_set(StrategyDiscussion, discussion, version, held_at=held_at, participants=participants,
                     decision=decision, outcome=outcome.strip())
    episode = discussion.episode
    if episode is not None:
        _after_strategy_discussion(episode, decision, on=timezone.localtime(held_at).date())
        access_log_record(user=user, target=episode, reason="Recorded the strategy discussion",
                          action=AccessLogEntry.Action.UPDATE)
    return discussion


def _after_strategy_discussion(episode: Episode, decision: str, *, on: date) -> None:
    if decision == StrategyDiscussion.Decision.ASSESSMENT and not episode.assessments.exists():
        Assessment.objects.create(episode=episode, started_on=on)
    elif decision in CLOSING_DECISIONS:
        _episode_close(episode, on=on, reason=Episode.ClosureReason.SERVICES_CEASED)
