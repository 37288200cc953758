"""Police notifications in: each row checked on its own, stored whole or quarantined whole (DESIGN: nothing lost).

A valid row has its people resolved, its EVODA suggestion made from the front door's own history,
and the notification and its children written; a row with any field wrong is quarantined as
received, with a reason per field. Rows are stored a chunk at a time, together, and if that fails
a row at a time, each in a savepoint of its own (ADR 0006). The same force and police reference
twice is one incident: sent again unchanged it is a duplicate, so importing a file again changes
nothing; sent again changed, it amends the notification, which keeps what it was (docs/police-notifications.md).
"""
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.import_rows import json_value, sending_force, storable
from frontdoor.people.models import Person
from frontdoor.people.resolution import IndexChanged, PersonDescription, ResolutionPlan, resolution_batch
from frontdoor.screening.facts import months_before
from frontdoor.screening.evoda import screen_evoda_record
from frontdoor.triage import notification_format as fmt
from frontdoor.triage.errors import NotificationConflict, RowInvalid
from frontdoor.triage.models import (
    ImportBatch,
    NotificationAmendment,
    NotificationChild,
    PoliceNotification,
    QuarantinedRow,
    Relationship,
)
from frontdoor.triage.selectors import (
    HISTORY_MONTHS,
    notification_history,
    notifications_naming,
    people_with_open_cp_plan,
)

logger = logging.getLogger(__name__)

STORED, AMENDED, DUPLICATE, QUARANTINED = "stored", "amended", "duplicate", "quarantined"
# Rows per transaction, and per statement of each kind when stored together (ADR 0006).
CHUNK_ROWS = 200
ADULT_AGE = 18


@dataclass
class RowOutcome:
    line: int
    status: str
    police_reference: str = ""
    notification: PoliceNotification | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)   # the fields an amendment changed


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
    def parsed(cls, line: int, flat: Mapping[str, str] | None, raw: Any, read_errors: list[dict[str, str]], *,
               force: Agency | None = None) -> "_Row":
        """flat is the CSV row by field path (None for JSON); read_errors, what reading the file found (a cell
        cut); force, the only force whose notifications the sender may send (None: any)."""
        record, errors = fmt.unflatten(flat) if flat is not None else (raw, [])
        errors = read_errors + errors + fmt.validate(record)
        if force is not None:
            errors += fmt.force_refusal(record, agency=force.name, known_as=(force.name, force.ods_code))
        return cls(line, raw, record, errors)

    @property
    def reference(self) -> str:
        return str(self.record.get("police_reference") or "") if isinstance(self.record, Mapping) else ""


class ImportLookups:
    """What the rows of one import read alike, read once: the incidents already stored, who has an
    open child protection plan and the earlier incidents of the people named (a query each per
    chunk of rows), and each school named. It also remembers what the import itself stored, which
    is the history of the people it created."""

    def __init__(self) -> None:
        self._stored: set[tuple[str, str]] = set()
        self._on_cp_plans: set = set()
        self._schools: dict[tuple[str, str], Agency | None] = {}
        self._created: set = set()
        self._naming: dict[Any, list[PoliceNotification]] = defaultdict(list)
        self._earlier: dict[Any, list[PoliceNotification]] = {}
        self._undo: list[Callable[[], None]] = []   # since the last commit, latest last

    def checkpoint(self) -> int:
        """A point to go back to if what follows rolls back."""
        return len(self._undo)

    def back_to(self, checkpoint: int) -> None:
        """Forget what was claimed, created and stored since the checkpoint: it was rolled back."""
        while len(self._undo) > checkpoint:
            self._undo.pop()()

    def committed(self) -> None:
        self._undo.clear()

    def read_for(self, records: list[Mapping[str, Any]]) -> None:
        """Read what these (valid) records need: which of their incidents are stored already, and
        (again, as plans open and close) who has an open child protection plan."""
        references = {record["police_reference"] for record in records}
        self._stored.update(PoliceNotification.objects.filter(police_reference__in=references)
                            .values_list("force", "police_reference"))
        self._on_cp_plans = people_with_open_cp_plan()

    def is_stored(self, record: Mapping[str, Any]) -> bool:
        return (record["force"], record["police_reference"]) in self._stored

    def claim(self, record: Mapping[str, Any]) -> None:
        """This record is being stored: the same incident later in the file is a duplicate."""
        key = (record["force"], record["police_reference"])
        self._stored.add(key)
        self._undo.append(lambda: self._stored.discard(key))

    def stored(self, notification: PoliceNotification) -> None:
        for person_id in (notification.victim_id, notification.perpetrator_id):
            self._naming[person_id].append(notification)
            self._undo.append(self._naming[person_id].pop)

    def resolved(self, person_id, *, created: bool):
        if created:
            self._created.add(person_id)
            self._undo.append(lambda: self._created.discard(person_id))
        return person_id

    def read_history(self, incidents: list["_Incident"]) -> None:
        """The earlier incidents (stored before this import's chunk) of the people these incidents
        name, in one query. Someone the import created has none but what it stored itself."""
        named = {pk for incident in incidents for pk in incident.adults} - self._created
        if not named:
            self._earlier = {}
            return
        until = max(incident.occurred_at for incident in incidents)
        since = months_before(min(incident.occurred_at for incident in incidents), HISTORY_MONTHS)
        self._earlier = defaultdict(list)
        for notification in notifications_naming(person_ids=named, since=since, before=until):
            for pk in {notification.victim_id, notification.perpetrator_id} & named:
                self._earlier[pk].append(notification)

    def history(self, person_ids: list, *, before) -> list[dict]:
        among = {n.pk: n for pk in person_ids for n in (*self._earlier.get(pk, ()), *self._naming.get(pk, ()))}
        return notification_history(person_ids=person_ids, before=before, among=among.values())

    def any_on_cp_plan(self, person_ids: list) -> bool:
        return any(pk in self._on_cp_plans for pk in person_ids)

    def school(self, child: Mapping[str, Any]) -> Agency | None:
        key = (child.get("school_urn") or "", (child.get("school_name") or "").strip())
        if key not in self._schools:
            self._schools[key] = _school(*key)
        return self._schools[key]


def notifications_import_file(*, text: str, file_format: str, source: str, user=None) -> ImportResult:
    """Import a CSV or JSON Lines file. A wrong CSV header refuses the file (FileUnreadable)."""
    if file_format == "csv":
        rows = [(line, fmt.csv_row_as_flat(row), row, errors) for line, row, errors in fmt.read_csv(text)]
        return _import(rows=rows, file_format="csv", source=source, user=user)
    if file_format == "jsonl":
        return notifications_import_records(records=list(fmt.read_jsonl(text)), source=source, user=user)
    raise fmt.FileUnreadable(f"Choose csv or jsonl as the format, not {file_format!r}")


def notifications_import_records(
    *, records: Iterable[tuple[int, Any]], source: str, user=None, file_format: str = "jsonl"
) -> ImportResult:
    """Import JSON records (a JSON Lines file, or an API call's items numbered from 1)."""
    return _import(rows=[(line, None, record, []) for line, record in records], file_format=file_format,
                   source=source, user=user)


def _import(*, rows, file_format: str, source: str, user) -> ImportResult:
    batch = ImportBatch.objects.create(source=source[:200], format=file_format, imported_by=user)
    lookups, force = ImportLookups(), sending_force(user)
    outcomes = []
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = [_Row.parsed(*row, force=force) for row in rows[start:start + CHUNK_ROWS]]
        outcomes += _import_chunk(batch, chunk, lookups)
    batch.refresh_from_db()
    return ImportResult(batch=batch, rows=outcomes)


def _import_chunk(batch: ImportBatch, rows: list[_Row], lookups: ImportLookups) -> list[RowOutcome]:
    """The rows in one transaction, stored together: a few statements for the whole chunk. If
    that fails for any reason (an incident a concurrent import stored a moment ago, a person the
    resolver named merged meanwhile, a database error), the chunk is rolled back and stored again
    a row at a time, which tells which row it was (ADR 0006)."""
    try:
        with resolution_batch(born_on=_dates_of_birth(row.record for row in rows if not row.errors)):
            outcomes = _counted(batch, _store_rows(batch, rows, lookups))
    except Exception as error:
        logger.info("An import chunk is being stored row by row after %s", type(error).__name__)
        lookups.back_to(0)
        outcomes = _import_row_by_row(batch, rows, lookups)
    lookups.committed()
    return outcomes


def _import_row_by_row(batch: ImportBatch, rows: list[_Row], lookups: ImportLookups) -> list[RowOutcome]:
    """Each row in a savepoint of its own: a row that fails leaves nothing of itself; an error
    ends the import with the rows before it kept, as a commit per row would."""
    outcomes, failure = [], None
    with transaction.atomic():
        for row in rows:
            try:
                outcomes += _import_row(batch, row, lookups)
            except Exception as error:
                failure = error
                break
        _counted(batch, outcomes)
    if failure is not None:
        raise failure
    return outcomes


def _import_row(batch: ImportBatch, row: _Row, lookups: ImportLookups) -> list[RowOutcome]:
    checkpoint = lookups.checkpoint()
    try:
        return _store_alone(batch, row, lookups)
    except IntegrityError:  # the same incident, stored by a concurrent import a moment ago: sent again
        lookups.back_to(checkpoint)
        outcome = RowOutcome(row.line, DUPLICATE, row.reference)
        if row.errors or not _compare_resend_alone(batch, outcome, row.record, lookups):
            raise  # not that incident after all: a database error, which ends the import
        return [outcome]


def _compare_resend_alone(batch: ImportBatch, outcome: RowOutcome, record: Mapping[str, Any],
                          lookups: ImportLookups) -> bool:
    with transaction.atomic():
        return _compare_resend(batch, outcome, record, lookups)


def _store_alone(batch: ImportBatch, row: _Row, lookups: ImportLookups) -> list[RowOutcome]:
    """One row in a savepoint; tried again once if a person the resolver named has been merged
    since it read the index (the rollback made it read the index again)."""
    checkpoint = lookups.checkpoint()
    for attempt in (1, 2):
        try:
            with resolution_batch(born_on=_dates_of_birth([] if row.errors else [row.record])):
                return _store_rows(batch, [row], lookups)
        except IndexChanged:
            lookups.back_to(checkpoint)
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _counted(batch: ImportBatch, outcomes: list[RowOutcome]) -> list[RowOutcome]:
    counts = Counter(outcome.status for outcome in outcomes)
    ImportBatch.objects.filter(pk=batch.pk).update(
        stored=F("stored") + counts[STORED], amended=F("amended") + counts[AMENDED],
        duplicates=F("duplicates") + counts[DUPLICATE],
        quarantined=F("quarantined") + counts[QUARANTINED],
    )
    return outcomes


def _store_rows(batch: ImportBatch, rows: list[_Row], lookups: ImportLookups) -> list[RowOutcome]:
    """Quarantine the bad rows; resolve, suggest and store the new incidents together; then compare each
    incident sent again with what is stored (one this chunk has just stored included)."""
    lookups.read_for([row.record for row in rows if not row.errors])
    plan = ResolutionPlan()
    outcomes, incidents, resends = [], [], []
    for row in rows:
        outcome = RowOutcome(row.line, STORED, row.reference)
        if row.errors:
            outcome = _quarantine(batch, row)
        elif lookups.is_stored(row.record):
            outcome.status = DUPLICATE
            resends.append((outcome, row.record))
        else:
            lookups.claim(row.record)
            incidents.append((outcome, _Incident.resolved(row.record, plan=plan, lookups=lookups)))
        outcomes.append(outcome)
    plan.save()
    _store_incidents(batch, incidents, persons=plan.persons, lookups=lookups)
    for outcome, record in resends:
        _compare_resend(batch, outcome, record, lookups)
    return outcomes


def _store_incidents(batch: ImportBatch, incidents: list[tuple[RowOutcome, "_Incident"]], *, persons: dict,
                     lookups: ImportLookups) -> None:
    lookups.read_history([incident for _, incident in incidents])
    stored = [(outcome, *incident.stored_as(batch=batch, persons=persons, lookups=lookups))
              for outcome, incident in incidents]
    PoliceNotification.objects.bulk_create(notification for _, notification, _ in stored)
    NotificationChild.objects.bulk_create(child for _, _, children in stored for child in children)
    for outcome, notification, _ in stored:
        outcome.notification = notification


def _compare_resend(batch: ImportBatch, outcome: RowOutcome, record: Mapping[str, Any], lookups: ImportLookups) -> bool:
    """An incident sent again: unchanged, it stays a duplicate; changed, it amends the notification (the
    outcome says so). False when the incident is not stored at all."""
    notification = PoliceNotification.objects.select_for_update().filter(
        force=record["force"], police_reference=record["police_reference"]).first()
    if notification is None:
        return False
    changed = fmt.changed_fields(notification.payload, record)
    if changed:
        _amend(batch, notification, record, changed, lookups)
        outcome.status, outcome.notification, outcome.changed = AMENDED, notification, changed
    return True


def _amend(batch: ImportBatch, notification: PoliceNotification, record: Mapping[str, Any], changed: list[str],
           lookups: ImportLookups) -> None:
    """The new content on the notification, with a suggestion made again from it, and what it was kept
    beside. A grade a person gave stands (the amendment says it came after); the version moves on, so
    that someone grading from the old content is told it changed. When the people changed, they are
    resolved again before the suggestion is made from their history."""
    if set(changed) & PEOPLE_FIELDS:
        _people_resolved_again(notification, record, lookups)
    occurred_at = fmt.parse_moment(record["occurred_at"])
    children = list(notification.children.values_list("person_id", flat=True))
    suggestion = _suggest(record, _history_of(notification, before=occurred_at), lookups.any_on_cp_plan(children))
    NotificationAmendment.objects.create(
        notification=notification, batch=batch, changed_fields=changed,
        previous={name: notification.payload.get(name) for name in changed},
        new={name: record.get(name) for name in changed},
        suggested_grade_before=notification.suggested_grade, suggested_grade=suggestion["suggested_grade"] or "",
        graded=bool(notification.grade),
    )
    content = _content(record, suggestion)
    PoliceNotification.objects.filter(pk=notification.pk).update(**content, version=F("version") + 1)
    for name, value in {**content, "version": notification.version + 1}.items():
        setattr(notification, name, value)


PEOPLE_FIELDS = frozenset({"victim", "perpetrator", "children"})


def _people_resolved_again(notification: PoliceNotification, record: Mapping[str, Any], lookups: ImportLookups) -> None:
    """The people an amended record names, resolved as a new record's are: a corrected name or date of
    birth may be someone else in the index, or someone new (with possible matches for a person to
    review)."""
    plan = ResolutionPlan()
    # In a chunk's batch already, or (a resend found row by row) in one of its own, so that the next
    # row's lookups find the people made here.
    with resolution_batch(born_on=_dates_of_birth([record])):
        incident = _Incident.resolved(record, plan=plan, lookups=lookups)
        plan.save()
    notification.victim, notification.perpetrator = plan.persons[incident.victim_id], plan.persons[incident.perpetrator_id]
    PoliceNotification.objects.filter(pk=notification.pk).update(victim=notification.victim,
                                                                 perpetrator=notification.perpetrator)
    _children_described_again(notification, [(child, plan.persons[person_id]) for child, person_id in incident.children],
                              lookups)


def _children_described_again(notification: PoliceNotification, described: list[tuple[Mapping[str, Any], Person]],
                              lookups: ImportLookups) -> None:
    """Each child row now as described: the row of the same person (or first name) is updated, a child
    new to the record is added, and one no longer named is removed unless a school was told of them
    (that row stays, for a person to act on with the school)."""
    rows = list(notification.children.select_related("school_notification"))
    for child, person in described:
        fresh = _child(notification, child, person, lookups)
        row = _same_child(rows, child, person)
        if row is None:
            fresh.save()
            continue
        rows.remove(row)
        NotificationChild.objects.filter(pk=row.pk).update(**{
            f.attname: getattr(fresh, f.attname) for f in NotificationChild._meta.concrete_fields if not f.primary_key})
    for row in rows:
        if not hasattr(row, "school_notification"):
            row.delete()


def _same_child(rows: list[NotificationChild], child: Mapping[str, Any], person: Person) -> NotificationChild | None:
    given = child["given_name"].strip().casefold()
    return (next((row for row in rows if row.person_id == person.pk), None)
            or next((row for row in rows if row.given_name.casefold() == given), None))


def _history_of(notification: PoliceNotification, *, before: datetime) -> list[dict]:
    """The history of the notification's people, the notification itself left out."""
    people = [notification.victim_id, notification.perpetrator_id]
    among = notifications_naming(person_ids=people, since=months_before(before, HISTORY_MONTHS), before=before)
    return notification_history(person_ids=people, before=before, among=among.exclude(pk=notification.pk))


def _dates_of_birth(records: Iterable[Mapping[str, Any]]) -> Iterator[date | None]:
    return (fmt.parse_date(person.get("dob")) for record in records
            for person in (record["victim"], record["perpetrator"], *record["children"]))


def _quarantine(batch: ImportBatch, row: _Row) -> RowOutcome:
    """A bad row already waiting in quarantine, unchanged, is not quarantined twice."""
    raw, errors = storable(row.raw), storable(row.errors)
    waiting = QuarantinedRow.objects.filter(resolved_at__isnull=True, raw=raw, errors=errors).exists()
    if waiting:
        return RowOutcome(row.line, DUPLICATE, row.reference, errors=row.errors)
    QuarantinedRow.objects.create(batch=batch, line_number=row.line, raw=json_value(raw), errors=errors)
    return RowOutcome(row.line, QUARANTINED, row.reference, errors=row.errors)


@dataclass
class _Incident:
    """A valid record on its way in, its people resolved (by id until the plan is saved)."""

    record: Mapping[str, Any]
    occurred_at: datetime
    victim_id: Any
    perpetrator_id: Any
    children: list[tuple[Mapping[str, Any], Any]]   # (the child as described, their person id)

    @classmethod
    def resolved(cls, record: Mapping[str, Any], *, plan: ResolutionPlan, lookups: ImportLookups) -> "_Incident":
        occurred_at = fmt.parse_moment(record["occurred_at"])
        victim = record["victim"]
        victim_id = _resolve_adult(victim, record, occurred_at.date(), plan, lookups)
        perpetrator_id = _resolve_adult(record["perpetrator"], record, occurred_at.date(), plan, lookups)
        # Children have no address in the format; they are in the victim's household.
        children = [(child, _resolve(child, kind=Person.Kind.CHILD, address=victim.get("address", ""),
                                     postcode=victim.get("postcode", ""), plan=plan, lookups=lookups))
                    for child in record["children"]]
        return cls(record, occurred_at, victim_id, perpetrator_id, children)

    @property
    def adults(self) -> list:
        return [self.victim_id, self.perpetrator_id]

    def stored_as(self, *, batch: ImportBatch, persons: dict,
                  lookups: ImportLookups) -> tuple[PoliceNotification, list[NotificationChild]]:
        """The notification with its EVODA suggestion, and its children, to store (the plan is saved:
        every person is known by now)."""
        record = self.record
        suggestion = _suggest(record, lookups.history(self.adults, before=self.occurred_at),
                              lookups.any_on_cp_plan([person_id for _, person_id in self.children]))
        notification = PoliceNotification(
            force=record["force"],
            police_reference=record["police_reference"],
            batch=batch,
            victim=persons[self.victim_id],
            perpetrator=persons[self.perpetrator_id],
            **_content(record, suggestion),
        )
        lookups.stored(notification)
        return notification, [_child(notification, child, persons[person_id], lookups)
                              for child, person_id in self.children]


def _content(record: Mapping[str, Any], suggestion: dict) -> dict[str, Any]:
    """What a notification holds of its record and of the suggestion made from it: written when it is
    stored, and again when it is amended."""
    return {
        "occurred_at": fmt.parse_moment(record["occurred_at"]),
        "reported_at": fmt.parse_moment(record["reported_at"]),
        "location": record.get("location") or "",
        "relationship": record["relationship"],
        "victim_pregnant": bool(record["victim"].get("pregnant")),
        "dash_level": record["dash_level"],
        "dash_answers": record.get("dash_answers") or {},
        "offences": record["offences"],
        "narrative": record["narrative"],
        "payload": record,
        "tool_id": suggestion["tool_id"],
        "tool_version": suggestion["tool_version"],
        "suggested_grade": suggestion["suggested_grade"] or "",
        "suggestion": suggestion,
    }


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


def _resolve_adult(person: Mapping[str, Any], record: Mapping[str, Any], on: date, plan: ResolutionPlan,
                   lookups: ImportLookups):
    dob = fmt.parse_date(person.get("dob"))
    under_18 = (dob is not None and _age(dob, on) < ADULT_AGE) or (
        dob is None and record["relationship"] == Relationship.YOUNG_PEOPLE_PARTNERS
    )
    return _resolve(person, kind=Person.Kind.CHILD if under_18 else Person.Kind.ADULT,
                    address=person.get("address", ""), postcode=person.get("postcode", ""), plan=plan, lookups=lookups)


def _child(notification: PoliceNotification, child: Mapping[str, Any], person: Person,
           lookups: ImportLookups) -> NotificationChild:
    return NotificationChild(
        notification=notification,
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


def _resolve(person: Mapping[str, Any], *, kind: str, address: str, postcode: str, plan: ResolutionPlan,
             lookups: ImportLookups):
    person_id, created = plan.resolve(PersonDescription(
        kind=kind,
        given_name=person["given_name"].strip(),
        family_name=person["family_name"].strip(),
        date_of_birth=fmt.parse_date(person.get("dob")),
        sex=person.get("sex", Person.Sex.UNKNOWN),
        address=address,
        postcode=postcode.strip().upper(),
    ))
    return lookups.resolved(person_id, created=created)


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
    [outcome] = _store_alone(row.batch, _Row(row.line_number, row.raw, record, []), ImportLookups())
    notification = outcome.notification or PoliceNotification.objects.get(
        force=record["force"], police_reference=record["police_reference"]
    )
    QuarantinedRow.objects.filter(pk=row.pk).update(resolved_notification=notification)
    return notification


def quarantined_row_fields(row: QuarantinedRow) -> dict[str, str]:
    """The fields the correction page shows: what the row has, what is required, and every field in error."""
    fields = {path: "" for path in fmt.REQUIRED_PATHS}
    fields.update({path: value for path, value in fmt.row_as_flat(row.raw, file_format=row.batch.format).items()
                   if value or path in fields})
    for error in row.errors:
        if error["field"] and error["field"] not in fields and not error["field"].endswith("]"):
            fields[error["field"]] = ""
    return fields
