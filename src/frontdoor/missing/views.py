"""Missing children's pages: thin, each parses, calls a selector or a service, and renders."""
from django.contrib.auth.decorators import login_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Agency, Membership
from frontdoor.missing import clocks, selectors, services
from frontdoor.missing.errors import MissingError
from frontdoor.missing.forms import (ActionDoneForm, EducationAbsenceForm, EducationEndForm, ImportForm, InterviewForm,
                                     PlanActionForm, PlanReviewForm, ReturnForm, RiskPlanForm)
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create
from frontdoor.record_steps import record_steps_handle
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
        "plans": selectors.risk_plan_rows(user=request.user),
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


PLAN_STEPS = {
    "action": (PlanActionForm, services.risk_plan_action_add, "The action has been added"),
    "done": (ActionDoneForm, services.risk_plan_action_done, "The action has been marked done"),
    "review": (PlanReviewForm, services.risk_plan_review_record, "The review has been recorded"),
}


@missing_page
@require_http_methods(["GET", "POST"])
def risk_plan(request, person_id):
    """A repeat missing child's MARAMP: record it, then its actions and its reviews."""
    reason = "Recorded on a risk management plan" if request.method == "POST" else "Opened a risk management plan"
    child = selectors.risk_plan_child_get_for(user=request.user, person_id=person_id, reason=reason)
    plan = selectors.risk_plan_of(child=child)
    if plan is None:
        return _risk_plan_new(request, child)
    posted = record_steps_handle(request, steps=PLAN_STEPS, error_class=MissingError, plan=plan)
    if posted.done:
        return redirect("missing:risk_plan", person_id=child.pk)
    return render(request, "missing/risk_plan.html", {
        "child": child, "plan": plan, "forms": posted.forms, "errors": posted.errors, "step": posted.step,
        "error_form": posted.error_form, "status": clocks.plan_status(plan.review_due, today=timezone.localdate()),
        "page_title": f"Risk management plan: {child.full_name}",
    })


def _risk_plan_new(request, child):
    form, errors = RiskPlanForm(request.POST or None), []
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_plan_record(user=request.user, child=child, **form.cleaned_data)
        except MissingError as error:
            errors.append(str(error))
        else:
            messages.success(request, "The risk management plan has been recorded")
            return redirect("missing:risk_plan", person_id=child.pk)
    return render(request, "missing/risk_plan_new.html", {
        "child": child, "form": form, "errors": errors,
        "repeat": child.pk in selectors.repeat_missing_child_ids(),
        "page_title": f"Record a risk management plan: {child.full_name}",
    })


@login_required
@role_required(*selectors.ESCALATION_ROLES)
def late_interviews(request):
    """The manager's list: return interviews past their 72 hours and escalated, longest overdue first."""
    return render(request, "missing/late_interviews.html", {
        "rows": selectors.late_interviews_for_manager(user=request.user), "page_title": "Late return interviews"})


EDUCATION_ROLES = (*selectors.MISSING_ROLES, Membership.Role.REFERRER)


def education_page(view):
    """The list's pages: the Front Door and the coordinator read it; a school's DSL adds and ends entries
    (a referrer from another agency is turned away by the selector and school_dsl_only)."""
    return login_required(role_required(*EDUCATION_ROLES)(view))


def _school_of(request) -> Agency | None:
    membership = request.user.membership
    return membership.agency if membership.is_school_dsl else None


@education_page
def education_list(request):
    if not (selectors.may_see_missing(request.user) or _school_of(request)):
        raise Http404
    show_ended = request.GET.get("show") == "all"
    return render(request, "missing/education_list.html", {
        "absences": selectors.education_list(user=request.user, current=not show_ended), "show_ended": show_ended,
        "school": _school_of(request), "page_title": "Children missing education and on reduced timetables"})


@education_page
@require_http_methods(["GET", "POST"])
def education_add(request):
    school = _school_of(request)
    if school is None:
        raise Http404
    form, errors = EducationAbsenceForm(request.POST or None), []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        child, _ = person_resolve_or_create(PersonDescription(
            given_name=data["given_name"], family_name=data["family_name"], date_of_birth=data["date_of_birth"]))
        try:
            absence = services.education_absence_add(
                user=request.user, child=child, school=school, kind=data["kind"], since=data["since"],
                hours_per_week=data["hours_per_week"], reason=data["reason"])
        except MissingError as error:
            errors.append(str(error))
        else:
            messages.success(request, f"{child.full_name} has been added to the list")
            return redirect("missing:education_entry", absence_id=absence.pk)
    return render(request, "missing/education_add.html", {
        "form": form, "errors": errors, "school": school,
        "page_title": "Add a child missing education or on a reduced timetable"})


@education_page
@require_http_methods(["GET", "POST"])
def education_entry(request, absence_id):
    reason = "Ended an entry on the education list" if request.method == "POST" else "Opened an education list entry"
    absence = selectors.education_absence_get_for(user=request.user, absence_id=absence_id, reason=reason)
    may_end = absence.ended_on is None and _school_of(request) == absence.school
    form, errors = EducationEndForm(initial={"version": absence.version}), []
    if request.method == "POST" and may_end:
        form = EducationEndForm(request.POST)
        if form.is_valid():
            try:
                services.education_absence_end(user=request.user, absence=absence, **form.cleaned_data)
            except MissingError as error:
                errors.append(str(error))
            else:
                messages.success(request, "The entry has been ended")
                return redirect("missing:education_entry", absence_id=absence.pk)
    return render(request, "missing/education_entry.html", {
        "absence": absence, "form": form, "errors": errors, "may_end": may_end,
        "page_title": f"Education list: {absence.child.full_name}"})
