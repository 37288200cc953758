"""Reads of the access log."""
from collections.abc import Iterable, Mapping

from django.db.models import Q, QuerySet

from frontdoor.agencies.models import Membership
from frontdoor.governance.models import AccessLogEntry, LegalHold, RetentionRun


# Roles whose work is a stream sealed to them: a LADO's read of a child is a read of an allegation
# against an adult who works with children, so a row of theirs says that allegation exists.
SEALED_STREAM_ROLES = (Membership.Role.LADO,)


def access_log_about(*, records: Mapping[str, Iterable], viewer) -> QuerySet[AccessLogEntry]:
    """Every access-log row about any of these records that this viewer may know of, newest first, with
    who it was and their agency: the rows of a sealed stream's people only to the same role.

    records: ids by model label, {"intake.contact": [id, ...], ...}, as each app's `records_naming`
    gives them for one person.
    """
    about = Q(pk__in=[])
    for label, ids in records.items():
        about |= Q(target_type=label, target_id__in=[str(pk) for pk in ids])
    membership = getattr(viewer, "membership", None)
    sealed = [role for role in SEALED_STREAM_ROLES if membership is None or role != membership.role]
    return (AccessLogEntry.objects.filter(about).exclude(user__membership__role__in=sealed)
            .select_related("user__membership__agency").order_by("-at", "-pk"))


def legal_holds_of(*, person) -> list[LegalHold]:
    """Every hold on this person, in force or lifted, newest first."""
    return list(LegalHold.objects.filter(person=person).select_related("placed_by", "lifted_by"))


def legal_holds_in_force(*, people: QuerySet) -> list[LegalHold]:
    """The holds in force on these people (the reader's visible people), newest first."""
    return list(LegalHold.objects.filter(lifted_at__isnull=True, person__in=people)
                .select_related("person", "placed_by"))


def retention_runs_recent(*, limit: int = 10) -> list[RetentionRun]:
    return list(RetentionRun.objects.all()[:limit])
