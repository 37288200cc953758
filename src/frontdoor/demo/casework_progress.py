"""The demo's children further along their journey, recorded through the casework services as the
pages would: assessments authorised (a child in need plan, no further action, early help),
strategy discussions held (no further action, an assessment, a section 47 enquiry), enquiries
completed, initial conferences held and plans reviewed, each step on the day its clock says when
that day has come. So the demo's census has every kind of record (issue 14); a quarter of each
kind is left for the social worker to do. Authorisations are dated the day the demo loads (the
service records them today); everything else on its own day.
"""
from datetime import date, datetime, time

from django.utils import timezone

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.models import (
    AbuseCategory, Assessment, ChildProtectionPlan, Episode, InitialChildProtectionConference, ReviewConference,
    Section47Enquiry, StrategyDiscussion,
)
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, initial_conference_record, review_conference_record, section_47_record,
    strategy_discussion_record,
)

ASSESSMENT_OUTCOMES = (Assessment.Outcome.CIN_PLAN, Assessment.Outcome.NO_FURTHER_ACTION,
                       Assessment.Outcome.CIN_PLAN, None)
DISCUSSION_DECISIONS = (StrategyDiscussion.Decision.SECTION_47, StrategyDiscussion.Decision.NO_FURTHER_ACTION,
                        StrategyDiscussion.Decision.JOINT_SECTION_47, StrategyDiscussion.Decision.ASSESSMENT)
FACTORS = (["3A", "16A"], ["4B"], ["2B", "17A"], ["21"], ["1B", "3A"], ["10A", "11A"], ["6B"], ["24A", "13A"])
CATEGORIES = (AbuseCategory.NEGLECT, AbuseCategory.EMOTIONAL, AbuseCategory.PHYSICAL, AbuseCategory.NEGLECT,
              AbuseCategory.SEXUAL, AbuseCategory.MULTIPLE)
AGENCIES = [{"agency": agency, "by_phone": agency == "Health"} for agency in ("Police", "Children's social care", "Health")]
REVIEW_EARLY = (5, 3)  # weeks after the conference before: the first review, the second
ATTENDED = ["Police", "Health", "Children's social care", "School"]


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


class Progress:
    def __init__(self, *, today: date, worker, manager, chair):
        self.today = min(today, timezone.localdate())
        self.worker, self.manager, self.chair = worker, manager, chair

    def run(self) -> None:
        episodes = Episode.objects.filter(closed_on__isnull=True).order_by("referral_date", "pk")
        for n, episode in enumerate(episodes):
            self._assessment(episode, n)
            self._discussion(episode, n)

    def _assessment(self, episode: Episode, n: int) -> None:
        assessment = episode.assessments.filter(submitted_on__isnull=True).first()
        outcome = ASSESSMENT_OUTCOMES[n % len(ASSESSMENT_OUTCOMES)]
        if assessment is None or outcome is None or add_working_days(assessment.started_on, 20) > self.today:
            return
        assessment_submit(user=self.worker, assessment=assessment, version=assessment.version,
                          analysis="The social worker's analysis of the child's needs and the family's strengths.",
                          factors=FACTORS[n % len(FACTORS)], outcome=outcome)
        assessment.refresh_from_db()
        assessment_authorise(manager=self.manager, assessment=assessment, version=assessment.version)

    def _discussion(self, episode: Episode, n: int) -> None:
        discussion = episode.strategy_discussions.filter(held_at__isnull=True).first()
        if discussion is None or n % 5 == 4:
            return
        held_on = add_working_days(episode.referral_date, 1)
        if held_on > self.today:
            return
        decision = DISCUSSION_DECISIONS[n % len(DISCUSSION_DECISIONS)]
        strategy_discussion_record(user=self.worker, discussion=discussion, version=discussion.version,
                                   held_at=_at(held_on), participants=AGENCIES, decision=decision,
                                   outcome="Police, social care and health shared what they know.")
        enquiry = Section47Enquiry.objects.filter(strategy_discussion=discussion).first()
        if enquiry is not None:
            self._enquiry(enquiry, n)

    def _enquiry(self, enquiry: Section47Enquiry, n: int) -> None:
        completed_on = add_working_days(enquiry.started_on, 10)
        if completed_on > self.today:
            return
        outcome = Section47Enquiry.Outcome.NOT_SUBSTANTIATED if n % 3 == 2 else Section47Enquiry.Outcome.CONFERENCE
        section_47_record(user=self.worker, enquiry=enquiry, version=enquiry.version, outcome=outcome,
                          findings="What the enquiry found, from the child, the family and the agencies.",
                          completed_on=completed_on)
        conference = InitialChildProtectionConference.objects.filter(section_47=enquiry).first()
        if conference is not None and conference.due_on <= self.today:
            initial_conference_record(user=self.chair, conference=conference, version=conference.version,
                                      held_on=conference.due_on, chair=self.chair, attendees=ATTENDED,
                                      decision=InitialChildProtectionConference.Decision.PLAN,
                                      category=CATEGORIES[n % len(CATEGORIES)])
            plan = ChildProtectionPlan.objects.filter(initial_conference=conference).first()
            if plan is not None:
                self._reviews(plan)

    def _reviews(self, plan: ChildProtectionPlan) -> None:
        """Reviews until today, each by its due day and sooner when the plan is going well (the demo's
        referrals span weeks, not the months of a plan); the second ends it, stepped down to child in need."""
        last = plan.started_on
        for number, weeks_after in ((1, REVIEW_EARLY[0]), (2, REVIEW_EARLY[1])):
            review = ReviewConference.objects.filter(plan=plan, held_on__isnull=True).first()
            held_on = review and min(review.due_on, add_working_days(last, weeks_after * 5))
            if review is None or held_on > self.today:
                return
            ending, last = number == 2, held_on
            review_conference_record(
                user=self.chair, review=review, version=review.version, held_on=held_on, chair=self.chair,
                attendees=ATTENDED, decision=ReviewConference.Decision.END if ending else ReviewConference.Decision.CONTINUE,
                end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN if ending else "")


