"""Every write to a child's statutory journey: one transaction each, compare-and-set on versions."""
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.casework import clocks
from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import (
    AbuseCategory, Allocation, Assessment, ChildProtectionPlan, Episode, InitialChildProtectionConference,
    ReviewConference, Section47Enquiry, StrategyDiscussion, Team,
)
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record

CONFLICT = "Someone else changed this record while you were working on it. Reload the page to see their changes."
# The next steps of the Levels of Need tool (its outcomes' `next_step`) that open an episode.
ASSESSMENT_STEPS = {"social_work_assessment"}
STRATEGY_STEPS = {"strategy_discussion", "child_protection_enquiries"}
SECTION_47_DECISIONS = {StrategyDiscussion.Decision.SECTION_47, StrategyDiscussion.Decision.JOINT_SECTION_47}
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


def _still_to_record(record, version: int, *, done: bool, what: str) -> None:
    """The page's version first, so that the second of two people recording one step is told someone
    else changed it (not merely that it is done); the update itself still compares and sets."""
    if record.version != version:
        raise CaseworkConflict(CONFLICT)
    if done:
        raise CaseworkError(f"This {what} has already been recorded")


def _check_day(day: date, *, what: str, earliest: date, since: str, strictly_after: bool = False) -> None:
    if day > timezone.localdate():
        raise CaseworkError(f"{what} cannot be in the future")
    if strictly_after and day <= earliest:
        raise CaseworkError(f"{what} must be after {earliest:%-d %B %Y}, when {since}")
    if day < earliest:
        raise CaseworkError(f"{what} cannot be before {earliest:%-d %B %Y}, when {since}")


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
        _after_strategy_discussion(discussion, decision, on=timezone.localtime(held_at).date())
        access_log_record(user=user, target=episode, reason="Recorded the strategy discussion",
                          action=AccessLogEntry.Action.UPDATE)
    return discussion


def _after_strategy_discussion(discussion: StrategyDiscussion, decision: str, *, on: date) -> None:
    episode = discussion.episode
    if decision in SECTION_47_DECISIONS:
        # The enquiry starts on the day of the strategy discussion that decided it (census S47ActualStartDate).
        Section47Enquiry.objects.create(episode=episode, strategy_discussion=discussion, started_on=on,
                                        joint_with_police=decision == StrategyDiscussion.Decision.JOINT_SECTION_47)
    elif decision == StrategyDiscussion.Decision.ASSESSMENT and not episode.assessments.exists():
        Assessment.objects.create(episode=episode, started_on=on)
    elif decision in CLOSING_DECISIONS:
        _episode_close(episode, on=on, reason=Episode.ClosureReason.SERVICES_CEASED)


@transaction.atomic
def section_47_record(*, user, enquiry: Section47Enquiry, version: int, findings: str, outcome: str,
                      completed_on: date) -> Section47Enquiry:
    """The social worker's findings and the enquiry's outcome. Concerns substantiated with a
    conference needed schedule the initial conference, due 15 working days after the strategy
    discussion that started the enquiry; concerns not substantiated close the episode unless an
    assessment is still open (its outcome then decides)."""
    _still_to_record(enquiry, version, done=enquiry.completed_on is not None, what="section 47 enquiry")
    if not findings.strip():
        raise CaseworkError("Enter what the enquiry found")
    if outcome not in Section47Enquiry.Outcome.values:
        raise CaseworkError("Choose the outcome of the section 47 enquiry")
    _check_day(completed_on, what="The date the enquiry was completed", earliest=enquiry.started_on,
               since="the strategy discussion started it")
    _compare_and_set(Section47Enquiry, enquiry, version, findings=findings.strip(), outcome=outcome,
                     completed_on=completed_on, completed_by=user)
    episode = enquiry.episode
    if outcome == Section47Enquiry.Outcome.CONFERENCE:
        InitialChildProtectionConference.objects.create(
            episode=episode, section_47=enquiry, due_on=clocks.initial_conference_due(enquiry.started_on))
    elif outcome == Section47Enquiry.Outcome.NOT_SUBSTANTIATED and not episode.assessments.filter(
            authorised_on__isnull=True).exists():
        _episode_close(episode, on=completed_on, reason=Episode.ClosureReason.SERVICES_CEASED)
    access_log_record(user=user, target=episode, reason="Recorded the section 47 enquiry",
                      action=AccessLogEntry.Action.UPDATE)
    return enquiry


def _conference_hold(conference, *, user, version: int, held_on: date, chair, attendees: list[str], decision: str,
                     earliest: tuple[date, str], what: str, strictly_after: bool = False, **changes) -> None:
    """What every conference records: a weekday on which it could have been held (after what came
    before it), a chair who chairs conferences, the agencies that attended, and its decision."""
    _still_to_record(conference, version, done=conference.held_on is not None, what=what)
    if decision not in type(conference).Decision.values:
        raise CaseworkError("Choose what the conference decided")
    membership = getattr(chair, "membership", None)
    if membership is None or membership.role != Membership.Role.CONFERENCE_CHAIR:
        raise CaseworkError("Choose the conference chair")
    if not attendees:
        raise CaseworkError("Select the agencies that attended the conference")
    _check_day(held_on, what="The date the conference was held", earliest=earliest[0], since=earliest[1],
               strictly_after=strictly_after)
    if held_on.weekday() >= 5:  # census rule 8875: a conference is never on a Saturday or Sunday
        raise CaseworkError("The date the conference was held must be a weekday")
    _compare_and_set(type(conference), conference, version, held_on=held_on, chair=chair, attendees=attendees,
                     decision=decision, recorded_by=user, **changes)


@transaction.atomic
def initial_conference_record(*, user, conference: InitialChildProtectionConference, version: int, held_on: date,
                              chair, attendees: list[str], decision: str, category: str = ""
                              ) -> InitialChildProtectionConference:
    """The initial conference: a child protection plan with its category starts that day, its first
    review due within 3 months; or no plan."""
    is_plan = decision == InitialChildProtectionConference.Decision.PLAN
    if is_plan and category not in AbuseCategory.values:
        raise CaseworkError("Choose the category of abuse for the child protection plan")
    enquiry = conference.section_47
    earliest = ((enquiry.completed_on, "the section 47 enquiry was completed") if enquiry
                else (conference.episode.referral_date, "the child was referred"))
    _conference_hold(conference, user=user, version=version, held_on=held_on, chair=chair, attendees=attendees,
                     decision=decision, earliest=earliest, what="initial conference", category=category if is_plan else "")
    if is_plan:
        _plan_start(conference)
    access_log_record(user=user, target=conference.episode, reason="Recorded the initial child protection conference",
                      action=AccessLogEntry.Action.UPDATE)
    return conference


def _plan_start(conference: InitialChildProtectionConference) -> ChildProtectionPlan:
    episode = conference.episode
    previous = ChildProtectionPlan.objects.filter(episode__person=episode.person).count() if episode.person_id else 0
    plan = ChildProtectionPlan.objects.create(
        episode=episode, initial_conference=conference, started_on=conference.held_on,
        initial_category=conference.category, latest_category=conference.category, previous_plans=previous)
    ReviewConference.objects.create(plan=plan, due_on=clocks.first_review_due(conference.held_on))
    return plan


@transaction.atomic
def review_conference_record(*, user, review: ReviewConference, version: int, held_on: date, chair,
                             attendees: list[str], decision: str, end_reason: str = "") -> ReviewConference:
    """A review conference continues the plan, the next review due within 6 months, or ends it that
    day with the reason."""
    plan = review.plan
    ending = decision == ReviewConference.Decision.END
    if ending and end_reason not in ChildProtectionPlan.EndReason.values:
        raise CaseworkError("Choose why the child protection plan is ending")
    last = plan.reviews.filter(held_on__isnull=False).order_by("-held_on").values_list("held_on", flat=True).first()
    # Census rule 8841: a review is after the plan's start day, never on it.
    earliest = (last, "the last review was held") if last else (plan.started_on, "the plan started")
    _conference_hold(review, user=user, version=version, held_on=held_on, chair=chair, attendees=attendees,
                     decision=decision, earliest=earliest, strictly_after=True, what="review conference")
    if ending:
        if not ChildProtectionPlan.objects.filter(pk=plan.pk, ended_on__isnull=True).update(
                ended_on=held_on, end_reason=end_reason, version=F("version") + 1):
            raise CaseworkConflict(CONFLICT)
    else:
        ReviewConference.objects.create(plan=plan, due_on=clocks.next_review_due(held_on))
    access_log_record(user=user, target=plan.episode, reason="Recorded the review child protection conference",
                      action=AccessLogEntry.Action.UPDATE)
    return review
