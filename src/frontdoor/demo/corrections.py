"""A few recorded triage outcomes corrected after the meeting, as members do from the meeting page.

Each goes through `meeting_outcome_correct`, so the earlier version is kept with who corrected it
and why, and each school already told of a grade or actions that changed is sent an update its
designated safeguarding lead must acknowledge by the next school day. One correction is about a
child at the demo DSL's school (teacher@demo.test), so that the DSL's list shows an updated
notification to acknowledge and the ISCO's monitoring shows the update waiting.
"""
import random
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import add_working_days
from frontdoor.triage.meetings import ActionDraft, meeting_outcome_correct
from frontdoor.triage.models import Grade, MeetingOutcome, SchoolNotification

from .area import DEMO_PRIMARY

RAISED = ("Health shared after the meeting that the child is on a child protection plan in another area: "
          "raised to high, and the social worker to speak to the other area's social worker")
SCHOOL_ACTION_ADDED = ("Probation shared after the meeting that the perpetrator's licence conditions bar him "
                       "from the family home: the school to tell the social worker if he is seen collecting "
                       "the children")
LOWERED = ("Police confirmed after the meeting that the perpetrator has been remanded in custody: lowered to "
           "medium, with an early help offer to the family")
VISIT_MOVED = ("The family are staying with relatives until the end of the week: the social worker's visit "
               "moved to when they are home")


@dataclass(frozen=True)
class Correction:
    final_grade: str
    decision: str
    actions: list[ActionDraft]
    reason: str
    by: str  # the member who corrects it


def load_demo_corrections(*, seed: int, today: date) -> list[MeetingOutcome]:
    """Correct a few outcomes of past meetings: one for a child at the demo DSL's school, one at another
    school and, when there is one, one for an incident with no school told. Returns the corrected outcomes."""
    rng = random.Random(seed)
    outcomes = list(
        MeetingOutcome.objects.filter(meeting__date__lt=today)
        .select_related("notification", "meeting")
        .annotate(at_dsl_school=Exists(SchoolNotification.objects.filter(
            notification=OuterRef("notification"), school__name=DEMO_PRIMARY)),
            schools_told=Exists(SchoolNotification.objects.filter(notification=OuterRef("notification"))),
            dsl_acknowledged=Exists(SchoolNotification.objects.filter(
                notification=OuterRef("notification"), school__name=DEMO_PRIMARY,
                status=SchoolNotification.Status.ACKNOWLEDGED)))
        .order_by("meeting__date", "notification__received_at", "notification__police_reference")
    )
    # The DSL's: preferably one whose first notification the school has acknowledged, from the latest
    # meeting, so the update is what waits; then any other school, and an incident no school was told of.
    at_dsl_school = sorted((o for o in outcomes if o.at_dsl_school), key=lambda o: o.dsl_acknowledged)
    elsewhere = [o for o in outcomes if o.schools_told and not o.at_dsl_school]
    no_school = [o for o in outcomes if not o.schools_told]
    chosen = [at_dsl_school[-1]] if at_dsl_school else []
    if elsewhere:
        high = [o for o in elsewhere if o.final_grade == Grade.HIGH]
        chosen.append(rng.choice(high or elsewhere))
    if no_school:
        chosen.append(rng.choice(no_school))
    users = get_user_model().objects
    corrected = []
    for outcome in chosen:
        correction = _correction(outcome, today)
        corrected.append(meeting_outcome_correct(
            user=users.get(username=correction.by), outcome=outcome, final_grade=correction.final_grade,
            decision=correction.decision, notes=outcome.notes, actions=correction.actions,
            reason=correction.reason, version=outcome.version,
        ))
    return corrected


def _correction(outcome: MeetingOutcome, today: date) -> Correction:
    """What the meeting learnt afterwards, by the incident's grade and whether a school was told."""
    kept = [ActionDraft(description=a.description, owner_agency=a.owner_agency, due_date=a.due_date, action_id=a.pk)
            for a in outcome.actions.select_related("owner_agency").order_by("pk")]
    school = next((child.school for child in outcome.notification.children.select_related("school")
                   if child.school_id), None)
    soon = add_working_days(today, 2)
    if outcome.final_grade == Grade.MEDIUM and school is not None:
        police = Agency.objects.filter(kind=Agency.Kind.POLICE).order_by("name").first()
        actions = [*kept, ActionDraft(description="Police to check bail conditions and share the DASH",
                                      owner_agency=police, due_date=add_working_days(today, 1))]
        return Correction(Grade.HIGH, MeetingOutcome.Decision.SOCIAL_WORK_ASSESSMENT, actions, RAISED,
                          by="health.triage@demo.test")
    if outcome.at_dsl_school:
        dsl_school = Agency.objects.get(kind=Agency.Kind.SCHOOL, name=DEMO_PRIMARY)
        actions = [*kept, ActionDraft(
            description="Designated safeguarding lead to tell the social worker at once if the perpetrator is "
                        "seen collecting the children", owner_agency=dsl_school, due_date=soon)]
        return Correction(outcome.final_grade, outcome.decision, actions, SCHOOL_ACTION_ADDED,
                          by="probation.triage@demo.test")
    if outcome.final_grade == Grade.HIGH and school is not None:
        actions = [a for a in kept if not a.description.startswith("Police to check bail")]
        return Correction(Grade.MEDIUM, MeetingOutcome.Decision.EARLY_HELP_OFFER, actions, LOWERED,
                          by="police.triage@demo.test")
    actions = [ActionDraft(description=a.description, owner_agency=a.owner_agency, due_date=soon,
                           action_id=a.action_id) if a.description.startswith("Social worker") else a for a in kept]
    return Correction(outcome.final_grade, outcome.decision, actions, VISIT_MOVED,
                      by="police.triage@demo.test")
