from datetime import date
from uuid import UUID

from django.contrib.auth import get_user_model
from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404

from frontdoor.agencies.models import Membership
from frontdoor.casework.selectors import SOCIAL_CARE_ROLES, episodes_visible_to
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.intake.models import ContactChild
from frontdoor.people import identity
from frontdoor.people.evidence import probability_text
from frontdoor.people.models import (
    Household,
    Person,
    PersonDetailsChange,
    PersonMerge,
    PersonRestriction,
    PossibleMatch,
    Relationship,
    Residence,
)
from frontdoor.people.records import contact_child_record
from frontdoor.people.restrictions import person_get_or_404, persons_hidden_from, refused_attempts_record

FRONT_DOOR_ROLES = (Membership.Role.PRACTITIONER, Membership.Role.MANAGER)
# The MARAC coordinator finds each case's victim in the index, but reads no one's person page.
SEARCH_ROLES = (*FRONT_DOOR_ROLES, Membership.Role.MARAC_COORDINATOR)


def _persons_by_role(*, user, roles=FRONT_DOOR_ROLES) -> QuerySet[Person]:
    """Only Front Door staff may search or read the person index."""
    membership = getattr(user, "membership", None)
    if membership is None or membership.role not in roles:
        return Person.objects.none()
    return Person.objects.all()


def persons_visible_to(*, user) -> QuerySet[Person]:
    """The person index as this user may read it: their role's people less the restricted records
    they are not named on."""
    return _persons_by_role(user=user).exclude(pk__in=persons_hidden_from(user=user))


def _matches_shown(*, user, matched: QuerySet[Person]) -> QuerySet[Person]:
    """A search's matches without the restricted records hidden from this user; that a search
    found one is a refused attempt, in the access log of that record."""
    hidden = persons_hidden_from(user=user)
    refused_attempts_record(user=user, person_ids=matched.filter(pk__in=hidden).values_list("pk", flat=True),
                            reason="Matched a person search")
    return matched.exclude(pk__in=hidden)


def person_search(
    *, user, given_name: str = "", family_name: str = "", date_of_birth: date | None = None,
    postcode: str = "", nhs_number: str = "", limit: int = 20,
) -> list[Person]:
    """Find people by name, date of birth, postcode or NHS number.

    An NHS number match is shown first; otherwise any person matching the family name (or its
    start) plus any of the other details given. The manual fallback to `person_candidates_for`.
    """
    people = _persons_by_role(user=user, roles=SEARCH_ROLES).filter(merged_into__isnull=True).prefetch_related(
        "residences__address", "cases")
    if nhs_number:
        exact = list(_matches_shown(user=user, matched=people.filter(nhs_number=nhs_number.replace(" ", "")))[:limit])
        if exact:
            return exact
    query = Q()
    if family_name:
        query &= Q(family_name__istartswith=family_name.strip())
    if given_name:
        query &= Q(given_name__istartswith=given_name.strip()[:3])
    if date_of_birth:
        query &= Q(date_of_birth=date_of_birth)
    if postcode:
        compact = postcode.replace(" ", "").upper()
        query &= Q(residences__address__postcode__iexact=postcode.strip()) | Q(
            residences__address__postcode__iexact=f"{compact[:-3]} {compact[-3:]}"
        )
    if not query:
        return []
    matched = _matches_shown(user=user, matched=people.filter(query).distinct())
    return list(matched.order_by("family_name", "given_name", "date_of_birth")[:limit])


def _postcode_query(postcode: str) -> Q:
    compact = postcode.replace(" ", "").upper()
    return Q(residences__address__postcode__iexact=postcode.strip()) | Q(
        residences__address__postcode__iexact=f"{compact[:-3]} {compact[-3:]}"
    )


def person_find(
    *, user, today: date, given_name: str = "", family_name: str = "", date_of_birth: date | None = None,
    age: int | None = None, school: str = "", postcode: str = "", nhs_number: str = "", limit: int = 50,
) -> list[Person]:
    """The person search that does not start from a contact: every detail given must match.

    A first name alone works (a child known only as "Tyler at Nettlecombe Vale"): names match from their start,
    the school is the person's recorded school or one a contact named for them, and an age is the years since
    the date of birth. Each person shown is logged by the page (`log_person_find_results`).
    """
    query = Q()
    if nhs_number:
        query &= Q(nhs_number=nhs_number.replace(" ", ""))
    if given_name:
        query &= Q(given_name__istartswith=given_name.strip())
    if family_name:
        query &= Q(family_name__istartswith=family_name.strip())
    if date_of_birth:
        query &= Q(date_of_birth=date_of_birth)
    if age is not None:
        youngest = _years_before(today, age)
        oldest = _years_before(today, age + 1)
        query &= Q(date_of_birth__gt=oldest, date_of_birth__lte=youngest)
    if school:
        query &= Q(school__name__icontains=school.strip()) | Q(contact_mentions__school_name__icontains=school.strip())
    if postcode:
        query &= _postcode_query(postcode)
    if not query:
        return []
    people = _matches_shown(user=user, matched=_persons_by_role(user=user).filter(merged_into__isnull=True)
                            .filter(query).distinct())
    return list(
        people.select_related("school").prefetch_related("residences__address")
        .order_by("family_name", "given_name", "date_of_birth")[:limit]
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def log_person_find_results(*, user, people: list[Person]) -> None:
    """A search result shows who a person is, so each one shown is a view of that person."""
    access_log_record_many(user=user, targets=people, reason="Shown in a person search")


def person_for_link(*, user, person_id) -> Person | None:
    """The record a practitioner chose to link, merged or not (the link service says why a merged
    one is refused); None for an id that is not a person's. Logged as a view of that person."""
    try:
        person_id = UUID(str(person_id))
    except ValueError:
        return None
    person = persons_visible_to(user=user).filter(pk=person_id).first()
    if person is not None:
        access_log_record(user=user, target=person, reason="Chosen to link to a contact")
    return person


def person_get_for(*, user, person_id, reason: str) -> Person:
    return person_get_or_404(user=user, people=_persons_by_role(user=user), person_id=person_id, reason=reason)


def persons_for_returns_visible_to(*, user) -> QuerySet[Person]:
    """Who may read and record a child's details for the statutory returns: Front Door staff and
    the performance officer every child; a social worker or team manager the children of the
    episodes they may see."""
    membership = getattr(user, "membership", None)
    if membership is None:
        return Person.objects.none()
    if membership.role in (*FRONT_DOOR_ROLES, Membership.Role.PERFORMANCE_OFFICER):
        people = Person.objects.all()
    elif membership.role in SOCIAL_CARE_ROLES:
        people = Person.objects.filter(pk__in=episodes_visible_to(user=user).values("person_id"))
    else:
        return Person.objects.none()
    return people.exclude(pk__in=persons_hidden_from(user=user))


def person_for_returns_get_for(*, user, person_id, reason: str) -> Person:
    return person_get_or_404(user=user, people=persons_for_returns_visible_to(user=user), person_id=person_id,
                           reason=reason)


def residence_get_for(*, user, person_id, residence_id: int, reason: str) -> tuple[Person, Residence | None]:
    """A person and one of their addresses, for recording that they moved out; 404 as for the
    person. A merged record's address may have moved to its survivor: the residence is then None
    and the page says where to go."""
    person = person_get_for(user=user, person_id=person_id, reason=reason)
    residence = Residence.objects.select_related("address").filter(pk=residence_id, person=person).first()
    if residence is None and not person.merged_into_id:
        raise Http404
    return person, residence


def person_details_changes(*, person: Person) -> list[PersonDetailsChange]:
    """Corrections to this record's details and its ended addresses, newest first."""
    return list(PersonDetailsChange.objects.filter(person=person).select_related("changed_by"))


def person_history(*, person: Person) -> dict:
    """What the Front Door knows about a child: previous contacts and decisions, open and closed cases."""
    mentions = (
        ContactChild.objects.filter(person=person)
        .select_related("contact", "contact__referrer_agency", "contact__decision")
        .order_by("-contact__received_at")
    )
    return {
        "contacts": [m.contact for m in mentions],
        "open_cases": [c for c in person.cases.all() if c.is_open],
        "closed_cases": [c for c in person.cases.all() if not c.is_open],
    }


def log_search_results(*, user, people: list[Person]) -> None:
    """A search result shows a person's details and history, so it is a view of that person."""
    access_log_record_many(user=user, targets=people, reason="Shown in a person index search")


def person_candidates_for(*, user, contact_child: ContactChild) -> identity.Ranked | None:
    """The resolver's ranked candidates for a child named in a contact, each shown person logged;
    None when there is no model yet (the page falls back to the manual search)."""
    if not persons_visible_to(user=user).exists():
        return None
    resolver = identity.app_resolver()
    if resolver is None:
        return None
    ranked = identity.rank(contact_child_record(contact_child), resolver=resolver, shown=persons_visible_to(user=user))
    access_log_record_many(user=user, targets=[person for person, _ in ranked.candidates],
                           reason="Shown as a candidate match for a contact")
    return ranked


def possible_matches_open(*, user, limit: int = 25) -> list[PossibleMatch]:
    """The "Possible duplicates" queue, likeliest first; both people in each pair are shown."""
    if not persons_visible_to(user=user).exists():
        return []
    pairs = list(
        _pairs_visible_to(user=user).filter(status=PossibleMatch.Status.OPEN, person__merged_into__isnull=True,
                                             candidate__merged_into__isnull=True)
        .select_related("person", "candidate").prefetch_related("person__residences__address",
                                                                "candidate__residences__address")[:limit]
    )
    access_log_record_many(user=user, targets=[person for pair in pairs for person in (pair.person, pair.candidate)],
                           reason="Shown in the possible duplicates queue")
    return pairs


def _pairs_visible_to(*, user) -> QuerySet[PossibleMatch]:
    """Pairs whose two people this user may both see."""
    visible = persons_visible_to(user=user)
    return PossibleMatch.objects.filter(person__in=visible, candidate__in=visible)


def possible_match_get_for(*, user, possible_match_id) -> PossibleMatch:
    if not persons_visible_to(user=user).exists():
        raise Http404
    pair = _pairs_visible_to(user=user).select_related("person", "candidate").filter(pk=possible_match_id).first()
    if pair is None:
        raise Http404
    return pair


def person_merges(*, person: Person) -> list[PersonMerge]:
    return list(
        PersonMerge.objects.filter(Q(survivor=person) | Q(merged=person))
        .select_related("survivor", "merged", "merged_by", "undone_by")
    )


def person_merge_get_for(*, user, merge_id) -> PersonMerge:
    merge = PersonMerge.objects.select_related("survivor", "merged").filter(pk=merge_id).first()
    if merge is None or not persons_visible_to(user=user).filter(pk=merge.survivor_id).exists():
        raise Http404
    return merge


def survivor_of(person: Person) -> Person:
    """The record a merged record now is (following later merges of its survivor too)."""
    seen = {person.pk}
    while person.merged_into_id and person.merged_into_id not in seen:
        seen.add(person.merged_into_id)
        person = Person.objects.get(pk=person.merged_into_id)
    return person


def person_page_get_for(*, user, person_id) -> Person:
    """The person for their own page, or 404 (missing and out of scope alike); the view is logged.
    A merged record is logged as opened too: the page then shows the record it was merged into."""
    person = persons_visible_to(user=user).select_related("school").filter(pk=person_id).first()
    if person is None:
        refused_attempts_record(user=user, person_ids=[person_id], reason="Viewed the person's record")
        raise Http404
    reason = ("Opened a merged record: shown the record it was merged into" if person.merged_into_id
              else "Viewed the person's record")
    access_log_record(user=user, target=person, reason=reason)
    return person


# How a relationship reads from the other side: Lisa is Ruby's parent, so Ruby is Lisa's child.
INVERSE_RELATIONSHIP = {
    Relationship.Kind.PARENT: "Child", Relationship.Kind.STEP_PARENT: "Step-child",
    Relationship.Kind.SIBLING: "Sibling", Relationship.Kind.PARTNER: "Partner",
    Relationship.Kind.EX_PARTNER: "Former partner", Relationship.Kind.GRANDPARENT: "Grandchild",
    Relationship.Kind.CARER: "Cared for by them", Relationship.Kind.OTHER: "Other",
}


def person_index_view(*, user, person: Person) -> dict:
    """What the person index holds about one person, for their page, in a fixed number of queries:
    addresses, households, relationships (who each relative is to this person), possible matches
    and merges. The caller has checked access and logged the view; the restricted people hidden from
    this user are left out of the relatives, households and matches."""
    hidden = persons_hidden_from(user=user)
    relatives = []
    for row in (Relationship.objects.filter(Q(person=person) | Q(relative=person))
                .exclude(person__in=hidden).exclude(relative__in=hidden).select_related("person", "relative")):
        if row.relative_id == person.pk:  # row.person is the `kind` of this person
            relatives.append({"person": row.person, "is": row.get_kind_display()})
        else:
            relatives.append({"person": row.relative, "is": INVERSE_RELATIONSHIP.get(row.kind, row.get_kind_display())})
    relatives.sort(key=lambda r: (r["person"].family_name, r["person"].given_name))
    households = (
        Household.objects.filter(members=person).select_related("address")
        .prefetch_related(Prefetch("members", queryset=Person.objects.exclude(pk=person.pk).exclude(pk__in=hidden),
                                   to_attr="others"))
    )
    matches = [
        {"pair": pair, "other": pair.candidate if pair.person_id == person.pk else pair.person,
         "probability": probability_text(pair.match_probability)}
        for pair in _pairs_visible_to(user=user).filter(Q(person=person) | Q(candidate=person))
        .select_related("person", "candidate", "decided_by")
    ]
    return {
        "residences": list(Residence.objects.filter(person=person).select_related("address")
                           .order_by(F("to_date").desc(nulls_first=True), F("from_date").desc(nulls_last=True))),
        "households": list(households),
        "relatives": relatives,
        "possible_matches": matches,
        "merges": person_merges(person=person),
        "details_changes": person_details_changes(person=person),
    }


def records_naming(*, person: Person) -> dict[str, list]:
    """This person's record and those merged into it, by id, for their access log."""
    merged = Person.objects.filter(merged_into=person).values_list("pk", flat=True)
    return {Person._meta.label_lower: [person.pk, *merged]}


RESTRICTION_PERMITTED_ROLES = (*FRONT_DOOR_ROLES, *SOCIAL_CARE_ROLES, Membership.Role.PERFORMANCE_OFFICER,
                               Membership.Role.CONFERENCE_CHAIR, Membership.Role.EARLY_HELP_LEAD,
                               Membership.Role.MISSING_COORDINATOR, Membership.Role.PRIVATE_FOSTERING_WORKER,
                               Membership.Role.MARAC_COORDINATOR, Membership.Role.ISCO, Membership.Role.LADO)


def restriction_candidates() -> QuerySet:
    """Who a restriction can name: the active staff whose roles read the person index or a child's
    records (anyone else would not see the record anyway)."""
    return (get_user_model().objects.filter(is_active=True, membership__role__in=RESTRICTION_PERMITTED_ROLES)
            .select_related("membership__agency").order_by("last_name", "first_name", "pk"))


def restriction_in_force(*, person: Person) -> PersonRestriction | None:
    return (PersonRestriction.objects.filter(person=person, lifted_at__isnull=True)
            .select_related("placed_by").prefetch_related("permitted").first())


def restriction_history(*, person: Person) -> list[PersonRestriction]:
    return list(PersonRestriction.objects.filter(person=person, lifted_at__isnull=False)
                .select_related("placed_by", "lifted_by"))
