"""Subject access request: everything the product holds about a person, for the DPO to review and send.

Every row of the project's models that refers to the person (or to a record merged into them) is
found from the models' own relations, so a new app's records are included without a change here;
so is each record such a row belongs to (the contact a child is named on, the notification, the
episode). Other people named in a record are marked for redaction, as are the referrer's details
and free text, which may name anyone.
"""
import io
import json
import zipfile
from dataclasses import asdict, dataclass, field

from django.apps import apps
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.people.models import Person

PROJECT_PREFIX = "frontdoor."
FREE_TEXT_CHARS = 120
# Metadata rows that refer to a person but hold nothing about them a subject would be given.
NOT_HELD_ABOUT_THE_PERSON = frozenset({"governance.accesslogentry"})
THIRD_PARTY_FIELD_WORDS = ("referrer", "family_member", "perpetrator", "victim", "relative", "candidate")


@dataclass
class HeldField:
    name: str
    value: str
    redact: str = ""  # why a reviewer should consider redacting it; "" when it is the subject's own


@dataclass
class HeldRecord:
    kind: str
    record_id: str
    fields: list[HeldField] = field(default_factory=list)


def subject_access_records(person: Person) -> list[HeldRecord]:
    subject_ids = _subject_ids(person)
    return [_held(row, subject_ids) for row in _rows_about(subject_ids)]


def record_keys_about(person: Person) -> set[tuple[str, str]]:
    """(model label, id) of every record subject_access_records shows for the person."""
    return {(row._meta.label_lower, str(row.pk)) for row in _rows_about(_subject_ids(person))}


def _subject_ids(person: Person) -> set:
    return {person.pk, *person.merged_records.values_list("pk", flat=True)}


def _rows_about(subject_ids: set) -> list[models.Model]:
    rows = _rows_naming(subject_ids)
    return _unique(rows + [parent for row in rows for parent in _parents(row)])


def subject_access_export(*, user, person: Person) -> bytes:
    """A zip of the records as JSON and as a readable PDF; the export is in the access log."""
    records = subject_access_records(person)
    exported_at = timezone.now()
    access_log_record(user=user, target=person, reason="Subject access request export", action=AccessLogEntry.Action.EXPORT)
    html = render_to_string("governance/subject_access.html",
                            {"person": person, "records": records, "exported_at": exported_at})
    machine = {"person_id": str(person.pk), "exported_at": exported_at.isoformat(),
               "records": [asdict(record) for record in records]}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("records.json", json.dumps(machine, indent=2, ensure_ascii=False))
        archive.writestr("records.pdf", HTML(string=html).write_pdf())
    return buffer.getvalue()


def _project_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith(PROJECT_PREFIX)
            and m._meta.label_lower not in NOT_HELD_ABOUT_THE_PERSON]


def _rows_naming(subject_ids: set) -> list[models.Model]:
    rows = list(Person.objects.filter(pk__in=subject_ids))
    for model in _project_models():
        for relation in model._meta.get_fields(include_parents=False):
            if isinstance(relation, (models.ForeignKey, models.ManyToManyField)) and relation.related_model is Person:
                rows += model.objects.filter(**{f"{relation.name}__in": subject_ids}).distinct()
    return rows


def _parents(row: models.Model) -> list[models.Model]:
    """The records a row belongs to, one step up (a contact's child row belongs to the contact)."""
    return [getattr(row, f.name) for f in row._meta.concrete_fields
            if f.many_to_one and f.related_model.__module__.startswith(PROJECT_PREFIX)
            and f.related_model not in (Person,) and f.related_model._meta.app_label != "agencies"
            and getattr(row, f.attname) is not None]


def _unique(rows: list[models.Model]) -> list[models.Model]:
    seen, unique = set(), []
    for row in rows:
        key = (row._meta.label_lower, row.pk)
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def _held(row: models.Model, subject_ids: set) -> HeldRecord:
    record = HeldRecord(kind=str(row._meta.verbose_name).capitalize(), record_id=str(row.pk))
    for f in row._meta.concrete_fields:
        if f.primary_key or f.name == "version":
            continue
        value = getattr(row, f.name)
        if value in (None, "", [], {}):
            continue
        shown = getattr(row, f"get_{f.name}_display")() if f.choices else _as_text(value)
        record.fields.append(HeldField(str(f.verbose_name), shown, _redaction_reason(f, value, subject_ids)))
    return record


def _as_text(value) -> str:
    if isinstance(value, Person):
        return value.full_name
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _redaction_reason(f: models.Field, value, subject_ids: set) -> str:
    if isinstance(value, Person):
        return "" if value.pk in subject_ids else "Another person"
    if any(word in f.name for word in THIRD_PARTY_FIELD_WORDS):
        return "Another person's details"
    if isinstance(f, models.TextField) or (isinstance(value, str) and len(value) > FREE_TEXT_CHARS) or isinstance(f, models.JSONField):
        return "Free text: check for other people's details"
    return ""
