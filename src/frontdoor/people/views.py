from datetime import date

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.casework.selectors import person_casework
from frontdoor.casework.selectors import records_naming as casework_records_naming
from frontdoor.fostering.selectors import person_fostering
from frontdoor.missing.selectors import person_missing
from frontdoor.decisions.selectors import decision_outcome_texts
from frontdoor.forms_govuk import error_links
from frontdoor.governance.selectors import access_log_about
from frontdoor.intake.selectors import contact_get_for, person_contacts
from frontdoor.intake.selectors import records_naming as intake_records_naming
from frontdoor.intake.views import FRONT_DOOR, contact_page
from frontdoor.people import selectors, services
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
from frontdoor.people.evidence import RECOMMENDATIONS, evidence_rows, probability_text
from frontdoor.people.forms import (
    CensusDetailsForm,
    MovedOutForm,
    PersonDetailsForm,
    PersonFindForm,
    PersonSearchForm,
    RestrictionForm,
    RestrictionLiftForm,
)
from frontdoor.people.models import Person, PersonDetailsChange, Residence
from frontdoor.triage.selectors import person_notifications
from frontdoor.triage.selectors import records_naming as triage_records_naming


def _contact_child(request, contact_id, child_id, reason):
    contact = contact_get_for(user=request.user, contact_id=contact_id, reason=reason)
    child = contact.children.filter(pk=child_id).first()
    if child is None:
        raise Http404
    return contact, child


def _prefill(child) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update({"given_name": child.given_name, "family_name": child.family_name, "postcode": child.postcode,
                 "nhs_number": child.nhs_number})
    if child.date_of_birth:
        data.update({"date_of_birth_0": child.date_of_birth.day, "date_of_birth_1": child.date_of_birth.month,
                     "date_of_birth_2": child.date_of_birth.year})
    return data


def _searched(request, form) -> list | None:
    if not form.is_valid():
        return None
    results = selectors.person_search(user=request.user, **form.cleaned_data)
    selectors.log_search_results(user=request.user, people=results)
    return [(p, selectors.person_history(person=p)) for p in results]


def _ranked_cards(ranked) -> list[dict]:
    return [
        {"person": person, "history": selectors.person_history(person=person), "probability": probability_text(candidate.match_probability),
         "evidence": evidence_rows(candidate.evidence)}
        for person, candidate in ranked.candidates
    ]


@login_required
@role_required(*FRONT_DOOR)
def find_child(request, contact_id, child_id):
    """The resolver's ranked candidates with their evidence; the manual search is the fallback
    (searches are POSTed: no personal data in URLs)."""
    contact, child = _contact_child(request, contact_id, child_id, "Searched the person index for a child")
    return _find_page(request, contact, child, searching=request.method == "POST")


def _find_page(request, contact, child, *, searching=False, errors=(), status=200):
    ranked = None if searching else selectors.person_candidates_for(user=request.user, contact_child=child)
    form = PersonSearchForm(request.POST if searching else _prefill(child))
    results = _searched(request, form) if searching or ranked is None else None
    return render(request, "people/find_child.html", {
        "contact": contact, "child": child, "form": form, "results": results, "ranked": ranked,
        "recommendation": ranked and RECOMMENDATIONS[ranked.decision],
        "cards": ranked and _ranked_cards(ranked),
        "errors": list(errors),
        "page_title": "Find the child in the person index",
    }, status=status)


@login_required
@role_required(*FRONT_DOOR)
@require_http_methods(["GET", "POST"])
def person_find(request):
    """Find a person without starting from a contact. The search is POSTed and its results rendered from the
    POST, so no name, date of birth or NHS number goes in an address; each person shown is logged."""
    form = PersonFindForm(request.POST if request.method == "POST" else None)
    results = None
    if form.is_bound and form.is_valid():
        results = selectors.person_find(user=request.user, today=timezone.localdate(), **form.cleaned_data)
        selectors.log_person_find_results(user=request.user, people=results)
    return render(request, "people/person_find.html", {
        "form": form, "results": results, "page_title": "Find a person",
    }, status=400 if form.is_bound and form.errors else 200)


LINK_BASIS = {"ranked": "chosen from the resolver's candidates", "search": "chosen from a manual search"}


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def link_child(request, contact_id, child_id):
    contact, child = _contact_child(request, contact_id, child_id, "Linked a child")
    person = selectors.person_for_link(user=request.user, person_id=request.POST.get("person_id"))
    try:
        if person is None:
            raise LinkNotAllowed(f"{child.display_name} was not linked: the record you chose is not in "
                                          "the person index. Choose from the records below or search again.")
        services.contact_child_link(user=request.user, contact_child=child, person=person,
                                    why=LINK_BASIS.get(request.POST.get("basis"), ""))
    except LinkNotAllowed as error:
        return _find_page(request, contact, child, errors=[str(error)], status=400)
    messages.success(request, f"{child.display_name} linked to {person.full_name} in the person index")
    return redirect("intake:contact", contact_id=contact.pk)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def unlink_child(request, contact_id, child_id):
    contact, child = _contact_child(request, contact_id, child_id, "Unlinked a child")
    services.contact_child_unlink(user=request.user, contact_child=child, why="the practitioner unlinked it")
    messages.success(request, f"{child.display_name} is no longer linked")
    return redirect("intake:contact", contact_id=contact.pk)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def create_person(request, contact_id, child_id):
    contact, child = _contact_child(request, contact_id, child_id, "Created a person")
    person = services.person_create_from_contact_child(user=request.user, contact_child=child)
    messages.success(request, f"{person.full_name} added to the person index and linked")
    return redirect("intake:contact", contact_id=contact.pk)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def add_family_member(request, contact_id, member_id):
    contact = contact_get_for(user=request.user, contact_id=contact_id, reason="Added a family member to the index")
    member = contact.family_members.filter(pk=member_id).first()
    if member is None:
        raise Http404
    try:
        person = services.family_member_add_to_index(user=request.user, family_member=member)
    except FamilyMemberNotAdded as error:
        return contact_page(request, contact, errors=[str(error)], status=400)
    messages.success(request, f"{person.full_name} added to the person index and the household")
    return redirect("intake:contact", contact_id=contact.pk)


def _reason(request) -> str:
    return request.POST.get("reason", "").strip()[:1000]


def _duplicates_page(request, *, errors: dict | None = None, status=200):
    errors = errors or {}
    pairs = selectors.possible_matches_open(user=request.user)
    return render(request, "people/possible_duplicates.html", {
        "pairs": [{"pair": pair, "probability": probability_text(pair.match_probability),
                   "rows": evidence_rows(pair.evidence), "error": errors.get(pair.pk),
                   "different_nhs_numbers": services.different_nhs_numbers(pair.person, pair.candidate)}
                  for pair in pairs],
        "error_links": [(f"reason-{pk}", message) for pk, message in errors.items()],
        "page_title": "Possible duplicates",
    }, status=status)


@login_required
@role_required(*FRONT_DOOR)
def possible_duplicates(request):
    return _duplicates_page(request)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def possible_duplicate_merge(request, match_id):
    pair = selectors.possible_match_get_for(user=request.user, possible_match_id=match_id)
    try:
        merge = services.possible_match_merge(user=request.user, possible_match=pair, reason=_reason(request))
    except MergeNotAllowed as error:
        return _duplicates_page(request, errors={pair.pk: str(error)}, status=400)
    messages.success(request, f"{merge.merged.full_name} merged into {merge.survivor.full_name}")
    return redirect("people:merges", person_id=merge.survivor_id)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def possible_duplicate_dismiss(request, match_id):
    pair = selectors.possible_match_get_for(user=request.user, possible_match_id=match_id)
    try:
        services.possible_match_dismiss(user=request.user, possible_match=pair, reason=_reason(request))
    except MergeNotAllowed as error:
        return _duplicates_page(request, errors={pair.pk: str(error)}, status=400)
    messages.success(request, f"{pair.person.full_name} and {pair.candidate.full_name} recorded as different people")
    return redirect("people:possible_duplicates")


def _moved_summary(merge) -> list[str]:
    """What a merge moved, in words: '3 contact children', '1 residence'."""
    summary = []
    for entry in merge.moved:
        meta = apps.get_model(entry["model"])._meta
        name = meta.verbose_name if len(entry["pks"]) == 1 else meta.verbose_name_plural
        summary.append(f"{len(entry['pks'])} {name}")
    return summary


def _copied_summary(merge) -> list[str]:
    """What a merge filled on the kept record, in words: 'NHS number 9434765919', 'school'."""
    summary = []
    for entry in merge.copied:
        field = Person._meta.get_field(entry["field"])
        name = "First name" if field.name == "given_name" else field.verbose_name[0].upper() + field.verbose_name[1:]
        summary.append(name if field.is_relation else f"{name}: {_shown(field, entry['after'])}")
    return summary


def _shown(field, stored) -> str:
    value = field.to_python(stored)
    if isinstance(value, list):
        return ", ".join(value) or "none"
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    return dict(field.choices).get(value, value) if field.choices else str(value)


def _merges_page(request, person, *, errors: dict | None = None, status=200):
    errors = errors or {}
    return render(request, "people/merges.html", {
        "person": person,
        "merges": [{"merge": m, "moved": _moved_summary(m), "copied": _copied_summary(m), "error": errors.get(m.pk)}
                   for m in selectors.person_merges(person=person)],
        "error_links": [(f"reason-{pk}", message) for pk, message in errors.items()],
        "page_title": f"Merge history: {person.full_name}",
    }, status=status)


@login_required
@role_required(*FRONT_DOOR)
def merges(request, person_id):
    person = selectors.person_get_for(user=request.user, person_id=person_id, reason="Viewed the merge history")
    return _merges_page(request, person)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def merge_undo(request, merge_id):
    merge = selectors.person_merge_get_for(user=request.user, merge_id=merge_id)
    reason = _reason(request)
    try:
        if not reason.strip():
            raise MergeNotAllowed("Enter why this merge is being undone")
        undone = services.person_merge_undo(user=request.user, merge=merge, reason=reason)
    except MergeNotAllowed as error:
        return _merges_page(request, merge.survivor, errors={merge.pk: str(error)}, status=400)
    kept = (f" The {services.field_names(undone.kept_since)} of {merge.survivor.full_name} changed after the merge"
            " and keep their newer values." if undone.kept_since else "")
    messages.success(request, f"Merge undone: {merge.merged.full_name} is a separate record again.{kept}")
    return redirect("people:merges", person_id=merge.survivor_id)


@login_required
@role_required(Membership.Role.MANAGER)
def access_log(request, person_id):
    """For a Front Door manager: who viewed or changed this person's record, and the contacts, police
    notifications, school notifications and episodes naming them, newest first; not the LADO's reads,
    which would reveal an allegation the manager may not know of. Opening it is logged
    (the first row); anyone else gets the 404 a missing record gets."""
    person = selectors.person_get_for(user=request.user, person_id=person_id, reason="Viewed who has viewed this record")
    records = {**selectors.records_naming(person=person), **intake_records_naming(person=person),
               **triage_records_naming(person=person), **casework_records_naming(person=person)}
    page = Paginator(access_log_about(records=records, viewer=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "people/access_log.html", {
        "person": person, "page": page,
        "rows": [{"entry": entry, "record": apps.get_model(entry.target_type)._meta.verbose_name} for entry in page],
        "page_title": f"Who has viewed this record: {person.full_name}",
    })


MERGED_FROM = "people.opened_merged_record"  # session key: the merged record whose page was asked for


@login_required
@role_required(*FRONT_DOOR)
def person(request, person_id):
    """Everything the Front Door holds about one person, from every app, on one page. Each app's
    selector applies its own access rule; the view composes them. A merged record's page is the
    record it was merged into, with a notice saying so."""
    person = selectors.person_page_get_for(user=request.user, person_id=person_id)
    if person.merged_into_id:
        survivor = selectors.survivor_of(person)
        request.session[MERGED_FROM] = {"merged": str(person.pk), "survivor": str(survivor.pk)}
        return redirect("people:person", person_id=survivor.pk)
    index = selectors.person_index_view(user=request.user, person=person)
    return render(request, "people/person.html", {
        "person": person,
        **index,
        "details_changes": [_change_row(change) for change in index["details_changes"]],
        "merged_from": _merged_from_notice(request, person, index["merges"]),
        "contacts": [_contact_row(mention.contact) for mention in person_contacts(user=request.user, person=person)],
        "notifications": person_notifications(user=request.user, person=person),
        "restriction": selectors.restriction_in_force(person=person),
        **person_casework(user=request.user, person=person),
        **person_missing(user=request.user, person=person),
        **person_fostering(user=request.user, person=person),
        "page_title": person.full_name,
    })


def _merged_from_notice(request, person, merges) -> dict | None:
    opened = request.session.pop(MERGED_FROM, None)
    if not isinstance(opened, dict) or opened.get("survivor") != str(person.pk):
        return None  # another page was opened in between: the notice was for that redirect only
    opened_id = opened["merged"]
    merge = next((m for m in merges if str(m.merged_id) == opened_id and m.undone_at is None), None)
    opened = merge.merged if merge else selectors.persons_visible_to(user=request.user).filter(pk=opened_id).first()
    return opened and {"person": opened, "merge": merge}


def _contact_row(contact) -> dict:
    decision = getattr(contact, "decision", None)
    return {"contact": contact, "decision": decision,
            "outcome": decision_outcome_texts(decision=decision) if decision else None}


def _change_row(change: PersonDetailsChange) -> dict:
    """A correction as the person page lists it: 'NHS number: 9434765918 to 9434765919'."""
    if change.kind == PersonDetailsChange.Kind.MOVED_OUT:
        lines = [f"Moved out of {entry['address']} on {_shown(Residence._meta.get_field('to_date'), entry['after'])}"
                 for entry in change.changes]
    else:
        lines = []
        for entry in change.changes:
            field = Person._meta.get_field(entry["field"])
            before = _shown(field, entry["before"]) if entry["before"] not in (None, "") else "not known"
            after = _shown(field, entry["after"]) if entry["after"] not in (None, "") else "not known"
            lines.append(f"{_label(field)}: {before} to {after}")
    return {"change": change, "lines": lines}


def _label(field) -> str:
    return "First name" if field.name == "given_name" else "Last name" if field.name == "family_name" else (
        field.verbose_name[0].upper() + field.verbose_name[1:])


def _refused(form, error) -> None:
    """A service's refusal on the form: on its field when it names one, else for the whole form."""
    form.add_error(getattr(error, "field", None), str(error))


def _merged_survivor(person):
    return selectors.survivor_of(person) if person.merged_into_id else None


def _person_edit(request, *, person, form, save, done: str, anchor: str, template: str, context: dict,
                 back: str | None = None):
    """A form that changes a person's record: a merged record is never changed (the page names its
    survivor), a service's refusal goes on the form, and success returns to the person's page."""
    survivor = _merged_survivor(person)
    if request.method == "POST" and survivor is None and form.is_valid():
        try:
            save(form.cleaned_data)
        except PersonNotEditable as error:
            survivor = error.survivor
        except (PersonDetailsInvalid, PersonDetailsConflict) as error:
            _refused(form, error)
        else:
            messages.success(request, done)
            return redirect(f"{back or reverse('people:person', args=[person.pk])}#{anchor}")
    return render(request, template, {**context, "person": person, "form": form, "survivor": survivor},
                  status=400 if request.method == "POST" else 200)


@login_required
@role_required(*FRONT_DOOR)
def person_details_change(request, person_id):
    """Correct a person's name, date of birth, sex or NHS number, with why. A merged record is not
    changed: the page names the record it was merged into."""
    reason = "Changed the person's details" if request.method == "POST" else "Opened the form to change details"
    person = selectors.person_get_for(user=request.user, person_id=person_id, reason=reason)
    form = PersonDetailsForm(request.POST) if request.method == "POST" else PersonDetailsForm.for_person(person)

    def save(data):
        services.person_details_change(
            user=request.user, person=person, version=data["version"], given_name=data["given_name"],
            family_name=data["family_name"], date_of_birth=data["date_of_birth"], sex=data["sex"],
            nhs_number=data["nhs_number"], reason=data["reason"])

    return _person_edit(
        request, person=person, form=form, save=save, done=f"{person.full_name}'s details have been changed",
        anchor="changes", template="people/person_details_change.html",
        context={"page_title": f"Change details: {person.full_name}"},
    )


RETURNS_ROLES = (*FRONT_DOOR, Membership.Role.SOCIAL_WORKER, Membership.Role.TEAM_MANAGER,
                 Membership.Role.PERFORMANCE_OFFICER)


@login_required
@role_required(*RETURNS_ROLES)
def person_census_details_change(request, person_id):
    """Record what the statutory returns ask of a child: ethnicity, UPN or why not, disabilities, death."""
    reason = ("Changed the child's details for returns" if request.method == "POST"
              else "Opened the child's details for returns")
    person = selectors.person_for_returns_get_for(user=request.user, person_id=person_id, reason=reason)
    form = CensusDetailsForm(request.POST) if request.method == "POST" else CensusDetailsForm.for_person(person)
    back = _back_to(request, person)

    def save(data):
        services.person_census_details_change(
            user=request.user, person=person, version=data["version"], ethnicity=data["ethnicity"], upn=data["upn"],
            upn_unknown_reason=data["upn_unknown_reason"], disabilities=data["disabilities"],
            died_on=data["died_on"], reason=data["reason"])

    return _person_edit(
        request, person=person, form=form, save=save, done=f"{person.full_name}'s details for returns have been saved",
        anchor="changes", template="people/person_census_details.html",
        context={"page_title": f"Child's details for returns: {person.full_name}", "back": back}, back=back,
    )


def _back_to(request, person) -> str:
    """The person's page for those who may open it, else the social worker's cases or the census page."""
    role = request.user.membership.role
    if role in FRONT_DOOR:
        return reverse("people:person", args=[person.pk])
    return reverse("reporting:cin_census" if role == Membership.Role.PERFORMANCE_OFFICER else "casework:my_cases")


@login_required
@role_required(*FRONT_DOOR)
def residence_moved_out(request, person_id, residence_id):
    """Record the day someone left an address they live at."""
    reason = ("Recorded a move out of an address" if request.method == "POST"
              else "Opened the form to record a move out")
    person, residence = selectors.residence_get_for(user=request.user, person_id=person_id,
                                                    residence_id=residence_id, reason=reason)
    form = MovedOutForm(request.POST) if request.method == "POST" else MovedOutForm(initial={"version": person.version})

    def save(data):
        services.residence_end(user=request.user, person=person, residence=residence, version=data["version"],
                               moved_out=data["moved_out"], reason=data["reason"])

    return _person_edit(
        request, person=person, form=form, save=save,
        done=f"{person.full_name} recorded as moved out of {residence.address}", anchor="addresses",
        template="people/residence_moved_out.html",
        context={"residence": residence, "page_title": f"Moved out: {person.full_name}"},
    )


def _restriction_page(request, person, *, form=None, lift_form=None, status=200):
    restriction = selectors.restriction_in_force(person=person)
    permitted = [str(user.pk) for user in restriction.permitted.all()] if restriction else []
    form = form or RestrictionForm(candidates=selectors.restriction_candidates(), initial={
        "reason": restriction.reason if restriction else "", "permitted": permitted,
        "version": restriction.version if restriction else None})
    lift_form = lift_form or (restriction and RestrictionLiftForm(initial={"version": restriction.version}))
    return render(request, "people/restriction.html", {
        "person": person, "restriction": restriction, "form": form, "lift_form": lift_form,
        "history": selectors.restriction_history(person=person),
        "error_links": error_links(form) + (error_links(lift_form, anchor="lift-form") if lift_form else []),
        "page_title": f"Restricted record: {person.full_name}",
    }, status=status)


@login_required
@role_required(Membership.Role.MANAGER)
@require_http_methods(["GET", "POST"])
def person_restriction(request, person_id):
    """For a Front Door manager: seal a person's record to a named list, or change who is on it."""
    reason = "Restricted the record" if request.method == "POST" else "Opened the record's restriction"
    person = selectors.person_get_for(user=request.user, person_id=person_id, reason=reason)
    if request.method == "GET":
        return _restriction_page(request, person)
    form = RestrictionForm(request.POST, candidates=selectors.restriction_candidates())
    if form.is_valid():
        try:
            services.person_restrict(manager=request.user, person=person, reason=form.cleaned_data["reason"],
                                     permitted_ids=form.cleaned_data["permitted"],
                                     version=form.cleaned_data["version"])
        except (RestrictionInvalid, RestrictionConflict) as error:
            _refused(form, error)
        else:
            messages.success(request, f"{person.full_name}'s record is restricted to the people you named")
            return redirect("people:person", person_id=person.pk)
    return _restriction_page(request, person, form=form, status=400)


@login_required
@role_required(Membership.Role.MANAGER)
@require_POST
def person_restriction_lift(request, person_id):
    person = selectors.person_get_for(user=request.user, person_id=person_id, reason="Lifted the record's restriction")
    restriction = selectors.restriction_in_force(person=person)
    form = RestrictionLiftForm(request.POST)
    if restriction is not None and form.is_valid():
        try:
            services.person_restriction_lift(manager=request.user, restriction=restriction,
                                             version=form.cleaned_data["version"],
                                             reason=form.cleaned_data["lift_reason"])
        except (RestrictionInvalid, RestrictionConflict) as error:
            _refused(form, error)
        else:
            messages.success(request, f"The restriction on {person.full_name}'s record is lifted")
            return redirect("people:person", person_id=person.pk)
    elif restriction is None:
        form.add_error(None, "This record is not restricted now: someone may have lifted it already")
    return _restriction_page(request, person, lift_form=form, status=400)
