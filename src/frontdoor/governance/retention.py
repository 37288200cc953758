"""The retention schedule (configuration: FRONTDOOR_RETENTION) and the audited job that applies it.

A rule names a kind of record, the date its clock runs from and how many years it is kept. A
record is due when that date is older than the cut-off; it is kept anyway while a legal hold on
anyone it names is in force, or while another record still depends on it (reported with why).
"""
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from frontdoor.governance.models import LegalHold, RetentionRun
from frontdoor.governance.subject_access import record_keys_about


@dataclass
class RuleResult:
    record: str
    years: int
    why: str
    due: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)


def retention_apply(*, delete: bool, now: datetime | None = None) -> list[RuleResult]:
    """What the schedule makes due now; with delete, deletes it. Either way the run is recorded."""
    now = now or timezone.now()
    holds = list(LegalHold.objects.filter(lifted_at__isnull=True).select_related("person"))
    held = _held_keys(holds)
    results = [_apply_rule(rule, now=now, held=held, delete=delete) for rule in settings.FRONTDOOR_RETENTION]
    RetentionRun.objects.create(deleting=delete, holds=[str(hold.pk) for hold in holds], summary=[
        {"record": r.record, "due": len(r.due), "deleted": r.deleted, "kept": r.kept} for r in results])
    return results


def _cutoff(now: datetime, years: int) -> datetime:
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def _held_keys(holds: list[LegalHold]) -> set[tuple[str, str]]:
    keys = set()
    for hold in holds:
        keys |= record_keys_about(hold.person)
    return keys


def _apply_rule(rule: dict, *, now: datetime, held: set, delete: bool) -> RuleResult:
    model = apps.get_model(rule["record"])
    result = RuleResult(record=rule["record"], years=rule["years"], why=rule["why"])
    due = model.objects.filter(**{f"{rule['date_field']}__lt": _cutoff(now, rule["years"])}).order_by("pk")
    for row in due.iterator():
        record_id = str(row.pk)
        result.due.append(record_id)
        if (model._meta.label_lower, record_id) in held:
            result.kept[record_id] = "A legal hold is in force on someone it names"
        elif delete:
            _delete_one(row, record_id, result)
    return result


def _delete_one(row, record_id: str, result: RuleResult) -> None:
    try:
        with transaction.atomic():
            row.delete()
    except ProtectedError as error:
        blocking = sorted({str(obj._meta.verbose_name) for obj in error.protected_objects})
        result.kept[record_id] = f"Still needed by: {', '.join(blocking)}"
    else:
        result.deleted.append(record_id)
