"""Private fostering's pages: thin, each parses, calls a selector or a service, and renders."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.record_steps import record_steps_handle
from frontdoor.fostering import selectors, services
from frontdoor.fostering.errors import FosteringError
from frontdoor.fostering.forms import AssessmentForm, EndForm, NotificationForm, VisitForm


def fostering_page(view):
    return login_required(role_required(*selectors.FOSTERING_ROLES)(view))


@fostering_page
def worklist(request):
    return render(request, "fostering/worklist.html", {
        "rows": selectors.fostering_worklist(user=request.user),
        "figures": selectors.fostering_figures(user=request.user), "page_title": "Private fostering"})


def _csv(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@fostering_page
def arrangements_csv(request):
    return _csv(selectors.fostering_arrangements_csv(user=request.user), "private-fostering-arrangements.csv")


@fostering_page
def figures_csv(request):
    return _csv(selectors.fostering_figures_csv(user=request.user), "private-fostering-figures.csv")


@fostering_page
@require_http_methods(["GET", "POST"])
def notify(request):
    form, errors = NotificationForm(request.POST or None), []
    if request.method == "POST" and form.is_valid():
        try:
            arrangement = services.arrangement_notify(user=request.user, **form.cleaned_data)
        except FosteringError as error:
            errors.append(str(error))
        else:
            messages.success(request, "The notification has been recorded")
            return redirect("fostering:arrangement", arrangement_id=arrangement.pk)
    return render(request, "fostering/notify.html", {"form": form, "errors": errors,
                                                     "page_title": "Record a private fostering notification"})


STEPS = {
    "visit": (VisitForm, services.visit_record, "The visit has been recorded"),
    "assess": (AssessmentForm, services.arrangement_assess, "The assessment has been recorded"),
    "end": (EndForm, services.arrangement_end, "The arrangement has been ended"),
}


@fostering_page
@require_http_methods(["GET", "POST"])
def arrangement(request, arrangement_id):
    reason = "Updated a private fostering arrangement" if request.method == "POST" else "Viewed a private fostering arrangement"
    arrangement = selectors.arrangement_get_for(user=request.user, arrangement_id=arrangement_id, reason=reason)
    posted = record_steps_handle(request, steps=STEPS, error_class=FosteringError, arrangement=arrangement)
    if posted.done:
        return redirect("fostering:arrangement", arrangement_id=arrangement.pk)
    return render(request, "fostering/arrangement.html", {
        "arrangement": arrangement, "row": selectors.arrangement_row(arrangement, today=timezone.localdate()),
        "visits": sorted(arrangement.visits.all(), key=lambda v: v.visited_on), "forms": posted.forms,
        "error_form": posted.error_form, "errors": posted.errors, "step": posted.step, "page_title": "Private fostering arrangement"})
