"""Children's journeys for the census tests, recorded through the casework services as the pages do,
from a referral some days ago to what followed it."""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.casework.models import (
    AbuseCategory, Assessment, ChildProtectionPlan, Episode, InitialChildProtectionConference, ReviewConference,
    Section47Enquiry, StrategyDiscussion, Team,
)
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, cin_plan_start, episodes_start_for_contact, initial_conference_record,
    review_conference_record, section_47_record, strategy_discussion_record,
)
from frontdoor.intake.models import ContactChild
from frontdoor.people.models import Person
from frontdoor.people.services import contact_child_link
from tests import factories

ALL_AGENCIES = [{"agency": a, "by_phone": False} for a in ("Police", "Children's social care", "Health")]


@dataclass(frozen=True)
class Staff:
    practitioner: object
    manager: object
    team_manager: object
    worker: object
    chair: object

    @classmethod
    def make(cls) -> "Staff":
        practitioner = factories.user(role="practitioner")
        agency = practitioner.membership.agency
        staff = cls(practitioner, factories.user(role="manager", agency_=agency),
                    factories.user(role="team_manager", agency_=agency), factories.user(role="social_worker", agency_=agency),
                    factories.user(role="conference_chair", agency_=agency))
        Team.objects.create(name="Assessment team", receives_referrals=True).members.add(staff.team_manager, staff.worker)
        return staff


def weekday_ago(days: int) -> date:
    day = timezone.localdate() - timedelta(days=days)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def referred(staff: Staff, *, level: int, days_ago: int, given_name: str, **census) -> Episode:
    """A front-door decision's referral of one child `days_ago` before today (the service the
    decision calls, without the decision's letter); the child's census details set."""
    contact = factories.contact()
    child = ContactChild.objects.get(contact=contact)
    person = factories.person(given_name=given_name, family_name="Census")
    Person.objects.filter(pk=person.pk).update(**{"ethnicity": "WBRI", "disabilities": ["NONE"], **census})
    contact_child_link(user=staff.practitioner, contact_child=child, person=person)
    steps = {"social_work_assessment"} if level == 3 else {"strategy_discussion"}
    [episode] = episodes_start_for_contact(contact=contact, next_steps=steps, referral_date=weekday_ago(days_ago),
                                           user=staff.manager)
    return episode


def discussed(staff: Staff, episode: Episode, *, days_ago: int, decision: str) -> StrategyDiscussion:
    discussion = episode.strategy_discussions.filter(held_at__isnull=True).get()
    return strategy_discussion_record(user=staff.worker, discussion=discussion, version=discussion.version,
                                      held_at=_at(weekday_ago(days_ago)), participants=ALL_AGENCIES,
                                      decision=decision, outcome="")


def assessed(staff: Staff, episode: Episode, *, factors: list[str], outcome: str) -> Assessment:
    assessment = episode.assessments.get()
    assessment_submit(user=staff.worker, assessment=assessment, version=assessment.version, analysis="Analysis.",
                      factors=factors, outcome=outcome)
    return assessment_authorise(manager=staff.team_manager, assessment=assessment, version=assessment.version)


def nfa_child(staff: Staff, **census) -> Episode:
    """Referred, and the strategy discussion decided no further action: closed with nothing done."""
    episode = referred(staff, level=4, days_ago=12, given_name="Nora", **census)
    discussed(staff, episode, days_ago=11, decision=StrategyDiscussion.Decision.NO_FURTHER_ACTION)
    return episode


def cin_plan_child(staff: Staff, **census) -> Episode:
    """Referred, assessed with two factors, and the team manager's child in need plan open from the authorisation."""
    episode = referred(staff, level=3, days_ago=40, given_name="Cai", **census)
    assessment = assessed(staff, episode, factors=["4B", "6B"], outcome=Assessment.Outcome.CIN_PLAN)
    episode.refresh_from_db()
    cin_plan_start(manager=staff.team_manager, episode=episode, version=episode.version,
                   started_on=assessment.authorised_on)
    return episode


def protection_plan_child(staff: Staff, **census) -> ChildProtectionPlan:
    """Police referral, strategy discussion, section 47, initial conference, a plan reviewed twice and ended."""
    episode = referred(staff, level=4, days_ago=120, given_name="Priya", **census)
    discussed(staff, episode, days_ago=118, decision=StrategyDiscussion.Decision.SECTION_47)
    enquiry = Section47Enquiry.objects.get(episode=episode)
    section_47_record(user=staff.worker, enquiry=enquiry, version=enquiry.version, findings="Neglect.",
                      outcome=Section47Enquiry.Outcome.CONFERENCE, completed_on=weekday_ago(110))
    conference = InitialChildProtectionConference.objects.get(section_47=enquiry)
    initial_conference_record(user=staff.chair, conference=conference, version=conference.version,
                              held_on=weekday_ago(105), chair=staff.chair, attendees=["Police", "Health"],
                              decision=InitialChildProtectionConference.Decision.PLAN, category=AbuseCategory.NEGLECT)
    plan = ChildProtectionPlan.objects.get(initial_conference=conference)
    for days_ago, decision in ((50, ReviewConference.Decision.CONTINUE), (10, ReviewConference.Decision.END)):
        review = plan.reviews.get(held_on__isnull=True)
        review_conference_record(user=staff.chair, review=review, version=review.version, held_on=weekday_ago(days_ago),
                                 chair=staff.chair, attendees=["Health"], decision=decision,
                                 end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN)
    return ChildProtectionPlan.objects.get(pk=plan.pk)


def protection_dated(plan: ChildProtectionPlan, *, referral: date, s47: date, icpc: date, ended: date | None) -> None:
    """Moves a recorded protection journey to fixed dates so the working days can be worked by hand; the
    enquiry completes on the conference's day and no review has been held."""
    episode = plan.episode
    Episode.objects.filter(pk=episode.pk).update(referral_date=referral)
    Section47Enquiry.objects.filter(episode=episode).update(started_on=s47, completed_on=icpc)
    InitialChildProtectionConference.objects.filter(episode=episode).update(held_on=icpc)
    ChildProtectionPlan.objects.filter(pk=plan.pk).update(started_on=icpc, ended_on=ended,
                                                          end_reason=plan.end_reason if ended else "")
    plan.reviews.update(held_on=None)


def assessment_dated(episode: Episode, *, referral: date, started: date, authorised: date) -> None:
    """Moves a recorded assessment (and the child in need plan it led to) to fixed dates."""
    Episode.objects.filter(pk=episode.pk).update(referral_date=referral)
    Assessment.objects.filter(episode=episode).update(started_on=started, authorised_on=authorised)
    episode.cin_plans.update(started_on=authorised)
