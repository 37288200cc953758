"""Police notifications in: each row checked on its own, stored whole or quarantined whole (DESIGN: nothing lost).

A row is stored in a savepoint of its own: the people resolved, the EVODA suggestion made from the
front door's own history, the notification and its children written; or, when any field is
wrong, the row as received is quarantined with a reason per field. Rows are committed a chunk at
a time (ADR 0006). The same force and police reference twice is one incident, so importing a
file again changes nothing.
"""
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.people.models import Person
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create, resolution_batch
from frontdoor.screening.evoda import screen_evoda_record
from frontdoor.triage import notification_format as fmt
from frontdoor.triage.errors import NotificationConflict, RowInvalid
from frontdoor.triage.models import (
    ImportBatch,
    NotificationChild,
    PoliceNotification,
    QuarantinedRow,
    Relationship,
)
from frontdoor.triage.selectors import notification_history, people_with_open_cp_plan

STORED, DUPLICATE, QUARANTINED = "stored", "duplicate", "quarantined"
# Rows per transaction: a commit per row (an fsync) cost about 1 ms of the 8.7 ms a row took.
CHUNK_ROWS = 200
ADULT_AGE = 18


@dataclass
class RowOutcome:
    line: int
    status: str
    police_reference: str = ""
    notification: PoliceNotification | None = None
    errors: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ImportResult:
    batch: ImportBatch
    rows: list[RowOutcome]


@dataclass
class _Row:
    line: int
    raw: Any                 # as received, for quarantine
    record: Any
    errors: list[dict[str, str]]

    @classmethod
    def parsed(cls, line: int, flat: Mapping[str, str] | None, raw: Any) -> "_Row":
        """flat is the CSV row by field path (None for JSON)."""
        record, errors = fmt.unflatten(flat) if flat is not None else (raw, [])
        return cls(line, raw, record, errors + fmt.validate(record))

    @property
    def reference(self) -> str:
        return str(self.record.get("police_reference") or "") if isinstance(self.record, Mapping) else ""


class ImportLookups:
    """What the rows of one import read alike, read once: the incidents already stored and who
    has an open child protection plan (a query each per chunk of rows), and each school named."""

    def __init__(self) -> None:
        self._stored: set[tuple[str, str]] = set()
        self._on_cp_plans: set = set()
        self._schools: dict[tuple[str, str], Agency | None] = {}
        # People this import created, and the notifications it stored by person named: only those
        # can be the history of someone it created, so that history needs no query.
        self._created: set = set()
        self._naming: dict[Any, list[PoliceNotification]] = defaultdict(list)

    @classmethod
    def for_records(cls, records: list[Mapping[str, Any]]) -> "ImportLookups":
        lookups = cls()
        lookups.read_for(records)
        return lookups

    def read_for(self, records: list[Mapping[str, Any]]) -> None:
        """Read what these (valid) records need: which of their incidents are stored already, and
        (again, as plans open and close) who has an open child protection plan."""
        references = {record["police_reference"] for record in records}
        self._stored.update(PoliceNotification.objects.filter(police_reference__in=references)
                            .values_list("force", "police_reference"))
        self._on_cp_plans = people_with_open_cp_plan()

    def is_stored(self, record: Mapping[str, Any]) -> bool:
        return (record["force"], record["police_reference"]) in self._stored

    def stored(self, notification: PoliceNotification) -> None:
        self._stored.add((notification.force, notification.police_reference))
        self._naming[notification.victim_id].append(notification)
        self._naming[notification.perpetrator_id].append(notification)

    def resolved(self, person: Person, *, created: bool) -> Person:
        if created:
            self._created.add(person.pk)
        return person

    def history(self, people: list[Person], *, before) -> list[dict]:
        if not all(person.pk in self._created for person in people):
            return notification_history(people=people, before=before)
        among = {n.pk: n for person in people for n in self._naming[person.pk]}
        return notification_history(people=people, before=before, among=among.values())

    def any_on_cp_plan(self, people: list[Person]) -> bool:
        return any(person.pk in self._on_cp_plans for person in people)

    def school(self, child: Mapping[str, Any]) -> Agency | None:
        key = (child.get("school_urn") or "", (child.get("school_name") or "").strip())
        if key not in self._schools:
            self._schools[key] = _school(*key)
        return self._schools[key]


def notifications_import_file(*, text: str, file_format: str, source: str, user=None) -> ImportResult:
    """Import a CSV or JSON Lines file. A wrong CSV header refuses the file (FileUnreadable)."""
    if file_format == "csv":
        rows = [(line, fmt.csv_row_as_flat(row), row) for line, row in fmt.read_csv(text)]
        return _import(rows=rows, file_format="csv", source=source, user=user)
    if file_format == "jsonl":
        return notifications_import_records(records=list(fmt.read_jsonl(text)), source=source, user=user)
    raise fmt.FileUnreadable(f"Choose csv or jsonl as the format, not {file_format!r}")


def notifications_import_records(
    *, records: Iterable[tuple[int, Any]], source: str, user=None, file_format: str = "jsonl"
) -> ImportResult:
    """Import JSON records (a JSON Lines file, or an API call's items numbered from 1)."""
    return _import(rows=[(line, None, record) for line, record in records], file_format=file_format,
                   source=source, user=user)


def _import(*, rows, file_format: str, source: str, user) -> ImportResult:
    batch = ImportBatch.objects.create(source=source[:200], format=file_format, imported_by=user)
    lookups = ImportLookups()
    outcomes = []
    for start in range(0, len(rows), CHUNK_ROWS):
        outcomes += _import_chunk(batch, [_Row.parsed(*row) for row in rows[start:start + CHUNK_ROWS]], lookups)
    batch.refresh_from_db()
    return ImportResult(batch=batch, rows=outcomes)


def _import_chunk(batch: ImportBatch, rows: list[_Row], lookups: ImportLookups) -> list[RowOutcome]:
    """The rows in one transaction, each in a savepoint of its own: a row that fails leaves nothing
    of itself; an error ends the import with the rows before it kept, as a commit per row would."""
    outcomes, failure = [], None
    valid = [row.record for row in rows if not row.errors]
    with resolution_batch(born_on=(fmt.parse_date(person.get("dob")) for record in valid for person in
                                   (record["victim"], record["perpetrator"], *record["children"]))):
        lookups.read_for(valid)
        for row in rows:
            try:
                outcomes.append(_import_row(batch, row, lookups))
            except Exception as error:
                failure = error
                break
        counts = Counter(outcome.status for outcome in outcomes)
        ImportBatch.objects.filter(pk=batch.pk).update(
            stored=F("stored") + counts[STORED], duplicates=F("duplicates") + counts[DUPLICATE],
            quarantined=F("quarantined") + counts[QUARANTINED],
        )
    if failure is not None:
        raise failure
    return outcomes


def _import_row(batch: ImportBatch, row: _Row, lookups: ImportLookups) -> RowOutcome:
    if row.errors:
        return _quarantine(batch, row)
    try:
        with resolution_batch():
            notification = store_record(row.record, batch=batch, lookups=lookups)
    except IntegrityError:  # the same incident stored by a concurrent import a moment ago
        return RowOutcome(row.line, DUPLICATE, row.reference)
    if notification is None:
        return RowOutcome(row.line, DUPLICATE, row.reference)
    return RowOutcome(row.line, STORED, row.reference, notification)


def _quarantine(batch: ImportBatch, row: _Row) -> RowOutcome:
    """A bad row already waiting in quarantine, unchanged, is not quarantined twice."""
    waiting = QuarantinedRow.objects.filter(resolved_at__isnull=True, raw=row.raw, errors=row.errors).exists()
    if waiting:
        return RowOutcome(row.line, DUPLICATE, row.reference, errors=row.errors)
    QuarantinedRow.objects.create(batch=batch, line_number=row.line, raw=row.raw, errors=row.errors)
    return RowOutcome(row.line, QUARANTINED, row.reference, errors=row.errors)


def store_record(record: Mapping[str, Any], *, batch: ImportBatch, lookups: ImportLookups) -> PoliceNotification | None:
    """Resolve, suggest and store one valid record; None when this incident is already stored."""
    if lookups.is_stored(record):
        return None
    occurred_at = fmt.parse_moment(record["occurred_at"])
    victim = _resolve_adult(record["victim"], record, occurred_at.date(), lookups)
    perpetrator = _resolve_adult(record["perpetrator"], record, occurred_at.date(), lookups)
    children = [_child(child, record["victim"], lookups) for child in record["children"]]
    suggestion = _suggest(record, lookups.history([victim, perpetrator], before=occurred_at),
                          lookups.any_on_cp_plan([c.person for c in children]))
    notification = PoliceNotification.objects.create(
        force=record["force"],
        police_reference=record["police_reference"],
        batch=batch,
        occurred_at=occurred_at,
        reported_at=fmt.parse_moment(record["reported_at"]),
        location=record.get("location") or "",
        relationship=record["relationship"],
        victim=victim,
        perpetrator=perpetrator,
        victim_pregnant=bool(record["victim"].get("pregnant")),
        dash_level=record["dash_level"],
        dash_answers=record.get("dash_answers") or {},
        offences=record["offences"],
        narrative=record["narrative"],
        payload=record,
        tool_id=suggestion["tool_id"],
        tool_version=suggestion["tool_version"],
        suggested_grade=suggestion["suggested_grade"] or "",
        suggestion=suggestion,
    )
    for child in children:
        child.notification = notification
    NotificationChild.objects.bulk_create(children)
    lookups.stored(notification)
    return notification


def _suggest(record, history: list[dict], open_cp_plan: bool) -> dict:
    """EVODA on the record, with history from the front door's own records where it has any.

    The format's prior_incidents and open_cp_plan stand for history only when the front door
    holds none of its own (docs/schemas/police-notification.schema.json).
    """
    facts = {**record, "prior_incidents": history or record.get("prior_incidents") or []}
    if open_cp_plan:
        facts["open_cp_plan"] = True
    suggestion = screen_evoda_record(facts)
    suggestion.pop("force", None)
    suggestion.pop("police_reference", None)
    return suggestion


def _resolve_adult(person: Mapping[str, Any], record: Mapping[str, Any], on: date, lookups: ImportLookups) -> Person:
    dob = fmt.parse_date(person.get("dob"))
    under_18 = (dob is not None and _age(dob, on) < ADULT_AGE) or (
        dob is None and record["relationship"] == Relationship.YOUNG_PEOPLE_PARTNERS
    )
    return _resolve(person, kind=Person.Kind.CHILD if under_18 else Person.Kind.ADULT,
                    address=person.get("address", ""), postcode=person.get("postcode", ""), lookups=lookups)


def _child(child: Mapping[str, Any], victim: Mapping[str, Any], lookups: ImportLookups) -> NotificationChild:
    # Children have no address in the format; they are in the victim's household.
    person = _resolve(child, kind=Person.Kind.CHILD, address=victim.get("address", ""),
                      postcode=victim.get("postcode", ""), lookups=lookups)
    return NotificationChild(
        person=person,
        given_name=child["given_name"],
        family_name=child["family_name"],
        date_of_birth=fmt.parse_date(child.get("dob")),
        sex=child.get("sex", ""),
        school=lookups.school(child),
        school_urn=child.get("school_urn", ""),
        school_name=child.get("school_name", ""),
        present=child["present"],
        disability=bool(child.get("disability")),
        injured=bool(child.get("injured")),
    )


def _resolve(person: Mapping[str, Any], *, kind: str, address: str, postcode: str, lookups: ImportLookups) -> Person:
    resolved, created = person_resolve_or_create(PersonDescription(
        kind=kind,
        given_name=person["given_name"].strip(),
        family_name=person["family_name"].strip(),
        date_of_birth=fmt.parse_date(person.get("dob")),
        sex=person.get("sex", Person.Sex.UNKNOWN),
        address=address,
        postcode=postcode.strip().upper(),
    ))
    return lookups.resolved(resolved, created=created)


def _school(urn: str, name: str) -> Agency | None:
    """By DfE URN; otherwise by the school's exact name when exactly one school has it."""
    schools = Agency.objects.filter(kind=Agency.Kind.SCHOOL)
    if urn:
        school = schools.filter(urn=urn).first()
        if school is not None:
            return school
    matches = list(schools.filter(name__iexact=name)[:2]) if name else []
    return matches[0] if len(matches) == 1 else None


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@transaction.atomic
def quarantined_row_reimport(*, row: QuarantinedRow, corrected: Mapping[str, str], version: int) -> PoliceNotification:
    """Store a corrected quarantined row and mark it resolved; RowInvalid carries the errors left."""
    record, errors = fmt.unflatten(corrected)
    errors += fmt.validate(record)
    if errors:
        raise RowInvalid(errors)
    claimed = QuarantinedRow.objects.filter(pk=row.pk, version=version, resolved_at__isnull=True).update(
        version=F("version") + 1, resolved_at=timezone.now()
    )
    if not claimed:
        raise NotificationConflict("Someone else has already corrected this row. Reload the page to see it.")
    stored = store_record(record, batch=row.batch, lookups=ImportLookups.for_records([record]))
    notification = stored or PoliceNotification.objects.get(
        force=record["force"], police_reference=record["police_reference"]
    )
    QuarantinedRow.objects.filter(pk=row.pk).update(resolved_notification=notification)
    return notification


def quarantined_row_fields(row: QuarantinedRow) -> dict[str, str]:
    """The fields the correction page shows: what the row has, what is required, and every field in error."""
    raw = fmt.csv_row_as_flat(row.raw) if row.batch.format == "csv" and isinstance(row.raw, Mapping) else row.raw
    fields = {path: "" for path in fmt.REQUIRED_PATHS}
    fields.update({path: value for path, value in fmt.flatten(raw).items() if value or path in fields})
    for error in row.errors:
        if error["field"] and error["field"] not in fields and not error["field"].endswith("]"):
            fields[error["field"]] = ""
    return fields
