"""Police missing-person reports in: each row checked on its own, stored or quarantined whole (nothing lost).

The shape follows the police notification import (triage.imports): the same file readers, the same
quarantine of a row as received with a reason per field, the same rule that a force's token sends
that force's reports only. Reports are far fewer than notifications (a handful a day), so each row is
stored in a savepoint of its own rather than a chunk at a time. The same force and police reference
twice is one episode: sent again unchanged it is a duplicate; sent again with more (the return, the
safe and well check) it updates the episode, and a field the resend leaves out keeps what it had.
"""
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from frontdoor.import_rows import json_value, sending_force, storable
from frontdoor.missing import report_format as fmt
from frontdoor.missing.models import MissingEpisode, QuarantinedReport, ReportBatch
from frontdoor.people.models import Person
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create
from frontdoor.triage import notification_format as reading

STORED, UPDATED, DUPLICATE, QUARANTINED = "stored", "updated", "duplicate", "quarantined"
POLICE_FIELDS = ("missing_from", "reported_at", "returned_at", "where_found", "who_with", "safe_and_well_at",
                 "risk_level", "circumstances")


@dataclass
class RowOutcome:
    line: int
    status: str
    police_reference: str = ""
    episode: MissingEpisode | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    created_person: bool = False


@dataclass
class ImportResult:
    batch: ReportBatch
    rows: list[RowOutcome]


def missing_reports_import_file(*, text: str, file_format: str, source: str, user=None) -> ImportResult:
    """Import a CSV or JSON Lines file. A wrong CSV header refuses the file (FileUnreadable)."""
    if file_format == "csv":
        rows = [(line, fmt.from_csv_row(row), row, errors)
                for line, row, errors in reading.read_csv(text, columns=fmt.CSV_COLUMNS)]
        return _import(rows=rows, file_format="csv", source=source, user=user)
    if file_format == "jsonl":
        return missing_reports_import_records(records=reading.read_jsonl(text), source=source, user=user)
    raise reading.FileUnreadable(f"Choose csv or jsonl as the format, not {file_format!r}")


def missing_reports_import_records(*, records: Iterable[tuple[int, Any]], source: str, user=None,
                                   file_format: str = "jsonl") -> ImportResult:
    """Import JSON reports (a JSON Lines file, or an API call's items numbered from 1)."""
    return _import(rows=[(line, record, record, []) for line, record in records], file_format=file_format,
                   source=source, user=user)


def _import(*, rows, file_format: str, source: str, user) -> ImportResult:
    batch = ReportBatch.objects.create(source=source[:200], format=file_format, imported_by=user)
    force = sending_force(user)
    outcomes = [_import_row(batch, line, record, raw, read_errors + _errors(record, force))
                for line, record, raw, read_errors in rows]
    counts = Counter(outcome.status for outcome in outcomes)
    ReportBatch.objects.filter(pk=batch.pk).update(
        stored=counts[STORED], updated=counts[UPDATED], duplicates=counts[DUPLICATE], quarantined=counts[QUARANTINED])
    batch.refresh_from_db()
    return ImportResult(batch=batch, rows=outcomes)


def _errors(record: Any, force) -> list[dict[str, str]]:
    errors = fmt.validate(record)
    if force is not None and not errors:
        errors += reading.force_refusal(record, agency=force.name, known_as=(force.name, force.ods_code),
                                      what="missing-person reports")
    return errors


def _reference(record: Any) -> str:
    return str(record.get("police_reference") or "") if isinstance(record, Mapping) else ""


def _import_row(batch: ReportBatch, line: int, record: Any, raw: Any, errors: list) -> RowOutcome:
    if errors:
        return _quarantine(batch, line, raw, errors, _reference(record))
    try:
        with transaction.atomic():
            return _store(batch, line, record)
    except IntegrityError:  # the same report, stored by a concurrent import a moment ago: sent again
        with transaction.atomic():
            return _store(batch, line, record)


def _quarantine(batch: ReportBatch, line: int, raw: Any, errors: list, reference: str) -> RowOutcome:
    """A bad row already waiting in quarantine, unchanged, is not quarantined twice."""
    raw, errors = storable(raw), storable(errors)
    if QuarantinedReport.objects.filter(raw=raw, errors=errors).exists():
        return RowOutcome(line, DUPLICATE, reference, errors=errors)
    QuarantinedReport.objects.create(batch=batch, line_number=line, raw=json_value(raw), errors=errors)
    return RowOutcome(line, QUARANTINED, reference, errors=errors)


def _store(batch: ReportBatch, line: int, record: Mapping[str, Any]) -> RowOutcome:
    reference = record["police_reference"]
    episode = MissingEpisode.objects.select_for_update().filter(
        force=record["force"], police_reference=reference).first()
    if episode is not None:
        return RowOutcome(line, _resend(episode, record), reference, episode=episode)
    child, created = person_resolve_or_create(_child(record))
    episode = MissingEpisode.objects.create(child=child, force=record["force"], police_reference=reference,
                                            batch=batch, payload=record, **_police_fields(record))
    return RowOutcome(line, STORED, reference, episode=episode, created_person=created)


def _resend(episode: MissingEpisode, record: Mapping[str, Any]) -> str:
    """Unchanged: a duplicate. Changed: what the resend has replaces what was stored, and the version
    moves on, so that someone recording the return from the old page is told it changed."""
    if record == episode.payload:
        return DUPLICATE
    sent = {name: value for name, value in _police_fields(record).items() if value not in (None, "")}
    MissingEpisode.objects.filter(pk=episode.pk).update(**sent, payload={**episode.payload, **record},
                                                        version=F("version") + 1)
    episode.refresh_from_db()
    return UPDATED


def _police_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    moments = fmt.moments_of(record)
    return {name: moments[name] if name in moments else (record.get(name) or "").strip() for name in POLICE_FIELDS}


def _child(record: Mapping[str, Any]) -> PersonDescription:
    return PersonDescription(
        kind=Person.Kind.CHILD,
        given_name=record["child_given_name"].strip(),
        family_name=record["child_family_name"].strip(),
        date_of_birth=reading.parse_date(record.get("child_dob")),
        sex=record.get("child_sex") or Person.Sex.UNKNOWN,
        address=(record.get("address") or "").strip(),
        postcode=(record.get("postcode") or "").strip().upper(),
    )
