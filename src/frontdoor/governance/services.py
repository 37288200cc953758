from django.db import models

from frontdoor.governance.models import AccessLogEntry


def access_log_record(*, user, target: models.Model, reason: str, action: str = AccessLogEntry.Action.VIEW) -> None:
    """Record that a user read or changed a person or a contact (DESIGN: need to know)."""
    AccessLogEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        reason=reason[:200],
    )


def access_log_record_many(*, user, targets: list[models.Model], reason: str,
                           action: str = AccessLogEntry.Action.VIEW) -> None:
    """A list page's reads (or an export's), one row per record shown, in one statement."""
    AccessLogEntry.objects.bulk_create([
        AccessLogEntry(user=user if getattr(user, "is_authenticated", False) else None,
                       action=action, target_type=target._meta.label_lower,
                       target_id=str(target.pk), reason=reason[:200])
        for target in targets
    ])
