"""The police missing-person report format (docs/missing-reports.md): checking one report on its own.

Pure: no Django. A report is one flat JSON object; a CSV row has the same fields as its columns, so
both are checked by `validate`, which answers with a plain-English message per field. Reading files
and the shapes of errors are the police notification format's (triage.notification_format).
"""
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from frontdoor.triage.notification_format import POSTCODE, SEXES, field_error, not_an_object, parse_date, parse_moment

RISK_LEVELS = ("no_apparent_risk", "low", "medium", "high")
TEXT_LIMITS = {
    "force": 100, "police_reference": 50, "child_given_name": 100, "child_family_name": 100, "address": 300,
    "where_found": 500, "who_with": 500, "circumstances": 5000,
}
MOMENTS = ("missing_from", "reported_at", "returned_at", "safe_and_well_at")
FIELDS = ("force", "police_reference", "child_given_name", "child_family_name", "child_dob", "child_sex",
          "address", "postcode", "missing_from", "reported_at", "returned_at", "where_found", "who_with",
          "safe_and_well_at", "risk_level", "circumstances")
REQUIRED = ("force", "police_reference", "child_given_name", "child_family_name", "missing_from", "reported_at")
CSV_COLUMNS = FIELDS
LABELS = {
    "force": "the police force", "police_reference": "the police reference", "child_given_name": "the child's first name",
    "child_family_name": "the child's last name", "missing_from": "when the child went missing",
    "reported_at": "when the child was reported missing", "returned_at": "when the child returned",
    "safe_and_well_at": "when the police safe and well check was done", "address": "the address",
    "where_found": "where the child was found", "who_with": "who the child was with", "circumstances": "the circumstances",
}
ADULT_AGE = 18


def from_csv_row(row: Mapping[str, str]) -> dict[str, str]:
    """A CSV row as a report: an empty cell is an absent field."""
    return {column: cell.strip() for column, cell in row.items() if cell and cell.strip()}


def validate(record: Any) -> list[dict[str, str]]:
    """Every problem with one report, each as {field, message}; empty when it can be stored."""
    if not isinstance(record, Mapping):
        return [field_error("", not_an_object(record, what="missing-person report"))]
    errors = [field_error(name, f"The format has no field called {name}") for name in record if name not in FIELDS]
    errors += [field_error(name, f"Enter {LABELS[name]}") for name in REQUIRED if not _text(record.get(name))]
    errors += [field_error(name, f"Enter {LABELS[name]} as text") for name in FIELDS
               if name in record and record[name] is not None and not isinstance(record[name], str)]
    if errors:
        return errors
    return _field_errors(record)


def _field_errors(record: Mapping[str, Any]) -> list[dict[str, str]]:
    errors = [field_error(name, f"Enter {LABELS[name]} in {limit:,} characters or fewer")
              for name, limit in TEXT_LIMITS.items() if len(record.get(name) or "") > limit]
    errors += [field_error(name, f"Enter {LABELS[name]} as a date and time with its offset, "
                                 "for example 2026-03-14T21:30:00+00:00")
               for name in MOMENTS if record.get(name) and parse_moment(record[name]) is None]
    errors += _choice_errors(record)
    return errors or _order_errors(record)


def _choice_errors(record: Mapping[str, Any]) -> list[dict[str, str]]:
    errors = []
    if record.get("child_dob") and parse_date(record["child_dob"]) is None:
        errors.append(field_error("child_dob", "Enter the child's date of birth as a real date, for example 2011-04-27"))
    if record.get("child_sex") and record["child_sex"] not in SEXES:
        errors.append(field_error("child_sex", f"Enter the child's sex as {', '.join(SEXES)}"))
    if record.get("risk_level") and record["risk_level"] not in RISK_LEVELS:
        errors.append(field_error("risk_level", f"Enter the risk level as {', '.join(RISK_LEVELS)}"))
    if record.get("postcode") and not POSTCODE.match(record["postcode"].strip()):
        errors.append(field_error("postcode", "Enter a real postcode, for example OX1 1AA"))
    return errors


def _order_errors(record: Mapping[str, Any]) -> list[dict[str, str]]:
    """Times that cannot be in the order given, and a date of birth that is not a child's."""
    moments = moments_of(record)
    errors = [field_error(later, f"{LABELS[later].capitalize()} cannot be before {LABELS[earlier]}")
              for earlier, later in (("missing_from", "reported_at"), ("missing_from", "returned_at"),
                                     ("returned_at", "safe_and_well_at"))
              if moments[earlier] and moments[later] and moments[later] < moments[earlier]]
    born = parse_date(record.get("child_dob"))
    if born and _age(born, moments["missing_from"]) >= ADULT_AGE:
        errors.append(field_error("child_dob", "The person was 18 or over when they went missing: "
                                               "the front door records missing children only"))
    elif born and born > moments["missing_from"].date():
        errors.append(field_error("child_dob", "The child's date of birth cannot be after they went missing"))
    return errors


def moments_of(record: Mapping[str, Any]) -> dict[str, datetime | None]:
    return {name: parse_moment(record.get(name)) for name in MOMENTS}


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _age(born: date, on: datetime) -> int:
    day = on.date()
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
