"""The LADO's pages and the referrer's: thin, each parses, calls a selector or a service, and renders."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.record_steps import record_steps_handle
from frontdoor.agencies.models import Membership
from frontdoor.lado import selectors, services
from frontdoor.lado.errors import LadoError
from frontdoor.lado.forms import ChildForm, ConsiderationForm, MeetingForm, OutcomeForm, ReferralForm


def lado_page(view):
    return login_required(role_required(*selectors.LADO_ROLES)(view))


def referrer_page(view):
    return login_required(role_required(Membership.Role.REFERRER)(view))


@lado_page
def worklist(request):
    return render(request, "lado/worklist.html", {
        **selectors.lado_worklist(user=request.user), "figures": selectors.lado_figures(user=request.user),
        "page_title": "LADO referrals"})


@lado_page
def figures_csv(request):
    response = HttpResponse(selectors.lado_figures_csv(user=request.user), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="lado-figures.csv"'
    return response


@referrer_page
@require_http_methods(["GET", "POST"])
def refer(request):
    form, errors = ReferralForm(request.POST or None), []
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.lado_referral_submit(referrer=request.user, **form.cleaned_data)
        except LadoError as error:
            errors.append(str(error))
        else:
            messages.success(request, "Your referral has been sent to the LADO")
            return redirect("lado:referral_status", referral_id=referral.pk)
    return render(request, "lado/refer.html", {"form": form, "errors": errors,
                                               "page_title": "Refer an allegation against an adult to the LADO"})


@referrer_page
def my_referrals(request):
    return render(request, "lado/my_referrals.html", {
        "referrals": selectors.referrals_made_by(user=request.user), "page_title": "Your LADO referrals"})


@referrer_page
def referral_status(request, referral_id):
    referral = selectors.referral_status_for_referrer(user=request.user, referral_id=referral_id)
    return render(request, "lado/referral_status.html", {"referral": referral, "page_title": "LADO referral"})


STEPS = {
    "consider": (ConsiderationForm, services.lado_referral_consider, "The initial consideration has been recorded"),
    "meeting": (MeetingForm, services.allegation_meeting_record, "The meeting has been recorded"),
    "outcome": (OutcomeForm, services.lado_outcome_record, "The outcome has been recorded"),
    "child": (ChildForm, services.lado_child_link, "The child has been linked"),
}


@lado_page
@require_http_methods(["GET", "POST"])
def referral(request, referral_id):
    reason = "Updated a LADO referral" if request.method == "POST" else "Viewed a LADO referral"
    referral = selectors.referral_get_for(user=request.user, referral_id=referral_id, reason=reason)
    posted = record_steps_handle(request, steps=STEPS, error_class=LadoError, referral=referral)
    if posted.done:
        return redirect("lado:referral", referral_id=referral.pk)
    return render(request, "lado/referral.html", {
        "referral": referral, "row": selectors.referral_row(referral, now=timezone.now()),
        "meetings": referral.meetings.order_by("held_on"), "children": selectors.referral_children(user=request.user, referral=referral),
        "forms": posted.forms, "error_form": posted.error_form, "errors": posted.errors, "step": posted.step,
        "page_title": "LADO referral"})
