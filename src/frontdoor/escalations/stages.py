"""Where an escalation stands in its route: plain stage definitions and outcomes in, plain answers out.

Pure. A route is the area's list of stages (settings.FRONTDOOR_ESCALATION_STAGES): each has a key, a
name, the working days it has, and who records its outcome. A stage that is not resolved goes to the
next; not resolved at the last, the escalation ends unresolved (for the partnership board to see).
"""
from collections.abc import Mapping, Sequence
from datetime import date

from frontdoor.casework.calendar import add_working_days

RESOLVED_OUTCOMES = ("upheld", "changed", "engaged")
ESCALATED = "escalated"
OPEN, RESOLVED, NOT_RESOLVED = "open", "resolved", "not_resolved"
DUE, OVERDUE = "due", "overdue"


def stage_due_on(stage: Mapping, *, started_on: date) -> date:
    return add_working_days(started_on, int(stage["working_days"]))


def next_stage(route: Sequence[Mapping], number: int) -> Mapping | None:
    """The stage after stage `number` (counted from 1), or None after the last."""
    return route[number] if number < len(route) else None


def result_after(route: Sequence[Mapping], *, number: int, outcome: str) -> str:
    """open (goes on to the next stage), resolved, or not_resolved (escalated past the last stage)."""
    if outcome in RESOLVED_OUTCOMES:
        return RESOLVED
    if outcome != ESCALATED:
        raise ValueError(f"Unknown outcome {outcome!r}")
    return OPEN if next_stage(route, number) is not None else NOT_RESOLVED


def stage_clock(due_on: date, *, today: date) -> str:
    return DUE if today <= due_on else OVERDUE
