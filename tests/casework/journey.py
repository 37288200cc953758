"""Test helpers for the child's journey: the staff of a social work team, a Level 4 decision's
episode, and the child protection steps walked through the services to the one a test starts from."""
from datetime import date, timedelta

from django.utils import timezone

from frontdoor.casework.models import (
    AbuseCategory, ChildProtectionPlan, Episode, InitialChildProtectionConference, Section47Enquiry,
    StrategyDiscussion, Team,
)
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, initial_conference_record, review_conference_record, section_47_record, strategy_discussion_record,
)
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories

ALL_AGENCIES = [{"agency": a, "by_phone": False} for a in ("Police", "Children's social care", "Health")]


def team_staff():
    """(practitioner, manager, team_manager, worker): the Front Door and the team that receives referrals."""
    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    team_manager = factories.user(role="team_manager", agency_=practitioner.membership.agency, first="Jo", last="Reid")
    worker = factories.user(role="social_worker", agency_=practitioner.membership.agency, first="Kim", last="Ode")
    team = Team.objects.create(name="Assessment team", receives_referrals=True)
    team.members.add(team_manager, worker)
    return practitioner, manager, team_manager, worker


def decided(staff, *, level, codes, contact=None) -> ContactChild:
    """The child on a contact (a school's, unless given) whose decision (level, outcome codes) has been authorised."""
    practitioner, manager, *_ = staff
    contact = contact or factories.contact()
    child = ContactChild.objects.get(contact=contact)
    contact_child_link(user=practitioner, contact_child=child, person=factories.person())
    contact.refresh_from_db()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=level,
                               outcome_codes=codes, rationale="Needs social care.", social_worker_name="Sam Patel")
    decision_authorise(manager=manager, decision=decision, version=decision.version)
    child.refresh_from_db()
    return child


def authorised(staff, *, level, codes):
    return Episode.objects.get(contact_child=decided(staff, level=level, codes=codes))


def assessed(staff, *, outcome) -> Episode:
    """A Level 3 episode whose assessment the team manager authorised with `outcome`."""
    *_, team_manager, worker = staff
    episode = authorised(staff, level=3, codes=["L3.2"])
    assessment = episode.assessments.get()
    assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Analysis.",
                      factors=["21"], outcome=outcome)
    assessment_authorise(manager=team_manager, assessment=assessment, version=assessment.version)
    episode.refresh_from_db()
    return episode


def weekday_ago(days: int) -> date:
    """A weekday `days` or a little more before today, so that a conference could have been held on it."""
    day = timezone.localdate() - timedelta(days=days)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def enquiry_opened(staff, *, decision=StrategyDiscussion.Decision.SECTION_47, held_days_ago=40) -> Section47Enquiry:
    *_, worker = staff
    episode = authorised(staff, level=4, codes=["L4.2b"])
    discussion = episode.strategy_discussions.get()
    held_at = timezone.make_aware(timezone.datetime.combine(weekday_ago(held_days_ago), timezone.datetime.min.time()))
    strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version,
                               held_at=held_at.replace(hour=10), participants=ALL_AGENCIES, decision=decision, outcome="")
    return episode.section_47_enquiries.get()


def conference_scheduled(staff) -> InitialChildProtectionConference:
    *_, worker = staff
    enquiry = enquiry_opened(staff)
    section_47_record(user=worker, enquiry=enquiry, version=enquiry.version, findings="Bruising seen; neglect at home.",
                      outcome=Section47Enquiry.Outcome.CONFERENCE, completed_on=weekday_ago(35))
    return enquiry.initial_conference


def plan_started(staff, chair, *, held_on=None) -> ChildProtectionPlan:
    conference = conference_scheduled(staff)
    initial_conference_record(user=chair, conference=conference, version=conference.version,
                              held_on=held_on or weekday_ago(30), chair=chair, attendees=["Police", "Health"],
                              decision=InitialChildProtectionConference.Decision.PLAN, category=AbuseCategory.NEGLECT)
    return ChildProtectionPlan.objects.get(initial_conference=conference)


def review_held(review, chair, *, held_on, decision, end_reason=""):
    return review_conference_record(user=chair, review=review, version=review.version, held_on=held_on, chair=chair,
                                    attendees=["Children's social care", "Health"], decision=decision,
                                    end_reason=end_reason)
