"""Evidence from structured fields and from incident history, as tool definitions describe it.

Structured rules (a factor's `structured:` list) read one field, or one field of each item of a
list, and say what they saw:

    {field: victim.pregnant, is: true, says: "Victim recorded as pregnant"}
    {each: children, field: present, is: true, says: "{given_name} {family_name} recorded as present"}
    {each: children, field: dob, younger_than_months: 12, says: "..."}  (age at facts.occurred_at)
    {each: offences, matches: 'bodily\\s+harm', says: "Offence recorded: {value}"}

History measures are computed here once, and conditions in the tool decide what they mean.
"""
from __future__ import annotations

import calendar
import functools
import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any


class ScreeningInputError(ValueError):
    """Facts, history or a notification that cannot be screened; the message says why."""


@dataclass(frozen=True)
class Measure:
    value: Any
    description: str


@dataclass(frozen=True)
class PriorIncident:
    at: datetime
    grade: str | None
    summary: str


def value_at(data: Any, path: str) -> Any:
    """The value at a dotted path ("victim.pregnant"), or None where any step is missing."""
    for key in path.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def structured_evidence(rule: Mapping[str, Any], facts: Mapping[str, Any]) -> Iterator[str]:
    """One evidence sentence for each place in `facts` where the rule holds."""
    if "each" not in rule:
        value = value_at(facts, rule["field"])
        if _rule_holds(rule, value, facts):
            yield _say(rule, facts, value)
        return
    items = value_at(facts, rule["each"])
    for item in items if isinstance(items, list | tuple) else ():
        value = value_at(item, rule["field"]) if "field" in rule else item
        if _rule_holds(rule, value, facts):
            yield _say(rule, item, value)


def history_measures(
    history: Sequence[Mapping[str, Any]],
    *,
    occurred_at: datetime | None,
    current_grade: str | None,
    window_months: int,
    grade_order: Sequence[str],
    frequency_rising_gap_ratio: float,
) -> dict[str, Measure]:
    """Counts and trends of the incidents before this one, each with a sentence saying so."""
    incidents = [_prior_incident(raw, index) for index, raw in enumerate(history, 1)]
    if incidents and occurred_at is None:
        raise ScreeningInputError("occurred_at is needed to place the incident history in time")
    prior = sorted((i for i in incidents if i.at < occurred_at), key=lambda i: i.at) if incidents else []
    window_start = months_before(occurred_at, window_months) if occurred_at else None
    in_window = [i for i in prior if i.at >= window_start] if window_start else []
    when = f"{window_months} months before {occurred_at:%d %B %Y}" if occurred_at else ""
    return {
        "prior_total": Measure(len(prior), f"{_count(prior)} before this one{_listing(prior)}"),
        "prior_in_window": Measure(len(in_window),
                                   f"{_count(in_window)} in the {when}{_listing(in_window)}"),
        "frequency_rising": _frequency_rising(prior, occurred_at, frequency_rising_gap_ratio),
        "severity_rising": _severity_rising(prior, current_grade, grade_order),
    }


def parse_datetime(value: Any, what: str) -> datetime:
    """An ISO 8601 date or datetime as a naive UTC datetime (naive input is taken as it is)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise ScreeningInputError(f"{what} must be an ISO 8601 date or datetime, not {value!r}") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def months_before(moment: datetime, months: int) -> datetime:
    year, month_index = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month_index + 1)[1])
    return moment.replace(year=year, month=month_index + 1, day=day)


def whole_months_between(born: date, on: date) -> int:
    return (on.year - born.year) * 12 + on.month - born.month - (on.day < born.day)


def _rule_holds(rule: Mapping[str, Any], value: Any, facts: Mapping[str, Any]) -> bool:
    if "is" in rule:
        return type(value) is type(rule["is"]) and value == rule["is"]
    if "matches" in rule:
        return isinstance(value, str) and _regex(rule["matches"]).search(value) is not None
    if "younger_than_months" in rule:
        return _younger_than(value, facts, rule["younger_than_months"])
    raise ValueError(f"Structured rule {dict(rule)!r} says neither is, matches nor younger_than_months")


def _younger_than(born: Any, facts: Mapping[str, Any], months: int) -> bool:
    """Age at the incident; without a date of birth or an incident date nothing can be said."""
    if not born or not facts.get("occurred_at"):
        return False
    birth = parse_datetime(born, "dob").date()
    incident = parse_datetime(facts["occurred_at"], "occurred_at").date()
    return 0 <= whole_months_between(birth, incident) < months


@functools.lru_cache(maxsize=256)
def _regex(source: str) -> re.Pattern:
    return re.compile(source, re.IGNORECASE)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _say(rule: Mapping[str, Any], item: Any, value: Any) -> str:
    path = ".".join(part for part in (rule.get("each"), rule.get("field")) if part)
    template = rule.get("says") or f"{path} is {{value}}"
    fields = _Blank(item) if isinstance(item, Mapping) else _Blank()
    fields["value"] = value
    return " ".join(string.Formatter().vformat(template, (), fields).split())


def _prior_incident(raw: Any, index: int) -> PriorIncident:
    if not isinstance(raw, Mapping) or "occurred_at" not in raw:
        raise ScreeningInputError(f"prior incident {index} needs occurred_at")
    return PriorIncident(
        at=parse_datetime(raw["occurred_at"], f"prior incident {index} occurred_at"),
        grade=raw.get("grade"),
        summary=str(raw.get("summary") or ""),
    )


def _count(incidents: list[PriorIncident]) -> str:
    return f"{len(incidents)} earlier incident{'' if len(incidents) == 1 else 's'}"


def _listing(incidents: list[PriorIncident]) -> str:
    if not incidents:
        return ""
    return ": " + "; ".join(_describe(incident) for incident in incidents)


def _describe(incident: PriorIncident) -> str:
    grade = f" {incident.grade}" if incident.grade else ""
    summary = f" ({incident.summary})" if incident.summary else ""
    return f"{incident.at:%d %b %Y}{grade}{summary}"


def _frequency_rising(prior: list[PriorIncident], occurred_at: datetime | None,
                      gap_ratio: float) -> Measure:
    """Incidents coming closer together: the latest gap is at most `gap_ratio` of the one before."""
    if occurred_at is None or len(prior) < 2:
        return Measure(False, "")
    times = [incident.at for incident in prior[-2:]] + [occurred_at]
    earlier_gap, latest_gap = ((later - earlier).days for earlier, later in zip(times, times[1:]))
    return Measure(
        latest_gap <= earlier_gap * gap_ratio,
        f"incidents are coming closer together: {earlier_gap} days apart, then {latest_gap} days",
    )


def _severity_rising(
    prior: list[PriorIncident], current_grade: str | None, grade_order: Sequence[str]
) -> Measure:
    """The latest grade is higher than every grade before it."""
    grades = [incident.grade for incident in prior if incident.grade in grade_order]
    if current_grade in grade_order:
        grades.append(current_grade)
    if len(grades) < 2:
        return Measure(False, "")
    rank = grade_order.index
    rising = rank(grades[-1]) > max(rank(grade) for grade in grades[:-1])
    return Measure(rising, f"grades have risen: {', '.join(grades[:-1])}, now {grades[-1]}")
