from collections.abc import Iterable

from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.governance.errors import LegalHoldConflict, LegalHoldInvalid
from frontdoor.governance.models import AccessLogEntry, LegalHold


def _actor(user):
    return user if getattr(user, "is_authenticated", False) else None


def access_log_record(*, user, target: models.Model, reason: str, action: str = AccessLogEntry.Action.VIEW) -> None:
    """Record that a user read or changed a person or a contact (DESIGN: need to know)."""
    AccessLogEntry.objects.create(
        user=_actor(user),
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        reason=reason[:200],
    )


def access_log_record_many(*, user, targets: Iterable[models.Model], reason: str,
                           action: str = AccessLogEntry.Action.VIEW) -> None:
    """A list page's reads (or an export's), one row per record shown, in one statement (none for an empty page)."""
    AccessLogEntry.objects.bulk_create([
        AccessLogEntry(user=_actor(user), action=action, target_type=target._meta.label_lower,
                       target_id=str(target.pk), reason=reason[:200])
        for target in targets
    ])


def access_log_page(*, user, objects, number, per_page: int, reason: str) -> Page:
    """One page of a list, every record on it logged as viewed: the page's slice, not the whole list."""
    page = Paginator(objects, per_page).get_page(number)
    access_log_record_many(user=user, targets=list(page), reason=reason)
    return page


LEGAL_HOLD_REASON_CHARS = LegalHold._meta.get_field("reason").max_length
LEGAL_HOLD_ROLES = (Membership.Role.MANAGER,)


def _hold_reason(reason: str, *, field: str, asking: str) -> str:
    reason = reason.strip()
    if not reason:
        raise LegalHoldInvalid(asking, field=field)
    if len(reason) > LEGAL_HOLD_REASON_CHARS:
        raise LegalHoldInvalid(f"The reason must be {LEGAL_HOLD_REASON_CHARS} characters or fewer", field=field)
    return reason


def _may_hold(user) -> None:
    if getattr(getattr(user, "membership", None), "role", None) not in LEGAL_HOLD_ROLES:
        raise LegalHoldInvalid("Only a Front Door manager can place or lift a legal hold")


@transaction.atomic
def legal_hold_place(*, user, person, reason: str) -> LegalHold:
    """Keep everything held about a person past its retention date, with why (a court case, a review)."""
    _may_hold(user)
    if person.merged_into_id:
        raise LegalHoldInvalid("This record has been merged into another: place the hold on that one")
    reason = _hold_reason(reason, field="reason", asking="Enter why the records must be kept")
    hold = LegalHold.objects.create(person=person, reason=reason, placed_by=user)
    access_log_record(user=user, target=person, reason="Legal hold placed", action=AccessLogEntry.Action.UPDATE)
    return hold


@transaction.atomic
def legal_hold_lift(*, user, hold: LegalHold, version: int, reason: str) -> None:
    """End a hold: the person's records then follow the retention schedule again. The hold is kept."""
    _may_hold(user)
    reason = _hold_reason(reason, field="lift_reason", asking="Enter why the hold is being lifted")
    lifted = LegalHold.objects.filter(pk=hold.pk, version=version, lifted_at__isnull=True).update(
        lifted_at=timezone.now(), lifted_by=user, lift_reason=reason, version=F("version") + 1)
    if not lifted:
        raise LegalHoldConflict("Someone else lifted this hold since you opened this page. Nothing has been saved.")
    access_log_record(user=user, target=hold.person, reason="Legal hold lifted", action=AccessLogEntry.Action.UPDATE)
