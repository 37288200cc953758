"""Reads of casework (cases, strategy discussions) that the pages share."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.casework import clocks
from frontdoor.casework.models import (
    Assessment, Case, ChildInNeedPlan, ChildProtectionPlan, EarlyHelpOffer, Episode,
    InitialChildProtectionConference, ReviewConference, Section47Enquiry, StrategyDiscussion, Team,
)
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.people.restrictions import persons_hidden_from, refused_attempts_record


def _may_see_casework(user) -> bool:
    """Cases are Front Door and social-care business: practitioners and managers only."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return membership is not None and membership.is_front_door


def person_casework(*, user, person) -> dict:
    """A person's episodes and cases (open first, then closed, newest first) and the strategy
    discussions about them (latest due first); nothing for a user who may not see casework."""
    if not _may_see_casework(user):
        return {"open_cases": [], "closed_cases": [], "strategy_discussions": [], "episodes": [],
                "child_protection_plan": None}
    cases = list(Case.objects.filter(person=person).order_by("-opened_on"))
    return {
        "child_protection_plan": ChildProtectionPlan.objects.filter(episode__person=person, ended_on__isnull=True)
        .order_by("-started_on").first(),
        "episodes": list(Episode.objects.filter(person=person).select_related("allocated_to", "contact_child__contact")
                         .order_by("-referral_date")),
        "open_cases": [case for case in cases if case.is_open],
        "closed_cases": [case for case in cases if not case.is_open],
        "strategy_discussions": list(
            StrategyDiscussion.objects.filter(children=person).select_related("source_notification").order_by("-due_at")
        ),
    }


SOCIAL_CARE_ROLES = (Membership.Role.SOCIAL_WORKER, Membership.Role.TEAM_MANAGER)
# Who records a step (views name the step; the rule is written once, here).
WORKER_STEP, CONFERENCE_STEP = "worker", "conference"


def episodes_visible_to(*, user):
    """Front Door staff see every episode; a social worker their own and their teams'; a team
    manager their teams'; a conference chair every child's with a child protection conference (the
    conference service books and chairs them all); anyone else none. A restricted child's episodes
    only to the people the restriction names."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    episodes = Episode.objects.select_related("person", "contact_child", "allocated_to", "team").exclude(
        person__in=persons_hidden_from(user=user))
    if membership is None:
        return episodes.none()
    if membership.is_front_door:
        return episodes
    if membership.role in SOCIAL_CARE_ROLES:
        # A subquery, not a join: joined, each episode came back once per team member, to be sorted out again.
        return episodes.filter(Q(allocated_to=user) | Q(team__in=Team.objects.filter(members=user)))
    if membership.role == Membership.Role.CONFERENCE_CHAIR:
        return episodes.filter(pk__in=InitialChildProtectionConference.objects.values("episode"))
    return episodes.none()


def may_record(*, user, episode: Episode, step: str) -> bool:
    """Of those who see the episode: its social worker or the team's manager records the social
    work (a section 47 enquiry); a conference chair or the team's manager a conference."""
    role = user.membership.role
    if role == Membership.Role.TEAM_MANAGER:
        return True  # a team manager sees only the episodes of their own teams
    if step == WORKER_STEP:
        return episode.allocated_to_id == user.pk
    return step == CONFERENCE_STEP and role == Membership.Role.CONFERENCE_CHAIR


def episode_get_for(*, user, episode_id, reason: str, recording: str | None = None) -> Episode:
    """The episode, if this user may see it (and record the step named); otherwise Http404."""
    episode = episodes_visible_to(user=user).filter(pk=episode_id).first()
    if episode is None:
        refused_attempts_record(user=user, person_ids=Episode.objects.filter(pk=episode_id).values_list("person", flat=True),
                                reason=reason)
    if episode is None or (recording and not may_record(user=user, episode=episode, step=recording)):
        raise Http404
    access_log_record(user=user, target=episode, reason=reason)
    return episode


def episode_step(*, episode: Episode, kind: str, step_id):
    """One of the episode's section 47 enquiries, initial or review conferences (a record page's
    subject), found only within the episode already checked; otherwise Http404."""
    steps = {
        "section_47": lambda: episode.section_47_enquiries.all(),
        "initial_conference": lambda: episode.initial_conferences.select_related("section_47"),
        "review_conference": lambda: ReviewConference.objects.filter(plan__episode=episode).select_related("plan"),
        "cin_plan": lambda: episode.cin_plans.all(),
        "cp_plan": lambda: episode.child_protection_plans.select_related("key_worker"),
    }[kind]()
    step = steps.filter(pk=step_id).first()
    if step is None:
        raise Http404
    return step


DUE_PREFETCH = ("assessments", "strategy_discussions", "section_47_enquiries", "initial_conferences",
                "child_protection_plans__reviews", "child_protection_plans__core_groups",
                "child_protection_plans__visits", "cin_plans__reviews")


def episode_due(episode: Episode) -> list[clocks.Due]:
    reviews = [review for plan in episode.child_protection_plans.all() for review in plan.reviews.all()]
    return clocks.episode_due(
        referral_date=episode.referral_date, closed_on=episode.closed_on,
        assessments=[clocks.OpenAssessment(a.started_on, a.authorised_on) for a in episode.assessments.all()],
        discussions=[clocks.OpenDiscussion(timezone.localtime(d.requested_at).date(),
                                           d.held_at and timezone.localtime(d.held_at).date())
                     for d in episode.strategy_discussions.all()],
        enquiries=[clocks.OpenEnquiry(e.started_on, e.completed_on) for e in episode.section_47_enquiries.all()],
        conferences=[clocks.OpenConference("Initial child protection conference", c.due_on, c.held_on)
                     for c in episode.initial_conferences.all()]
        + [clocks.OpenConference("Review conference", r.due_on, r.held_on) for r in reviews],
        cin_plans=[_open_cin_plan(p) for p in episode.cin_plans.all()],
        plans=[_open_plan(p) for p in episode.child_protection_plans.all()],
    )


def _open_plan(plan: ChildProtectionPlan) -> clocks.OpenPlan:
    """From the plan's prefetched core groups and visits (none are queried one plan at a time)."""
    return clocks.OpenPlan(plan.started_on, plan.ended_on,
                           min((m.held_on for m in plan.core_groups.all()), default=None),
                           max((v.visited_on for v in plan.visits.all()), default=None))


def plan_due(plan: ChildProtectionPlan) -> list[clocks.Due]:
    return clocks.plan_due(_open_plan(plan))


def cin_plan_next_review(plan: ChildInNeedPlan):
    return clocks.cin_plan_review_due(_open_cin_plan(plan))


def _open_cin_plan(plan: ChildInNeedPlan) -> clocks.OpenCINPlan:
    reviews = [review.held_on for review in plan.reviews.all()]
    return clocks.OpenCINPlan(plan.started_on, plan.review_months, max(reviews, default=None), plan.ended_on)


@dataclass(frozen=True)
class CaseloadRow:
    episode: Episode
    due: list[clocks.Due]

    @property
    def next_due(self) -> clocks.Due | None:
        return self.due[0] if self.due else None

    @property
    def next_visit(self) -> clocks.Due | None:
        """A child on a child protection plan's next statutory visit."""
        return next((due for due in self.due if due.what == clocks.STATUTORY_VISIT), None)


def _soonest_first(rows: list, today: date) -> list:
    """Overdue and soonest due first; rows with nothing due last."""
    return sorted(rows, key=lambda row: (row.next_due is None, row.next_due.due_on if row.next_due else today))


CASELOAD_PAGE_SIZE = 50


def caseload_order(episodes):
    """The open episodes, overdue and soonest due first, nothing due last, the latest referral first
    among equals: sorted in the database on each episode's stored next date due."""
    return episodes.filter(closed_on__isnull=True).order_by(F("next_due_on").asc(nulls_last=True), "-referral_date",
                                                            "pk")


def caseload_rows(*, user, episodes, reason: str) -> list[CaseloadRow]:
    """These episodes, in their order, with everything due on each; every child shown is logged."""
    rows = [CaseloadRow(e, episode_due(e)) for e in episodes.prefetch_related(*DUE_PREFETCH)]
    access_log_record_many(user=user, targets=[row.episode for row in rows], reason=reason)
    return rows


OVERDUE, DUE_THIS_WEEK = "overdue", "this_week"


def caseload(*, user, episodes, reason: str, today: date, due: str = "", page=None) -> Page:
    """One page of the open episodes (`caseload_order`), narrowed to those overdue, or overdue or
    due by Sunday, when `due` says so; its rows with what is due on each. Only the children on the
    page are read and logged."""
    if due == OVERDUE:
        episodes = episodes.filter(next_due_on__lt=today)
    elif due == DUE_THIS_WEEK:
        episodes = episodes.filter(next_due_on__lte=clocks.week_end(today))
    shown = Paginator(caseload_order(episodes), CASELOAD_PAGE_SIZE).get_page(page)
    shown.object_list = caseload_rows(user=user, episodes=shown.object_list, reason=reason)
    return shown


def caseload_counts(*, episodes) -> dict:
    """How many of these episodes are open, and how many of those are not allocated yet."""
    return episodes.filter(closed_on__isnull=True).aggregate(
        open=Count("pk"), unallocated=Count("pk", filter=Q(allocated_to__isnull=True)))


def team_social_workers(*, manager):
    """The social workers of this manager's teams, by name: whom the team page filters by."""
    return get_user_model().objects.filter(
        pk__in=Team.members.through.objects.filter(team__members=manager).values("user"),
        membership__role=Membership.Role.SOCIAL_WORKER).order_by("last_name", "first_name", "pk")


def _a_year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def re_referrals(*, contacts) -> dict:
    """{contact id: the episode} for each contact about a child whose child-in-need episode closed
    in the 12 months before the contact came in: a re-referral (the DfE and the board count them)."""
    contacts = list(contacts)
    by_person = defaultdict(list)
    for contact in contacts:
        for child in contact.children.all():
            if child.person_id:
                by_person[child.person_id].append(contact)
    closed = Episode.objects.filter(person_id__in=by_person, closed_on__isnull=False).order_by("closed_on")
    flags = {}
    for episode in closed:
        for contact in by_person[episode.person_id]:
            received = timezone.localtime(contact.received_at).date()
            if _a_year_before(received) <= episode.closed_on <= received:
                flags[contact.pk] = episode
    return flags


def records_naming(*, person) -> dict[str, list]:
    """The social work episodes of this person, by id, for their access log."""
    return {Episode._meta.label_lower: list(Episode.objects.filter(person=person).values_list("pk", flat=True))}


def early_help_offers_visible_to(*, user):
    """Front Door staff see every offer; an early help lead professional their own families and the
    offers still waiting for a lead; anyone else none."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    offers = EarlyHelpOffer.objects.select_related("person", "contact_child__contact", "lead_professional").exclude(
        person__in=persons_hidden_from(user=user))
    if membership is None:
        return offers.none()
    if membership.is_front_door:
        return offers
    if membership.role == Membership.Role.EARLY_HELP_LEAD:
        return offers.filter(Q(lead_professional=user) | Q(lead_professional__isnull=True,
                                                          status=EarlyHelpOffer.Status.OFFERED))
    return offers.none()


def early_help_offer_get_for(*, user, offer_id, reason: str) -> EarlyHelpOffer:
    """The offer, if this user may see it; otherwise Http404, whether it exists or not."""
    offer = early_help_offers_visible_to(user=user).filter(pk=offer_id).first()
    if offer is None:
        raise Http404
    access_log_record(user=user, target=offer, reason=reason)
    return offer


def early_help_due(offer: EarlyHelpOffer) -> list[clocks.Due]:
    accepted = offer.status == EarlyHelpOffer.Status.ACCEPTED
    return clocks.early_help_due(
        accepted_on=offer.responded_on if accepted else None, eha_completed_on=offer.eha_completed_on,
        last_tac_on=max((m.held_on for m in offer.tac_meetings.all()), default=None), closed_on=offer.closed_on)


@dataclass(frozen=True)
class FamilyRow:
    offer: EarlyHelpOffer
    due: list[clocks.Due]

    @property
    def next_due(self) -> clocks.Due | None:
        return self.due[0] if self.due else None


def _family_rows(*, user, offers, reason: str, today: date) -> list[FamilyRow]:
    rows = [FamilyRow(offer, early_help_due(offer)) for offer in offers.prefetch_related("tac_meetings")]
    access_log_record_many(user=user, targets=[row.offer for row in rows], reason=reason)
    return _soonest_first(rows, today)


def early_help_families(*, user, today: date) -> list[FamilyRow]:
    """The lead professional's open families with what is due on each, overdue and soonest first."""
    offers = early_help_offers_visible_to(user=user).filter(
        lead_professional=user, closed_on__isnull=True, status=EarlyHelpOffer.Status.ACCEPTED)
    return _family_rows(user=user, offers=offers, reason="My early help families", today=today)


def early_help_offers_waiting(*, user, today: date) -> list[FamilyRow]:
    """Offers no lead professional has taken on yet: the family's answer is still to be recorded."""
    offers = early_help_offers_visible_to(user=user).filter(
        lead_professional__isnull=True, closed_on__isnull=True, status=EarlyHelpOffer.Status.OFFERED)
    return _family_rows(user=user, offers=offers, reason="Early help offers waiting", today=today)


def cin_plan_route(episode: Episode) -> bool:
    """Whether something on the episode led to a child in need plan: an assessment authorised with
    that outcome, an enquiry substantiated without continuing risk, an initial conference that made
    no plan, or a child protection plan stepped down to child in need."""
    return (episode.assessments.filter(authorised_on__isnull=False, outcome=Assessment.Outcome.CIN_PLAN).exists()
            or episode.section_47_enquiries.filter(outcome=Section47Enquiry.Outcome.NOT_AT_CONTINUING_RISK).exists()
            or episode.initial_conferences.filter(decision=InitialChildProtectionConference.Decision.NO_PLAN).exists()
            or episode.child_protection_plans.filter(end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN).exists())
