"""Escalation pages: thin, each parses, calls a selector or a service, and renders."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.decisions.models import Decision
from frontdoor.escalations import selectors, services
from frontdoor.escalations.errors import EscalationError
from frontdoor.escalations.forms import DisagreementForm, NonEngagementForm, StageOutcomeForm
from frontdoor.intake.selectors import contact_get_for
from frontdoor.reporting.forms import period_from_query
from frontdoor.reporting.front_door_figures import bars
from frontdoor.screening.tools import load_tool

FRONT_DOOR = (Membership.Role.PRACTITIONER, Membership.Role.MANAGER)
FIGURES_ROLES = (*FRONT_DOOR, Membership.Role.PERFORMANCE_OFFICER)


def _levels(contact) -> list[tuple[int, str]]:
    decision = Decision.objects.filter(contact=contact, status=Decision.Status.AUTHORISED).first()
    if decision is None:
        return []
    return [(level.number, level.title) for level in load_tool(decision.tool_id, decision.tool_version).levels]


@login_required
@role_required(Membership.Role.REFERRER)
@require_http_methods(["GET", "POST"])
def disagree(request, contact_id):
    """The referrer disagrees with the decision on their contact, from its outcome page."""
    contact = contact_get_for(user=request.user, contact_id=contact_id, reason="Referrer opened a disagreement")
    levels = _levels(contact)
    form, errors = DisagreementForm(request.POST or None, levels=levels), []
    if request.method == "POST" and form.is_valid():
        try:
            escalation = services.disagreement_raise(user=request.user, contact=contact, **form.cleaned_data)
        except EscalationError as error:
            errors.append(str(error))
        else:
            messages.success(request, "Your disagreement has been sent to the Front Door")
            return redirect("escalations:escalation", escalation_id=escalation.pk)
    return render(request, "escalations/disagree.html", {
        "contact": contact, "form": form, "errors": errors, "decided": bool(levels),
        "raised": selectors.contact_escalations(user=request.user, contact=contact),
        "page_title": "Disagree with the decision"})


@login_required
@role_required(*FRONT_DOOR)
@require_http_methods(["GET", "POST"])
def non_engagement(request, contact_id):
    contact = contact_get_for(user=request.user, contact_id=contact_id, reason="Opened a non-engagement escalation")
    form, errors = NonEngagementForm(request.POST or None), []
    if request.method == "POST" and form.is_valid():
        try:
            escalation = services.non_engagement_raise(user=request.user, contact=contact, **form.cleaned_data)
        except EscalationError as error:
            errors.append(str(error))
        else:
            messages.success(request, "The escalation has been recorded")
            return redirect("escalations:escalation", escalation_id=escalation.pk)
    return render(request, "escalations/non_engagement.html", {
        "contact": contact, "form": form, "errors": errors,
        "page_title": "Escalate a service that is not engaging"})


@login_required
@role_required(*FRONT_DOOR)
def escalation_list(request):
    show_all = request.GET.get("show") == "all"
    return render(request, "escalations/list.html", {
        "rows": selectors.escalation_list(user=request.user, open_only=not show_all), "show_all": show_all,
        "page_title": "Disagreements and escalations"})


@login_required
@require_http_methods(["GET", "POST"])
def escalation(request, escalation_id):
    """The escalation and its stages; the Front Door records the current stage's outcome, the person who
    raised it reads it."""
    reason = "Recorded an escalation outcome" if request.method == "POST" else "Opened an escalation"
    escalation = selectors.escalation_get_for(user=request.user, escalation_id=escalation_id, reason=reason)
    row = selectors.escalation_row(escalation, today=timezone.localdate())
    may_record = request.user.membership.is_front_door and row.stage is not None
    form_kwargs = {"outcomes": services.OUTCOMES[escalation.kind], "levels": _levels(escalation.contact)}
    form, errors = StageOutcomeForm(initial={"version": escalation.version}, **form_kwargs), []
    if request.method == "POST" and may_record:
        form = StageOutcomeForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                services.stage_outcome_record(user=request.user, escalation=escalation, **form.cleaned_data)
            except EscalationError as error:
                errors.append(str(error))
            else:
                messages.success(request, "The outcome has been recorded and the person who raised it told")
                return redirect("escalations:escalation", escalation_id=escalation.pk)
    return render(request, "escalations/escalation.html", {
        "escalation": escalation, "row": row, "form": form, "errors": errors, "may_record": may_record,
        "page_title": escalation.get_kind_display()})


@login_required
@role_required(*FIGURES_ROLES)
def figures(request):
    form, period = period_from_query(request.GET)
    figures = period and selectors.escalation_figures(first_day=period[0], last_day=period[1])
    return render(request, "escalations/figures.html", {
        "form": form, "figures": figures, "query": request.GET.urlencode(),
        "kind_bars": figures and bars(figures.by_kind), "result_bars": figures and bars(figures.by_result),
        "page_title": "Escalation figures" if period else "Error: Escalation figures"},
        status=200 if period else 400)


@login_required
@role_required(*FIGURES_ROLES)
def figures_csv(request):
    _, period = period_from_query(request.GET)
    if period is None:
        return HttpResponse("Enter a valid period", status=400, content_type="text/plain")
    figures = selectors.escalation_figures(first_day=period[0], last_day=period[1])
    response = HttpResponse(selectors.escalation_figures_csv(figures), content_type="text/csv")
    response["Content-Disposition"] = (
        f'attachment; filename="escalations-{figures.first_day:%Y-%m-%d}-to-{figures.last_day:%Y-%m-%d}.csv"')
    return response


