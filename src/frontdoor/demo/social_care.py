"""The demo's social work and early help: the team that receives referrals, and an episode for every child whose
authorised Level 3 or 4 decision named one, opened and partly allocated through the services.
Some of the children whose strategy discussion is due are walked on along the child protection
path, each left at a different step: an enquiry under way, a conference booked, one overdue, one
held late, a plan with its first review due, a plan continued or ended at review. The other children's
assessments and strategy discussions are taken on too (casework_progress.py), so that the demo's
CIN census has every kind of record."""
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import cycle

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from frontdoor.casework.calendar import add_working_days, working_days_between
from frontdoor.casework.models import (
    AbuseCategory, ChildProtectionPlan, Episode, InitialChildProtectionConference, ReviewConference,
    Section47Enquiry, StrategyDiscussion, Team,
)
from frontdoor.casework.services import (
    core_group_record, early_help_assessment_record, early_help_offer_respond, early_help_offers_start_for_contact,
    episode_allocate, episodes_start_for_contact, tac_meeting_record, initial_conference_record, plan_action_add,
    plan_contents_update, review_conference_record, section_47_emergency_protection_record, section_47_record,
    strategy_discussion_record, visit_record,
)
from frontdoor.decisions.models import Decision
from frontdoor.decisions.services import decision_next_steps
from frontdoor.demo.casework_progress import Progress

TEAM_MEMBERS = ("socialworker@demo.test", "teammanager@demo.test")
CHAIR = "chair@demo.test"
EARLY_HELP_LEAD = "earlyhelp@demo.test"
EARLY_HELP_FAMILIES = 6  # taken on by the demo lead; the rest wait for one
TAC_AGENCIES = ["School", "Health", "Family support"]
STRATEGY_AGENCIES = ("Police", "Children's social care", "Health", "School")
CONFERENCE_AGENCIES = ["Children's social care", "Police", "Health", "School"]
ROUNDS = 3


@dataclass(frozen=True)
class Stage:
    """Where one demo child is left on the child protection path. Days are working days after the
    strategy discussion; a stage is given only to a child whose discussion is at least `min_age`
    working days old (the oldest first, or the youngest for a step that should not yet be due)."""
    name: str
    enquiry_outcome: str | None  # None: the enquiry is still under way
    enquiry_days: int = 0
    conference_decision: str | None = None  # None: the initial conference is not held yet
    conference_days: int = 0
    review_decision: str | None = None  # held on the last working day before today
    min_age: int = 1
    youngest: bool = False
    police_protection: bool = False  # the police took the child into protection the day of the discussion


CONFERENCE, PLAN = Section47Enquiry.Outcome.CONFERENCE, InitialChildProtectionConference.Decision.PLAN
STAGES = (
    Stage("plan, first review due", CONFERENCE, 1, PLAN, 2, min_age=3),
    Stage("plan continued at its first review", CONFERENCE, 3, PLAN, 6, ReviewConference.Decision.CONTINUE, 8,
          police_protection=True),
    Stage("plan ended at its first review", CONFERENCE, 3, PLAN, 6, ReviewConference.Decision.END, 8),
    Stage("initial conference overdue", CONFERENCE, 10, min_age=17),
    Stage("no plan at the initial conference", CONFERENCE, 4, InitialChildProtectionConference.Decision.NO_PLAN, 8,
          min_age=9),
    Stage("substantiated, no continuing risk", Section47Enquiry.Outcome.NOT_AT_CONTINUING_RISK, 5, min_age=6),
    Stage("not substantiated", Section47Enquiry.Outcome.NOT_SUBSTANTIATED, 4, min_age=5),
    Stage("initial conference booked", CONFERENCE, 2, min_age=3, youngest=True),
    Stage("enquiry under way", None, min_age=1, youngest=True),
    # Held on the 17th working day: the partnership figures' "ICPCs not within 15 working days" lists this child.
    Stage("plan made at a late initial conference", CONFERENCE, 10, PLAN, 17, min_age=19),
)


@transaction.atomic
def load_demo_social_care(*, today: date) -> None:
    users = get_user_model().objects.in_bulk((*TEAM_MEMBERS, CHAIR, EARLY_HELP_LEAD), field_name="username")
    worker, manager = (users[email] for email in TEAM_MEMBERS)
    team = Team.objects.create(name="Assessment team (Fictional Shire)", receives_referrals=True)
    team.members.add(worker, manager)
    decisions = (Decision.objects.filter(status=Decision.Status.AUTHORISED, level__gte=3)
                 .select_related("contact__referrer_agency").order_by("authorised_at"))
    for n, decision in enumerate(decisions):
        if _has_open_episode(decision.contact):
            continue  # a child has one episode at a time (census rule 8815): this contact is part of it
        episodes = episodes_start_for_contact(contact=decision.contact, next_steps=decision_next_steps(decision),
                                              referral_date=decision.authorised_at.date(), user=manager)
        for episode in episodes if n % 3 else ():  # a third left for the team manager to allocate
            episode_allocate(manager=manager, episode=episode, worker=worker, version=episode.version)
    _child_protection(today=today, worker=worker, manager=manager, chair=users[CHAIR])
    Progress(today=today, worker=worker, manager=manager).run()
    _early_help(today=today, manager=manager, lead=users[EARLY_HELP_LEAD])


def _plan_worked(plan: ChildProtectionPlan, *, worker, today: date) -> None:
    """The plan written, one action, and the core group and the first visit where they are due by now
    (a recent plan is left with both due, an older one with its next visit due)."""
    plan_contents_update(user=worker, plan=plan, version=plan.version, key_worker=worker,
                         areas_of_concern="Demo: home conditions; school attendance.",
                         progress_measures="Demo: food and heating at every visit; attendance above 90%.")
    plan_action_add(user=worker, plan=plan, version=plan.version, description="Demo: refer to the food bank",
                    owner_agency="Family support", owner_name="", due_on=add_working_days(plan.started_on, 5))
    met, visited = add_working_days(plan.started_on, 8), add_working_days(plan.started_on, 7)
    if met <= today:
        core_group_record(user=worker, plan=plan, version=plan.version, held_on=met, completed_actions=[],
                          attendees=CONFERENCE_AGENCIES, progress="Demo: food bank referral made.")
    if visited <= today:
        visit_record(user=worker, plan=plan, version=plan.version, visited_on=visited, seen_alone=True)


def _early_help(*, today: date, manager, lead) -> None:
    """Early help offered on every authorised decision naming it; the demo lead takes on the oldest
    few families, each a step further on: consent only, an assessment under way, one completed with
    a team around the child meeting."""
    decisions = (Decision.objects.filter(status=Decision.Status.AUTHORISED).select_related("contact")
                 .order_by("authorised_at"))
    offers = [offer for decision in decisions for offer in early_help_offers_start_for_contact(
        contact=decision.contact, next_steps=decision_next_steps(decision),
        offered_on=decision.authorised_at.date(), user=manager)]
    for n, offer in enumerate(offers[:EARLY_HELP_FAMILIES]):
        answered = min(add_working_days(offer.offered_on, 3), today)
        early_help_offer_respond(user=lead, offer=offer, version=offer.version, accepted=True,
                                 responded_on=answered, lead_professional=lead)
        if n % 3 == 0:
            continue
        completed = add_working_days(answered, 20) if n % 3 == 2 else None
        completed = completed if completed and completed <= today else None
        early_help_assessment_record(user=lead, offer=offer, version=offer.version, started_on=answered,
                                     completed_on=completed)
        if completed:
            tac_meeting_record(user=lead, offer=offer, version=offer.version, held_on=completed,
                               attendees=TAC_AGENCIES, notes="Demo: the family's plan agreed.")


def _has_open_episode(contact) -> bool:
    people = [child.person_id for child in contact.children.all() if child.person_id]
    return Episode.objects.filter(person_id__in=people, closed_on__isnull=True).exists()


def _child_protection(*, today: date, worker, manager, chair) -> None:
    """The stages handed out to children whose strategy discussion is still to be held."""
    waiting = list(Episode.objects.filter(strategy_discussions__isnull=False, strategy_discussions__held_at__isnull=True,
                                          person__isnull=False).order_by("referral_date", "id").distinct())
    categories = cycle(AbuseCategory.values)
    for stage in STAGES * ROUNDS:  # one child at each stage, then a second, while children last
        episode = _oldest_fit(waiting, stage, today)
        if episode is None:
            continue
        waiting.remove(episode)
        if episode.allocated_to_id is None:
            episode_allocate(manager=manager, episode=episode, worker=worker, version=episode.version)
        _walk(episode, stage, today=today, worker=worker, chair=chair, category=next(categories))


def _discussed_on(episode: Episode) -> date:
    return add_working_days(episode.referral_date, 1)  # within one working day of the referral


def _oldest_fit(episodes: list[Episode], stage: Stage, today: date) -> Episode | None:
    fits = [e for e in episodes if working_days_between(_discussed_on(e), today) >= stage.min_age]
    return (fits[-1] if stage.youngest else fits[0]) if fits else None


def _walk(episode: Episode, stage: Stage, *, today: date, worker, chair, category: str) -> None:
    discussed = _discussed_on(episode)
    discussion = episode.strategy_discussions.get(held_at__isnull=True)
    strategy_discussion_record(
        user=worker, discussion=discussion, version=discussion.version,
        held_at=timezone.make_aware(datetime.combine(discussed, time(10, 30))),
        participants=[{"agency": agency, "by_phone": agency == "School"} for agency in STRATEGY_AGENCIES],
        decision=StrategyDiscussion.Decision.JOINT_SECTION_47, outcome=f"Demo: {stage.name}.")
    enquiry = episode.section_47_enquiries.get()
    if stage.police_protection:
        enquiry = section_47_emergency_protection_record(
            user=worker, enquiry=enquiry, version=enquiry.version, protected_on=discussed,
            protection=Section47Enquiry.EmergencyProtection.POLICE)
    if stage.enquiry_outcome is None:
        return
    section_47_record(user=worker, enquiry=enquiry, version=enquiry.version, outcome=stage.enquiry_outcome,
                      findings="Child seen alone; parents and school spoken to; police checks made.",
                      completed_on=add_working_days(discussed, stage.enquiry_days))
    if stage.conference_decision is None:
        return
    conference = InitialChildProtectionConference.objects.get(section_47=enquiry)
    initial_conference_record(user=chair, conference=conference, version=conference.version, chair=chair,
                              held_on=add_working_days(discussed, stage.conference_days),
                              attendees=CONFERENCE_AGENCIES, decision=stage.conference_decision, category=category)
    if stage.conference_decision == PLAN:
        _plan_worked(ChildProtectionPlan.objects.get(initial_conference=conference), worker=worker, today=today)
    if stage.review_decision is None or stage.conference_decision != PLAN:
        return
    review = ReviewConference.objects.get(plan__initial_conference=conference)
    review_conference_record(user=chair, review=review, version=review.version, chair=chair,
                             held_on=add_working_days(today, -1), attendees=CONFERENCE_AGENCIES[:3],
                             decision=stage.review_decision, end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN)
