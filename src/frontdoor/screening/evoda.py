"""EVODA screening of police domestic-abuse notifications, one record or a JSON-lines stream.

The notification format is docs/police-notifications.md (JSON Schema in
docs/schemas/police-notification.schema.json). Screening checks only the fields it reads, so a
bad record gets a message naming the field; the importer validates the whole record.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from frontdoor.screening.engine import evaluate
from frontdoor.screening.facts import ScreeningInputError, parse_datetime
from frontdoor.screening.tools import load_tool

# The enumerations of docs/schemas/police-notification.schema.json that screening relies on.
RELATIONSHIPS = ("partner", "ex_partner", "family_member", "young_people_partners", "other")
DASH_LEVELS = ("standard", "medium", "high")
CHILD_FLAGS = ("present", "disability", "injured")


@dataclass(frozen=True)
class JsonlCounts:
    screened: int
    failed: int


def screen_evoda_record(notification: Mapping[str, Any], *, version: str | None = None) -> dict:
    """The EVODA suggestion for one notification, as a JSON-ready dict."""
    check_notification(notification)
    suggestion = evaluate(
        load_tool("evoda", version),
        notification,
        narrative=notification.get("narrative") or "",
        history=notification.get("prior_incidents") or (),
    )
    return {
        "force": notification.get("force"),
        "police_reference": notification["police_reference"],
        **suggestion.as_dict(),
    }


def screen_evoda_jsonl(in_stream: TextIO, out_stream: TextIO, *,
                       version: str | None = None) -> JsonlCounts:
    """Screen one notification per input line, writing one JSON line per notification.

    A line that cannot be screened gives {"line": n, "error": "..."} (with its police_reference
    when it has one) and the lines after it are still screened. Blank lines are skipped.
    """
    screened = failed = 0
    for line_number, line in enumerate(in_stream, start=1):
        if not line.strip():
            continue
        try:
            result = screen_evoda_record(_parse_line(line), version=version)
            screened += 1
        except ScreeningInputError as error:
            result = _error_line(line_number, line, str(error))
            failed += 1
        out_stream.write(json.dumps(result, ensure_ascii=False) + "\n")
    return JsonlCounts(screened=screened, failed=failed)


def check_notification(notification: Any) -> None:
    """Raise ScreeningInputError naming the first field screening cannot use."""
    if not isinstance(notification, Mapping):
        raise ScreeningInputError("a notification must be a JSON object")
    reference = notification.get("police_reference")
    if not isinstance(reference, str) or not reference.strip():
        raise ScreeningInputError("police_reference is required (a non-empty string)")
    if not notification.get("occurred_at"):
        raise ScreeningInputError("occurred_at is required (an ISO 8601 datetime)")
    parse_datetime(notification["occurred_at"], "occurred_at")
    _check_optional_types(notification)
    _check_choice(notification, "relationship", RELATIONSHIPS)
    _check_choice(notification, "dash_level", DASH_LEVELS)
    _check_people(notification)
    _check_dash_answers(notification.get("dash_answers"))


def _parse_line(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise ScreeningInputError(f"not valid JSON ({error.msg} at column {error.colno})") from None


def _error_line(line_number: int, line: str, message: str) -> dict:
    result: dict[str, Any] = {"line": line_number}
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        record = None
    if isinstance(record, dict) and isinstance(record.get("police_reference"), str):
        result["police_reference"] = record["police_reference"]
    result["error"] = f"line {line_number}: {message}"
    return result


def _check_optional_types(notification: Mapping[str, Any]) -> None:
    expected = {"force": str, "narrative": str, "location": str, "offences": list,
                "children": list, "victim": dict, "perpetrator": dict, "prior_incidents": list,
                "dash_answers": dict, "open_cp_plan": bool}
    for field, kind in expected.items():
        value = notification.get(field)
        if value is not None and not isinstance(value, kind):
            raise ScreeningInputError(f"{field} must be {_kind_name(kind)}")
    offences = notification.get("offences") or []
    if not all(isinstance(offence, str) for offence in offences):
        raise ScreeningInputError("offences must be a list of strings")
    if not all(isinstance(item, dict) for item in notification.get("prior_incidents") or []):
        raise ScreeningInputError("prior_incidents must be a list of objects")


def _check_choice(notification: Mapping[str, Any], field: str, choices: tuple[str, ...]) -> None:
    value = notification.get(field)
    if value is not None and value not in choices:
        raise ScreeningInputError(f"{field} must be one of {', '.join(choices)} (got {value!r})")


def _check_people(notification: Mapping[str, Any]) -> None:
    victim = notification.get("victim") or {}
    if "pregnant" in victim and not isinstance(victim["pregnant"], bool):
        raise ScreeningInputError("victim.pregnant must be true or false")
    for number, child in enumerate(notification.get("children") or [], start=1):
        if not isinstance(child, dict):
            raise ScreeningInputError(f"children[{number}] must be an object")
        for flag in CHILD_FLAGS:
            if flag in child and not isinstance(child[flag], bool):
                raise ScreeningInputError(f"children[{number}].{flag} must be true or false")
        if child.get("dob"):
            parse_datetime(child["dob"], f"children[{number}].dob")


def _check_dash_answers(answers: Mapping[str, Any] | None) -> None:
    if not answers:
        return
    questions = {factor.id for factor in load_tool("dash").indicators}
    unknown = sorted(set(answers) - questions)
    if unknown:
        raise ScreeningInputError(f"dash_answers has unknown questions: {', '.join(unknown)}")
    if not all(isinstance(value, bool) for value in answers.values()):
        raise ScreeningInputError("dash_answers values must be true or false")


def _kind_name(kind: type) -> str:
    return {str: "a string", list: "a list", dict: "an object", bool: "true or false"}[kind]
