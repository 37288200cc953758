from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.casework.calendar import working_time_remaining
from frontdoor.casework.selectors import re_referrals
from frontdoor.decisions.forms import AuthoriseForm, DecisionForm, ReturnForm
from frontdoor.decisions.selectors import decision_outcome_texts, early_help_declined_for
from frontdoor.forms_govuk import error_links
from frontdoor.governance.services import access_log_page, access_log_record
from frontdoor.intake import selectors, services
from frontdoor.intake.check_answers import check_sections
from frontdoor.intake.errors import ContactConflict, IntakeError
from frontdoor.intake.forms import (
    AdviceReplyForm,
    ChildFormSet,
    ConcernDetailsForm,
    ConcernQuestionsForm,
    FamilyFormSet,
    AssignForm,
    QueueFilterForm,
    StaffContactForm,
    with_management_data,
)
from frontdoor.intake.models import Contact
from frontdoor.people.selectors import person_history

REFERRER = (Membership.Role.REFERRER,)
ADVISERS = selectors.ADVICE_ROLES
FRONT_DOOR = (Membership.Role.PRACTITIONER, Membership.Role.MANAGER)
SESSION_QUESTIONS = "concern_questions"
SESSION_DETAILS = "concern_details"


def _stored(request, key) -> QueryDict | None:
    raw = request.session.get(key)
    if raw is None:
        return None
    data = QueryDict(mutable=True)
    for name, values in raw.items():
        data.setlist(name, values)
    return data


def _store(request, key, post: QueryDict) -> None:
    request.session[key] = {name: post.getlist(name) for name in post if name != "csrfmiddlewaretoken"}


def _bind_details(data, *, agency_kind, form_class=ConcernDetailsForm, initial=None):
    return (
        form_class(data, agency_kind=agency_kind, initial=initial),
        ChildFormSet(data, prefix="child"),
        FamilyFormSet(data, prefix="family"),
    )


def _draft(details, children, family, *, agency_id, channel, immediate_answers, welfare=None, early_help=None,
           caller_source=""):
    data = details.cleaned_data
    return services.ContactDraft(
        referrer_agency_id=agency_id and str(agency_id),
        caller_source=caller_source,
        referrer_name=data["referrer_name"],
        referrer_role=data["referrer_role"],
        referrer_phone=data["referrer_phone"],
        referrer_email=data["referrer_email"],
        channel=channel,
        immediate_answers=immediate_answers,
        welfare_concern=welfare,
        early_help_advice=early_help,
        concern_now=data["concern_now"],
        concern_past=data["concern_past"],
        incident_at=data["incident_at"],
        disclosure_at=data["disclosure_at"],
        agency_actions=data["agency_actions"],
        consent=data["consent"],
        consent_reason=data["consent_reason"],
        agency_answers=data["agency_answers"],
        children=tuple(
            services.ChildDraft(**{k: v for k, v in f.cleaned_data.items() if k != "DELETE"})
            for f in children.forms if f.cleaned_data
        ),
        family_members=tuple(
            services.FamilyMemberDraft(**f.cleaned_data) for f in family.forms if f.cleaned_data
        ),
    )


def _grow_formset(post: QueryDict, prefix: str) -> QueryDict:
    """Progressive enhancement: 'Add another' posts the form back with one more empty form."""
    data = with_management_data(post, prefix).copy()
    data[f"{prefix}-TOTAL_FORMS"] = str(int(data[f"{prefix}-TOTAL_FORMS"]) + 1)
    return data


# --- The referrer's journey -------------------------------------------------------------------


@login_required
@role_required(*REFERRER)
@require_http_methods(["GET", "POST"])
def concern_start(request):
    form = ConcernQuestionsForm(request.POST or None, initial=_stored(request, SESSION_QUESTIONS))
    if request.method == "POST" and form.is_valid():
        _store(request, SESSION_QUESTIONS, request.POST)
        if any(form.immediate_answers().values()):
            return redirect("intake:urgent")
        return redirect("intake:details")
    return render(request, "intake/concern_start.html", {"form": form, "page_title": "Tell us about a concern"})


@login_required
@role_required(*REFERRER)
def concern_urgent(request):
    return render(request, "intake/concern_urgent.html", {
        "page_title": "Call the Family Front Door now",
        "front_door_phone": settings.FRONTDOOR_AREA["front_door_phone"],
    })


@login_required
@role_required(*REFERRER)
@require_http_methods(["GET", "POST"])
def concern_details(request):
    if request.session.get(SESSION_QUESTIONS) is None:
        return redirect("intake:start")
    membership = request.user.membership
    if request.method == "POST":
        post = request.POST
        for prefix in ("child", "family"):
            if f"add_{prefix}" in post:
                post = _grow_formset(post, prefix)
                details, children, family = _bind_details(post, agency_kind=membership.agency.kind)
                return _render_details(request, details, children, family, validate=False)
        details, children, family = _bind_details(post, agency_kind=membership.agency.kind)
        if details.is_valid() and children.is_valid() and family.is_valid():
            _store(request, SESSION_DETAILS, post)
            return redirect("intake:check")
        return _render_details(request, details, children, family)
    stored = _stored(request, SESSION_DETAILS)
    if stored is not None:
        details, children, family = _bind_details(stored, agency_kind=membership.agency.kind)
    else:
        details = ConcernDetailsForm(agency_kind=membership.agency.kind, initial={
            "referrer_name": request.user.get_full_name(), "referrer_role": membership.job_title,
            "referrer_phone": membership.phone, "referrer_email": request.user.email,
        })
        children, family = ChildFormSet(prefix="child"), FamilyFormSet(prefix="family")
    return _render_details(request, details, children, family, validate=False)


def _render_details(request, details, children, family, *, validate=True, template="intake/concern_details.html",
                    extra=None):
    links = []
    if validate:
        links = error_links(details, *children.forms, *family.forms)
        links += [("main-form", str(e)) for formset in (children, family) for e in formset.non_form_errors()]
    return render(request, template, {
        "form": details, "children": children, "family": family, "error_links": links,
        "page_title": "About the concern", **(extra or {}),
    })


def _referrer_draft(request):
    questions = ConcernQuestionsForm(_stored(request, SESSION_QUESTIONS))
    stored = _stored(request, SESSION_DETAILS)
    if stored is None or not questions.is_valid():
        return None
    membership = request.user.membership
    details, children, family = _bind_details(stored, agency_kind=membership.agency.kind)
    if not (details.is_valid() and children.is_valid() and family.is_valid()):
        return None
    return _draft(
        details, children, family,
        agency_id=membership.agency_id, channel=Contact.Channel.ONLINE,
        immediate_answers=questions.immediate_answers(),
        welfare=questions.cleaned_data["welfare_concern"], early_help=questions.cleaned_data["early_help_advice"],
    )


@login_required
@role_required(*REFERRER)
@require_http_methods(["GET", "POST"])
def concern_check(request):
    draft = _referrer_draft(request)
    if draft is None:
        return redirect("intake:start")
    if request.method == "POST":
        try:
            contact = services.contact_submit(submitted_by=request.user, draft=draft)
        except IntakeError as error:
            return render(request, "intake/concern_check.html", {
                "draft": draft, "errors": error.messages, "page_title": "Check your answers before sending",
                "sections": check_sections(draft=draft, agency_kind=request.user.membership.agency.kind),
            })
        for key in (SESSION_QUESTIONS, SESSION_DETAILS):
            request.session.pop(key, None)
        request.session["last_contact_reference"] = contact.reference
        request.session["last_contact_urgent"] = contact.is_urgent
        return redirect("intake:submitted")
    agency_kind = request.user.membership.agency.kind
    flags = services.referral_quality_flags(draft=draft, agency_kind=agency_kind)
    return render(request, "intake/concern_check.html", {
        "draft": draft, "flags": flags, "page_title": "Check your answers before sending",
        "sections": check_sections(draft=draft, agency_kind=agency_kind),
    })


@login_required
@role_required(*REFERRER)
def concern_submitted(request):
    reference = request.session.get("last_contact_reference")
    if reference is None:
        return redirect("intake:my_contacts")
    return render(request, "intake/concern_submitted.html", {
        "reference": reference, "urgent": request.session.get("last_contact_urgent"),
        "front_door_phone": settings.FRONTDOOR_AREA["front_door_phone"], "page_title": "Contact sent",
    })


@login_required
@role_required(*REFERRER)
def my_contacts(request):
    contacts = (
        selectors.contacts_visible_to(user=request.user)
        .select_related("decision").prefetch_related("children").order_by("-received_at")
    )
    page = access_log_page(user=request.user, objects=contacts, number=request.GET.get("page"), per_page=25,
                           reason="Listed in your agency's contacts")
    return render(request, "intake/my_contacts.html", {"page": page, "page_title": "Your agency's contacts"})


@login_required
@role_required(*REFERRER)
def my_contact_detail(request, contact_id):
    contact = selectors.contact_get_for(user=request.user, contact_id=contact_id, reason="Referrer viewed their contact")
    decision = getattr(contact, "decision", None)
    if decision is not None and decision.status != decision.Status.AUTHORISED:
        decision = None
    outcome = decision_outcome_texts(decision=decision) if decision else {}
    return render(request, "intake/my_contact_detail.html", {
        "contact": contact, "decision": decision, "page_title": f"Contact {contact.reference}", **outcome,
    })


# --- Front Door staff ---------------------------------------------------------------------------


@login_required
@role_required(*FRONT_DOOR)
@require_http_methods(["GET", "POST"])
def record_contact(request):
    if request.method == "POST":
        post = request.POST
        for prefix in ("child", "family"):
            if f"add_{prefix}" in post:
                details, children, family = _bind_details(_grow_formset(post, prefix), agency_kind="", form_class=StaffContactForm)
                return _render_details(request, details, children, family, validate=False,
                                       template="intake/record_contact.html", extra={"page_title": "Record a contact"})
        details, children, family = _bind_details(post, agency_kind="", form_class=StaffContactForm)
        if details.is_valid() and children.is_valid() and family.is_valid():
            agency = details.cleaned_data["referrer_agency"]
            draft = _draft(
                details, children, family,
                agency_id=agency and agency.pk, channel=details.cleaned_data["channel"],
                immediate_answers={"immediate_risk": details.cleaned_data["immediate_risk"]},
                caller_source=details.caller_source,
            )
            try:
                contact = services.contact_submit(submitted_by=request.user, draft=draft)
            except IntakeError as error:
                return _render_details(request, details, children, family, template="intake/record_contact.html",
                                       extra={"errors": error.messages})
            messages.success(request, f"Contact {contact.reference} recorded")
            return redirect("intake:contact", contact_id=contact.pk)
        return _render_details(request, details, children, family, template="intake/record_contact.html",
                               extra={"page_title": "Record a contact"})
    details = StaffContactForm(agency_kind="")
    return _render_details(request, details, ChildFormSet(prefix="child"), FamilyFormSet(prefix="family"),
                           validate=False, template="intake/record_contact.html", extra={"page_title": "Record a contact"})


@login_required
@role_required(*FRONT_DOOR)
def queue(request):
    """The queue, searched and filtered. The filters may come in the address (GET); the search text, which may be
    a child's name, only comes by POST, and the page with its results is rendered from that POST."""
    now = timezone.now()
    form = QueueFilterForm(request.POST if request.method == "POST" else request.GET)
    if request.method != "POST":
        form.data = form.data.copy()
        form.data.pop("q", None)
    filters = form.cleaned_data if form.is_valid() else {}
    contacts = selectors.contact_queue_filtered(
        user=request.user, now=now, text=filters.get("q", ""), urgent=filters.get("urgent", False),
        status=filters.get("status", ""), level=filters.get("level"), agency_kind=filters.get("agency_kind", ""),
        overdue=filters.get("overdue", False), assignee=request.user if filters.get("mine") else None,
    )
    number = None if request.method == "POST" else request.GET.get("page")
    page = access_log_page(user=request.user, objects=contacts, number=number, per_page=50,
                           reason="Listed in the contacts queue")
    flags = re_referrals(contacts=page)
    rows = [(c, working_time_remaining(c.decision_due_at, now), flags.get(c.pk)) for c in page]
    filtered = any(filters.get(name) for name in ("q", "urgent", "overdue", "mine", "status", "level", "agency_kind"))
    return render(request, "intake/queue.html", {
        "page": page, "rows": rows, "form": form, "searched": bool(filters.get("q")), "filtered": filtered,
        "page_title": "Contacts queue",
    })


@login_required
@role_required(*FRONT_DOOR)
@require_http_methods(["POST"])
def contact_assign(request, contact_id):
    contact = selectors.contact_get_for(user=request.user, contact_id=contact_id, reason="Assigned the contact")
    form = AssignForm(request.POST, colleagues=selectors.contact_assignees(user=request.user))
    if form.is_valid():
        choice = form.cleaned_data["assignee"]
        assignee = request.user if choice == "me" else form.colleagues[choice]
        try:
            services.contact_assign(contact=contact, user=request.user, version=form.cleaned_data["version"],
                                    assignee=assignee)
        except IntakeError as error:
            form.add_error(None, str(error))
        else:
            who = "you" if assignee.pk == request.user.pk else assignee.get_full_name()
            messages.success(request, f"Contact {contact.reference} assigned to {who}")
            if form.cleaned_data.get("back") == "queue":
                return redirect("intake:queue")
            return redirect("intake:contact", contact_id=contact.pk)
    contact.refresh_from_db()
    return contact_page(request, contact, assign_form=form, status=409 if form.non_field_errors() else 400)


def _linked_history(user, contact, child):
    """The linked person's details and history are a view of that person: it goes in the access log."""
    if child.person is None:
        return None
    access_log_record(user=user, target=child.person, reason=f"Shown on contact {contact.reference}")
    return person_history(person=child.person)


def contact_page(request, contact, *, assign_form=None, decision_form=None, return_form=None, errors=None, status=200):
    """The practitioner's and manager's page for one contact: the concern, the children, the decision."""

    decision = getattr(contact, "decision", None)
    children = [(child, _linked_history(request.user, contact, child)) for child in contact.children.select_related("person")]
    if decision_form is None:
        initial = {"version": contact.version, "social_worker_name": request.user.get_full_name()}
        if decision is not None:
            initial.update(level=decision.level, outcome_codes=decision.outcome_codes, rationale=decision.rationale,
                           social_worker_name=decision.social_worker_name, consent_basis=decision.consent_basis,
                           significant_harm=decision.significant_harm)
        decision_form = DecisionForm(initial=initial)
    version = {"version": decision.version} if decision else {}
    return render(request, "intake/contact.html", {
        "contact": contact,
        "children": children,
        "unidentified_children": [child for child, _ in children if child.person_id is None],
        "children_identified": any(child.person_id for child, _ in children),
        "family": contact.family_members.all(),
        "decision": decision,
        "outcome": decision_outcome_texts(decision=decision) if decision else {},
        "decision_form": decision_form,
        "authorise_form": AuthoriseForm(initial=version),
        "assign_form": assign_form or AssignForm(initial={"version": contact.version},
                                                 colleagues=selectors.contact_assignees(user=request.user)),
        "return_form": return_form or ReturnForm(initial=version),
        "time_left": working_time_remaining(contact.decision_due_at, timezone.now()),
        "re_referral": re_referrals(contacts=[contact]).get(contact.pk),
        "early_help_declined": early_help_declined_for(contact=contact),
        "errors": errors or [],
        "page_title": f"Contact {contact.reference}",
    }, status=status)


@login_required
@role_required(*FRONT_DOOR)
def contact_detail(request, contact_id):
    contact = selectors.contact_get_for(user=request.user, contact_id=contact_id, reason="Front Door worked on the contact")
    return contact_page(request, contact)


# --- Community social workers: early help advice (question 5) ---------------------------------


@login_required
@role_required(*ADVISERS)
def advice_requests(request):
    page = access_log_page(user=request.user, objects=selectors.advice_list(user=request.user),
                           number=request.GET.get("page"), per_page=50, reason="Listed in the early help advice requests")
    return render(request, "intake/advice_list.html", {"page": page, "page_title": "Early help advice requests"})


@login_required
@role_required(*ADVISERS)
@require_http_methods(["GET", "POST"])
def advice_request(request, advice_id):
    advice = selectors.advice_request_get_for(user=request.user, advice_id=advice_id,
                                              reason="Community social worker read an advice request")
    form = AdviceReplyForm(request.POST or None, initial={"version": advice.version})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.advice_reply(user=request.user, advice=advice, version=form.cleaned_data["version"],
                                  reply=form.cleaned_data["reply"])
        except IntakeError as error:
            form.add_error("reply", str(error))
            status = 409 if isinstance(error, ContactConflict) else 400
        else:
            messages.success(request, f"Advice sent to {advice.contact.referrer_name}")
            return redirect("intake:advice_requests")
    elif request.method == "POST":
        status = 400
    return render(request, "intake/advice_request.html", {
        "advice": advice, "contact": advice.contact, "children": advice.contact.children.all(), "form": form,
        "error_links": error_links(form), "page_title": f"Advice request on contact {advice.contact.reference}",
    }, status=status)
