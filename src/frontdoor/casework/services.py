"""Every write to a child's statutory journey: one transaction each, compare-and-set on versions."""
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.casework import clocks
from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.selectors import (
    DUE_PREFETCH, caseload_order, caseload_rows, cin_plan_route, episode_due, episodes_visible_to,
)
from frontdoor.casework.models import (
    AbuseCategory, Allocation, Assessment, ChildInNeedPlan, ChildInNeedPlanReview, ChildProtectionPlan,
    CoreGroupMeeting, EarlyHelpOffer, Episode, InitialChildProtectionConference, PlanAction, ReviewConference,
    Section47Enquiry, StatutoryVisit, StrategyDiscussion, TeamAroundTheChildMeeting, Team,
)
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import outbox_enqueue

CONFLICT = "Someone else changed this record while you were working on it. Reload the page to see their changes."
# The next steps of the Levels of Need tool (its outcomes' `next_step`) that open an episode.
ASSESSMENT_STEPS = {"social_work_assessment"}
STRATEGY_STEPS = {"strategy_discussion", "child_protection_enquiries"}
# Level 2's offer of early help (L2.2), Level 3's targeted early help and a strategy discussion's
# offer of early help (L4.2c). Level 2's single agency support (L2.1) opens nothing: the referrer
# keeps the work and may start an EHAF themselves, as the letter says.
EARLY_HELP_STEPS = {"early_help", "targeted_early_help"}
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


def contact_census_source(contact) -> str:
    """The contact's DfE CIN census ReferralSource code: a caller's own (1A-1D, 9), else the agency's kind's."""
    if contact.caller_source:
        return contact.caller_source
    return SOURCE_BY_AGENCY_KIND.get(contact.referrer_agency.kind, Episode.Source.OTHER)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def episodes_start_for_contact(*, contact, next_steps: set[str], referral_date: date, user) -> list[Episode]:
    """A front-door decision starts the work it names (issue 12): a referral to children's social
    care for each child on the contact, with its assessment or strategy discussion. Called inside
    the decision's own transaction; a decision naming no such step opens nothing."""
    wants_assessment, wants_discussion = bool(next_steps & ASSESSMENT_STEPS), bool(next_steps & STRATEGY_STEPS)
    if not (wants_assessment or wants_discussion):
        return []
    source = contact_census_source(contact)
    return [_episode_open(contact_child=child, person=child.person, referral_date=referral_date, source=source,
                          discussion_reason=wants_discussion and f"Front Door decision on contact {contact.reference}",
                          user=user, reason="Opened from a Front Door decision")
            for child in contact.children.all()]


def _episode_open(*, contact_child, person, referral_date: date, source: str, discussion_reason: str | bool,
                  user, reason: str) -> Episode:
    """A referral to the team that receives them, with its strategy discussion when one is asked
    for (with its reason), else its assessment. A child already open to social care has one
    episode at a time (the DfE CIN census counts no overlap): the new concern joins it."""
    open_episode = person and Episode.objects.filter(person=person, closed_on__isnull=True).first()
    if open_episode:
        return _episode_join(episode=open_episode, requested_on=referral_date, discussion_reason=discussion_reason,
                             user=user, reason=reason)
    team = Team.objects.filter(receives_referrals=True).order_by("name").first()
    episode = Episode.objects.create(contact_child=contact_child, person=person, referral_date=referral_date,
                                     source=source, team=team)
    if discussion_reason:
        _strategy_discussion_convene(episode=episode, requested_on=referral_date, reason=discussion_reason)
    else:
        Assessment.objects.create(episode=episode, started_on=referral_date)
    _due_refresh(episode)
    access_log_record(user=user, target=episode, reason=reason, action=AccessLogEntry.Action.CREATE)
    return episode


def _episode_join(*, episode: Episode, requested_on: date, discussion_reason: str | bool, user,
                  reason: str) -> Episode:
    """A further concern about a child whose episode is open: a strategy discussion when one is asked
    for and none is waiting to be held; otherwise the open assessment or plan already answers it."""
    waiting = episode.strategy_discussions.filter(held_at__isnull=True).exists()
    if discussion_reason and not waiting:
        _strategy_discussion_convene(episode=episode, requested_on=requested_on, reason=discussion_reason)
        _due_refresh(episode)
    access_log_record(user=user, target=episode, reason=f"{reason}: joined the open episode",
                      action=AccessLogEntry.Action.UPDATE)
    return episode


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


def episodes_due_refresh(*, episodes, batch: int = 2000) -> int:
    """Store each episode's next date due, the soonest of what `episode_due` finds on it (none once
    closed): what the caseload pages sort and page on. Every service that changes a step calls it
    for its episode; run over every episode when the clocks' rules or the bank holidays change."""
    changed = []
    for episode in episodes.order_by("pk").prefetch_related(*DUE_PREFETCH).iterator(chunk_size=batch):
        due = episode_due(episode)
        next_due_on = due[0].due_on if due else None
        if episode.next_due_on != next_due_on:
            episode.next_due_on = next_due_on
            changed.append(episode)
    episodes.model.objects.bulk_update(changed, ["next_due_on"], batch_size=batch)
    return len(changed)


def _due_refresh(episode: Episode) -> None:
    episodes_due_refresh(episodes=Episode.objects.filter(pk=episode.pk))


@transaction.atomic
def episode_allocate(*, manager, episode: Episode, worker, version: int,
                     allocated_at: datetime | None = None) -> Episode:
    """A team manager gives the episode to one of the team's social workers; the history is kept.
    `allocated_at` is for allocations recorded after the event (the demo's year of activity)."""
    membership = getattr(worker, "membership", None)
    if membership is None or membership.role != Membership.Role.SOCIAL_WORKER:
        raise CaseworkError("Choose a social worker to allocate the child to")
    _compare_and_set(Episode, episode, version, allocated_to=worker)
    Allocation.objects.create(episode=episode, worker=worker, allocated_by=manager,
                              allocated_at=allocated_at or timezone.now())
    access_log_record(user=manager, target=episode, reason=f"Allocated to {worker.get_full_name()}",
                      action=AccessLogEntry.Action.UPDATE)
    return episode


@transaction.atomic
def assessment_submit(*, user, assessment: Assessment, version: int, analysis: str, factors: list[str],
                      outcome: str, submitted_on: date | None = None) -> Assessment:
    """The social worker's analysis, the factors found and the proposed outcome, for authorisation
    (today, unless `submitted_on` says when it was done)."""
    if not analysis.strip():
        raise CaseworkError("Enter the social worker's analysis")
    if outcome not in Assessment.Outcome.values:
        raise CaseworkError("Choose the outcome of the assessment")
    if assessment.authorised_on:
        raise CaseworkError("This assessment has already been authorised")
    submitted_on = submitted_on or timezone.localdate()
    _check_day(submitted_on, what="The date the assessment was completed", earliest=assessment.started_on,
               since="it started")
    _compare_and_set(Assessment, assessment, version, analysis=analysis.strip(), factors=factors, outcome=outcome,
                     completed_by=user, submitted_on=submitted_on)
    access_log_record(user=user, target=assessment.episode, reason="Completed the assessment",
                      action=AccessLogEntry.Action.UPDATE)
    return assessment


@transaction.atomic
def assessment_authorise(*, manager, assessment: Assessment, version: int,
                         authorised_on: date | None = None) -> Assessment:
    """The manager's authorisation ends the assessment; its outcome starts what follows (today,
    unless `authorised_on` says when it was authorised)."""
    if not assessment.submitted_on:
        raise CaseworkError("The assessment has not been completed yet")
    if assessment.completed_by_id == manager.pk:
        raise CaseworkError("An assessment must be authorised by someone other than the social worker who wrote it")
    today = authorised_on or timezone.localdate()
    _check_day(today, what="The date the assessment was authorised", earliest=assessment.submitted_on,
               since="it was completed")
    _compare_and_set(Assessment, assessment, version, authorised_by=manager, authorised_on=today)
    episode = assessment.episode
    if assessment.outcome == Assessment.Outcome.NO_FURTHER_ACTION:
        _episode_close(episode, on=today, reason=Episode.ClosureReason.NFA_AFTER_ASSESSMENT)
    elif assessment.outcome == Assessment.Outcome.EARLY_HELP:
        _episode_close(episode, on=today, reason=Episode.ClosureReason.EARLY_HELP_AFTER_ASSESSMENT, user=manager,
                       assessment=assessment)
    elif assessment.outcome == Assessment.Outcome.STRATEGY_DISCUSSION:
        _strategy_discussion_convene(episode=episode, requested_on=today, reason="Outcome of the assessment")
    _due_refresh(episode)
    access_log_record(user=manager, target=episode, reason="Authorised the assessment",
                      action=AccessLogEntry.Action.UPDATE)
    return assessment


def _episode_close(episode: Episode, *, on: date, reason: str, user=None, assessment=None) -> None:
    """Close the episode; closed after assessment and referred to early help (RC9), the family is
    offered it (the step down)."""
    Episode.objects.filter(pk=episode.pk).update(closed_on=on, closure_reason=reason, version=F("version") + 1)
    if reason == Episode.ClosureReason.EARLY_HELP_AFTER_ASSESSMENT:
        _early_help_offer(contact_child=episode.contact_child, person=episode.person, offered_on=on, user=user,
                          from_episode=episode, assessment=assessment)


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
        _after_strategy_discussion(discussion, decision, on=timezone.localtime(held_at).date(), user=user)
        _due_refresh(episode)
        access_log_record(user=user, target=episode, reason="Recorded the strategy discussion",
                          action=AccessLogEntry.Action.UPDATE)
    return discussion


def _after_strategy_discussion(discussion: StrategyDiscussion, decision: str, *, on: date, user) -> None:
    episode = discussion.episode
    if decision in SECTION_47_DECISIONS:
        # The enquiry starts on the day of the strategy discussion that decided it (census S47ActualStartDate).
        Section47Enquiry.objects.create(episode=episode, strategy_discussion=discussion, started_on=on,
                                        joint_with_police=decision == StrategyDiscussion.Decision.JOINT_SECTION_47)
    elif decision == StrategyDiscussion.Decision.ASSESSMENT and not episode.assessments.exists():
        Assessment.objects.create(episode=episode, started_on=on)
    elif decision in CLOSING_DECISIONS:
        _episode_close(episode, on=on, reason=Episode.ClosureReason.SERVICES_CEASED)
        if decision == StrategyDiscussion.Decision.EARLY_HELP:  # the family is offered what was decided
            _early_help_offer(contact_child=episode.contact_child, person=episode.person, offered_on=on, user=user,
                              from_episode=episode)


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
    _due_refresh(episode)
    access_log_record(user=user, target=episode, reason="Recorded the section 47 enquiry",
                      action=AccessLogEntry.Action.UPDATE)
    return enquiry


@transaction.atomic
def section_47_emergency_protection_record(*, user, enquiry: Section47Enquiry, version: int, protection: str,
                                           protected_on: date) -> Section47Enquiry:
    """An emergency protection order or police protection taken for the child during the enquiry
    (or at the referral that led to it), for Ofsted's Annex A list 7. Recorded again, it corrects it."""
    if enquiry.episode.closed_on:
        raise CaseworkError("This episode is closed")
    if protection not in Section47Enquiry.EmergencyProtection.values:
        raise CaseworkError("Choose an emergency protection order or police protection")
    _check_day(protected_on, what="The date the child was protected", earliest=enquiry.episode.referral_date,
               since="the child was referred")
    _compare_and_set(Section47Enquiry, enquiry, version, emergency_protection=protection,
                     emergency_protection_on=protected_on)
    access_log_record(user=user, target=enquiry.episode, reason="Recorded emergency protection",
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
    _due_refresh(conference.episode)
    access_log_record(user=user, target=conference.episode, reason="Recorded the initial child protection conference",
                      action=AccessLogEntry.Action.UPDATE)
    return conference


def _plan_start(conference: InitialChildProtectionConference) -> ChildProtectionPlan:
    episode = conference.episode
    # Census: a child in need plan is never open alongside a child protection plan; it ends the day before.
    for cin_plan in episode.cin_plans.filter(ended_on__isnull=True):
        ChildInNeedPlan.objects.filter(pk=cin_plan.pk).update(
            ended_on=max(cin_plan.started_on, conference.held_on - timedelta(days=1)),
            end_reason=ChildInNeedPlan.EndReason.CHILD_PROTECTION, version=F("version") + 1)
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
    _due_refresh(plan.episode)
    access_log_record(user=user, target=plan.episode, reason="Recorded the review child protection conference",
                      action=AccessLogEntry.Action.UPDATE)
    return review


def _early_help_offer(*, contact_child, person, offered_on: date, user, **links) -> EarlyHelpOffer:
    offer = EarlyHelpOffer.objects.create(contact_child=contact_child, person=person, offered_on=offered_on, **links)
    access_log_record(user=user, target=offer, reason="Offered early help", action=AccessLogEntry.Action.CREATE)
    return offer


def early_help_offers_start_for_contact(*, contact, next_steps: set[str], offered_on: date, user
                                        ) -> list[EarlyHelpOffer]:
    """An authorised decision naming early help offers it to each child's family on the contact.
    Called inside the decision's own transaction."""
    if not next_steps & EARLY_HELP_STEPS:
        return []
    return [_early_help_offer(contact_child=child, person=child.person, offered_on=offered_on, user=user)
            for child in contact.children.all()]


def _lead_professional(user) -> None:
    membership = getattr(user, "membership", None)
    if membership is None or membership.role != Membership.Role.EARLY_HELP_LEAD:
        raise CaseworkError("Choose the early help lead professional")


def _offer_change(*, user, offer: EarlyHelpOffer, version: int, reason: str, **changes) -> EarlyHelpOffer:
    if offer.closed_on is not None or offer.status == EarlyHelpOffer.Status.DECLINED:
        raise CaseworkError("This early help offer has ended")
    _compare_and_set(EarlyHelpOffer, offer, version, **changes)
    access_log_record(user=user, target=offer, reason=reason, action=AccessLogEntry.Action.UPDATE)
    return offer


@transaction.atomic
def early_help_offer_respond(*, user, offer: EarlyHelpOffer, version: int, accepted: bool, responded_on: date,
                             lead_professional=None) -> EarlyHelpOffer:
    """The family's answer. Accepted, the offer has a lead professional; declined, it ends, and a
    refusal does not by itself bring in specialist services (seed 004)."""
    if offer.status != EarlyHelpOffer.Status.OFFERED:
        raise CaseworkError("The family's answer has already been recorded")
    _check_day(responded_on, what="The date the family answered", earliest=offer.offered_on,
               since="early help was offered")
    if accepted:
        _lead_professional(lead_professional)
        return _offer_change(user=user, offer=offer, version=version, reason="Recorded the family's consent",
                             status=EarlyHelpOffer.Status.ACCEPTED, responded_on=responded_on,
                             lead_professional=lead_professional)
    return _offer_change(user=user, offer=offer, version=version, reason="Recorded the family's refusal",
                         status=EarlyHelpOffer.Status.DECLINED, responded_on=responded_on)


def _accepted(offer: EarlyHelpOffer) -> None:
    if offer.status != EarlyHelpOffer.Status.ACCEPTED:
        raise CaseworkError("Record the family's consent to early help first")


@transaction.atomic
def early_help_assessment_record(*, user, offer: EarlyHelpOffer, version: int, started_on: date,
                                 completed_on: date | None = None) -> EarlyHelpOffer:
    """The Early Help Assessment's start and, when it is done, its completion."""
    _accepted(offer)
    _check_day(started_on, what="The date the assessment started", earliest=offer.responded_on,
               since="the family agreed to early help")
    if completed_on is not None:
        _check_day(completed_on, what="The date the assessment was completed", earliest=started_on,
                   since="it started")
    return _offer_change(user=user, offer=offer, version=version, reason="Recorded the early help assessment",
                         eha_started_on=started_on, eha_completed_on=completed_on)


@transaction.atomic
def tac_meeting_record(*, user, offer: EarlyHelpOffer, version: int, held_on: date, attendees: list[str],
                       notes: str = "") -> TeamAroundTheChildMeeting:
    """A Team Around the Child meeting; its date sets when the next is due."""
    _accepted(offer)
    if not attendees:
        raise CaseworkError("Select the agencies that attended the meeting")
    _check_day(held_on, what="The date the meeting was held", earliest=offer.responded_on,
               since="the family agreed to early help")
    _offer_change(user=user, offer=offer, version=version, reason="Recorded a team around the child meeting")
    return TeamAroundTheChildMeeting.objects.create(offer=offer, held_on=held_on, attendees=attendees,
                                                    notes=notes.strip(), recorded_by=user)


@transaction.atomic
def early_help_close(*, user, offer: EarlyHelpOffer, version: int, closed_on: date, reason: str) -> EarlyHelpOffer:
    """Early help ends with its reason; stepped up to social care, the child is referred (source 5D)."""
    if reason not in EarlyHelpOffer.ClosureReason.values:
        raise CaseworkError("Choose why early help is ending")
    _check_day(closed_on, what="The date early help ended", earliest=offer.responded_on or offer.offered_on,
               since="the family answered the offer" if offer.responded_on else "early help was offered")
    episode = None
    if reason == EarlyHelpOffer.ClosureReason.STEPPED_UP:
        episode = _episode_open(contact_child=offer.contact_child, person=offer.person, referral_date=closed_on,
                                source=Episode.Source.LA_EARLY_HELP, discussion_reason=False, user=user,
                                reason="Stepped up from early help")
    return _offer_change(user=user, offer=offer, version=version, reason="Closed early help", closed_on=closed_on,
                         closure_reason=reason, stepped_up_to=episode)


CIN_PLAN_ROUTES = "an authorised assessment, a section 47 enquiry or a child protection conference"
CP_PLAN_OPEN = ("{name} has a child protection plan: a child in need plan cannot be open at the same time. "
                "End the child protection plan at a review conference first.")


def _team_manager(user) -> None:
    membership = getattr(user, "membership", None)
    if membership is None or membership.role != Membership.Role.TEAM_MANAGER:
        raise CaseworkError("Only the team manager can do this")


@transaction.atomic
def cin_plan_start(*, manager, episode: Episode, version: int, started_on: date,
                   review_months: int = clocks.CIN_REVIEW_MONTHS) -> ChildInNeedPlan:
    """The team manager starts a child in need plan, reviewed every `review_months` (3 by default)."""
    _team_manager(manager)
    if episode.closed_on:
        raise CaseworkError("This episode is closed")
    if episode.child_protection_plans.filter(ended_on__isnull=True).exists():
        raise CaseworkError(CP_PLAN_OPEN.format(name=episode.child_name or "This child"))
    if episode.cin_plans.filter(ended_on__isnull=True).exists():
        raise CaseworkError("This child already has an open child in need plan")
    if not cin_plan_route(episode):
        raise CaseworkError(f"A child in need plan follows {CIN_PLAN_ROUTES} that decided on one")
    _check_day(started_on, what="The date the plan started", earliest=episode.referral_date,
               since="the child was referred")
    if not 1 <= review_months <= 6:
        raise CaseworkError("Reviews must be between 1 and 6 months apart")
    _compare_and_set(Episode, episode, version)
    plan = ChildInNeedPlan.objects.create(episode=episode, started_on=started_on, review_months=review_months,
                                          started_by=manager)
    _due_refresh(episode)
    access_log_record(user=manager, target=episode, reason="Started a child in need plan",
                      action=AccessLogEntry.Action.UPDATE)
    return plan


def _open_cin_plan(plan: ChildInNeedPlan, version: int, **changes) -> None:
    if plan.ended_on is not None:
        raise CaseworkError("This child in need plan has ended")
    _compare_and_set(ChildInNeedPlan, plan, version, **changes)


@transaction.atomic
def cin_plan_review_record(*, user, plan: ChildInNeedPlan, version: int, held_on: date) -> ChildInNeedPlanReview:
    """A review of the child in need plan; the next is due `review_months` after it."""
    last = plan.reviews.order_by("-held_on").values_list("held_on", flat=True).first()
    _check_day(held_on, what="The date of the review", earliest=last or plan.started_on,
               since="the last review" if last else "the plan started")
    _open_cin_plan(plan, version)
    access_log_record(user=user, target=plan.episode, reason="Reviewed the child in need plan",
                      action=AccessLogEntry.Action.UPDATE)
    review = ChildInNeedPlanReview.objects.create(plan=plan, held_on=held_on, recorded_by=user)
    _due_refresh(plan.episode)
    return review


@transaction.atomic
def cin_plan_end(*, manager, plan: ChildInNeedPlan, version: int, ended_on: date, reason: str) -> ChildInNeedPlan:
    """The team manager ends the plan with its reason; stepped down, the family is offered early help."""
    _team_manager(manager)
    if reason not in ChildInNeedPlan.EndReason.values:
        raise CaseworkError("Choose why the child in need plan is ending")
    _check_day(ended_on, what="The date the plan ended", earliest=plan.started_on, since="it started")
    _open_cin_plan(plan, version, ended_on=ended_on, end_reason=reason)
    episode = plan.episode
    if reason == ChildInNeedPlan.EndReason.STEP_DOWN_EARLY_HELP:
        _early_help_offer(contact_child=episode.contact_child, person=episode.person, offered_on=ended_on,
                          user=manager, from_episode=episode)
    _due_refresh(episode)
    access_log_record(user=manager, target=episode, reason="Ended the child in need plan",
                      action=AccessLogEntry.Action.UPDATE)
    return plan


@transaction.atomic
def episode_close(*, manager, episode: Episode, version: int, closed_on: date, reason: str) -> Episode:
    """The team manager closes the episode with the census reason; never while a plan is open.
    Closed and referred to early help (RC9), the family is offered it."""
    _team_manager(manager)
    if reason not in Episode.ClosureReason.values:
        raise CaseworkError("Choose the reason for closing the episode")
    if episode.closed_on:
        raise CaseworkError("This episode is already closed")
    name = episode.child_name or "This child"
    if episode.child_protection_plans.filter(ended_on__isnull=True).exists():
        raise CaseworkError(f"{name} has an open child protection plan: end it at a review conference before closing")
    if episode.cin_plans.filter(ended_on__isnull=True).exists():
        raise CaseworkError(f"{name} has an open child in need plan: end it before closing the episode")
    _check_day(closed_on, what="The date the episode closed", earliest=episode.referral_date,
               since="the child was referred")
    _compare_and_set(Episode, episode, version)
    _episode_close(episode, on=closed_on, reason=reason, user=manager)
    _due_refresh(episode)
    episode.refresh_from_db()
    access_log_record(user=manager, target=episode, reason="Closed the episode", action=AccessLogEntry.Action.UPDATE)
    return episode


def _plan_change(*, user, plan: ChildProtectionPlan, version: int, reason: str, **changes) -> None:
    """Every change to an open plan compares and sets its version: two people editing one plan
    never overwrite each other (the second is told to reload)."""
    if plan.ended_on is not None:
        raise CaseworkError("This child protection plan has ended")
    _compare_and_set(ChildProtectionPlan, plan, version, **changes)
    access_log_record(user=user, target=plan.episode, reason=reason, action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def plan_contents_update(*, user, plan: ChildProtectionPlan, version: int, areas_of_concern: str,
                         progress_measures: str, key_worker) -> ChildProtectionPlan:
    """The plan's areas of concern, how progress will be measured, and its key worker (a social worker)."""
    if not areas_of_concern.strip():
        raise CaseworkError("Enter the areas of concern the plan addresses")
    if not progress_measures.strip():
        raise CaseworkError("Enter how progress on the plan will be measured")
    membership = getattr(key_worker, "membership", None)
    if membership is None or membership.role != Membership.Role.SOCIAL_WORKER:
        raise CaseworkError("Choose the key worker: a qualified social worker")
    _plan_change(user=user, plan=plan, version=version, reason="Changed the child protection plan",
                 areas_of_concern=areas_of_concern.strip(), progress_measures=progress_measures.strip(),
                 key_worker=key_worker)
    return plan


@transaction.atomic
def plan_action_add(*, user, plan: ChildProtectionPlan, version: int, description: str, owner_agency: str,
                    owner_name: str, due_on: date) -> PlanAction:
    """An action on the plan: what, the agency (and person) who will do it, and by when."""
    if not description.strip():
        raise CaseworkError("Enter what the action is")
    if not owner_agency.strip():
        raise CaseworkError("Choose the agency responsible for the action")
    if due_on < plan.started_on:
        raise CaseworkError(f"The action's due date cannot be before {plan.started_on:%-d %B %Y}, when the plan started")
    _plan_change(user=user, plan=plan, version=version, reason="Added an action to the child protection plan")
    return PlanAction.objects.create(plan=plan, description=description.strip(), owner_agency=owner_agency.strip(),
                                     owner_name=owner_name.strip(), due_on=due_on)


@transaction.atomic
def core_group_record(*, user, plan: ChildProtectionPlan, version: int, held_on: date, attendees: list[str],
                      progress: str, completed_actions: list[PlanAction]) -> CoreGroupMeeting:
    """A core group meeting: who attended, by agency, the progress on the plan, and the actions it
    found done (completed that day). The first stops the 10-working-day clock."""
    if not attendees:
        raise CaseworkError("Select the agencies that attended the core group")
    _check_day(held_on, what="The date the core group met", earliest=plan.started_on,
               since="the initial conference made the plan")
    if any(action.plan_id != plan.pk or action.completed_on for action in completed_actions):
        raise CaseworkError("Choose only the plan's open actions")
    _plan_change(user=user, plan=plan, version=version, reason="Recorded a core group meeting")
    PlanAction.objects.filter(pk__in=[a.pk for a in completed_actions]).update(completed_on=held_on)
    meeting = CoreGroupMeeting.objects.create(plan=plan, held_on=held_on, attendees=attendees,
                                              progress=progress.strip(), recorded_by=user)
    _due_refresh(plan.episode)
    return meeting


@transaction.atomic
def visit_record(*, user, plan: ChildProtectionPlan, version: int, visited_on: date, seen_alone: bool,
                 notes: str = "") -> StatutoryVisit:
    """The social worker's statutory visit, and whether the child was seen alone; the next is due a
    fortnight later."""
    _check_day(visited_on, what="The date of the visit", earliest=plan.started_on,
               since="the child protection plan started")
    _plan_change(user=user, plan=plan, version=version, reason="Recorded a statutory visit")
    visit = StatutoryVisit.objects.create(plan=plan, visited_on=visited_on, seen_alone=seen_alone,
                                          notes=notes.strip(), visited_by=user)
    _due_refresh(plan.episode)
    return visit


DIGEST_KIND = "team_digest"


def _digest_key(team: Team, manager, today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"team-digest-{team.pk}-{manager.pk}-{year}-W{week:02d}"


def _digest_lines(rows, *, today: date, week_end: date) -> tuple[list[str], list[str]]:
    """(overdue, due this week): one line per step, the child and their worker as the team page shows them."""
    overdue, this_week = [], []
    for row in rows:
        episode = row.episode
        who = episode.allocated_to.get_full_name() if episode.allocated_to else "not allocated"
        for due in row.due:
            line = f"- {episode.child_name or 'Child not yet identified'} ({who}): {due.what}, due {due.due_on:%-d %B %Y}"
            if due.due_on < today:
                overdue.append(line)
            elif due.due_on <= week_end:
                this_week.append(line)
    return overdue, this_week


def _digest_body(team: Team, manager, overdue: list[str], this_week: list[str], week_end: date) -> str:
    parts = [f"Dear {manager.get_full_name() or manager.username},", "",
             f"This is the {team.name}'s work that is overdue or due by Sunday {week_end:%-d %B %Y}.", "",
             f"Overdue ({len(overdue)}):", *(overdue or ["- Nothing overdue"]), "",
             f"Due this week ({len(this_week)}):", *(this_week or ["- Nothing due this week"]), "",
             "Open Team's cases in Front Door to allocate or record them.",
             "This is sent every Monday to the team's managers. Do not forward it."]
    return "\n".join(parts)


@transaction.atomic
def team_digests_send(*, today: date) -> list[OutboxMessage]:
    """This week's digest to each team manager of each team, through the outbox: the team's open work
    that is overdue or due by Sunday. Once a week per manager and team, however often it is asked
    (a manager already sent this week's is skipped before their team's work is read, and logged), and
    sent when nothing is due as well, so that the week is marked done."""
    week_end, queued = clocks.week_end(today), []
    managers = Membership.objects.filter(role=Membership.Role.TEAM_MANAGER, user__is_active=True).values("user")
    for team in Team.objects.prefetch_related("members").order_by("name"):
        for manager in team.members.filter(pk__in=managers).order_by("pk"):
            key = _digest_key(team, manager, today)
            if not manager.email or OutboxMessage.objects.filter(idempotency_key=key).exists():
                continue
            episodes = caseload_order(episodes_visible_to(user=manager).filter(team=team, next_due_on__lte=week_end))
            rows = caseload_rows(user=manager, episodes=episodes, reason="Weekly team digest email")
            overdue, this_week = _digest_lines(rows, today=today, week_end=week_end)
            queued.append(outbox_enqueue(
                kind=DIGEST_KIND, idempotency_key=key, to_address=manager.email, about=team,
                subject=f"{team.name}: {len(overdue)} overdue, {len(this_week)} due this week",
                body=_digest_body(team, manager, overdue, this_week, week_end)))
    return queued
