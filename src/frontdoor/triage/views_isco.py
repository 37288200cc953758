"""The ISCO's pages: import police notifications, correct quarantined rows, grade with the evidence shown."""
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.governance.services import access_log_page, access_log_record_many
from frontdoor.screening.tools import load_tool
from frontdoor.triage import late, selectors
from frontdoor.triage.errors import RowInvalid, TriageError
from frontdoor.triage.meetings import MeetingInvalid
from frontdoor.triage.forms_isco import GradeForm, ImportFileForm, LateRouteForm
from frontdoor.triage.imports import (
    notifications_import_file,
    quarantined_row_fields,
    quarantined_row_reimport,
)
from frontdoor.triage.models import ImportBatch
from frontdoor.triage.notification_format import FileUnreadable
from frontdoor.triage.services import notification_grade

TRIAGE_ROLES = selectors.TRIAGE_ROLES


def isco_page(view):
    return login_required(role_required(*TRIAGE_ROLES)(view))


@isco_page
@require_http_methods(["GET", "POST"])
def import_file(request):
    form = ImportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = notifications_import_file(text=form.text, file_format=form.file_format(upload.name),
                                               source=upload.name, user=request.user)
        except FileUnreadable as error:
            form.add_error("file", str(error))
        else:
            return redirect("triage:isco_batch", batch_id=result.batch.pk)
    return render(request, "triage/isco_import.html", {"form": form, "page_title": "Import police notifications"})


@isco_page
def batch(request, batch_id):
    batch = get_object_or_404(ImportBatch, pk=batch_id)
    # A night's file can hold thousands of notifications: they are shown (and logged) a page at a time.
    visible = selectors.notifications_visible_to(user=request.user)
    stored = Paginator(visible.filter(batch=batch).order_by("police_reference"), 100).get_page(request.GET.get("page"))
    quarantined = list(selectors.quarantined_rows_without_restricted(batch.quarantined_rows.all(), user=request.user)
                       .order_by("line_number"))
    access_log_record_many(user=request.user, targets=[*stored, *quarantined], reason="Listed in an import's results")
    return render(request, "triage/isco_batch.html", {
        "batch": batch, "stored": stored, "quarantined": quarantined, "page_title": f"Import of {batch.source}",
        "amended": batch.amendments.filter(notification__in=visible).select_related("notification")
        .order_by("notification__police_reference"),
    })


@isco_page
def quarantine(request):
    page = access_log_page(user=request.user, objects=selectors.quarantine_list(user=request.user),
                           number=request.GET.get("page"), per_page=50, reason="Listed in the rows to correct")
    return render(request, "triage/isco_quarantine.html", {"page": page, "page_title": "Rows to correct"})


@isco_page
@require_http_methods(["GET", "POST"])
def quarantined_row(request, row_id):
    row = selectors.quarantined_row_get_for(user=request.user, row_id=row_id)
    values, errors = quarantined_row_fields(row), row.errors
    if request.method == "POST":
        values = {name: request.POST.get(name, "") for name in values}
        try:
            notification = quarantined_row_reimport(row=row, corrected=values, version=int(request.POST["version"]))
        except RowInvalid as error:
            errors = error.errors
        except TriageError as error:
            errors = [{"field": "", "message": str(error)}]
        else:
            messages.success(request, f"Notification {notification.police_reference} imported")
            return redirect("triage:isco_notification", notification_id=notification.pk)
    return render(request, "triage/isco_quarantine_row.html", _correction_context(row, values, errors))


def _correction_context(row, values: dict[str, str], errors: list[dict]) -> dict:
    by_field: dict[str, list[str]] = {}
    for error in errors:
        by_field.setdefault(error["field"], []).append(error["message"])
    fields = [{"name": name, "id": _field_id(name), "value": value, "errors": by_field.get(name, [])}
              for name, value in values.items()]
    shown = {f["name"] for f in fields}
    return {
        "row": row,
        "fields": fields,
        "error_links": [(_field_id(e["field"]) if e["field"] in shown else "main-form", _labelled(e)) for e in errors],
        "page_title": f"Correct row {row.line_number} of {row.batch.source}",
    }


def _field_id(name: str) -> str:
    return "field-" + "".join(c if c.isalnum() else "-" for c in name)


def _labelled(error: dict) -> str:
    return f"{error['field']}: {error['message']}" if error["field"] else error["message"]


@isco_page
def notifications(request):
    to_grade = request.GET.get("status") == "to_grade"
    page = access_log_page(user=request.user, objects=selectors.notifications_list(user=request.user, to_grade=to_grade),
                           number=request.GET.get("page"), per_page=50, reason="Listed in the police notifications")
    late_high = list(late.late_high_notifications(user=request.user))
    access_log_record_many(user=request.user, targets=late_high,
                           reason="Listed as a high notification received after today's cut-off")
    return render(request, "triage/isco_notifications.html", {
        "page": page, "to_grade": to_grade, "late_high": late_high, "cutoff": late.todays_cutoff(),
        "restricted_to_grade": selectors.restricted_to_grade_count(user=request.user),
        "page_title": "Police notifications",
    })


@isco_page
@require_http_methods(["GET", "POST"])
def notification(request, notification_id):
    notification = selectors.notification_get_for(user=request.user, notification_id=notification_id,
                                                  reason="Opened the notification to grade it")
    form = GradeForm(request.POST or None, initial={"grade": notification.grade or notification.suggested_grade,
                                                    "version": notification.version})
    if request.method == "POST" and form.is_valid():
        try:
            notification_grade(user=request.user, notification=notification, version=form.cleaned_data["version"],
                               grade=form.cleaned_data["grade"], rationale=form.cleaned_data["rationale"])
        except TriageError as error:
            form.add_error("rationale" if "why" in str(error) else None, str(error))
        else:
            messages.success(request, f"Notification {notification.police_reference} graded")
            return redirect("triage:isco_notification", notification_id=notification.pk)
    return _notification_page(request, notification, form)


def _notification_page(request, notification, form, late_form=None):
    needs_route = late.needs_late_route(notification=notification)
    if needs_route and late_form is None:
        late_form = LateRouteForm(initial={"version": notification.version})
    error_links = [(field.auto_id, error) for f in (form, late_form) if f is not None for field in f
                   for error in field.errors]
    error_links += [("main-form" if f is form else "late-form", error) for f in (form, late_form) if f is not None
                    for error in f.non_field_errors()]
    return render(request, "triage/isco_notification.html", {
        "notification": notification, "form": form, "suggestion": suggestion_view(notification),
        **amendments_view(notification),
        "late_form": late_form if needs_route else None, "late_route": late.late_route_for(notification=notification),
        "cutoff": late.todays_cutoff(), "error_links": error_links,
        "page_title": f"Notification {notification.police_reference}",
    })


@isco_page
@require_http_methods(["POST"])
def late_route(request, notification_id):
    """Add a late high notification to today's meeting, or send it straight to a strategy discussion."""
    notification = selectors.notification_get_for(user=request.user, notification_id=notification_id,
                                                  reason="Chose today's route for a late high notification")
    late_form = LateRouteForm(request.POST)
    if late_form.is_valid():
        data = late_form.cleaned_data
        try:
            chosen = late.late_notification_route(user=request.user, notification=notification, route=data["route"],
                                                  reason=data["reason"], version=data["version"])
        except MeetingInvalid as error:
            late_form.add_error(error.field, str(error))
        except TriageError as error:
            late_form.add_error(None, str(error))
        else:
            messages.success(request, f"Notification {notification.police_reference}: {chosen.get_route_display().lower()}")
            return redirect("triage:isco_notification", notification_id=notification.pk)
    form = GradeForm(initial={"grade": notification.grade or notification.suggested_grade,
                              "version": notification.version})
    return _notification_page(request, notification, form, late_form)


def amendments_view(notification) -> dict:
    """Each time the police sent the notification again changed, latest first, with each field before and
    now; and whether the latest came after the last grade a person gave (the grade is to be looked at again)."""
    amendments = list(notification.amendments.all())
    last_decision = notification.grade_decisions.first()
    return {
        "amendments": [{"amendment": amendment, "changes": [
            {"field": name, "before": _shown(amendment.previous.get(name)), "now": _shown(amendment.new.get(name))}
            for name in amendment.changed_fields]} for amendment in amendments],
        "amended_since_graded": bool(amendments and last_decision and amendments[0].received_at > last_decision.decided_at),
    }


def _shown(value) -> str:
    if value is None:
        return "Not given"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value) or "None"
    return json.dumps(value, ensure_ascii=False)


def suggestion_view(notification) -> dict:
    """The stored suggestion laid out for reading: narrative with the triggering words marked, evidence by source."""
    suggestion = notification.suggestion or {}
    tool = load_tool(notification.tool_id, notification.tool_version) if notification.tool_id else None
    label = (lambda fid: tool.factor(fid).text) if tool else str
    groups = {kind: [{**f, "label": label(f["id"])} for f in suggestion.get(kind, [])]
              for kind in ("indicators", "risk_factors", "protective_factors")}
    narrative_findings = [f for kind in groups.values() for f in kind if f["source"] == "narrative"]
    return {**groups, "explanation": suggestion.get("explanation", []),
            "uncertain_between": suggestion.get("uncertain_between"),
            "segments": narrative_segments(notification.narrative, narrative_findings)}


def narrative_segments(narrative: str, findings: list[dict]) -> list[dict]:
    """The narrative cut into plain and marked pieces; overlapping findings share the first mark."""
    segments, position = [], 0
    for finding in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        if finding["start"] < position:
            continue
        segments.append({"text": narrative[position:finding["start"]]})
        segments.append({"text": narrative[finding["start"]:finding["end"]], "finding": finding})
        position = finding["end"]
    segments.append({"text": narrative[position:]})
    return [segment for segment in segments if segment["text"]]


urlpatterns = [
    path("notifications/", notifications, name="isco_notifications"),
    path("notifications/import", import_file, name="isco_import"),
    path("notifications/imports/<uuid:batch_id>", batch, name="isco_batch"),
    path("notifications/quarantine", quarantine, name="isco_quarantine"),
    path("notifications/quarantine/<uuid:row_id>", quarantined_row, name="isco_quarantine_row"),
    path("notifications/<uuid:notification_id>", notification, name="isco_notification"),
    path("notifications/<uuid:notification_id>/late-route", late_route, name="isco_late_route"),
]
