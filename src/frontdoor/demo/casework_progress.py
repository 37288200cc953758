"""The demo's children further along their journey, besides the child protection path that
social_care.py walks: assessments authorised (a child in need plan, no further action, early
help) and strategy discussions held (no further action, or an assessment), recorded through the
casework services as the pages would, each when its day has come. So the demo's CIN census has
referrals with no further action, completed assessments, child in need plans (started by the team
manager) and closures with their reasons (issue 14); some of each are left for the social worker to
do. Authorisations are dated the day the demo loads (the service records them today); discussions on
their own day.
"""
from datetime import date, datetime, time

from django.utils import timezone

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.models import Assessment, Episode, StrategyDiscussion
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, cin_plan_start, strategy_discussion_record,
)

ASSESSMENT_OUTCOMES = (Assessment.Outcome.CIN_PLAN, Assessment.Outcome.NO_FURTHER_ACTION,
                       Assessment.Outcome.CIN_PLAN, Assessment.Outcome.EARLY_HELP, None)
DISCUSSION_DECISIONS = (StrategyDiscussion.Decision.NO_FURTHER_ACTION, StrategyDiscussion.Decision.ASSESSMENT, None)
FACTORS = (["3A", "16A"], ["4B"], ["2B", "17A"], ["1B", "3A"], ["10A", "11A"], ["6B"], ["24A", "13A"])
NO_FACTORS = ["21"]  # only with a closure after assessment (RC8, RC9): validator query 8873Q
CLOSING = {Assessment.Outcome.NO_FURTHER_ACTION, Assessment.Outcome.EARLY_HELP}
AGENCIES = [{"agency": agency, "by_phone": agency == "Health"} for agency in ("Police", "Children's social care", "Health")]


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


class Progress:
    def __init__(self, *, today: date, worker, manager):
        self.today = min(today, timezone.localdate())
        self.worker, self.manager = worker, manager

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
                          factors=NO_FACTORS if outcome in CLOSING and n % 2 else FACTORS[n % len(FACTORS)],
                          outcome=outcome)
        assessment.refresh_from_db()
        assessment_authorise(manager=self.manager, assessment=assessment, version=assessment.version)
        if outcome == Assessment.Outcome.CIN_PLAN:  # the team manager starts the plan the assessment decided on
            episode.refresh_from_db()
            cin_plan_start(manager=self.manager, episode=episode, version=episode.version,
                           started_on=assessment.authorised_on)

    def _discussion(self, episode: Episode, n: int) -> None:
        discussion = episode.strategy_discussions.filter(held_at__isnull=True).first()
        decision = DISCUSSION_DECISIONS[n % len(DISCUSSION_DECISIONS)]
        held_on = add_working_days(episode.referral_date, 1)
        if discussion is None or decision is None or held_on > self.today:
            return
        strategy_discussion_record(user=self.worker, discussion=discussion, version=discussion.version,
                                   held_at=_at(held_on), participants=AGENCIES, decision=decision,
                                   outcome="Police, social care and health shared what they know.")
