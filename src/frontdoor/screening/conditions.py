"""The small condition language that tool definitions use for grading rules, history-derived
findings and notes. A condition is a YAML mapping with one of these shapes:

    {column: high}                          an indicator of that column was found
    {column: [targeted, high], of: risk_factors}   a factor of that kind listed in one of those columns
    {found: rf_x} {found_all: [..]} {found_any: [..]}
    {count: risk_factors, at_least: 2}      distinct ids of one kind (indicators, risk_factors, ...)
    {grade: medium}                         the grade suggested so far
    {measure: prior_in_window, at_least: 3} a history measure (at_least / at_most, or truthy)
    {fact: dash_level, equals: high}        a field of the facts (dotted path)
    {all: [..]} {any: [..]} {not: {..}}

Evaluating one returns whether it holds and the plain-English reasons why, so every suggestion
can say which evidence moved it.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontdoor.screening.facts import Measure, value_at

KINDS = {"indicators": "indicator", "risk_factors": "risk_factor",
         "protective_factors": "protective_factor"}


@dataclass
class Context:
    """What a condition can look at. `found` maps a factor id to its kind and column."""

    factor_text: Callable[[str], str]
    found: dict[str, tuple[str, str]] = field(default_factory=dict)
    grade: str | None = None
    measures: Mapping[str, Measure] = field(default_factory=dict)
    facts: Mapping[str, Any] = field(default_factory=dict)


def holds(condition: Mapping[str, Any], context: Context) -> tuple[bool, list[str]]:
    """Whether `condition` holds in `context`, and the reasons if it does."""
    for key, evaluate in _EVALUATORS.items():
        if key in condition:
            return evaluate(condition, context)
    raise ValueError(f"Unknown condition {dict(condition)!r}")


def referenced_ids(condition: Any) -> set[str]:
    """Factor ids a condition names, so a tool definition can be checked when it is loaded."""
    if not isinstance(condition, Mapping):
        return set()
    ids = set()
    if "found" in condition:
        ids.add(condition["found"])
    for key in ("found_all", "found_any"):
        ids.update(condition.get(key, ()))
    for key in ("all", "any"):
        for child in condition.get(key, ()):
            ids |= referenced_ids(child)
    return ids | referenced_ids(condition.get("not"))


def _column(condition, context):
    columns = [condition["column"]] if isinstance(condition["column"], str) else condition["column"]
    wanted = KINDS[condition.get("of", "indicators")]
    ids = [fid for fid, (kind, column) in context.found.items() if kind == wanted and column in columns]
    return bool(ids), [context.factor_text(fid) for fid in ids]


def _found(condition, context):
    fid = condition["found"]
    return fid in context.found, [context.factor_text(fid)]


def _found_all(condition, context):
    ids = condition["found_all"]
    return all(fid in context.found for fid in ids), [context.factor_text(fid) for fid in ids]


def _found_any(condition, context):
    ids = [fid for fid in condition["found_any"] if fid in context.found]
    return bool(ids), [context.factor_text(fid) for fid in ids]


def _count(condition, context):
    kind = KINDS[condition["count"]]
    ids = [fid for fid, (found_kind, _) in context.found.items() if found_kind == kind]
    return _compare(len(ids), condition), [context.factor_text(fid) for fid in ids]


def _grade(condition, context):
    return context.grade == condition["grade"], []


def _measure(condition, context):
    measure = context.measures[condition["measure"]]
    return _compare(measure.value, condition), [measure.description]


def _fact(condition, context):
    value = value_at(context.facts, condition["fact"])
    ok = value == condition["equals"]
    return ok, [f"{condition['fact']} is {value}"]


def _all(condition, context):
    reasons: list[str] = []
    for child in condition["all"]:
        ok, child_reasons = holds(child, context)
        if not ok:
            return False, []
        reasons += child_reasons
    return True, reasons


def _any(condition, context):
    results = [holds(child, context) for child in condition["any"]]
    reasons = [reason for ok, child_reasons in results if ok for reason in child_reasons]
    return any(ok for ok, _ in results), reasons


def _not(condition, context):
    ok, _ = holds(condition["not"], context)
    return not ok, []


def _compare(value: Any, condition: Mapping[str, Any]) -> bool:
    if "at_least" in condition and value < condition["at_least"]:
        return False
    if "at_most" in condition and value > condition["at_most"]:
        return False
    return bool(value) if not ({"at_least", "at_most"} & condition.keys()) else True


_EVALUATORS: dict[str, Callable[[Mapping, Context], tuple[bool, list[str]]]] = {
    "column": _column, "found": _found, "found_all": _found_all, "found_any": _found_any,
    "count": _count, "grade": _grade, "measure": _measure, "fact": _fact,
    "all": _all, "any": _any, "not": _not,
}


def unique(reasons: Sequence[str]) -> list[str]:
    """Reasons in first-seen order without repeats."""
    return list(dict.fromkeys(reasons))
