from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.intake.models import ContactChild
from frontdoor.people import identity
from frontdoor.people.errors import MergeNotAllowed
from frontdoor.people.models import Address, Person, PersonMerge, PossibleMatch, Residence


def _why(reason: str, why: str) -> str:
    return f"{reason}: {why}" if why else reason


@transaction.atomic
def contact_child_link(*, user, contact_child: ContactChild, person: Person, why: str = "") -> None:
    """Record that the child named in a contact is this person in the index."""
    contact_child.person = person
    contact_child.save(update_fields=["person"])
    access_log_record(user=user, target=person, reason=_why(f"Linked to contact {contact_child.contact.reference}", why),
                      action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def contact_child_unlink(*, user, contact_child: ContactChild, why: str = "") -> None:
    person = contact_child.person
    contact_child.person = None
    contact_child.save(update_fields=["person"])
    if person is not None:
        access_log_record(user=user, target=person,
                          reason=_why(f"Unlinked from contact {contact_child.contact.reference}", why),
                          action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def person_create_from_contact_child(*, user, contact_child: ContactChild) -> Person:
    """No one in the index matches: create the child from what the referrer told us, and link it."""
    person = Person.objects.create(
        kind=Person.Kind.UNBORN if contact_child.is_unborn else Person.Kind.CHILD,
        given_name=contact_child.given_name,
        family_name=contact_child.family_name,
        date_of_birth=contact_child.date_of_birth,
        expected_date=contact_child.expected_date,
        sex=contact_child.sex or Person.Sex.UNKNOWN,
        nhs_number=contact_child.nhs_number,
    )
    if contact_child.address or contact_child.postcode:
        address = Address.objects.create(line1=contact_child.address or "Address not given", postcode=contact_child.postcode)
        Residence.objects.create(person=person, address=address, from_date=None)
    access_log_record(user=user, target=person, reason="Created from a contact", action=AccessLogEntry.Action.CREATE)
    identity.index_note(person, created=True)
    contact_child_link(user=user, contact_child=contact_child, person=person, why="no match in the index")
    return person


def _references_to_person():
    """Every foreign key to Person but the merge bookkeeping: contact mentions, police notification
    links, cases, residences, relationships, household and strategy-discussion memberships, earlier
    merges, and whatever another app adds later, without this code having to know it."""
    for relation in Person._meta.get_fields(include_hidden=True):
        if relation.one_to_many and relation.related_model not in (PossibleMatch, PersonMerge):
            yield relation.related_model, relation.field.name


def _move_rows(model, field: str, pks: list, to: Person) -> list:
    """Point these rows at `to`; a row the target already has an equal of (both in one household,
    the same relationship twice) stays where it is, so no history is lost to a uniqueness clash."""
    try:
        with transaction.atomic():
            model.objects.filter(pk__in=pks).update(**{field: to})
        return pks
    except IntegrityError:
        return [pk for pk in pks if _move_row(model, field, pk, to)]


def _move_row(model, field: str, pk, to: Person) -> bool:
    try:
        with transaction.atomic():
            model.objects.filter(pk=pk).update(**{field: to})
        return True
    except IntegrityError:
        return False


def _move_everything(source: Person, target: Person) -> list[dict]:
    moved = []
    for model, field in _references_to_person():
        pks = [str(pk) for pk in model.objects.filter(**{field: source}).values_list("pk", flat=True)]
        pks = _move_rows(model, field, pks, target) if pks else []
        if pks:
            moved.append({"model": model._meta.label_lower, "field": field, "pks": pks})
    return moved


def _locked(*persons: Person) -> list[Person]:
    locked = Person.objects.select_for_update().in_bulk([p.pk for p in persons])
    return [locked[p.pk] for p in persons]


@transaction.atomic
def person_merge(*, user, survivor: Person, merged: Person, reason: str,
                 possible_match: PossibleMatch | None = None) -> PersonMerge:
    """`merged` is the same person as `survivor`: everything that referred to it now refers to the
    survivor, and the record stays (marked merged) so the merge can be undone."""
    survivor, merged = _locked(survivor, merged)
    if survivor.pk == merged.pk or survivor.merged_into_id or merged.merged_into_id:
        raise MergeNotAllowed("These records cannot be merged: one of them has already been merged. Reload the page.")
    if not reason.strip():
        raise MergeNotAllowed("Enter why these records are the same person")
    moved = _move_everything(merged, survivor)
    merged.merged_into = survivor
    merged.save(update_fields=["merged_into"])
    merge = PersonMerge.objects.create(survivor=survivor, merged=merged, possible_match=possible_match,
                                       merged_by=user, reason=reason.strip(), moved=moved)
    if possible_match is not None:
        _possible_match_decide(possible_match, user=user, status=PossibleMatch.Status.LINKED, reason=reason)
    for person, note in ((survivor, "Kept in a merge"), (merged, f"Merged into {survivor.full_name}")):
        access_log_record(user=user, target=person, reason=_why(note, reason), action=AccessLogEntry.Action.UPDATE)
    return merge


@transaction.atomic
def person_merge_undo(*, user, merge: PersonMerge, reason: str) -> PersonMerge:
    """Move back exactly what the merge moved; both records keep everything added since."""
    merge = PersonMerge.objects.select_for_update().select_related("survivor", "merged").get(pk=merge.pk)
    if merge.undone_at is not None:
        raise MergeNotAllowed("This merge has already been undone")
    for entry in merge.moved:
        model = apps.get_model(entry["model"])
        still_there = list(model.objects.filter(pk__in=entry["pks"], **{entry["field"]: merge.survivor})
                           .values_list("pk", flat=True))
        _move_rows(model, entry["field"], still_there, merge.merged)
    Person.objects.filter(pk=merge.merged_id).update(merged_into=None)
    merge.undone_at, merge.undone_by, merge.undo_reason = timezone.now(), user, reason.strip()
    merge.save(update_fields=["undone_at", "undone_by", "undo_reason"])
    if merge.possible_match is not None:
        PossibleMatch.objects.filter(pk=merge.possible_match_id).update(status=PossibleMatch.Status.OPEN)
    for person in (merge.survivor, merge.merged):
        access_log_record(user=user, target=person, reason=_why("Merge undone", reason), action=AccessLogEntry.Action.UPDATE)
    return merge


def _possible_match_decide(possible_match: PossibleMatch, *, user, status: str, reason: str) -> None:
    updated = PossibleMatch.objects.filter(pk=possible_match.pk, status=PossibleMatch.Status.OPEN).update(
        status=status, decided_by=user, decided_at=timezone.now(), reason=reason.strip())
    if not updated:
        raise MergeNotAllowed("Someone else has already decided about these two records. Reload the page.")


@transaction.atomic
def possible_match_merge(*, user, possible_match: PossibleMatch, reason: str) -> PersonMerge:
    """The two are one person: the record made first survives, the other is merged into it."""
    survivor, merged = sorted((possible_match.person, possible_match.candidate), key=lambda p: p.created_at)
    return person_merge(user=user, survivor=survivor, merged=merged, reason=reason, possible_match=possible_match)


@transaction.atomic
def possible_match_dismiss(*, user, possible_match: PossibleMatch, reason: str = "") -> None:
    _possible_match_decide(possible_match, user=user, status=PossibleMatch.Status.DISMISSED,
                           reason=reason or "Not the same person")
    for person in (possible_match.person, possible_match.candidate):
        access_log_record(user=user, target=person, reason="Recorded as not the same person as a possible match",
                          action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def possible_duplicates_record(*, pairs: list[identity.ScoredPair]) -> int:
    """Store duplicate pairs found in the index for the queue; a pair already there in either
    order is left as it is (its decision stands). Returns how many were added."""
    existing = set(PossibleMatch.objects.values_list("person_id", "candidate_id"))
    added = 0
    for pair in pairs:
        if (pair.person_id, pair.candidate_id) in existing or (pair.candidate_id, pair.person_id) in existing:
            continue
        PossibleMatch.objects.create(
            person_id=pair.person_id, candidate_id=pair.candidate_id, match_probability=pair.match_probability,
            evidence=pair.evidence, source=PossibleMatch.Source.DEDUPE,
        )
        existing.add((pair.person_id, pair.candidate_id))
        added += 1
    return added
