"""Reads of the access log."""
from collections.abc import Iterable, Mapping

from django.db.models import Q, QuerySet

from frontdoor.governance.models import AccessLogEntry


def access_log_about(*, records: Mapping[str, Iterable]) -> QuerySet[AccessLogEntry]:
    """Every access-log row about any of these records, newest first, with who it was and their agency.

    records: ids by model label, {"intake.contact": [id, ...], ...}, as each app's `records_naming`
    gives them for one person.
    """
    about = Q(pk__in=[])
    for label, ids in records.items():
        about |= Q(target_type=label, target_id__in=[str(pk) for pk in ids])
    return AccessLogEntry.objects.filter(about).select_related("user__membership__agency").order_by("-at", "-pk")
