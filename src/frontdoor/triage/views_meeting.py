"""The daily triage meeting's pages: the day (attendance, agenda, outcomes), one incident and the correction of its
outcome, past meetings, MARAC."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, register_converter
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.governance.services import access_log_record_many
from frontdoor.triage import late, marac, meetings
from frontdoor.triage.errors import TriageError
from frontdoor.triage.forms_meeting import (
    ActionFormSet,
    AttendanceForm,
    DashForm,
    MeetingDayForm,
    OutcomeCorrectionForm,
    OutcomeForm,
)
from frontdoor.triage.meetings import MEETING_ROLES, ActionDraft, MeetingInvalid


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        return date.fromisoformat(value)  # a ValueError (30 February) makes Django answer 404

    def to_url(self, value: date) -> str:
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")


def error_links(*forms) -> list[tuple[str, str]]:
    """Every error of the page's forms, in page order, for the page's one error summary."""
    links = []
    for form in forms:
        links += [(field.auto_id, error) for field in form for error in field.errors]
        links += [("main-form", error) for error in form.non_field_errors()]
    return links


# --- The day's meeting ----------------------------------------------------------------------------


@login_required
@role_required(*MEETING_ROLES)
def meeting_today(request):
    """Today's meeting, or the date chosen in the form on the meeting page."""
    if "day_0" in request.GET:
        day_form = MeetingDayForm(request.GET)
        if day_form.is_valid():
            return redirect("triage:meeting_day", day=day_form.cleaned_data["day"])
        return _meeting_page(request, timezone.localdate(), day_form=day_form)
    return _meeting_page(request, timezone.localdate())


@login_required
@role_required(*MEETING_ROLES)
def meeting_day(request, day):
    return _meeting_page(request, day)


@login_required
@role_required(*MEETING_ROLES)
@require_POST
def meeting_open(request, day):
    try:
        meetings.meeting_open(day=day)
    except MeetingInvalid as error:
        return _meeting_page(request, day, errors=[str(error)])
    messages.success(request, "Today's meeting is open")
    return redirect("triage:meeting_day", day=day)


@login_required
@role_required(*MEETING_ROLES)
@require_POST
def attendance_record(request, day):
    meeting = _meeting_or_404(day)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            meetings.attendance_check_may_record(user=request.user, meeting=meeting)
            meetings.meeting_attendance_record(meeting=meeting, **form.cleaned_data)
        except MeetingInvalid as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, f"Attendance recorded for {form.cleaned_data['agency'].name}")
            return redirect("triage:meeting_day", day=day)
    return _meeting_page(request, day, attendance_form=form)


def _meeting_or_404(day):
    meeting = meetings.meeting_on(day=day)
    if meeting is None:
        raise Http404
    return meeting


def _meeting_page(request, day, *, day_form=None, attendance_form=None, errors=()):
    meeting = meetings.meeting_on(day=day)
    day_form = day_form or MeetingDayForm(initial={"day": day})
    if meeting is None:
        return _preview_page(request, day, day_form, errors)
    attendance_form = attendance_form or AttendanceForm()
    agenda = list(meetings.meeting_agenda(user=request.user, meeting=meeting).prefetch_related("children"))
    outcomes = list(meetings.outcomes_visible_to(user=request.user).filter(meeting=meeting))
    access_log_record_many(user=request.user, targets=[*agenda, *(outcome.notification for outcome in outcomes)],
                           reason=f"Agenda and outcomes of the triage meeting of {meeting.date:%-d %B %Y}")
    return render(request, "triage/meeting_day.html", {
        "meeting": meeting,
        "attendance": meetings.meeting_attendance(meeting=meeting),
        "agenda": agenda,
        "outcomes": outcomes,
        "day_form": day_form,
        "attendance_form": attendance_form,
        "error_links": error_links(day_form, attendance_form),
        # A count and a link only (no notification named): those the ISCO's pages list as needing a choice.
        "late_high_count": (late.late_high_notifications(user=request.user).count()
                            if meeting.date == timezone.localdate() else 0),
        "page_title": f"Triage meeting, {meeting.date:%A %d %B %Y}",
    })


def _preview_page(request, day, day_form, errors):
    """A day without a meeting: what would be on its agenda and, today, the button that opens it.

    A past day without a meeting had none; nothing is shown as its agenda.
    """
    is_past = day < timezone.localdate()
    cutoff = meetings.agenda_cutoff(day)
    agenda = [] if is_past else list(meetings.agenda_before(user=request.user, cutoff=cutoff).prefetch_related("children"))
    access_log_record_many(user=request.user, targets=agenda,
                           reason=f"Agenda preview of the triage meeting of {day:%-d %B %Y}")
    return render(request, "triage/meeting_preview.html", {
        "day": day,
        "cutoff": cutoff,
        "is_past": is_past,
        "is_today": day == timezone.localdate(),
        "may_open": meetings.meeting_may_open(day),
        "agenda": agenda,
        "day_form": day_form,
        "error_links": error_links(day_form),
        "errors": list(errors),
        "page_title": f"Triage meeting, {day:%A %d %B %Y}",
    })


# --- One incident ---------------------------------------------------------------------------------


@login_required
@role_required(*MEETING_ROLES)
@require_http_methods(["GET", "POST"])
def incident(request, day, notification_id):
    meeting = _meeting_or_404(day)
    notification = meetings.incident_get_for(
        user=request.user, notification_id=notification_id, reason="Triage meeting: read an incident", meeting=meeting
    )
    if request.method == "GET":
        if hasattr(notification, "outcome"):
            return _incident_page(request, meeting, notification)
        form = OutcomeForm(initial={"final_grade": notification.grade or notification.suggested_grade,
                                    "version": notification.version})
        return _incident_page(request, meeting, notification, form, _actions_formset(notification, meeting))
    form, actions, adding = _posted(request, OutcomeForm, notification, meeting)
    if not adding and _saved(form, actions, lambda data, drafts: meetings.meeting_outcome_record(
        user=request.user, meeting=meeting, notification=notification,
        final_grade=data["final_grade"], decision=data["decision"], notes=data["notes"],
        rationale=data["rationale"], version=data["version"], actions=drafts,
    )):
        messages.success(request, f"Outcome recorded for {notification.police_reference}")
        return redirect("triage:meeting_day", day=meeting.date)
    return _incident_page(request, meeting, notification, form, actions)


def _actions_formset(notification, meeting, data=None, initial=None):
    return ActionFormSet(data, initial=initial, prefix="action",
                         form_kwargs={"owners": meetings.action_owners(notification=notification, meeting=meeting)})


def _posted(request, form_class, notification, meeting):
    """The posted outcome form and its actions, and whether the user only asked for another action."""
    adding = "add_action" in request.POST
    data = _with_another_action(request.POST) if adding else request.POST
    form, actions = form_class(data), _actions_formset(notification, meeting, data)
    if adding:
        _unvalidated(form, *actions.forms)
    return form, actions, adding


def _saved(form, actions, save) -> bool:
    """Validate the outcome and its actions, then `save(data, drafts)`; a domain error is shown on the form."""
    if not (form.is_valid() and actions.is_valid()):
        return False
    try:
        save(form.cleaned_data, [ActionDraft(**action) for action in actions.entered()])
    except MeetingInvalid as error:
        form.add_error(error.field, str(error))
    except TriageError as error:
        form.add_error(None, str(error))
    else:
        return True
    return False


def _with_another_action(post):
    """Without JavaScript, 'Add another action' posts the form back with one more empty action."""
    data = post.copy()
    data["action-TOTAL_FORMS"] = str(int(data.get("action-TOTAL_FORMS", 0)) + 1)
    return data


def _unvalidated(*forms) -> None:
    """'Add another action' is not a submission: show what was typed, without error messages yet."""
    for form in forms:
        form._errors = ErrorDict()


def _incident_page(request, meeting, notification, form=None, actions=None):
    links = error_links(form, *actions.forms) if form is not None else []
    outcome = getattr(notification, "outcome", None)
    return render(request, "triage/meeting_incident.html", {
        "meeting": meeting,
        "notification": notification,
        "children": notification.children.select_related("school"),
        "suggestion": meetings.suggestion_evidence(notification=notification),
        "outcomes": [outcome] if outcome else [],
        "earlier_versions": meetings.outcome_earlier_versions(outcome=outcome) if outcome else [],
        "marac_referrals": marac.marac_referrals_for(notification=notification),
        "form": form,
        "actions": actions,
        "error_links": links,
        "page_title": f"Incident {notification.police_reference}",
    })


# --- Correcting an outcome -------------------------------------------------------------------------


@login_required
@role_required(*MEETING_ROLES)
@require_http_methods(["GET", "POST"])
def outcome_correct(request, notification_id):
    outcome = meetings.outcome_get_for(
        user=request.user, notification_id=notification_id, reason="Triage meeting: correct an outcome"
    )
    notification = outcome.notification
    if request.method == "GET":
        form = OutcomeCorrectionForm(initial={"final_grade": outcome.final_grade, "decision": outcome.decision,
                                              "notes": outcome.notes, "version": outcome.version})
        initial = [{"action_id": a.pk, "description": a.description, "owner_agency": a.owner_agency_id,
                    "due_date": a.due_date} for a in outcome.actions.order_by("pk")]
        return _correction_page(request, outcome, form, _actions_formset(notification, outcome.meeting, initial=initial))
    form, actions, adding = _posted(request, OutcomeCorrectionForm, notification, outcome.meeting)
    if not adding and _saved(form, actions, lambda data, drafts: meetings.meeting_outcome_correct(
        user=request.user, outcome=outcome, final_grade=data["final_grade"], decision=data["decision"],
        notes=data["notes"], reason=data["reason"], version=data["version"], actions=drafts,
    )):
        messages.success(request, f"Outcome corrected for {notification.police_reference}")
        return redirect("triage:incident", day=outcome.meeting.date, notification_id=notification.pk)
    return _correction_page(request, outcome, form, actions)


def _correction_page(request, outcome, form, actions):
    return render(request, "triage/meeting_correct.html", {
        "outcome": outcome,
        "notification": outcome.notification,
        "form": form,
        "actions": actions,
        "error_links": error_links(form, *actions.forms),
        "page_title": f"Correct the outcome for {outcome.notification.police_reference}",
    })


# --- Past meetings --------------------------------------------------------------------------------


@login_required
@role_required(*MEETING_ROLES)
def past_meetings(request):
    """Outcomes and actions of the meetings this user's agency attended (Front Door staff: all)."""
    outcomes = meetings.outcomes_visible_to(user=request.user)
    visible = (
        meetings.meetings_visible_to(user=request.user)
        .filter(outcomes__isnull=False)
        .distinct()
        .order_by("-date")
        .prefetch_related(Prefetch("outcomes", queryset=outcomes), "attendance__agency")
    )
    page = Paginator(visible, 10).get_page(request.GET.get("page"))
    decided = [outcome.notification for meeting in page for outcome in meeting.outcomes.all()]
    access_log_record_many(user=request.user, targets=[*page, *decided], reason="Listed in past triage meetings")
    return render(request, "triage/meeting_past.html", {"page": page, "page_title": "Past triage meetings"})


# --- MARAC and IDVA -------------------------------------------------------------------------------


@login_required
@role_required(*MEETING_ROLES)
@require_http_methods(["GET", "POST"])
def marac_checklist(request, notification_id):
    notification = meetings.incident_get_for(
        user=request.user, notification_id=notification_id, reason="Dash risk checklist for MARAC"
    )
    form = DashForm(request.POST or None, questions=marac.dash_question_texts(notification=notification))
    assessment = None
    if request.method == "POST" and form.is_valid():
        try:
            assessment, referral = marac.marac_referral_make(
                user=request.user, notification=notification, answers=form.answers(),
                professional_judgement=form.cleaned_data["professional_judgement"],
                victim_consented=form.cleaned_data["victim_consented"], lawful_basis=form.cleaned_data["lawful_basis"],
            )
        except TriageError as error:
            form.add_error(None, str(error))
        else:
            if referral is not None:
                messages.success(request, "MARAC and IDVA referrals made" + (" (repeat MARAC)" if referral.is_repeat else ""))
                return redirect("triage:marac", notification_id=notification.pk)
    return render(request, "triage/marac_checklist.html", {
        "notification": notification,
        "form": form,
        "assessment": assessment,
        "callouts_12m": marac.police_callouts_12m(notification=notification),
        "previous_referral": marac.previous_marac_referral(notification=notification),
        "referrals": marac.marac_referrals_for(notification=notification),
        "error_links": error_links(form),
        "page_title": f"MARAC and IDVA: {notification.police_reference}",
    })


urlpatterns = [
    path("triage/meeting", meeting_today, name="meeting_today"),
    path("triage/meetings/past", past_meetings, name="past_meetings"),
    path("triage/meetings/<isodate:day>", meeting_day, name="meeting_day"),
    path("triage/meetings/<isodate:day>/open", meeting_open, name="meeting_open"),
    path("triage/meetings/<isodate:day>/attendance", attendance_record, name="attendance_record"),
    path("triage/meetings/<isodate:day>/incidents/<uuid:notification_id>", incident, name="incident"),
    path("triage/incidents/<uuid:notification_id>/correct", outcome_correct, name="outcome_correct"),
    path("triage/notifications/<uuid:notification_id>/marac", marac_checklist, name="marac"),
]
