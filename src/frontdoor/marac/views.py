"""MARAC pages for the coordinator at the Front Door: meetings, their cases, attendance and action plans."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.marac import selectors, services
from frontdoor.marac.errors import MaracInvalid
from frontdoor.marac.forms import ActionForm, AgencyReferralForm, AttendanceForm, CaseForm, CaseSearchForm, MeetingForm
from frontdoor.people.selectors import log_search_results, person_search


def marac_page(view):
    return login_required(role_required(*selectors.MARAC_ROLES)(view))


def referrer_page(view):
    return login_required(role_required(Membership.Role.REFERRER)(view))


@marac_page
@require_http_methods(["GET", "POST"])
def meetings(request):
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_schedule(user=request.user, held_on=form.cleaned_data["held_on"])
        return redirect("marac:meeting", meeting_id=meeting.pk)
    return render(request, "marac/meetings.html", {
        "meetings": selectors.meetings_for(user=request.user), "form": form, "figures": selectors.marac_figures(),
        **_waiting(request.user), "page_title": "MARAC meetings"})


STEPS = {"attendance": AttendanceForm, "action": ActionForm}


@marac_page
@require_http_methods(["GET", "POST"])
def meeting(request, meeting_id):
    """The meeting's list of cases with their actions, who attended, and the forms to add to them."""
    meeting, cases = selectors.meeting_get_for(user=request.user, meeting_id=meeting_id)
    step = request.POST.get("step") if request.method == "POST" else None
    forms = {name: form_class() for name, form_class in STEPS.items()}
    errors = []
    if step in STEPS:
        form = forms[step] = STEPS[step](request.POST)
        if form.is_valid():
            try:
                _record(step, form.cleaned_data, meeting, cases)
            except MaracInvalid as error:
                errors.append(str(error))
            else:
                return redirect("marac:meeting", meeting_id=meeting.pk)
    elif step == "complete":
        try:
            services.action_complete(action_id=request.POST.get("action"), meeting=meeting,
                                     completed_on=timezone.localdate())
        except MaracInvalid as error:
            errors.append(str(error))
        else:
            messages.success(request, "The action is marked completed")
            return redirect("marac:meeting", meeting_id=meeting.pk)
    return render(request, "marac/meeting.html", {
        "meeting": meeting, "cases": cases, "attendance": meeting.attendance.select_related("agency").order_by("agency__name"),
        "attendance_form": forms["attendance"], "action_form": forms["action"], "errors": errors, "step": step,
        "today": timezone.localdate(),
        "page_title": f"MARAC meeting {meeting.held_on:%d %B %Y}"})


def _record(step, data, meeting, cases) -> None:
    if step == "attendance":
        services.attendance_record(meeting=meeting, agency=data["agency"], attendee=data["attendee"])
        return
    case = next((c for c in cases if c.pk == data["case"]), None)
    if case is None:
        raise MaracInvalid("This case is not on this meeting's list")
    services.action_add(case=case, text=data["text"], owner_agency=data["owner_agency"],
                        owner_name=data["owner_name"], due_on=data["due_on"])


@marac_page
@require_http_methods(["GET", "POST"])
def case_add(request, meeting_id):
    """Find the victim in the person index (by POST, so no name is in an address), then add the case."""
    meeting, _ = selectors.meeting_get_for(user=request.user, meeting_id=meeting_id)
    search = CaseSearchForm(request.POST if request.method == "POST" else None)
    referral = selectors.referral_waiting_get(user=request.user, referral_id=request.POST.get("referral"))
    victims = []
    if request.method == "POST" and search.is_valid():
        victims = person_search(user=request.user, family_name=search.cleaned_data["family_name"],
                                given_name=search.cleaned_data["given_name"],
                                date_of_birth=search.cleaned_data["date_of_birth"])
        log_search_results(user=request.user, people=victims)
    chosen = next((p for p in victims if str(p.pk) == request.POST.get("victim")), None)
    if chosen is None and len(victims) == 1:
        chosen = victims[0]
    children = selectors.household_children(victim=chosen) if chosen else []
    # Add only once the children shown are the chosen victim's, so choosing another victim shows theirs first.
    adding = request.POST.get("step") == "add" and chosen is not None and request.POST.get("children_for") == str(chosen.pk)
    initial = {"victim": str(chosen.pk)} if chosen else {}
    if referral is not None:
        initial.update(referring_agency=referral.agency_id, lawful_basis=referral.lawful_basis)
    form = CaseForm(request.POST if adding else None, victims=victims, children=children, initial=initial)
    errors = []
    if adding and request.POST.get("referral") and referral is None:
        # Listed by someone else since this page was opened: adding now would hear the victim unlinked, twice.
        errors.append("This referral has already been listed at a meeting. Go back to the meeting to see it")
    elif adding and form.is_valid():
        try:
            services.case_add(user=request.user, meeting=meeting, victim=chosen,
                              referring_agency=form.cleaned_data["referring_agency"],
                              lawful_basis=form.cleaned_data["lawful_basis"],
                              children=[c for c in children if str(c.pk) in form.cleaned_data["children"]],
                              perpetrator_name=form.cleaned_data["perpetrator_name"],
                              perpetrator_date_of_birth=form.cleaned_data["perpetrator_date_of_birth"],
                              referral=referral)
        except MaracInvalid as error:
            errors.append(str(error))
        else:
            messages.success(request, "The case has been added to the meeting's list")
            return redirect("marac:meeting", meeting_id=meeting.pk)
    return render(request, "marac/case_add.html", {
        "meeting": meeting, "search": search, "form": form, "victims": victims, "chosen": chosen, "searched": request.method == "POST",
        "referral": referral, **({} if request.method == "POST" else _waiting(request.user)),
        "errors": errors, "page_title": "Add a case to the MARAC"})


def _waiting(user) -> dict:
    return {"waiting": selectors.referrals_waiting_for(user=user),
            "police_waiting": selectors.police_referrals_waiting_for(user=user)}


@referrer_page
@require_http_methods(["GET", "POST"])
def refer(request):
    """Any agency's professional refers a victim to the MARAC."""
    form, errors = AgencyReferralForm(request.POST or None), []
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_referral_submit(referrer=request.user, **form.cleaned_data)
        except MaracInvalid as error:
            errors.append(str(error))
        else:
            messages.success(request, "Your referral has been sent to the MARAC coordinator")
            return redirect("marac:my_referrals")
    return render(request, "marac/refer.html", {"form": form, "errors": errors, "page_title": "Refer to the MARAC"})


@referrer_page
def my_referrals(request):
    return render(request, "marac/my_referrals.html", {
        "referrals": selectors.referrals_made_by(user=request.user), "page_title": "Your MARAC referrals"})


@login_required
def shared(request):
    """For the child's social worker and the school's DSL: the MARAC cases and actions about their children."""
    if not selectors.may_see_shared(request.user):
        raise Http404
    return render(request, "marac/shared.html", {
        "cases": selectors.marac_cases_shared_with(user=request.user), "today": timezone.localdate(),
        "page_title": "MARAC cases shared with you"})
