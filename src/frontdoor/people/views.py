from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.intake.selectors import contact_get_for
from frontdoor.intake.views import FRONT_DOOR
from frontdoor.people import selectors, services
from frontdoor.people.forms import PersonSearchForm


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


@login_required
@role_required(*FRONT_DOOR)
def find_child(request, contact_id, child_id):
    """Search the person index for the child named in a contact (searches are POSTed: no personal data in URLs)."""
    contact, child = _contact_child(request, contact_id, child_id, "Searched the person index for a child")
    form = PersonSearchForm(request.POST if request.method == "POST" else _prefill(child))
    results = None
    if form.is_valid():
        results = selectors.person_search(user=request.user, **form.cleaned_data)
        for person in results:
            selectors.log_search_result(user=request.user, person=person)
        results = [(p, selectors.person_history(person=p)) for p in results]
    return render(request, "people/find_child.html", {
        "contact": contact, "child": child, "form": form, "results": results,
        "page_title": "Find the child in the person index",
    })


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def link_child(request, contact_id, child_id):
    contact, child = _contact_child(request, contact_id, child_id, "Linked a child")
    person = selectors.person_get_for(user=request.user, person_id=request.POST.get("person_id"), reason="Linked to a contact")
    services.contact_child_link(user=request.user, contact_child=child, person=person)
    messages.success(request, f"{child.display_name} linked to {person.full_name} in the person index")
    return redirect("intake:contact", contact_id=contact.pk)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def unlink_child(request, contact_id, child_id):
    contact, child = _contact_child(request, contact_id, child_id, "Unlinked a child")
    services.contact_child_unlink(user=request.user, contact_child=child)
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
