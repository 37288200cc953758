"""Every read of escalations that the pages share, with the access check, and the figures."""
import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.csv_cells import spreadsheet_safe
from frontdoor.escalations import stages
from frontdoor.escalations.models import Escalation, StageRecord
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.intake.models import ContactChild
from frontdoor.people.restrictions import persons_hidden_from, refused_attempts_record


def escalations_visible_to(*, user) -> QuerySet:
    """The Front Door sees every escalation; anyone else sees those they raised. One about a contact naming
    a restricted child, only the people the restriction names."""
    escalations = Escalation.objects.select_related("contact", "raised_by").prefetch_related("stages").exclude(
        contact__children__person__in=persons_hidden_from(user=user))
    membership = getattr(user, "membership", None)
    if membership is None:
        return escalations.none()
    return escalations if membership.is_front_door else escalations.filter(raised_by=user)


def escalation_get_for(*, user, escalation_id, reason: str) -> Escalation:
    escalation = escalations_visible_to(user=user).filter(pk=escalation_id).first()
    if escalation is None:
        refused_attempts_record(user=user, reason=reason, person_ids=ContactChild.objects.filter(
            contact__escalations__pk=escalation_id, person__isnull=False).values_list("person_id", flat=True))
        raise Http404
    access_log_record(user=user, target=escalation.contact, reason=reason)
    return escalation


@dataclass(frozen=True)
class EscalationRow:
    escalation: Escalation
    stage: StageRecord | None
    clock: str


def current_stage(escalation: Escalation) -> StageRecord | None:
    return next((s for s in escalation.stages.all() if not s.outcome), None)


def escalation_row(escalation: Escalation, *, today: date) -> EscalationRow:
    stage = current_stage(escalation)
    return EscalationRow(escalation, stage, stage and stages.stage_clock(stage.due_on, today=today) or "")


def escalation_list(*, user, open_only: bool = True) -> list[EscalationRow]:
    """Open escalations, the soonest due first (the overdue first of all); each contact shown is logged."""
    escalations = escalations_visible_to(user=user).order_by("raised_at")
    if open_only:
        escalations = escalations.filter(result=Escalation.Result.OPEN)
    today = timezone.localdate()
    rows = [escalation_row(e, today=today) for e in escalations]
    access_log_record_many(user=user, targets=[r.escalation.contact for r in rows], reason="Escalations list")
    return sorted(rows, key=lambda r: (r.stage is None, r.stage and r.stage.due_on, r.escalation.raised_at))


def contact_escalations(*, user, contact) -> list[Escalation]:
    """The escalations about one contact this user may see (the contact page has logged the read)."""
    return list(escalations_visible_to(user=user).filter(contact=contact).order_by("raised_at"))


@dataclass(frozen=True)
class EscalationFigures:
    first_day: date
    last_day: date
    raised: int
    by_kind: list[tuple[str, int]]
    by_result: list[tuple[str, int]]
    by_stage_reached: list[tuple[str, int]]
    stage_outcomes: list[tuple[str, str, int]]
    non_engagement_by_service: list[tuple[str, int]]


def escalation_figures(*, first_day: date, last_day: date) -> EscalationFigures:
    """Escalations raised in the period: how many, by kind, by result, by the furthest stage reached, each
    stage's outcomes, and non-engagement by service (seed 002 counts the CAMHS cases escalated)."""
    raised = list(Escalation.objects.filter(raised_at__date__gte=first_day, raised_at__date__lte=last_day)
                  .prefetch_related("stages"))
    kinds, results = dict(Escalation.Kind.choices), dict(Escalation.Result.choices)
    outcomes = dict(StageRecord.Outcome.choices)
    reached = Counter(f"{e.get_kind_display()}: {list(e.stages.all())[-1].stage_name}" for e in raised if e.stages.all())
    stage_outcomes = Counter((f"{kinds[e.kind]}: {s.stage_name}", outcomes[s.outcome])
                             for e in raised for s in e.stages.all() if s.outcome)
    return EscalationFigures(
        first_day=first_day, last_day=last_day, raised=len(raised),
        by_kind=[(label, sum(1 for e in raised if e.kind == key)) for key, label in kinds.items()],
        by_result=[(label, sum(1 for e in raised if e.result == key)) for key, label in results.items()],
        by_stage_reached=sorted(reached.items()),
        stage_outcomes=[(stage, outcome, n) for (stage, outcome), n in sorted(stage_outcomes.items())],
        non_engagement_by_service=sorted(Counter(e.service for e in raised
                                                 if e.kind == Escalation.Kind.NON_ENGAGEMENT).items()),
    )


def escalation_figures_csv(figures: EscalationFigures) -> str:
    """One row per figure: section, item, count."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("section", "item", "count"))
    writer.writerow(("escalations", "raised", figures.raised))
    for section, rows in (("by kind", figures.by_kind), ("by result", figures.by_result),
                          ("by furthest stage reached", figures.by_stage_reached),
                          ("non-engagement by service", figures.non_engagement_by_service)):
        writer.writerows((section, spreadsheet_safe(item), count) for item, count in rows)
    writer.writerows((spreadsheet_safe(f"outcomes at {stage}"), outcome, n) for stage, outcome, n in figures.stage_outcomes)
    return out.getvalue()
