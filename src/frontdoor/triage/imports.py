"""Police notifications in: each row checked on its own, stored whole or quarantined whole (DESIGN: nothing lost).

A row is stored in its own transaction: the people resolved, the EVODA suggestion made from the
front door's own history, the notification and its children written; or, when any field is
wrong, the row as received is quarantined with a reason per field. The same force and police
reference twice is one incident, so importing a file again changes nothing.
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.people.models import Person
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create
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
from frontdoor.triage.selectors import notification_history, open_cp_plan_for

STORED, DUPLICATE, QUARANTINED = "stored", "duplicate", "quarantined"
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
    outcomes = [_import_row(batch, line, flat, raw) for line, flat, raw in rows]
    batch.refresh_from_db()
    return ImportResult(batch=batch, rows=outcomes)


def _import_row(batch: ImportBatch, line: int, flat: Mapping[str, str] | None, raw: Any) -> RowOutcome:
    """flat is the CSV row by field path (None for JSON); raw is kept as received for quarantine."""
    record, errors = fmt.unflatten(flat) if flat is not None else (raw, [])
    errors = errors + fmt.validate(record)
    reference = str(record.get("police_reference") or "") if isinstance(record, Mapping) else ""
    if errors:
        return _quarantine(batch, line, raw, errors, reference)
    try:
        with transaction.atomic():
            notification = store_record(record, batch=batch)
            if notification is None:
                ImportBatch.objects.filter(pk=batch.pk).update(duplicates=F("duplicates") + 1)
                return RowOutcome(line, DUPLICATE, reference)
            ImportBatch.objects.filter(pk=batch.pk).update(stored=F("stored") + 1)
    except IntegrityError:  # the same incident stored by a concurrent import a moment ago
        ImportBatch.objects.filter(pk=batch.pk).update(duplicates=F("duplicates") + 1)
        return RowOutcome(line, DUPLICATE, reference)
    return RowOutcome(line, STORED, reference, notification)


@transaction.atomic
def _quarantine(batch: ImportBatch, line: int, raw: Any, errors: list[dict], reference: str) -> RowOutcome:
    """A bad row already waiting in quarantine, unchanged, is not quarantined twice."""
    waiting = QuarantinedRow.objects.filter(resolved_at__isnull=True, raw=raw, errors=errors).exists()
    if waiting:
        ImportBatch.objects.filter(pk=batch.pk).update(duplicates=F("duplicates") + 1)
        return RowOutcome(line, DUPLICATE, reference, errors=errors)
    QuarantinedRow.objects.create(batch=batch, line_number=line, raw=raw, errors=errors)
    ImportBatch.objects.filter(pk=batch.pk).update(quarantined=F("quarantined") + 1)
    return RowOutcome(line, QUARANTINED, reference, errors=errors)


def store_record(record: Mapping[str, Any], *, batch: ImportBatch) -> PoliceNotification | None:
    """Resolve, suggest and store one valid record; None when this incident is already stored."""
    if PoliceNotification.objects.filter(force=record["force"], police_reference=record["police_reference"]).exists():
        return None
    occurred_at = fmt.parse_moment(record["occurred_at"])
    victim = _resolve_adult(record["victim"], record, occurred_at.date())
    perpetrator = _resolve_adult(record["perpetrator"], record, occurred_at.date())
    children = [_child(child, record["victim"]) for child in record["children"]]
    suggestion = _suggest(record, victim, perpetrator, [c.person for c in children], occurred_at)
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
    return notification


def _suggest(record, victim: Person, perpetrator: Person, children: list[Person], occurred_at) -> dict:
    """EVODA on the record, with history from the front door's own records where it has any.

    The format's prior_incidents and open_cp_plan stand for history only when the front door
    holds none of its own (docs/schemas/police-notification.schema.json).
    """
    history = notification_history(people=[victim, perpetrator], before=occurred_at)
    facts = {**record, "prior_incidents": history or record.get("prior_incidents") or []}
    if open_cp_plan_for(children=children):
        facts["open_cp_plan"] = True
    suggestion = screen_evoda_record(facts)
    suggestion.pop("force", None)
    suggestion.pop("police_reference", None)
    return suggestion


def _resolve_adult(person: Mapping[str, Any], record: Mapping[str, Any], on: date) -> Person:
    dob = fmt.parse_date(person.get("dob"))
    under_18 = (dob is not None and _age(dob, on) < ADULT_AGE) or (
        dob is None and record["relationship"] == Relationship.YOUNG_PEOPLE_PARTNERS
    )
    return _resolve(person, kind=Person.Kind.CHILD if under_18 else Person.Kind.ADULT,
                    address=person.get("address", ""), postcode=person.get("postcode", ""))


def _child(child: Mapping[str, Any], victim: Mapping[str, Any]) -> NotificationChild:
    # Children have no address in the format; they are in the victim's household.
    person = _resolve(child, kind=Person.Kind.CHILD, address=victim.get("address", ""),
                      postcode=victim.get("postcode", ""))
    return NotificationChild(
        person=person,
        given_name=child["given_name"],
        family_name=child["family_name"],
        date_of_birth=fmt.parse_date(child.get("dob")),
        sex=child.get("sex", ""),
        school=_school(child),
        school_urn=child.get("school_urn", ""),
        school_name=child.get("school_name", ""),
        present=child["present"],
        disability=bool(child.get("disability")),
        injured=bool(child.get("injured")),
    )


def _resolve(person: Mapping[str, Any], *, kind: str, address: str, postcode: str) -> Person:
    resolved, _ = person_resolve_or_create(PersonDescription(
        kind=kind,
        given_name=person["given_name"].strip(),
        family_name=person["family_name"].strip(),
        date_of_birth=fmt.parse_date(person.get("dob")),
        sex=person.get("sex", Person.Sex.UNKNOWN),
        address=address,
        postcode=postcode.strip().upper(),
    ))
    return resolved


def _school(child: Mapping[str, Any]) -> Agency | None:
    """By DfE URN; otherwise by the school's exact name when exactly one school has it."""
    schools = Agency.objects.filter(kind=Agency.Kind.SCHOOL)
    if child.get("school_urn"):
        school = schools.filter(urn=child["school_urn"]).first()
        if school is not None:
            return school
    name = (child.get("school_name") or "").strip()
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
    notification = store_record(record, batch=row.batch) or PoliceNotification.objects.get(
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
