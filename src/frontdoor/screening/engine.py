"""The screening engine: runs a tool definition (data) against facts, history and a narrative.

Plain Python with no Django and nothing else of the project, so unit tests run in milliseconds
and the same suggestion comes out of the console, the API and the triage queue. The software
suggests; a named person decides (DESIGN.md, "Professional judgement decides").
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from frontdoor.screening.conditions import Context, holds, unique
from frontdoor.screening.facts import (
    ScreeningInputError,
    history_measures,
    parse_datetime,
    structured_evidence,
    value_at,
)
from frontdoor.screening.text import says, scan
from frontdoor.screening.tools import FACTOR_KINDS, Tool, ToolNotFound, load_tool

__all__ = [
    "Finding", "ScreeningInputError", "Suggestion", "Tool", "ToolNotFound", "Uncertainty", "evaluate",
    "load_tool", "scan_narrative",
]

SOURCES = ("structured", "history", "narrative")
_UNSURE_NOTE = "Unsure between {lower} and {higher}, so the higher grade is suggested"


@dataclass(frozen=True)
class Finding:
    """One piece of evidence for one factor. For the narrative, start/end are character
    offsets and narrative[start:end] == evidence; for other sources they are None."""

    id: str
    source: str
    evidence: str
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "evidence": self.evidence,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Uncertainty:
    """The tool is unsure between two grades; it suggests the higher and says why."""

    lower: str
    higher: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"grades": [self.lower, self.higher], "reason": self.reason}


@dataclass(frozen=True)
class Suggestion:
    tool_id: str
    tool_version: str
    suggested_grade: str | None
    indicators: tuple[Finding, ...]
    risk_factors: tuple[Finding, ...]
    protective_factors: tuple[Finding, ...]
    explanation: tuple[str, ...]
    uncertain_between: Uncertainty | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, as the console command and the API return it."""
        return {
            "tool_id": self.tool_id,
            "tool_version": self.tool_version,
            "suggested_grade": self.suggested_grade,
            "indicators": [finding.as_dict() for finding in self.indicators],
            "risk_factors": [finding.as_dict() for finding in self.risk_factors],
            "protective_factors": [finding.as_dict() for finding in self.protective_factors],
            "explanation": list(self.explanation),
            "uncertain_between": self.uncertain_between.as_dict() if self.uncertain_between else None,
        }


def evaluate(
    tool: Tool,
    facts: Mapping[str, Any] | None = None,
    narrative: str = "",
    history: Sequence[Mapping[str, Any]] = (),
) -> Suggestion:
    """The tool's suggestion for one case, with every finding that supports it.

    Deterministic for a tool version: the same inputs always give the same suggestion.
    """
    facts = facts or {}
    measures = _measures(tool, facts, history)
    in_narrative = scan_narrative(tool, narrative, facts)
    findings = [
        *structured_findings(tool, facts, narrative_found={f.id for f in in_narrative}, narrative=narrative),
        *_history_findings(tool, facts, measures),
        *in_narrative,
    ]
    context = Context(factor_text=lambda fid: tool.factor(fid).text.rstrip("."),
                      measures=measures, facts=facts)
    for finding in findings:
        factor = tool.factor(finding.id)
        context.found.setdefault(finding.id, (factor.kind, factor.column))
    grade, explanation, uncertainty = _suggest(tool, context)
    by_kind = {kind: tuple(f for f in findings if tool.factor(f.id).kind == kind)
               for kind in FACTOR_KINDS.values()}
    return Suggestion(
        tool_id=tool.id,
        tool_version=tool.version,
        suggested_grade=grade,
        indicators=by_kind["indicator"],
        risk_factors=by_kind["risk_factor"],
        protective_factors=by_kind["protective_factor"],
        explanation=tuple(explanation),
        uncertain_between=uncertainty,
    )


def scan_narrative(tool: Tool, narrative: str, facts: Mapping[str, Any] | None = None) -> tuple[Finding, ...]:
    """Findings in free text, each with the exact words that triggered it. The given names of
    the people in `facts` are read as their roles (the tool's `narrative.names`)."""
    if tool.lexicon is None or not narrative:
        return ()
    return tuple(
        Finding(id=fid, source="narrative", evidence=narrative[start:end], start=start, end=end)
        for fid, start, end in scan(tool.lexicon, narrative, _names(tool, facts or {}),
                                    _year(facts or {}))
    )


def _year(facts: Mapping[str, Any]) -> int | None:
    occurred_at = facts.get("occurred_at")
    return parse_datetime(occurred_at, "occurred_at").year if occurred_at else None


def _names(tool: Tool, facts: Mapping[str, Any]) -> dict[str, list[str]]:
    """{stand-in: given names} from the people the tool's `narrative.names` points at."""
    names: dict[str, list[str]] = {}
    for path, stand_in in (tool.data.get("narrative") or {}).get("names", {}).items():
        people = value_at(facts, path)
        people = people if isinstance(people, list | tuple) else [people]
        names[stand_in] = [person.get("given_name") for person in people if isinstance(person, Mapping)]
    return names


def structured_findings(tool: Tool, facts: Mapping[str, Any], narrative_found: frozenset[str] | set[str] = frozenset(),
                        narrative: str = "") -> tuple[Finding, ...]:
    """Findings from structured fields, in the order the tool lists its factors and rules.

    A rule gives way to the officer's own words: with `unless_narrative_finds`, to findings (a
    child recorded as present whom the narrative says was asleep upstairs was in the home, not a
    witness); with `unless_narrative_says`, to patterns ("separated five years ago").
    """
    return tuple(
        Finding(id=raw["id"], source="structured", evidence=evidence)
        for raw in _factor_entries(tool)
        for rule in raw.get("structured", ())
        if not narrative_found & set(rule.get("unless_narrative_finds", ()))
        and not (rule.get("unless_narrative_says") and says(tool.lexicon, rule["unless_narrative_says"], narrative))
        for evidence in structured_evidence(rule, facts)
    )


def _history_findings(tool: Tool, facts: Mapping[str, Any], measures) -> tuple[Finding, ...]:
    if not measures:
        return ()
    context = Context(factor_text=lambda fid: tool.factor(fid).text, measures=measures,
                      facts=facts)
    findings = []
    for raw in _factor_entries(tool):
        if "history" in raw:
            ok, reasons = holds(raw["history"], context)
            if ok:
                findings.append(Finding(id=raw["id"], source="history",
                                        evidence="; ".join(unique(reasons))))
    return tuple(findings)


def _measures(tool: Tool, facts: Mapping[str, Any], history: Sequence[Mapping[str, Any]]):
    config = tool.data.get("history")
    if config is None:
        return {}
    occurred_at = facts.get("occurred_at")
    return history_measures(
        history,
        occurred_at=parse_datetime(occurred_at, "occurred_at") if occurred_at else None,
        current_grade=value_at(facts, config["current_grade_field"]),
        window_months=int(config["window_months"]),
        grade_order=config["grade_order"],
        frequency_rising_gap_ratio=float(config["frequency_rising_gap_ratio"]),
    )


def _suggest(tool: Tool, context: Context) -> tuple[str | None, list[str], Uncertainty | None]:
    """The grade the rules reach, why, and whether the last raise is one the tool is unsure of.

    A rule marked `unsure` raises on evidence the triage meeting weighs (seed 001: risk factors
    "the triage meeting will take into consideration"), so the suggestion names both grades and
    suggests the higher.
    """
    grading = tool.data.get("grading", {})
    summary = _summary(tool, context)
    if "grades" not in grading:
        return None, [grading.get("judgement_note", "This tool suggests no grade."), *summary], None
    missing = [path for path in grading.get("requires", ()) if value_at(context.facts, path) is None]
    if missing:
        return None, [f"No {', '.join(missing)} given, so no grade is suggested.", *summary], None
    grades = list(grading["grades"])
    grade, explanation, uncertainty = grades[0], [], None
    for rule in grading["rules"]:
        context.grade = grade
        ok, reasons = holds(rule["when"], context)
        if ok and grades.index(rule["raise_to"]) > grades.index(grade):
            because = _sentence(rule["because"], reasons)
            uncertainty = Uncertainty(grade, rule["raise_to"], because) if rule.get("unsure") else None
            grade = rule["raise_to"]
            explanation.append(because)
    if not explanation:
        explanation.append(_sentence(grading["otherwise"], []))
    if uncertainty:
        note = grading.get("unsure_note", _UNSURE_NOTE)
        explanation.append(_sentence(note.format(lower=uncertainty.lower, higher=uncertainty.higher), []))
    notes = [*summary, *_protective_note(grading, context), *_notes(tool, context)]
    return grade, [*explanation, *notes], uncertainty


def _summary(tool: Tool, context: Context) -> list[str]:
    if not tool.factors:
        return []
    counts = []
    for kind in FACTOR_KINDS.values():
        if any(factor.kind == kind for factor in tool.factors):
            number = sum(1 for found_kind, _ in context.found.values() if found_kind == kind)
            counts.append(f"{number} {kind.replace('_', ' ')}{'' if number == 1 else 's'}")
    return [f"Found {_and_list(counts)}."]


def _protective_note(grading: Mapping[str, Any], context: Context) -> list[str]:
    found = any(kind == "protective_factor" for kind, _ in context.found.values())
    return [_sentence(grading["protective_note"], [])] if found and "protective_note" in grading else []


def _notes(tool: Tool, context: Context) -> list[str]:
    return [_sentence(note["say"], []) for note in tool.data.get("notes", ())
            if holds(note["when"], context)[0]]


def _sentence(text: str, reasons: list[str]) -> str:
    text = text.rstrip(".")
    return f"{text}: {'; '.join(unique(reasons))}." if reasons else f"{text}."


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _factor_entries(tool: Tool):
    for section in FACTOR_KINDS:
        yield from tool.data.get(section, ())
