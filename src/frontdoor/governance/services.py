from collections.abc import Iterable

from django.core.paginator import Page, Paginator
from django.db import models

from frontdoor.governance.models import AccessLogEntry


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
