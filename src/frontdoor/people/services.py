from datetime import date
from uuid import UUID

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from nhs_number import is_valid as nhs_number_is_valid

from frontdoor.agencies.models import Agency, Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.intake.models import ContactChild, ContactFamilyMember
from frontdoor.people import census_codes, identity
from frontdoor.people.errors import (
    FamilyMemberNotAdded,
    LinkNotAllowed,
    MergeNotAllowed,
    PersonDetailsConflict,
    PersonDetailsInvalid,
    PersonNotEditable,
    RestrictionConflict,
    RestrictionInvalid,
)
from frontdoor.people.models import (
    Address,
    Household,
    Person,
    PersonDetailsChange,
    PersonMerge,
    PersonRestriction,
    PossibleMatch,
    Relationship,
    Residence,
    nhs_number_problem,
)
from frontdoor.people.selectors import restriction_candidates, survivor_of


def _why(reason: str, why: str) -> str:
    return f"{reason}: {why}" if why else reason


@transaction.atomic
def contact_child_link(*, user, contact_child: ContactChild, person: Person, why: str = "") -> None:
    """Record that the child named in a contact is this person in the index.

    A record merged into another is refused rather than silently swapped for its survivor: the
    practitioner chose the record they checked, and the survivor (with both histories now) is for
    them to check before linking. The row is locked so a merge running now cannot slip in between.
    """
    (person,) = _locked(person)
    if person.merged_into_id:
        survivor = survivor_of(person)
        raise LinkNotAllowed(
            f"{contact_child.display_name} was not linked: the record you chose ({person.full_name}) has been "
            f"merged into {survivor.full_name}'s record since the page was shown. Check {survivor.full_name}'s "
            f"details and link them if they are {contact_child.display_name}.")
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
        school=_school_named(contact_child.school_name),
    )
    if contact_child.address or contact_child.postcode:
        address = Address.objects.create(line1=contact_child.address or "Address not given", postcode=contact_child.postcode)
        Residence.objects.create(person=person, address=address, from_date=None)
    access_log_record(user=user, target=person, reason="Created from a contact", action=AccessLogEntry.Action.CREATE)
    identity.index_note(person, created=True)
    contact_child_link(user=user, contact_child=contact_child, person=person, why="no match in the index")
    return person


def _school_named(name: str) -> Agency | None:
    """The school the referrer named, when one school in the area has that name (spacing and case aside)."""
    name = " ".join(name.split())
    if not name:
        return None
    schools = list(Agency.objects.filter(kind=Agency.Kind.SCHOOL, name__iexact=name)[:2])
    return schools[0] if len(schools) == 1 else None


RELATIONSHIP_WORDS = (  # the referrer's words for how the person is related to the child, first match wins
    ("step", Relationship.Kind.STEP_PARENT), ("grand", Relationship.Kind.GRANDPARENT),
    ("foster", Relationship.Kind.CARER), ("carer", Relationship.Kind.CARER), ("guardian", Relationship.Kind.CARER),
    ("brother", Relationship.Kind.SIBLING), ("sister", Relationship.Kind.SIBLING), ("sibling", Relationship.Kind.SIBLING),
    ("mother", Relationship.Kind.PARENT), ("father", Relationship.Kind.PARENT), ("mum", Relationship.Kind.PARENT),
    ("dad", Relationship.Kind.PARENT), ("parent", Relationship.Kind.PARENT),
)


def relationship_kind(words: str) -> str:
    """"Mother" is a parent, "stepfather" a step-parent, "mother's partner" is not the child's parent."""
    words = words.lower()
    if "partner" in words or "boyfriend" in words or "girlfriend" in words:
        return Relationship.Kind.OTHER
    return next((kind for word, kind in RELATIONSHIP_WORDS if word in words), Relationship.Kind.OTHER)


@transaction.atomic
def family_member_add_to_index(*, user, family_member: ContactFamilyMember) -> Person:
    """A family member named on a contact, added to the person index as related to each identified child
    on it, and to the household at the child's current address when they live there too."""
    children = [child.person for child in family_member.contact.children.select_related("person") if child.person]
    if not children:
        raise FamilyMemberNotAdded(f"Find the child in the person index before adding {family_member.name}")
    kind = relationship_kind(family_member.relationship)
    parts = family_member.name.split()
    given, family = " ".join(parts[:-1]), parts[-1] if parts else ""
    already = Relationship.objects.filter(
        relative__in=children, person__given_name__iexact=given, person__family_name__iexact=family,
        person__date_of_birth=family_member.date_of_birth, person__merged_into__isnull=True,
    ).first()
    if already is not None:
        raise FamilyMemberNotAdded(f"{family_member.name} is already in the person index as related to "
                                   f"{already.relative.full_name}")
    person = Person.objects.create(kind=Person.Kind.ADULT, given_name=given, family_name=family,
                                   date_of_birth=family_member.date_of_birth, sex=Person.Sex.UNKNOWN)
    home = None
    if family_member.address.strip():
        Residence.objects.create(person=person, address=Address.objects.create(line1=family_member.address.strip()))
    else:  # the form asks for an address only if it differs from the child's
        current = children[0].residences.filter(to_date__isnull=True).select_related("address").first()
        if current is not None:
            home = current.address
            Residence.objects.create(person=person, address=home)
    for child in children:
        Relationship.objects.create(person=person, relative=child, kind=kind)
    if home is not None and family_member.lives_with_child:
        household = Household.objects.filter(address=home, members=children[0]).first()
        if household is None:
            household = Household.objects.create(address=home)
            household.members.add(children[0])
        household.members.add(person)
    access_log_record(user=user, target=person, reason=f"Added from contact {family_member.contact.reference}",
                      action=AccessLogEntry.Action.CREATE)
    identity.index_note(person, created=True)
    return person


def _references_to_person():
    """Every foreign key to Person but the merge bookkeeping and the record's own history of
    corrections (their before and after are its values, not the survivor's): contact mentions,
    police notification links, cases, residences, relationships, household and strategy-discussion
    memberships, earlier merges, and whatever another app adds later, without this code having to know it."""
    for relation in Person._meta.get_fields(include_hidden=True):
        if relation.one_to_many and relation.related_model not in (PossibleMatch, PersonMerge, PersonDetailsChange):
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
    """The rows again, locked until the transaction ends, so two merges (or a merge and an undo, or
    a link) of the same person cannot interleave (a merge touches rows of many tables, more than one
    compare and set can guard). The locks are taken in primary-key order so two merges of one pair
    in opposite order wait for each other instead of deadlocking."""
    locked = {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=[p.pk for p in persons]).order_by("pk")}
    return [locked[p.pk] for p in persons]


# The survivor's own fields a merge fills from the merged record when the survivor has no value
# (DESIGN: nothing is lost). The family name is always recorded, and the kind is left as it is:
# whether an unborn child has been born is a practitioner's correction, not a merge's.
COPIED_FIELDS = ("given_name", "date_of_birth", "expected_date", "sex", "nhs_number", "school")


def _value(person: Person, name: str):
    """A field's value as it is stored in PersonMerge.copied (JSON: dates as ISO text, ids as text)."""
    value = getattr(person, Person._meta.get_field(name).attname)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def _bump_versions(*persons: Person) -> None:
    """A merge or its undo changes both records: a form opened on either before it is now stale."""
    Person.objects.filter(pk__in=[p.pk for p in persons]).update(version=F("version") + 1)
    for person in persons:
        person.version += 1


def _set_value(person: Person, name: str, stored) -> None:
    field = Person._meta.get_field(name)
    setattr(person, field.attname, None if stored is None else field.to_python(stored))


def _lacks(person: Person, name: str) -> bool:
    value = _value(person, name)
    return value in (None, "") or (name == "sex" and value == Person.Sex.UNKNOWN)


def _copy_missing_fields(*, survivor: Person, merged: Person) -> list[dict]:
    copied = []
    for name in COPIED_FIELDS:
        if _lacks(survivor, name) and not _lacks(merged, name):
            copied.append({"field": name, "before": _value(survivor, name), "after": _value(merged, name)})
            _set_value(survivor, name, _value(merged, name))
    if copied:
        survivor.save(update_fields=[Person._meta.get_field(c["field"]).attname for c in copied])
    return copied


def _restore_copied_fields(merge: PersonMerge, survivor: Person) -> list[str]:
    """Put back the survivor's values from before the merge. A field someone has changed since the
    merge keeps its newer value (never last-write-wins); the names of those are returned."""
    restored, kept = [], []
    for entry in merge.copied:
        if _value(survivor, entry["field"]) == entry["after"]:
            _set_value(survivor, entry["field"], entry["before"])
            restored.append(Person._meta.get_field(entry["field"]).attname)
        else:
            kept.append(entry["field"])
    if restored:
        survivor.save(update_fields=restored)
    return kept


def field_names(names: list[str]) -> str:
    """'date of birth, NHS number': a person's fields as a page or the access log names them."""
    return ", ".join(Person._meta.get_field(name).verbose_name for name in names)


def different_nhs_numbers(first: Person, second: Person) -> bool:
    """Two valid, different NHS numbers: near-certainly two people (the check digit catches typing
    errors), so such records are never merged."""
    return (bool(first.nhs_number) and bool(second.nhs_number) and first.nhs_number != second.nhs_number
            and nhs_number_is_valid(first.nhs_number) and nhs_number_is_valid(second.nhs_number))


@transaction.atomic
def person_merge(*, user, survivor: Person, merged: Person, reason: str,
                 possible_match: PossibleMatch | None = None) -> PersonMerge:
    """`merged` is the same person as `survivor`: everything that referred to it now refers to the
    survivor, and the record stays (marked merged) so the merge can be undone."""
    survivor, merged = _locked(survivor, merged)
    if survivor.pk == merged.pk or survivor.merged_into_id or merged.merged_into_id:
        raise MergeNotAllowed("These records cannot be merged: one of them has already been merged. Reload the page.")
    if different_nhs_numbers(survivor, merged):
        raise MergeNotAllowed(
            f"These records cannot be merged: they have different NHS numbers ({survivor.nhs_number} and "
            f"{merged.nhs_number}), so they are almost certainly different people. If one of the numbers is "
            "wrong, it has to be corrected before the records can be merged.")
    if not reason.strip():
        raise MergeNotAllowed("Enter why these records are the same person")
    copied = _copy_missing_fields(survivor=survivor, merged=merged)
    _bump_versions(survivor, merged)
    moved = _move_everything(merged, survivor)
    merged.merged_into = survivor
    merged.save(update_fields=["merged_into"])
    merge = PersonMerge.objects.create(survivor=survivor, merged=merged, possible_match=possible_match,
                                       merged_by=user, reason=reason.strip(), moved=moved, copied=copied)
    if possible_match is not None:
        _possible_match_decide(possible_match, user=user, status=PossibleMatch.Status.LINKED, reason=reason)
    for person, note in ((survivor, "Kept in a merge"), (merged, f"Merged into {survivor.full_name}")):
        access_log_record(user=user, target=person, reason=_why(note, reason), action=AccessLogEntry.Action.UPDATE)
    if copied:  # the resolver in this process matches on the survivor's new details at once
        identity.index_note(survivor, created=False)
    return merge


@transaction.atomic
def person_merge_undo(*, user, merge: PersonMerge, reason: str) -> PersonMerge:
    """Move back exactly what the merge moved; both records keep everything added since."""
    merge = PersonMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise MergeNotAllowed("This merge has already been undone")
    merge.survivor, merge.merged = _locked(Person(pk=merge.survivor_id), Person(pk=merge.merged_id))
    for entry in merge.moved:
        model = apps.get_model(entry["model"])
        still_there = list(model.objects.filter(pk__in=entry["pks"], **{entry["field"]: merge.survivor})
                           .values_list("pk", flat=True))
        _move_rows(model, entry["field"], still_there, merge.merged)
    merge.kept_since = _restore_copied_fields(merge, merge.survivor)
    _bump_versions(merge.survivor, merge.merged)
    Person.objects.filter(pk=merge.merged_id).update(merged_into=None)
    merge.merged.merged_into = None
    merge.undone_at, merge.undone_by, merge.undo_reason = timezone.now(), user, reason.strip()
    merge.save(update_fields=["undone_at", "undone_by", "undo_reason"])
    if merge.possible_match is not None:
        PossibleMatch.objects.filter(pk=merge.possible_match_id).update(status=PossibleMatch.Status.OPEN)
    kept = f" (kept the {field_names(merge.kept_since)} changed since)" if merge.kept_since else ""
    for person in (merge.survivor, merge.merged):
        access_log_record(user=user, target=person, reason=_why(f"Merge undone{kept}", reason),
                          action=AccessLogEntry.Action.UPDATE)
    if merge.copied:
        identity.index_note(merge.survivor, created=False)
    return merge


# Changing a person's details and ending an address. Compare and set on Person.version: a merge, its
# undo, another correction or another ended address since the form was shown refuses the change.

DETAILS_FIELDS = ("given_name", "family_name", "date_of_birth", "sex", "nhs_number")


def _stored(value):
    return value.isoformat() if isinstance(value, date) else value


def _editable(person: Person, version: int) -> Person:
    """The record as it is now, if the form showing `version` may still change it."""
    current = Person.objects.filter(pk=person.pk).first()
    if current is None:
        raise PersonDetailsConflict("This record is no longer in the person index. Nothing has been changed.")
    if current.merged_into_id:
        survivor = survivor_of(current)
        raise PersonNotEditable(
            f"{current.full_name}'s record has been merged into {survivor.full_name}'s record, so it cannot be "
            f"changed. Nothing has been changed: make the change on {survivor.full_name}'s record.", survivor=survivor)
    if current.version != version:
        raise PersonDetailsConflict(_conflict(current))
    return current


def _conflict(person: Person) -> str:
    return (f"Someone else changed {person.full_name}'s record (their details, an address or a merge) since you "
            "opened this page. Nothing has been saved. Reload the page to see their changes.")


def _compare_and_set(person: Person, version: int, **fields) -> None:
    updated = Person.objects.filter(pk=person.pk, version=version, merged_into__isnull=True).update(
        version=F("version") + 1, **fields)
    if not updated:  # changed between the read and this write: the transaction rolls back the rest
        raise PersonDetailsConflict(_conflict(person))


@transaction.atomic
def person_details_change(*, user, person: Person, version: int, given_name: str, family_name: str,
                          date_of_birth: date | None, sex: str, nhs_number: str, reason: str) -> PersonDetailsChange:
    """Correct a person's name, date of birth, sex or NHS number, with why. Each field's value before
    and after is kept; a number another record holds is refused (the two may be one person: that is
    a merge, decided on the possible duplicates page, not a correction)."""
    current = _editable(person, version)
    new = {"given_name": given_name.strip(), "family_name": family_name.strip(), "date_of_birth": date_of_birth,
           "sex": sex, "nhs_number": nhs_number.replace(" ", "")}
    if not new["family_name"]:
        raise PersonDetailsInvalid("Enter their last name", field="family_name")
    if date_of_birth and date_of_birth > timezone.localdate():
        raise PersonDetailsInvalid("Date of birth must be today or in the past", field="date_of_birth")
    if sex not in Person.Sex.values:
        raise PersonDetailsInvalid("Select their sex, or Not known", field="sex")
    if problem := nhs_number_problem(new["nhs_number"]):
        raise PersonDetailsInvalid(problem, field="nhs_number")
    reason = reason.strip()
    if not reason:
        raise PersonDetailsInvalid("Enter why you are changing these details", field="reason")
    changes = [{"field": name, "before": _value(current, name), "after": _stored(new[name])}
               for name in DETAILS_FIELDS if _value(current, name) != _stored(new[name])]
    if not changes:
        raise PersonDetailsInvalid("You have not changed any details. Change a detail, or go back to the "
                                   "person's page")
    # Only a number being given is checked, so a duplicate already in the index does not stop
    # correcting a name. A merged record keeps its number (merges copy, not move): its survivor is
    # the live record, so only unmerged records count.
    if new["nhs_number"] and new["nhs_number"] != current.nhs_number and (
            Person.objects.filter(nhs_number=new["nhs_number"], merged_into__isnull=True)
            .exclude(pk=current.pk).exists()):
        raise PersonDetailsInvalid(
            f"The NHS number {new['nhs_number']} belongs to another record in the person index. Check the "
            "number; if the two records are the same person, merge them from Possible duplicates instead",
            field="nhs_number")
    _compare_and_set(current, version, **{c["field"]: new[c["field"]] for c in changes})
    change = PersonDetailsChange.objects.create(person=current, kind=PersonDetailsChange.Kind.DETAILS,
                                                changed_by=user, reason=reason, changes=changes, version=version + 1)
    access_log_record(user=user, target=current, action=AccessLogEntry.Action.UPDATE,
                      reason=_why(f"Changed {field_names([c['field'] for c in changes])}", reason))
    current.refresh_from_db()
    identity.index_note(current, created=False)  # the resolver in this process matches on the new details
    return change


CENSUS_FIELDS = ("ethnicity", "upn", "upn_unknown_reason", "disabilities", "died_on")
ETHNICITY_CODES = {code for code, _ in census_codes.ETHNICITY}
UPN_UNKNOWN_CODES = {code for code, _ in census_codes.UPN_UNKNOWN}


def _census_problem(current: Person, new: dict) -> PersonDetailsInvalid | None:
    """The first thing the census would refuse in these details, on the field it belongs to."""
    if new["ethnicity"] and new["ethnicity"] not in ETHNICITY_CODES:
        return PersonDetailsInvalid("Select the child's ethnicity from the list", field="ethnicity")
    if problem := census_codes.upn_problem(new["upn"]):
        return PersonDetailsInvalid(problem, field="upn")
    if new["upn_unknown_reason"] and new["upn_unknown_reason"] not in UPN_UNKNOWN_CODES:
        return PersonDetailsInvalid("Select why the UPN is not known", field="upn_unknown_reason")
    if new["upn"] and new["upn_unknown_reason"]:
        return PersonDetailsInvalid("Give the UPN or why it is not known, not both", field="upn_unknown_reason")
    if problem := census_codes.disabilities_problem(new["disabilities"]):
        return PersonDetailsInvalid(problem, field="disabilities")
    died_on = new["died_on"]
    if died_on and (died_on > timezone.localdate() or (current.date_of_birth and died_on < current.date_of_birth)):
        return PersonDetailsInvalid("The date of death must be today or in the past, and after the date of birth",
                                    field="died_on")
    if new["upn"] and new["upn"] != current.upn and (
            Person.objects.filter(upn=new["upn"], merged_into__isnull=True).exclude(pk=current.pk).exists()):
        return PersonDetailsInvalid(f"The UPN {new['upn']} belongs to another record in the person index. Check "
                                    "the number; if the two are the same child, merge them instead", field="upn")
    return None


@transaction.atomic
def person_census_details_change(*, user, person: Person, version: int, ethnicity: str, upn: str,
                                 upn_unknown_reason: str, disabilities: list[str], died_on: date | None,
                                 reason: str = "") -> PersonDetailsChange:
    """Record what the statutory returns ask of a child (ethnicity, UPN or why there is none,
    disabilities, date of death), kept with each field's before and after like any correction."""
    current = _editable(person, version)
    new = {"ethnicity": ethnicity, "upn": upn.replace(" ", "").upper(), "upn_unknown_reason": upn_unknown_reason,
           "disabilities": list(disabilities), "died_on": died_on}
    if problem := _census_problem(current, new):
        raise problem
    changes = [{"field": name, "before": _value(current, name), "after": _stored(new[name])}
               for name in CENSUS_FIELDS if _value(current, name) != _stored(new[name])]
    if not changes:
        raise PersonDetailsInvalid("You have not changed any details. Change a detail, or go back to the "
                                   "person's page")
    _compare_and_set(current, version, **{c["field"]: new[c["field"]] for c in changes})
    change = PersonDetailsChange.objects.create(person=current, kind=PersonDetailsChange.Kind.DETAILS,
                                                changed_by=user, reason=reason.strip(), changes=changes,
                                                version=version + 1)
    access_log_record(user=user, target=current, action=AccessLogEntry.Action.UPDATE,
                      reason=_why(f"Changed {field_names([c['field'] for c in changes])}", reason.strip()))
    return change


@transaction.atomic
def residence_end(*, user, person: Person, residence: Residence, version: int, moved_out: date,
                  reason: str = "") -> PersonDetailsChange:
    """Record the day a person left an address they live at (after a merge, the kept record can
    have two current addresses). Not before they moved in, not in the future."""
    current = _editable(person, version)
    residence = Residence.objects.select_related("address").filter(pk=residence.pk, person=current).first()
    if residence is None or residence.to_date is not None:
        raise PersonDetailsConflict(_conflict(current))
    if moved_out > timezone.localdate():
        raise PersonDetailsInvalid("The date they moved out must be today or in the past", field="moved_out")
    if residence.from_date and moved_out < residence.from_date:
        raise PersonDetailsInvalid(
            f"The date they moved out must be the same as or after the date they moved in, "
            f"{residence.from_date.strftime('%-d %B %Y')}", field="moved_out")
    _compare_and_set(current, version)
    Residence.objects.filter(pk=residence.pk).update(to_date=moved_out)
    change = PersonDetailsChange.objects.create(
        person=current, kind=PersonDetailsChange.Kind.MOVED_OUT, changed_by=user, reason=reason.strip(),
        changes=[{"field": "to_date", "residence": residence.pk, "address": str(residence.address),
                  "before": None, "after": moved_out.isoformat()}], version=version + 1)
    access_log_record(user=user, target=current, action=AccessLogEntry.Action.UPDATE,
                      reason=_why("Recorded as moved out of an address", reason.strip()))
    identity.index_note(current, created=False)  # their current address is now another one, or none
    return change


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


RESTRICTION_REASON_CHARS = PersonRestriction._meta.get_field("reason").max_length
RESTRICTION_CHANGED = ("Someone else restricted this record, changed its restriction or lifted it since you opened "
                       "this page. Nothing has been saved. Reload the page to see it now.")


def _restriction_reason(reason: str, *, field: str, asking: str) -> str:
    reason = reason.strip()
    if not reason:
        raise RestrictionInvalid(asking, field=field)
    if len(reason) > RESTRICTION_REASON_CHARS:
        raise RestrictionInvalid(f"The reason must be {RESTRICTION_REASON_CHARS} characters or fewer", field=field)
    return reason


def _restriction_permitted(*, manager, permitted_ids) -> list:
    """The users named, who must be staff a restriction can name; the manager is always one of them,
    so nobody seals a record away from the person who sealed it."""
    permitted_ids = {str(pk) for pk in permitted_ids}
    users = list(restriction_candidates().filter(pk__in=[pk for pk in permitted_ids if pk.isdigit()]))
    if len(users) != len(permitted_ids):
        raise RestrictionInvalid("Choose people from the list: one of those chosen cannot be named", field="permitted")
    return [*users, manager] if manager not in users else users


@transaction.atomic
def person_restrict(*, manager, person: Person, reason: str, permitted_ids, version: int | None) -> PersonRestriction:
    """Seal a person's record to a named list, or change the reason and list of the restriction in
    force (`version`: the one the form showed; None when it showed no restriction)."""
    if manager.membership.role != Membership.Role.MANAGER:
        raise RestrictionInvalid("Only a Front Door manager can restrict a record")
    if person.merged_into_id:
        raise RestrictionInvalid("This record has been merged into another: restrict that one instead")
    reason = _restriction_reason(reason, field="reason", asking="Enter why this record is restricted")
    users = _restriction_permitted(manager=manager, permitted_ids=permitted_ids)
    current = PersonRestriction.objects.select_for_update().filter(person=person, lifted_at__isnull=True).first()
    if (current.version if current else None) != version:
        raise RestrictionConflict(RESTRICTION_CHANGED)
    if current is None:
        try:
            with transaction.atomic():
                restriction = PersonRestriction.objects.create(person=person, reason=reason, placed_by=manager)
        except IntegrityError:  # another manager's restriction was stored between the read and this write
            raise RestrictionConflict(RESTRICTION_CHANGED) from None
        action = "Record restricted to a named list"
    else:
        PersonRestriction.objects.filter(pk=current.pk).update(reason=reason, version=F("version") + 1)
        restriction, action = current, "Restriction changed: its reason or who may see the record"
    restriction.permitted.set(users)
    access_log_record(user=manager, target=person, reason=action, action=AccessLogEntry.Action.UPDATE)
    return restriction


@transaction.atomic
def person_restriction_lift(*, manager, restriction: PersonRestriction, version: int, reason: str) -> None:
    """End a restriction, with why: the record is then seen as any other; the row is kept."""
    if manager.membership.role != Membership.Role.MANAGER:
        raise RestrictionInvalid("Only a Front Door manager can lift a restriction")
    reason = _restriction_reason(reason, field="lift_reason", asking="Enter why the restriction is being lifted")
    lifted = PersonRestriction.objects.filter(pk=restriction.pk, version=version, lifted_at__isnull=True).update(
        lifted_at=timezone.now(), lifted_by=manager, lift_reason=reason, version=F("version") + 1)
    if not lifted:
        raise RestrictionConflict(RESTRICTION_CHANGED)
    access_log_record(user=manager, target=restriction.person, reason="Restriction lifted",
                      action=AccessLogEntry.Action.UPDATE)
