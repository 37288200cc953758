"""Reads of police notifications that the import, the pages and the API share."""
from collections.abc import Iterable
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from frontdoor.agencies.models import Membership
from frontdoor.casework.models import Case
from frontdoor.governance.services import access_log_record
from frontdoor.people.models import Person
from frontdoor.people.restrictions import persons_hidden_from, refused_attempts_record
from frontdoor.screening.facts import months_before
from frontdoor.triage import notification_format as fmt
from frontdoor.triage.models import NotificationChild, PoliceNotification, QuarantinedRow, SchoolNotification

HISTORY_MONTHS = 12  # EVODA history window: "3 or more in 12 months" (issue 3, seed 001)
TRIAGE_ROLES = (Membership.Role.ISCO, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


def notification_history(
    *, person_ids: Iterable, before: datetime, among: Iterable[PoliceNotification] | None = None
) -> list[dict]:
    """Earlier notifications naming any of these people as victim or perpetrator, in the 12 months
    before. among: where to look when the caller holds every notification that can name them (an
    import reads them for a chunk of rows at once); otherwise the database."""
    ids = {pk for pk in person_ids if pk is not None}
    since = months_before(before, HISTORY_MONTHS)
    if among is None:
        among = notifications_naming(person_ids=ids, since=since, before=before)
    earlier = sorted((n for n in among if {n.victim_id, n.perpetrator_id} & ids and since <= n.occurred_at < before),
                     key=lambda n: n.occurred_at)
    return [
        {"occurred_at": n.occurred_at.isoformat(), "grade": n.grade or n.suggested_grade or None,
         "summary": _summary(n)}
        for n in earlier
    ]


def notifications_naming(*, person_ids: Iterable, since: datetime, before: datetime) -> QuerySet[PoliceNotification]:
    """Notifications naming any of these people as victim or perpetrator, since until before, with
    what their history needs."""
    ids = list(person_ids)
    return PoliceNotification.objects.filter(
        Q(victim_id__in=ids) | Q(perpetrator_id__in=ids), occurred_at__lt=before, occurred_at__gte=since,
    ).only("victim", "perpetrator", "police_reference", "occurred_at", "grade", "suggested_grade",
           "relationship", "offences").order_by()


def _summary(notification: PoliceNotification) -> str:
    offences = ", ".join(notification.offences) or "no offence recorded"
    return f"{notification.police_reference}: {notification.get_relationship_display()}; {offences}"[:500]


def people_with_open_cp_plan() -> set:
    """The ids of everyone with an open child protection plan: a few hundred in an area, read at
    once rather than asked about each child."""
    return set(Case.objects.filter(kind=Case.Kind.CHILD_PROTECTION, closed_on__isnull=True)
               .values_list("person_id", flat=True))


def may_triage(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in TRIAGE_ROLES


def notifications_hidden_from(*, user) -> QuerySet[PoliceNotification]:
    """The notifications naming (as victim, perpetrator or child) a restricted person this user is not
    named on: every triage page and list leaves them out (people/restrictions.py)."""
    return PoliceNotification.objects.filter(_naming_any_of(persons_hidden_from(user=user)))


def without_restricted(notifications: QuerySet[PoliceNotification], *, user) -> QuerySet[PoliceNotification]:
    return notifications.exclude(pk__in=notifications_hidden_from(user=user))


def _naming_any_of(people: QuerySet) -> Q:
    return (Q(victim__in=people) | Q(perpetrator__in=people)
            | Q(pk__in=NotificationChild.objects.filter(person__in=people).values("notification_id")))


def notification_refused_record(*, user, notification_id, reason: str) -> None:
    """Log, against each restricted person a notification names, that this user asked for it and was refused."""
    named = PoliceNotification.objects.filter(pk=notification_id)
    refused_attempts_record(user=user, reason=reason, person_ids=[
        *(pk for pair in named.values_list("victim_id", "perpetrator_id") for pk in pair if pk is not None),
        *NotificationChild.objects.filter(notification__in=named, person__isnull=False).values_list("person_id", flat=True),
    ])


def notifications_visible_to(*, user) -> QuerySet[PoliceNotification]:
    """The ISCO and Front Door staff see every notification but those naming a restricted person hidden
    from them; nobody else sees them through these pages."""
    if not may_triage(user):
        return PoliceNotification.objects.none()
    return without_restricted(PoliceNotification.objects.all(), user=user)


def notification_get_for(*, user, notification_id, reason: str) -> PoliceNotification:
    notification = (
        notifications_visible_to(user=user)
        .select_related("victim", "perpetrator", "batch")
        .prefetch_related("children__school", "grade_decisions__decided_by")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None:
        notification_refused_record(user=user, notification_id=notification_id, reason=reason)
        raise Http404
    access_log_record(user=user, target=notification, reason=reason)
    return notification


def notifications_list(*, user, to_grade: bool = False) -> QuerySet[PoliceNotification]:
    """Newest received first; to_grade keeps those no person has graded yet."""
    notifications = notifications_visible_to(user=user).order_by("-received_at", "-occurred_at")
    if to_grade:
        notifications = notifications.filter(status=PoliceNotification.Status.RECEIVED)
    return notifications.prefetch_related("children")


def restricted_to_grade_count(*, user) -> int:
    """How many ungraded notifications name a restricted record hidden from this user: a number only, so
    that none goes ungraded unnoticed while only the staff the restriction names can open them."""
    if not may_triage(user):
        return 0
    return notifications_hidden_from(user=user).filter(status=PoliceNotification.Status.RECEIVED).count()


def quarantine_list(*, user) -> QuerySet[QuarantinedRow]:
    """The rows waiting to be corrected, less those naming a restricted person hidden from this user."""
    if not may_triage(user):
        return QuarantinedRow.objects.none()
    return quarantined_rows_without_restricted(QuarantinedRow.objects.filter(resolved_at__isnull=True), user=user
                                               ).select_related("batch").order_by("-created_at")


def quarantined_rows_without_restricted(rows: QuerySet[QuarantinedRow], *, user) -> QuerySet[QuarantinedRow]:
    return rows.exclude(pk__in=_rows_naming(rows, people=Person.objects.filter(pk__in=persons_hidden_from(user=user))))


def _rows_naming(rows: QuerySet[QuarantinedRow], *, people: QuerySet[Person]) -> dict:
    """{row id: [person id, ...]}: the rows that name any of these people. A row is not resolved to
    people, so it names one when it resends a notification naming them (by its police reference), or
    when it describes them by their name and, where it gives one, their date of birth."""
    people = list(people.only("given_name", "family_name", "date_of_birth"))
    if not people:
        return {}
    ids = {person.pk for person in people}
    by_reference: dict = {}
    naming_them = PoliceNotification.objects.filter(_naming_any_of(ids))
    for reference, *named in naming_them.values_list("police_reference", "victim_id", "perpetrator_id"):
        by_reference.setdefault(reference, set()).update(ids.intersection(named))
    for reference, child in (NotificationChild.objects.filter(notification__in=naming_them, person__in=ids)
                             .values_list("notification__police_reference", "person_id")):
        by_reference.setdefault(reference, set()).add(child)
    naming = {}
    for row in rows.only("raw", "batch__format").select_related("batch"):
        flat = fmt.row_as_flat(row.raw, file_format=row.batch.format)
        described = {path.rsplit(".", 1)[0] for path in flat if path.endswith(".family_name")}
        found = by_reference.get(flat.get("police_reference"), set()) | {
            person.pk for person in people for whose in described if _describes(flat, whose, person)}
        if found:
            naming[row.pk] = sorted(found, key=str)
    return naming


def _describes(flat: dict, whose: str, person: Person) -> bool:
    def same(field: str, value: str) -> bool:
        return str(flat.get(f"{whose}.{field}", "")).strip().casefold() == value.casefold()
    born = fmt.parse_date(flat.get(f"{whose}.dob"))
    return (same("given_name", person.given_name) and same("family_name", person.family_name)
            and (born is None or person.date_of_birth is None or born == person.date_of_birth))


def quarantined_row_get_for(*, user, row_id) -> QuarantinedRow:
    row = quarantine_list(user=user).filter(pk=row_id).first() if may_triage(user) else None
    reason = "Opened a quarantined notification row to correct it"
    if row is None:
        refused = _rows_naming(QuarantinedRow.objects.filter(pk=row_id),
                               people=Person.objects.filter(pk__in=persons_hidden_from(user=user)))
        refused_attempts_record(user=user, person_ids=refused.get(row_id, []), reason=reason)
        raise Http404
    access_log_record(user=user, target=row, reason=reason)
    return row


def person_notifications(*, user, person: Person) -> list[PoliceNotification]:
    """Police DA notifications naming this person as victim, perpetrator or child, newest incident
    first, each with its meeting outcome and `roles` (["Victim"], ["Child"], ...), in one query."""
    named_as_child = NotificationChild.objects.filter(notification=OuterRef("pk"), person=person)
    notifications = (
        notifications_visible_to(user=user)
        .filter(Q(victim=person) | Q(perpetrator=person) | Q(Exists(named_as_child)))
        .annotate(person_is_child=Exists(named_as_child))
        .select_related("outcome", "outcome__meeting")
        .order_by("-occurred_at")
    )
    found = list(notifications)
    for notification in found:
        notification.roles = [role for role, named in (
            ("Victim", notification.victim_id == person.pk), ("Perpetrator", notification.perpetrator_id == person.pk),
            ("Child", notification.person_is_child)) if named]
    return found


def records_naming(*, person: Person) -> dict[str, list]:
    """The police notifications naming this person (victim, perpetrator or child) and what their schools
    were told about them, by id, for their access log."""
    named_as_child = NotificationChild.objects.filter(person=person).values("notification_id")
    notifications = PoliceNotification.objects.filter(Q(victim=person) | Q(perpetrator=person) | Q(pk__in=named_as_child))
    return {
        PoliceNotification._meta.label_lower: list(notifications.values_list("pk", flat=True)),
        SchoolNotification._meta.label_lower: list(
            SchoolNotification.objects.filter(child__person=person).values_list("pk", flat=True)),
    }
