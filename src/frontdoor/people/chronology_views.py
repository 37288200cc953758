"""The child's chronology page and its PDF: thin views over `chronology_selectors`."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.people.chronology_pdf import chronology_pdf
from frontdoor.people.chronology_selectors import child_chronology, chronology_kinds, chronology_person_get_for
from frontdoor.people.selectors import survivor_of

READERS = (Membership.Role.PRACTITIONER, Membership.Role.MANAGER, Membership.Role.SOCIAL_WORKER,
           Membership.Role.TEAM_MANAGER, Membership.Role.LADO, Membership.Role.PRIVATE_FOSTERING_WORKER)
KIND_ERROR = "Select a kind of record from the list"


def _kind(request) -> tuple[str | None, str | None]:
    kind = request.GET.get("kind", "")
    if not kind:
        return None, None
    if kind not in chronology_kinds(user=request.user):
        return None, KIND_ERROR
    return kind, None


@login_required
@role_required(*READERS)
def chronology(request, person_id):
    person = chronology_person_get_for(user=request.user, person_id=person_id, reason="Viewed the child's chronology")
    if person.merged_into_id:  # a merged record's history is its survivor's, as on the person page
        return redirect("people:chronology", person_id=survivor_of(person).pk)
    kind, error = _kind(request)
    found = child_chronology(user=request.user, person=person, kind=kind)
    return render(request, "people/chronology.html", {
        "chronology": found, "person": person, "kinds": chronology_kinds(user=request.user), "kind_error": error,
        "may_open_person": request.user.membership.is_front_door,
        "page_title": f"Chronology: {person.full_name}",
    }, status=400 if error else 200)


@login_required
@role_required(*READERS)
def chronology_download(request, person_id):
    person = chronology_person_get_for(user=request.user, person_id=person_id,
                                       reason="Downloaded the child's chronology as a PDF")
    kind, _ = _kind(request)
    found = child_chronology(user=request.user, person=person, kind=kind)
    response = HttpResponse(chronology_pdf(found, printed_by=request.user), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="chronology.pdf"'
    return response
