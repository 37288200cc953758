"""Operation Encompass pages: the school DSL's notifications, and the ISCO's view of schools' acknowledgements."""
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.governance.services import access_log_page
from frontdoor.triage import school_pages
from frontdoor.triage.errors import TriageError
from frontdoor.triage.forms_school import ChallengeForm, VersionForm
from frontdoor.triage.school_words import contribution_request
from frontdoor.triage.schools import school_circumstances, triage_decision
from frontdoor.triage.views_meeting import error_links


def school_dsl_required(view):
    """A school's designated safeguarding lead only; anyone else gets 'not found'."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        membership = getattr(request.user, "membership", None)
        if membership is None or not membership.is_school_dsl:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@login_required
@school_dsl_required
def school_notifications(request):
    page = access_log_page(user=request.user, objects=school_pages.school_notifications_for(user=request.user),
                           number=request.GET.get("page"), per_page=25, reason="School listed its DA notifications")
    return render(request, "triage/school_list.html", {
        "page": page, "school": request.user.membership.agency, "page_title": "Domestic abuse notifications",
    })


@login_required
@school_dsl_required
def school_notification(request, school_notification_id):
    school_notification = school_pages.school_notification_get_for(
        user=request.user, school_notification_id=school_notification_id, reason="School read a DA notification"
    )
    return _detail_page(request, school_notification)


def _detail_page(request, school_notification, *, errors=()):
    actions = school_pages.school_notification_actions(school_notification=school_notification)
    updates = school_pages.school_notification_updates(school_notification=school_notification)
    return render(request, "triage/school_detail.html", {
        "school_notification": school_notification,
        "notification": school_notification.notification,
        "child": school_notification.child,
        "circumstances": school_circumstances(notification=school_notification.notification,
                                              child=school_notification.child),
        "contribution": contribution_request(triage_decision(notification=school_notification.notification)),
        "actions": actions,
        "own_actions": [action for action in actions if action.owner_agency_id == school_notification.school_id],
        "is_open": school_pages.school_notification_awaits_acknowledgement(school_notification),
        "first_acknowledgement": school_notification.status in school_pages.OPEN_STATUSES,
        "updates": updates,
        "updates_to_acknowledge": [update for update in updates if update.acknowledged_at is None],
        "errors": list(errors),
        "page_title": f"Domestic abuse notification {school_notification.notification.police_reference}",
    })


@login_required
@school_dsl_required
@require_POST
def school_notification_acknowledge(request, school_notification_id):
    school_notification = school_pages.school_notification_get_for(
        user=request.user, school_notification_id=school_notification_id, reason="School acknowledged a DA notification"
    )
    return _versioned_post(
        request, school_notification,
        lambda version: school_pages.school_notification_acknowledge(
            user=request.user, school_notification=school_notification, version=version),
        success=(f"You have acknowledged the update to {school_notification.notification.police_reference}"
                 if school_notification.status not in school_pages.OPEN_STATUSES
                 else f"You have acknowledged {school_notification.notification.police_reference}"),
        then=redirect("triage:school_notifications"),
    )


@login_required
@school_dsl_required
@require_POST
def school_action_done(request, school_notification_id, action_id):
    school_notification = school_pages.school_notification_get_for(
        user=request.user, school_notification_id=school_notification_id, reason="School marked its action done"
    )
    action = school_pages.school_action_get_for(
        user=request.user, school_notification=school_notification, action_id=action_id
    )
    return _versioned_post(
        request, school_notification,
        lambda version: school_pages.school_action_complete(
            user=request.user, school_notification=school_notification, action=action, version=version),
        success=f"You have marked the action done: {action.description}",
        then=redirect("triage:school_notification", school_notification_id=school_notification.pk),
    )


def _versioned_post(request, school_notification, change, *, success, then):
    """A button that changes one record: the page's version is compared and set; a refusal shows on the page."""
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise TriageError("The page was out of date. Reload it and try again.")
        change(form.cleaned_data["version"])
    except TriageError as error:
        return _detail_page(request, school_notification, errors=[str(error)])
    messages.success(request, success)
    return then


@login_required
@school_dsl_required
@require_http_methods(["GET", "POST"])
def school_notification_challenge(request, school_notification_id):
    school_notification = school_pages.school_notification_get_for(
        user=request.user, school_notification_id=school_notification_id, reason="School challenging a DA grade"
    )
    form = ChallengeForm(request.POST or None, initial={"version": school_notification.version})
    if request.method == "POST" and form.is_valid():
        try:
            contact = school_pages.school_notification_challenge(
                user=request.user, school_notification=school_notification,
                reason=form.cleaned_data["reason"], version=form.cleaned_data["version"],
            )
        except TriageError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Your challenge has been sent to the Family Front Door as contact {contact.reference}")
            return redirect("triage:school_notifications")
    return render(request, "triage/school_challenge.html", {
        "school_notification": school_notification, "form": form, "error_links": error_links(form),
        "page_title": "Challenge the grade",
    })


@login_required
@role_required(Membership.Role.ISCO)
def schools_monitoring(request):
    report = school_pages.schools_monitoring(user=request.user)
    return render(request, "triage/monitoring_schools.html", {
        "report": report, "page_title": "Schools' acknowledgements and late notifications",
    })


urlpatterns = [
    path("school/da-notifications", school_notifications, name="school_notifications"),
    path("school/da-notifications/<uuid:school_notification_id>", school_notification, name="school_notification"),
    path("school/da-notifications/<uuid:school_notification_id>/acknowledge", school_notification_acknowledge,
         name="school_acknowledge"),
    path("school/da-notifications/<uuid:school_notification_id>/actions/<int:action_id>/done", school_action_done,
         name="school_action_done"),
    path("school/da-notifications/<uuid:school_notification_id>/challenge", school_notification_challenge,
         name="school_challenge"),
    path("triage/schools/monitoring", schools_monitoring, name="schools_monitoring"),
]
