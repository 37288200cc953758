"""One child's year with children's services, recorded through the services as the pages would.

A journey starts with a contact to the Front Door on a day in the year, decided and authorised;
the decision's next step (early help, an assessment, a strategy discussion) is taken on by the
staff who would do it, each step on a working day after the one before it, until the next step's
day is after today: that child is then mid-journey, with the clock of the step still to come.
A few recent steps are left undone past their day (overdue). Closed children are sometimes
referred again (re-referrals), and a child whose plan ended sometimes comes back to a second one.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.casework import clocks
from frontdoor.casework.calendar import add_working_days, working_days_between
from frontdoor.casework.models import (
    Assessment, ChildInNeedPlan, ChildProtectionPlan, EarlyHelpOffer, Episode, InitialChildProtectionConference,
    ReviewConference, Section47Enquiry, StrategyDiscussion,
)
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, cin_plan_end, cin_plan_review_record, cin_plan_start,
    early_help_assessment_record, early_help_close, early_help_offer_respond, episode_allocate, episode_close,
    initial_conference_record, review_conference_record, section_47_record, strategy_discussion_record,
    tac_meeting_record,
)
from frontdoor.decisions.outcomes import levels_of_need, outcome_wording
from frontdoor.decisions.selectors import early_help_declined_for
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import ContactChild
from frontdoor.intake.services import ChildDraft, ContactDraft, contact_submit
from frontdoor.people.models import Person
from frontdoor.people.services import contact_child_link

from .contacts import CHANNELS, OTHER_CHANNELS, SOURCES, ContactBuilder, consent_settled
from .narratives import compose
from .population import Family
from .synthetic import Synth

# The Front Door's decision on a first contact, by outcome code (about England's shares of
# referrals that become assessments, child protection enquiries and early help).
FIRST_DECISIONS = {"L1.1": 16, "L2.1": 9, "L2.2": 14, "L3.1": 8, "L3.2": 27, "L4.1": 4, "L4.2b": 22}
# A re-referral comes back at a higher level more often.
RE_REFERRAL_DECISIONS = {"L2.2": 10, "L3.2": 40, "L4.2b": 50}
ASSESSMENT_OUTCOMES = {"nfa": 34, "cin_plan": 36, "early_help": 15, "strategy_discussion": 15}
DISCUSSION_DECISIONS = {"joint_section_47": 50, "section_47": 10, "assessment": 18, "early_help": 7,
                        "police_only": 6, "nfa": 9}
# After an assessment asked for it, a discussion does not send the child back to assessment.
DISCUSSION_AFTER_ASSESSMENT = {"joint_section_47": 60, "section_47": 15, "early_help": 10, "nfa": 15}
ENQUIRY_OUTCOMES = {"icpc": 58, "substantiated_no_risk": 24, "not_substantiated": 18}
CATEGORIES = {"NEG": 45, "EMO": 34, "PHY": 9, "SAB": 5, "MUL": 7}
PLAN_ENDS = {"step_down_cin": 70, "moved": 8, "step_down_early_help": 14, "looked_after": 8}
CIN_PLAN_ENDS = {"needs_met": 62, "step_down_early_help": 26, "moved": 12}
EARLY_HELP_ENDS = {"outcomes_met": 60, "stepped_up": 18, "withdrew": 10, "moved": 5, "universal": 7}
EARLY_HELP_DECLINED = 0.14
LEAD_FOUND_WITHIN = 5  # working days from the offer to a lead professional and the family's answer
RE_REFERRED = 0.3  # of closed children, referred again within the year
SECOND_PLAN = 0.45  # of children whose plan ended, referred again
PLAN_DAYS = (80, 420)  # how long a plan lasts, about
FIRST_REVIEW_DAYS = (60, 80)  # a plan that ends at its first review, due 3 months after the conference
BACK_DAYS, BACK_SOON_DAYS = (20, 300), (20, 90)  # from a closure to the next contact
NO_PLAN_AT_ICPC = 0.14
OVERDUE_WITHIN_DAYS = 28  # only recent steps are left undone: a real team chases older ones
OVERDUE_SHARE = 0.35
STRATEGY_AGENCIES = [{"agency": agency, "by_phone": agency in ("Health", "School")}
                     for agency in ("Police", "Children's social care", "Health", "School")]
CONFERENCE_AGENCIES = ["Children's social care", "Police", "Health", "School", "Parent or carer"]
TAC_AGENCIES = ["School", "Health", "Family support", "Parent or carer"]
FACTORS = (["3A", "16A"], ["4A"], ["2B", "17A"], ["1B", "3A"], ["10A", "11A"], ["6B"], ["24A", "13A"], ["8B", "9A"])
NO_FACTORS = ["21"]  # only with a closure after assessment (RC8, RC9): validator query 8873Q
CLOSING_OUTCOMES = {"nfa", "early_help"}
EPISODE_CLOSURES = {"moved": Episode.ClosureReason.TRANSFERRED_LA}


# The first children's journeys, one of each path, so that even a small year has every step; the
# rest are drawn from the weights above. `quick` takes the shortest time at each step, `undone`
# leaves that step past its day, `recent` starts the journey in the last days of the year.
SHOWCASE = (
    {"first": "L1.1"}, {"first": "L2.1"},
    {"first": "L2.2", "early_help_answer": "declined"},
    {"first": "L2.2", "early_help_answer": "accepted", "early_help_end": "outcomes_met", "quick": True},
    {"first": "L2.2", "undone": "early_help", "recent": True},
    {"first": "L3.1", "early_help_answer": "accepted", "early_help_end": "stepped_up", "assessment": "nfa",
     "quick": True},
    {"first": "L3.2", "assessment": "nfa"},
    {"first": "L3.2", "assessment": "early_help", "early_help_answer": "accepted", "quick": True},
    {"first": "L3.2", "assessment": "cin_plan", "cin_plan_end": "needs_met", "quick": True},
    {"first": "L3.2", "assessment": "cin_plan", "cin_plan_end": "step_down_early_help", "quick": True},
    {"first": "L3.2", "assessment": "strategy_discussion", "discussion": "section_47",
     "enquiry": "not_substantiated"},
    {"first": "L3.2", "undone": "assessment", "recent": True},
    {"first": "L4.2b", "undone": "strategy_discussion", "recent": True},
    {"first": "L4.2b", "discussion": "nfa"}, {"first": "L4.2b", "discussion": "police_only"},
    {"first": "L4.2b", "discussion": "early_help"},
    {"first": "L4.2b", "discussion": "assessment", "assessment": "cin_plan"},
    {"first": "L4.2b", "discussion": "joint_section_47", "enquiry": "substantiated_no_risk"},
    {"first": "L4.2b", "discussion": "joint_section_47", "enquiry": "icpc", "conference": "no_plan"},
    {"first": "L4.2b", "discussion": "joint_section_47", "enquiry": "icpc", "conference": "plan",
     "plan_end": "step_down_cin", "quick": True},
    {"first": "L4.2b", "discussion": "joint_section_47", "enquiry": "icpc", "conference": "plan"},
    {"first": "L4.2b", "returning": True},
)


class NotYet(Exception):
    """The next step's day is after today: the child is left here, mid-journey."""


@dataclass
class Staff:
    practitioner: object  # Front Door: decides
    manager: object  # Front Door: authorises
    team_manager: object
    workers: list
    chairs: list
    leads: list  # early help lead professionals


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _offered(episode: Episode) -> EarlyHelpOffer:
    """The offer of early help the episode's last step made (a step down)."""
    return episode.early_help_offers.get(status=EarlyHelpOffer.Status.OFFERED)


class Journey:
    def __init__(self, synth: Synth, *, family: Family, child, staff: Staff, contacts: ContactBuilder, until: date,
                 n: int):
        """`until`: the last day anything is recorded (yesterday, so that every time recorded is past)."""
        self.synth, self.family, self.child, self.staff, self.until = synth, family, child, staff, until
        self.contacts = contacts
        self.worker = staff.workers[n % len(staff.workers)]
        self.lead = staff.leads[n % len(staff.leads)]
        self.chair = staff.chairs[n % len(staff.chairs)]
        self.had_plan = False
        self.scenario: dict = {}
        self.returning = False

    def run(self, first_day: date, *, scenario: dict | None = None) -> None:
        """`scenario` fixes some of the journey's choices (SHOWCASE); with `returning`, the child's
        first plan ends at its first review and they come back to a second within months."""
        self.scenario = scenario or {}
        self.returning = bool(self.scenario.get("returning"))
        try:
            self._refer(first_day, "L4.2b" if self.returning else self._choose("first", FIRST_DECISIONS))
        except NotYet:
            pass

    @property
    def _at_risk(self) -> bool:
        """A returning child, or one who had a plan: the strategy discussion, enquiry and conference
        that follow a new concern find it substantiated."""
        return self.returning or self.had_plan

    # Clocks

    def _day(self, after: date, working_days: int) -> date:
        """The step's day, or NotYet when it has not come."""
        day = add_working_days(after, working_days)
        if day > self.until:
            raise NotYet
        return day

    def _maybe_overdue(self, due: date, step: str) -> None:
        """A recent step left undone past its day, so that the pages show something overdue (and
        the scenario's step, if it names one to leave undone)."""
        if self.scenario:  # a showcase journey stops only where it says
            if self.scenario.get("undone") == step:
                raise NotYet
            return
        if due <= self.until and (self.until - due).days <= OVERDUE_WITHIN_DAYS and self.synth.chance(OVERDUE_SHARE):
            raise NotYet

    def _choose(self, choice: str, weights: dict) -> str:
        return self.scenario.get(choice) or self.synth.weighted(weights)

    def _span(self, shortest: int, longest: int) -> int:
        """How many days a step takes: the shortest in a quick scenario, so it gets to the end."""
        return shortest if self.scenario.get("quick") else self.synth.between(shortest, longest)

    # The Front Door

    def _refer(self, day: date, code: str) -> None:
        contact_child = self._contact(day)
        decided_on = self._decide(contact_child, day, code)
        episode = Episode.objects.filter(person=self.child, closed_on__isnull=True).first()
        if episode is not None:
            self._social_care(episode, decided_on)
        else:
            offer = EarlyHelpOffer.objects.filter(person=self.child, closed_on__isnull=True,
                                                  status=EarlyHelpOffer.Status.OFFERED).first()
            if offer is not None:
                self._early_help(offer)

    def _contact(self, day: date) -> ContactChild:
        kind = self.synth.weighted(SOURCES)
        agency = self.contacts.agency_for(kind, self.family, self.child) or self.contacts.agency_for(
            "local_authority", self.family, self.child)
        kind = agency.kind
        referrer = self.contacts.referrers.pick(agency)
        channel = self.synth.weighted(CHANNELS.get(kind, OTHER_CHANNELS))
        received_at = _at(day, self.synth.between(8, 16))
        story = compose(self.synth, agency_kind=kind, cast=self.contacts.cast(self.family, self.child, [self.child]),
                        received_at=received_at)
        contact = contact_submit(
            submitted_by=referrer.user if channel == "online" else self.staff.practitioner, received_at=received_at,
            draft=ContactDraft(
                referrer_agency_id=str(agency.pk), referrer_name=referrer.name, referrer_role=referrer.role,
                referrer_phone=referrer.phone, referrer_email=referrer.email, channel=channel,
                concern_now=story.concern_now, concern_past=story.concern_past, agency_actions=story.agency_actions,
                incident_at=story.incident_at, disclosure_at=story.disclosure_at, consent=story.consent,
                consent_reason=story.consent_reason, welfare_concern=True, children=(self._child_draft(),)))
        contact_child = contact.children.get()
        contact_child_link(user=self.staff.practitioner, contact_child=contact_child, person=self.child)
        return contact_child

    def _child_draft(self) -> ChildDraft:
        child, address = self.child, self.family.household.address
        return ChildDraft(given_name=child.given_name, family_name=child.family_name, date_of_birth=child.date_of_birth,
                          sex="" if child.sex == Person.Sex.UNKNOWN else child.sex, nhs_number=child.nhs_number, school_name=child.school.name if child.school else "",
                          address=", ".join(p for p in (address.line1, address.town) if p), postcode=address.postcode)

    def _decide(self, contact_child: ContactChild, day: date, code: str) -> date:
        """Decided that day and authorised within the working day; the decision starts its next step."""
        contact = contact_child.contact
        contact.refresh_from_db()
        decided_at = max(contact.received_at + timedelta(hours=2), _at(day, 15))
        decision = decision_record(
            user=self.staff.practitioner, contact=contact, contact_version=contact.version, level=int(code[1]),
            outcome_codes=[code], social_worker_name=self.staff.practitioner.get_full_name(), decided_at=decided_at,
            **consent_settled(contact, int(code[1]), early_help_declined=early_help_declined_for(contact=contact)),
            rationale=f"On what the referrer and the checks told us: {outcome_wording(levels_of_need(), code)}")
        authorised_on = self._day(day, 1 if self.synth.chance(0.3) else 0)
        decision_authorise(manager=self.staff.manager, decision=decision, version=decision.version,
                           authorised_at=max(decided_at + timedelta(minutes=40), _at(authorised_on, 16)))
        return authorised_on

    # Children's social care

    def _social_care(self, episode: Episode, opened_on: date) -> None:
        episode_allocate(manager=self.staff.team_manager, episode=episode, worker=self.worker, version=episode.version,
                         allocated_at=_at(self._day(opened_on, 1), 11))
        discussion = episode.strategy_discussions.filter(held_at__isnull=True).first()
        if discussion is not None:
            self._strategy_discussion(episode, discussion, DISCUSSION_DECISIONS)
        else:
            self._assessment(episode, episode.assessments.get(submitted_on__isnull=True))

    def _assessment(self, episode: Episode, assessment: Assessment) -> None:
        self._maybe_overdue(clocks.assessment_due(episode.referral_date), "assessment")
        submitted = self._day(assessment.started_on, self._span(12, 44))
        outcome = self._choose("assessment", ASSESSMENT_OUTCOMES)
        factors = NO_FACTORS if outcome in CLOSING_OUTCOMES and self.synth.chance(0.4) else self.synth.pick(FACTORS)
        assessment_submit(user=self.worker, assessment=assessment, version=assessment.version, outcome=outcome,
                          analysis="The social worker's analysis of the child's needs, the risks and the family's "
                                   "strengths, with the child's wishes and feelings.",
                          factors=factors, submitted_on=submitted)
        assessment_authorise(manager=self.staff.team_manager, assessment=assessment, version=assessment.version,
                             authorised_on=self._day(submitted, 1))
        episode.refresh_from_db()
        if outcome == Assessment.Outcome.CIN_PLAN:
            self._cin_plan(episode, assessment.authorised_on)
        elif outcome == Assessment.Outcome.STRATEGY_DISCUSSION:
            self._strategy_discussion(episode, episode.strategy_discussions.get(held_at__isnull=True),
                                      DISCUSSION_AFTER_ASSESSMENT)
        elif outcome == Assessment.Outcome.EARLY_HELP:
            self._early_help(_offered(episode))
        else:
            self._maybe_referred_again(episode.closed_on)

    def _strategy_discussion(self, episode: Episode, discussion: StrategyDiscussion, decisions: dict) -> None:
        requested_on = timezone.localtime(discussion.requested_at).date()
        self._maybe_overdue(clocks.strategy_discussion_due(requested_on), "strategy_discussion")
        held_on = self._day(requested_on, self.synth.pick((0, 1, 1)))
        decision = StrategyDiscussion.Decision.JOINT_SECTION_47 if self._at_risk else self._choose("discussion", decisions)
        strategy_discussion_record(
            user=self.worker, discussion=discussion, version=discussion.version, held_at=_at(held_on, 14),
            participants=STRATEGY_AGENCIES, decision=decision,
            outcome="Police, social care, health and the school shared what they know and agreed the plan.")
        episode.refresh_from_db()
        if decision in (StrategyDiscussion.Decision.SECTION_47, StrategyDiscussion.Decision.JOINT_SECTION_47):
            self._section_47(episode, discussion.section_47_enquiry)
        elif decision == StrategyDiscussion.Decision.ASSESSMENT:
            self._assessment(episode, episode.assessments.get(submitted_on__isnull=True))
        elif decision == StrategyDiscussion.Decision.EARLY_HELP:
            self._early_help(_offered(episode))
        else:
            self._maybe_referred_again(episode.closed_on)

    def _section_47(self, episode: Episode, enquiry: Section47Enquiry) -> None:
        self._maybe_overdue(enquiry.due_on, "section_47")
        completed = self._day(enquiry.started_on, self._span(4, 14))
        outcome = Section47Enquiry.Outcome.CONFERENCE if self._at_risk else self._choose("enquiry", ENQUIRY_OUTCOMES)
        section_47_record(user=self.worker, enquiry=enquiry, version=enquiry.version, outcome=outcome,
                          completed_on=completed,
                          findings="The child was seen alone; parents, school and health were spoken to; "
                                   "police checks were made.")
        episode.refresh_from_db()
        if outcome == Section47Enquiry.Outcome.CONFERENCE:
            self._initial_conference(episode, enquiry.initial_conference, completed)
        elif outcome == Section47Enquiry.Outcome.NOT_AT_CONTINUING_RISK:
            self._cin_plan(episode, completed)
        else:
            self._close_if_open(episode, completed)

    def _initial_conference(self, episode: Episode, conference: InitialChildProtectionConference,
                            after: date) -> None:
        self._maybe_overdue(conference.due_on, "conference")
        late = self.synth.chance(0.12)  # some conferences are held after their 15 working days
        working_days = max(1, (self.synth.between(1, 6) if late else 0)
                           + working_days_between(after, conference.due_on) - self.synth.between(0, 3))
        held_on = self._day(after, working_days)
        no_plan = self._choose("conference", {"no_plan": NO_PLAN_AT_ICPC, "plan": 1 - NO_PLAN_AT_ICPC}) == "no_plan" \
            and not self._at_risk
        category = self.synth.weighted(CATEGORIES)
        initial_conference_record(
            user=self.chair, conference=conference, version=conference.version, held_on=held_on, chair=self.chair,
            attendees=CONFERENCE_AGENCIES, category=category,
            decision=InitialChildProtectionConference.Decision.NO_PLAN if no_plan
            else InitialChildProtectionConference.Decision.PLAN)
        episode.refresh_from_db()
        if no_plan:
            self._cin_plan(episode, held_on)
        else:
            self._plan_reviews(episode, conference.plan)

    def _plan_reviews(self, episode: Episode, plan: ChildProtectionPlan) -> None:
        first_of_returning = self.returning and not self.had_plan
        lasts = timedelta(days=self._span(*(FIRST_REVIEW_DAYS if first_of_returning else PLAN_DAYS)))
        while True:
            review = plan.reviews.get(held_on__isnull=True)
            self._maybe_overdue(review.due_on, "review")
            held_on = self._review_day(review.due_on)
            ending = held_on - plan.started_on >= lasts
            end_reason = ("" if not ending else ChildProtectionPlan.EndReason.STEP_DOWN_EARLY_HELP if first_of_returning
                          else self._choose("plan_end", PLAN_ENDS))
            review_conference_record(
                user=self.chair, review=review, version=review.version, held_on=held_on, chair=self.chair,
                attendees=CONFERENCE_AGENCIES[:4], end_reason=end_reason,
                decision=ReviewConference.Decision.END if ending else ReviewConference.Decision.CONTINUE)
            if ending:
                break
        self.had_plan = True
        episode.refresh_from_db()
        self._after_plan(episode, end_reason, held_on)

    def _review_day(self, due_on: date) -> date:
        """A review on or a few working days before its due day, never before today's chance to hold it."""
        if due_on > self.until:
            raise NotYet
        return add_working_days(due_on, -self.synth.between(0, 4))

    def _after_plan(self, episode: Episode, end_reason: str, ended_on: date) -> None:
        if end_reason == ChildProtectionPlan.EndReason.STEP_DOWN_CIN:
            self._cin_plan(episode, ended_on)
        elif end_reason != ChildProtectionPlan.EndReason.LOOKED_AFTER:  # in care, the episode stays open
            self._close(episode, ended_on, end_reason)

    def _cin_plan(self, episode: Episode, after: date) -> None:
        plan = cin_plan_start(manager=self.staff.team_manager, episode=episode, version=episode.version,
                              started_on=self._day(after, self.synth.between(0, 5)))
        lasts = timedelta(days=self._span(120, 330))
        reviewed = plan.started_on
        while (due := clocks.add_months(reviewed, plan.review_months)) - plan.started_on < lasts:
            self._maybe_overdue(due, "cin_plan_review")
            reviewed = self._review_day(due)
            cin_plan_review_record(user=self.worker, plan=plan, version=plan.version, held_on=reviewed)
        ended_on = self._day(reviewed, self._span(5, 30))
        reason = self._choose("cin_plan_end", CIN_PLAN_ENDS)
        cin_plan_end(manager=self.staff.team_manager, plan=plan, version=plan.version, ended_on=ended_on,
                     reason=reason)
        episode.refresh_from_db()
        self._close(episode, ended_on, reason)
        if reason == ChildInNeedPlan.EndReason.STEP_DOWN_EARLY_HELP:
            self._early_help(_offered(episode))

    def _close(self, episode: Episode, after: date, why: str) -> None:
        closed_on = self._day(after, self._span(1, 10))
        episode_close(manager=self.staff.team_manager, episode=episode, version=episode.version, closed_on=closed_on,
                      reason=EPISODE_CLOSURES.get(why, Episode.ClosureReason.SERVICES_CEASED))
        if why != "moved":
            self._maybe_referred_again(closed_on)

    def _close_if_open(self, episode: Episode, after: date) -> None:
        if episode.closed_on is None:
            self._close(episode, after, "")
        else:
            self._maybe_referred_again(episode.closed_on)

    def _maybe_referred_again(self, closed_on: date) -> None:
        returning, self.returning = self.returning, False
        if not (returning or self.synth.chance(SECOND_PLAN if self.had_plan else RE_REFERRED)):
            return
        day = closed_on + timedelta(days=self.synth.between(*(BACK_SOON_DAYS if self.had_plan else BACK_DAYS)))
        if day > self.until:
            raise NotYet
        self._refer(day, "L4.2b" if self.had_plan else self.synth.weighted(RE_REFERRAL_DECISIONS))

    # Early help

    def _early_help(self, offer: EarlyHelpOffer) -> None:
        self._maybe_overdue(add_working_days(offer.offered_on, LEAD_FOUND_WITHIN), "early_help")  # waiting for a lead
        answered = self._day(offer.offered_on, self.synth.between(1, LEAD_FOUND_WITHIN))
        accepted = self._choose("early_help_answer", {"accepted": 1 - EARLY_HELP_DECLINED, "declined": EARLY_HELP_DECLINED}) \
            == "accepted"
        early_help_offer_respond(user=self.lead, offer=offer, version=offer.version, accepted=accepted,
                                 responded_on=answered, lead_professional=self.lead if accepted else None)
        if not accepted:
            return
        completed = self._day(answered, self._span(10, 30))
        early_help_assessment_record(user=self.lead, offer=offer, version=offer.version, started_on=answered,
                                     completed_on=completed)
        met = completed
        for _ in range(self._span(1, 4)):
            met = self._day(met, self._span(20, 35))
            tac_meeting_record(user=self.lead, offer=offer, version=offer.version, held_on=met,
                               attendees=TAC_AGENCIES, notes="The family's plan reviewed with them.")
        self._early_help_end(offer, self._day(met, self._span(5, 20)))

    def _early_help_end(self, offer: EarlyHelpOffer, closed_on: date) -> None:
        reason = self._choose("early_help_end", EARLY_HELP_ENDS)
        early_help_close(user=self.lead, offer=offer, version=offer.version, closed_on=closed_on, reason=reason)
        if reason == EarlyHelpOffer.ClosureReason.STEPPED_UP:
            offer.refresh_from_db()
            episode = offer.stepped_up_to
            self._social_care(episode, closed_on)
