from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.governance.subject_access import subject_access_export
from frontdoor.people.models import Person
from frontdoor.people.restrictions import person_get_or_404

DATA_PROTECTION_ROLES = (Membership.Role.MANAGER, Membership.Role.ADMINISTRATOR)


@role_required(*DATA_PROTECTION_ROLES)
@require_http_methods(["GET", "POST"])
def subject_access(request, person_id):
    person = person_get_or_404(user=request.user, people=Person.objects.filter(merged_into__isnull=True),
                               person_id=person_id, reason="Opened the subject access request")
    if request.method == "POST":
        response = HttpResponse(subject_access_export(user=request.user, person=person), content_type="application/zip")
        # The file's name says what it is, not whose it is (no personal data in names that travel).
        response["Content-Disposition"] = f'attachment; filename="subject-access-{person.pk}.zip"'
        return response
    return render(request, "governance/subject_access_page.html", {"person": person, "page_title": "Subject access request"})
