"""Missing children's pages: thin, each parses, calls a selector or a service, and renders."""
from django.contrib.auth.decorators import login_required
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.missing import selectors, services
from frontdoor.missing.errors import MissingError
from frontdoor.missing.forms import ImportForm, InterviewForm, ReturnForm
from frontdoor.missing.imports import missing_reports_import_file
from frontdoor.missing.models import ReportBatch
from frontdoor.triage.notification_format import FileUnreadable


def missing_page(view):
    return login_required(role_required(*selectors.MISSING_ROLES)(view))


@missing_page
def worklist(request):
    """Children still missing, return interviews due and overdue (overdue first), and the figures."""
    return render(request, "missing/worklist.html", {
        **selectors.missing_worklist(user=request.user), "figures": selectors.missing_figures(),
        "page_title": "Missing children",
    })


@missing_page
@require_http_methods(["GET", "POST"])
def import_file(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = missing_reports_import_file(text=form.text, file_format=form.file_format(upload.name),
                                                 source=upload.name, user=request.user)
        except FileUnreadable as error:
            form.add_error("file", str(error))
        else:
            return redirect("missing:batch", batch_id=result.batch.pk)
    return render(request, "missing/import.html", {"form": form, "page_title": "Import missing-person reports"})


@missing_page
def batch(request, batch_id):
    batch = get_object_or_404(ReportBatch, pk=batch_id)
    return render(request, "missing/batch.html", {
        "batch": batch, "quarantined": batch.quarantined_rows.order_by("line_number"),
        "episodes": batch.episodes.select_related("child").order_by("police_reference"),
        "page_title": f"Import of {batch.source}",
    })


STEPS = {"return": (ReturnForm, services.episode_return_record, "The child's return has been recorded"),
         "interview": (InterviewForm, services.return_interview_record, "The return interview has been recorded")}
FORM_ONLY = ("version", "returned_on", "returned_time", "safe_and_well_on", "safe_and_well_time", "held_on",
             "held_time")


@missing_page
@require_http_methods(["GET", "POST"])
def episode(request, episode_id):
    """The episode: the report, then the return to record, then the return interview to record."""
    step = request.POST.get("step") if request.method == "POST" else None
    reason = "Recorded on a missing episode" if step else "Opened a missing episode"
    episode = selectors.episode_get_for(user=request.user, episode_id=episode_id, reason=reason)
    forms, errors = _blank_forms(episode), []
    if step in STEPS:
        form_class, service, done = STEPS[step]
        form = forms[step] = form_class(request.POST)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k not in FORM_ONLY}
            try:
                service(user=request.user, episode=episode, version=form.cleaned_data["version"], **fields)
            except MissingError as error:
                errors.append(str(error))
            else:
                messages.success(request, done)
                return redirect("missing:episode", episode_id=episode.pk)
    row = selectors.episode_row(episode, now=timezone.now(), repeat_ids=selectors.repeat_missing_child_ids())
    return render(request, "missing/episode.html", {
        "row": row, "episode": episode, "interview": getattr(episode, "return_interview", None),
        "return_form": forms["return"], "interview_form": forms["interview"], "errors": errors, "step": step,
        "page_title": f"Missing episode: {episode.child.full_name}",
    })


def _blank_forms(episode) -> dict:
    initial = {"version": episode.version}
    return {"return": ReturnForm(initial={**initial, "where_found": episode.where_found, "who_with": episode.who_with}),
            "interview": InterviewForm(initial=initial)}
