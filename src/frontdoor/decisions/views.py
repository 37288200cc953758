from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.decisions import services
from frontdoor.decisions.errors import ChildNotIdentified, ConsentNotSettled, DecisionError
from frontdoor.decisions.forms import AuthoriseForm, DecisionForm, ReturnForm
from frontdoor.decisions.models import Decision
from frontdoor.decisions.selectors import contacts_awaiting_authorisation
from frontdoor.governance.services import access_log_page
from frontdoor.intake.selectors import contact_get_for
from frontdoor.intake.views import FRONT_DOOR, contact_page

MANAGER = (Membership.Role.MANAGER,)


@login_required
@role_required(*FRONT_DOOR)
@require_POST
def decide(request, contact_id):
    contact = contact_get_for(user=request.user, contact_id=contact_id, reason="Recorded a decision")
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decision_record(
                user=request.user, contact=contact, contact_version=data["version"], level=data["level"],
                outcome_codes=data["outcome_codes"], rationale=data["rationale"],
                social_worker_name=data["social_worker_name"], unidentified_reason=data["unidentified_reason"],
                consent_basis=data["consent_basis"], significant_harm=data["significant_harm"],
            )
        except ChildNotIdentified as error:
            form.add_error("unidentified_reason", str(error))
        except ConsentNotSettled as error:
            form.add_error(error.field, str(error))
        except DecisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Decision on {contact.reference} sent for authorisation")
            return redirect("intake:contact", contact_id=contact.pk)
    return contact_page(request, contact, decision_form=form)


def _decision_for_manager(request, contact_id) -> Decision:
    contact = contact_get_for(user=request.user, contact_id=contact_id, reason="Authorising a decision")
    decision = getattr(contact, "decision", None)
    if decision is None:
        raise Http404
    return decision


@login_required
@role_required(*MANAGER)
@require_POST
def authorise(request, contact_id):
    decision = _decision_for_manager(request, contact_id)
    form = AuthoriseForm(request.POST)
    try:
        if not form.is_valid():
            raise DecisionError("The page was out of date. Reload it and try again.")
        letter = services.decision_authorise(manager=request.user, decision=decision,
                                             version=form.cleaned_data["version"])
    except DecisionError as error:
        return contact_page(request, decision.contact, errors=[str(error)])
    sent = ("the outcome letter is on its way to the referrer" if letter
            else "no outcome letter: the caller is told only that their contact was received")
    messages.success(request, f"Decision on {decision.contact.reference} authorised; {sent}")
    return redirect("decisions:authorisations")


@login_required
@role_required(*MANAGER)
@require_POST
def return_decision(request, contact_id):
    decision = _decision_for_manager(request, contact_id)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.decision_return(manager=request.user, decision=decision, version=form.cleaned_data["version"],
                                     reason=form.cleaned_data["reason"])
        except DecisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Decision on {decision.contact.reference} returned to the practitioner")
            return redirect("decisions:authorisations")
    return contact_page(request, decision.contact, return_form=form)


@login_required
@role_required(*MANAGER)
def authorisations(request):
    page = access_log_page(user=request.user, objects=contacts_awaiting_authorisation(user=request.user),
                           number=request.GET.get("page"), per_page=50, reason="Listed in the decisions to authorise")
    return render(request, "decisions/authorisations.html", {"page": page, "page_title": "Decisions to authorise"})


@login_required
def letter_pdf(request, contact_id):
    """The outcome letter, for Front Door staff and for the referrer's agency once authorised."""
    contact = contact_get_for(user=request.user, contact_id=contact_id, reason="Opened the outcome letter")
    decision = getattr(contact, "decision", None)
    letter = getattr(decision, "letter", None) if decision else None
    if letter is None:
        raise Http404
    response = HttpResponse(bytes(letter.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="referral-outcome-{contact.reference}.pdf"'
    return response
