"""The police notification exchange format (docs/police-notifications.md): reading and checking records.

Pure: no Django. A record is the JSON form; a CSV row and a corrected quarantined row are both
"flat" forms, a mapping of field path (`victim.dob`, `children[0].present`) to text, which
`unflatten` turns into a record. `validate` checks one record on its own and answers with a
plain-English message per field, so the ISCO can correct a row without reading the schema.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any

RELATIONSHIPS = ("partner", "ex_partner", "family_member", "young_people_partners", "other")
GRADES = ("standard", "medium", "high")
SEXES = ("female", "male", "unknown")
MAX_CSV_CHILDREN = 4
FORCE_MAX = 100
DASH_QUESTIONS = tuple(f"q{n}" for n in range(1, 25))
TOP_FIELDS = ("force", "police_reference", "occurred_at", "reported_at", "location", "relationship", "victim",
              "perpetrator", "children", "dash_level", "dash_answers", "offences", "narrative", "prior_incidents",
              "open_cp_plan")
PERSON_FIELDS = ("given_name", "family_name", "dob", "sex")
ADULT_FIELDS = (*PERSON_FIELDS, "address", "postcode")
PERSON_SHAPES = {
    "victim": (*ADULT_FIELDS, "pregnant"),
    "perpetrator": ADULT_FIELDS,
    "children": (*PERSON_FIELDS, "school_urn", "school_name", "present", "disability", "injured"),
}
PRIOR_FIELDS = ("occurred_at", "grade", "summary")
BOOLEAN_LEAVES = ("pregnant", "present", "disability", "injured", "open_cp_plan")
REQUIRED_PATHS = ("force", "police_reference", "occurred_at", "reported_at", "relationship", "victim.given_name",
                  "victim.family_name", "perpetrator.given_name", "perpetrator.family_name", "dash_level",
                  "narrative")
CSV_COLUMNS = (
    "force", "police_reference", "occurred_at", "reported_at", "location", "relationship", "dash_level",
    "narrative",
    *(f"victim_{f}" for f in PERSON_SHAPES["victim"]),
    *(f"perpetrator_{f}" for f in PERSON_SHAPES["perpetrator"]),
    *(f"child{n}_{f}" for n in range(1, MAX_CSV_CHILDREN + 1) for f in PERSON_SHAPES["children"]),
    "offences",
    *(f"dash_{q}" for q in DASH_QUESTIONS),
    "open_cp_plan",
)
# csv's own limit on a field (131,072 characters) guards a reader streaming a file of unknown size,
# and refused a whole file for one long narrative. Here the whole text is in memory already, so no
# cell can be longer than it: csv's limit is lifted, and the format's own cap is applied a cell at a
# time instead, so that an over-long cell quarantines its row (cut to the cap) and not the file.
CSV_READER_LIMIT = 2**31 - 1   # the largest a C long holds everywhere
CSV_CELL_LIMIT = 1_000_000     # characters: fifty times the longest narrative the format allows
TRUE_WORDS, FALSE_WORDS = ("true", "yes", "y", "1"), ("false", "no", "n", "0")
POSTCODE = re.compile(r"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")
URN = re.compile(r"^[0-9]{6}$")
PATH_PART = re.compile(r"([a-z_0-9]+)(?:\[(\d+)\])?")
# The format nests four levels (a list of records, a record, its children, a child); anything much
# deeper is not a notification, and reading or storing it would exhaust Python's stack (a 500).
MAX_NESTING = 32
WHOSE = {"victim": "the victim's", "perpetrator": "the perpetrator's", "children": "the child's",
         "prior_incidents": "the earlier incident's"}


class FileUnreadable(ValueError):
    """A whole file that cannot be read as notifications (not one bad row); the message says why."""


class NestedTooDeeply(ValueError):
    """JSON with more levels of lists and objects than MAX_NESTING."""


class NotJson(str):
    """A line of a JSON Lines file that is not JSON at all, kept as its text: told apart from a line
    that is JSON text (a string), which gets another reason."""


def field_error(field: str, message: str) -> dict[str, str]:
    return {"field": field, "message": message}


# --- Reading files ------------------------------------------------------------------------------


def parse_json(text: str | bytes) -> Any:
    """json.loads, refusing a value nested more than MAX_NESTING deep (NestedTooDeeply)."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise NestedTooDeeply(f"more than {MAX_NESTING} levels of lists and objects") from None
    if _nesting(value) > MAX_NESTING:
        raise NestedTooDeeply(f"more than {MAX_NESTING} levels of lists and objects")
    return value


def _nesting(value: Any) -> int:
    """How many levels of lists and objects a JSON value has, counted without recursion."""
    deepest, waiting = 0, [(value, 1)]
    while waiting and deepest <= MAX_NESTING:
        item, depth = waiting.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            waiting.extend((inner, depth + 1) for inner in (item.values() if isinstance(item, dict) else item))
    return deepest


def read_jsonl(text: str) -> Iterator[tuple[int, Any]]:
    """(line number, JSON value or the line's text when it is not JSON) for each non-blank line;
    a line nested too deeply refuses the whole file."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield number, parse_json(line)
            except json.JSONDecodeError:
                yield number, NotJson(line)
            except NestedTooDeeply as error:
                raise FileUnreadable(f"Line {number} is nested too deeply ({error}); nothing was imported") from None


def read_csv(text: str, *, columns: tuple[str, ...] = CSV_COLUMNS,
             ) -> Iterator[tuple[int, dict[str, str], list[dict[str, str]]]]:
    """(line number where the row starts, {column: cell}, an error for each cell cut to CSV_CELL_LIMIT);
    a wrong header (not the format's columns) refuses the whole file. Other formats (missing-person
    reports) pass their own columns."""
    csv.field_size_limit(CSV_READER_LIMIT)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise FileUnreadable("The file is empty: it needs a header row and one row per record")
        _check_header(header, columns)
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield start, *_cells_kept(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileUnreadable(f"The file cannot be read as CSV at line {reader.line_num}: {error}") from None


def _cells_kept(row: dict[str, str]) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The row with each cell longer than CSV_CELL_LIMIT cut to it, and an error for each (its row is quarantined)."""
    errors = [field_error(column_path(column), f"This cell holds {len(cell):,} characters, more than a cell may hold "
                                               f"({CSV_CELL_LIMIT:,}): only the first {CSV_CELL_LIMIT:,} are kept here")
              for column, cell in row.items() if len(cell) > CSV_CELL_LIMIT]
    return {column: cell[:CSV_CELL_LIMIT] for column, cell in row.items()}, errors


def _check_header(header: list[str], columns: tuple[str, ...]) -> None:
    unknown = [c for c in header if c not in columns]
    missing = [c for c in columns if c not in header]
    if unknown:
        raise FileUnreadable(f"The header has columns the format does not define: {', '.join(unknown)}")
    if missing:
        raise FileUnreadable(f"The header is missing columns: {', '.join(missing)}")


def csv_row_as_flat(row: Mapping[str, str]) -> dict[str, str]:
    return {column_path(column): value for column, value in row.items()}


def row_as_flat(raw: Any, *, file_format: str) -> dict[str, str]:
    """A stored row (CSV columns or a JSON record) as text by field path."""
    return flatten(csv_row_as_flat(raw) if file_format == "csv" and isinstance(raw, Mapping) else raw)


def column_path(column: str) -> str:
    """CSV column name to field path: child2_dob -> children[1].dob, dash_q3 -> dash_answers.q3."""
    if match := re.fullmatch(r"child(\d+)_(\w+)", column):
        return f"children[{int(match[1]) - 1}].{match[2]}"
    if match := re.fullmatch(r"(victim|perpetrator)_(\w+)", column):
        return f"{match[1]}.{match[2]}"
    if match := re.fullmatch(r"dash_(q\d+)", column):
        return f"dash_answers.{match[1]}"
    return column


def record_as_csv_row(record: Mapping[str, Any]) -> dict[str, str]:
    """The CSV row for a record (the inverse of reading one); prior_incidents has no CSV form."""
    flat = flatten(record)
    return {column: flat.get(column_path(column), "") for column in CSV_COLUMNS}


# --- Flat forms: CSV rows and the correction page -----------------------------------------------


def flatten(record: Any) -> dict[str, str]:
    """Every leaf of a record as text by path; anything not an object has no fields to show."""
    if not isinstance(record, Mapping):
        return {}
    flat: dict[str, str] = {}
    for key, value in record.items():
        _flatten_into(flat, str(key), value)
    return flat


def changed_fields(before: Any, after: Any) -> list[str]:
    """The top-level fields whose content differs between two records, in the format's order. A field
    absent, null or empty is the same content."""
    old, new = _filled_by_field(before), _filled_by_field(after)
    return [name for name in TOP_FIELDS if old.get(name) != new.get(name)]


def _filled_by_field(record: Any) -> dict[str, dict[str, str]]:
    grouped: dict[str, dict[str, str]] = {}
    for path, text in flatten(record).items():
        if text:
            grouped.setdefault(PATH_PART.match(path)[1], {})[path] = _same_instant_same_text(text)
    return grouped


def _same_instant_same_text(text: str) -> str:
    """A date-time as its instant in UTC: a resend writing the same moment with another offset (or Z)
    is not an amendment."""
    moment = parse_moment(text)
    return moment.astimezone(UTC).isoformat() if moment else text


def _flatten_into(flat: dict[str, str], path: str, value: Any) -> None:
    if path == "offences" and isinstance(value, list):
        flat[path] = "; ".join(str(item) for item in value)
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            _flatten_into(flat, f"{path}.{key}", inner)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _flatten_into(flat, f"{path}[{index}]", inner)
    else:
        flat[path] = _as_text(value)


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def unflatten(flat: Mapping[str, str]) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """A record from text by path (empty text = absent), and errors for children given out of order."""
    record: dict[str, Any] = {}
    for path, text in flat.items():
        if text is not None and str(text).strip():
            _set_path(record, path, _typed(path, str(text).strip()))
    record.setdefault("children", {})
    record.setdefault("offences", [])
    errors = []
    for list_field in ("children", "prior_incidents"):
        if list_field in record:
            record[list_field], gap_errors = _indexed_list(list_field, record[list_field])
            errors += gap_errors
    return record, errors


def _typed(path: str, text: str) -> Any:
    leaf = path.rsplit(".", 1)[-1]
    if leaf in BOOLEAN_LEAVES or path.startswith("dash_answers."):
        lowered = text.lower()
        return True if lowered in TRUE_WORDS else False if lowered in FALSE_WORDS else text
    if path == "offences":
        return [part.strip() for part in text.split(";") if part.strip()]
    return text


def _set_path(record: dict[str, Any], path: str, value: Any) -> None:
    target = record
    parts = path.split(".")
    for position, part in enumerate(parts):
        match = PATH_PART.fullmatch(part)
        name, index = (match[1], match[2]) if match else (part, None)
        last = position == len(parts) - 1
        if index is None:
            if last:
                target[name] = value
            else:
                target = target.setdefault(name, {})
            continue
        items = target.setdefault(name, {})  # index -> item until _indexed_list orders them
        if last:
            items[int(index)] = value
        else:
            target = items.setdefault(int(index), {})


def _indexed_list(field: str, items: dict[int, Any]) -> tuple[list[Any], list[dict[str, str]]]:
    indices = sorted(items)
    errors = [
        field_error(f"{field}[{index}]", f"Item {index + 1} of {field} is given but item {index} is empty: fill them in order")
        for position, index in enumerate(indices) if index != position
    ]
    return [items[index] for index in indices], errors[:1]


# --- Checking one record ------------------------------------------------------------------------


def validate(record: Any) -> list[dict[str, str]]:
    """Every problem with one notification, each as {field, message}; empty when it can be stored."""
    if not isinstance(record, Mapping):
        return [field_error("", not_an_object(record))]
    errors: list[dict[str, str]] = []
    check = _Checker(record, errors)
    check.unknown_fields(record, TOP_FIELDS, "")
    check.text("force", "the police force", maximum=FORCE_MAX, required=True)
    check.text("police_reference", "the police reference", maximum=50, required=True)
    check.moment("occurred_at", "when the incident happened")
    check.moment("reported_at", "when the incident was reported to the police")
    check.text("location", "where the incident happened", maximum=300)
    check.choice("relationship", RELATIONSHIPS, "Choose the relationship between victim and perpetrator")
    check.person("victim")
    check.person("perpetrator")
    check.children()
    check.choice("dash_level", GRADES, "Choose the officer's DASH level")
    check.dash_answers()
    check.offences()
    check.text("narrative", "the officer's narrative", maximum=20000, required=True)
    check.prior_incidents()
    check.boolean("open_cp_plan", "Say whether a child in the household has an open child protection plan")
    return errors


JSON_KINDS = ((type(None), "null"), (bool, "true or false"), ((int, float), "a number"), (str, "text"),
              (list, "a list"))


def not_an_object(value: Any, *, what: str = "notification") -> str:
    """Why a value that is not a JSON object cannot be a notification (or another format's record)."""
    if isinstance(value, NotJson):
        return f"This line is not a {what}: each line must be one JSON object"
    kind = next((name for types, name in JSON_KINDS if isinstance(value, types)), "not an object")
    return f"Each {what} must be a JSON object; this line is {kind}"


def force_refusal(record: Any, *, agency: str, known_as: Iterable[str], what: str = "notifications",
                  ) -> list[dict[str, str]]:
    """The error when a police force's token sends a record naming another force. known_as: what the
    force goes by (its name, its code), compared in any case. A force missing or not text is validate's."""
    force = record.get("force") if isinstance(record, Mapping) else None
    if not isinstance(force, str) or not force.strip() or len(force) > FORCE_MAX:
        return []
    if force.strip().casefold() in {name.strip().casefold() for name in known_as if name.strip()}:
        return []
    return [field_error("force", f"This token belongs to {agency}; it cannot send {force}'s {what}")]


class _Checker:
    def __init__(self, record: Mapping[str, Any], errors: list[dict[str, str]]):
        self.record, self.errors = record, errors

    def add(self, field: str, message: str) -> None:
        self.errors.append(field_error(field, message))

    def value(self, path: str) -> Any:
        target: Any = self.record
        for part in path.split("."):
            match = PATH_PART.fullmatch(part)
            target = target.get(match[1]) if isinstance(target, Mapping) else None
            if match[2] is not None:
                target = target[int(match[2])] if isinstance(target, list) and int(match[2]) < len(target) else None
        return target

    def unknown_fields(self, data: Mapping[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(f"{prefix}{key}", f"{prefix}{key} is not a field of the notification format: check its spelling")

    def text(self, path: str, what: str, *, maximum: int, required: bool = False) -> None:
        value = self.value(path)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(path, f"Enter {what}")
        elif not isinstance(value, str):
            self.add(path, f"Enter {what} as text")
        elif len(value) > maximum:
            self.add(path, f"{what[0].upper()}{what[1:]} must be {maximum:,} characters or fewer")

    def moment(self, path: str, what: str) -> None:
        value = self.value(path)
        if value is None or value == "":
            self.add(path, f"Enter {what}, as a date and time with its offset, like 2025-03-01T22:15:00Z")
        elif parse_moment(value) is None:
            self.add(path, f"Enter {what} as a date and time with its offset, like 2025-03-01T22:15:00Z "
                           "(an offset is needed because the clocks change)")

    def choice(self, path: str, choices: tuple[str, ...], message: str) -> None:
        if self.value(path) not in choices:
            self.add(path, f"{message}: {_or_list(choices)}")

    def boolean(self, path: str, message: str) -> None:
        value = self.value(path)
        if value is not None and not isinstance(value, bool):
            self.add(path, f"{message} with true or false")

    def person(self, role: str) -> None:
        person = self.record.get(role)
        if not isinstance(person, Mapping):
            self.add(role, f"Enter {WHOSE[role]} details")
            return
        self.unknown_fields(person, PERSON_SHAPES[role], f"{role}.")
        self.person_fields(role, role)
        if role != "children":
            self.postcode(f"{role}.postcode", WHOSE[role])
            self.text(f"{role}.address", f"{WHOSE[role]} address", maximum=300)
        if role == "victim":
            self.boolean("victim.pregnant", "Say whether the victim is pregnant")

    def person_fields(self, path: str, role: str) -> None:
        whose = WHOSE[role]
        self.text(f"{path}.given_name", f"{whose} given name", maximum=100, required=True)
        self.text(f"{path}.family_name", f"{whose} family name", maximum=100, required=True)
        dob = self.value(f"{path}.dob")
        if dob is not None and parse_date(dob) is None:
            self.add(f"{path}.dob", f"Enter {whose} date of birth as YYYY-MM-DD")
        if self.value(f"{path}.sex") not in (None, *SEXES):
            self.add(f"{path}.sex", f"Enter {whose} sex as {_or_list(SEXES)}")

    def postcode(self, path: str, whose: str) -> None:
        value = self.value(path)
        if value is not None and not (isinstance(value, str) and POSTCODE.fullmatch(value.strip())):
            self.add(path, f"Enter {whose} postcode as a UK postcode, like WR1 2AB")

    def children(self) -> None:
        children = self.record.get("children")
        if not isinstance(children, list):
            self.add("children", "Enter the children as a list (an empty list when there are none)")
            return
        for index, child in enumerate(children):
            path = f"children[{index}]"
            if not isinstance(child, Mapping):
                self.add(path, f"Enter child {index + 1} as an object with their details")
                continue
            self.unknown_fields(child, PERSON_SHAPES["children"], f"{path}.")
            self.person_fields(path, "children")
            urn = child.get("school_urn")
            if urn is not None and not (isinstance(urn, str) and URN.fullmatch(urn)):
                self.add(f"{path}.school_urn", "Enter the child's school URN as 6 digits")
            self.text(f"{path}.school_name", "the child's school name", maximum=200)
            if "present" not in child:
                self.add(f"{path}.present", "Say whether the child was present at the incident (true or false)")
            self.boolean(f"{path}.present", "Say whether the child was present at the incident")
            self.boolean(f"{path}.disability", "Say whether the child has a disability")
            self.boolean(f"{path}.injured", "Say whether the child was injured")

    def dash_answers(self) -> None:
        answers = self.record.get("dash_answers")
        if answers is None:
            return
        if not isinstance(answers, Mapping):
            self.add("dash_answers", "Enter the DASH answers as an object of q1 to q24, each true or false")
            return
        for question, answer in answers.items():
            if question not in DASH_QUESTIONS:
                self.add(f"dash_answers.{question}", f"{question} is not a DASH question: use q1 to q24")
            elif not isinstance(answer, bool):
                self.add(f"dash_answers.{question}", f"Answer DASH question {question} with true or false")

    def offences(self) -> None:
        offences = self.record.get("offences")
        if not isinstance(offences, list):
            self.add("offences", "Enter the offences as a list (an empty list when there are none)")
        elif not all(isinstance(o, str) and 1 <= len(o.strip()) <= 200 for o in offences):
            self.add("offences", "Enter each offence as text of 1 to 200 characters")

    def prior_incidents(self) -> None:
        incidents = self.record.get("prior_incidents")
        if incidents is None:
            return
        if not isinstance(incidents, list):
            self.add("prior_incidents", "Enter the earlier incidents as a list")
            return
        for index, incident in enumerate(incidents):
            path = f"prior_incidents[{index}]"
            if not isinstance(incident, Mapping):
                self.add(path, f"Enter earlier incident {index + 1} as an object")
                continue
            self.unknown_fields(incident, PRIOR_FIELDS, f"{path}.")
            when = incident.get("occurred_at")
            if when is None or (parse_date(when) is None and parse_moment(when) is None):
                self.add(f"{path}.occurred_at", "Enter when the earlier incident happened as YYYY-MM-DD or a date and time")
            if incident.get("grade") not in (None, *GRADES):
                self.add(f"{path}.grade", f"Enter the earlier incident's grade as {_or_list(GRADES)}")
            self.text(f"{path}.summary", "the earlier incident's summary", maximum=500)


def parse_moment(value: Any) -> datetime | None:
    """An ISO 8601 date-time with an offset, or None."""
    if not isinstance(value, str) or "T" not in value.upper():
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None


def parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _or_list(choices: tuple[str, ...]) -> str:
    return f"{', '.join(choices[:-1])} or {choices[-1]}"
