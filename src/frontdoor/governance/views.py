from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.forms_govuk import error_links
from frontdoor.governance.errors import LegalHoldConflict, LegalHoldInvalid
from frontdoor.governance.forms import LegalHoldForm, LegalHoldLiftForm
from frontdoor.governance.models import LegalHold, RetentionRun
from frontdoor.governance.retention import retention_apply
from frontdoor.governance.selectors import legal_holds_in_force, legal_holds_of, retention_runs_recent
from frontdoor.governance.services import access_log_record_many, legal_hold_lift, legal_hold_place
from frontdoor.governance.subject_access import subject_access_export
from frontdoor.people.models import Person
from frontdoor.people.restrictions import person_get_or_404
from frontdoor.people.selectors import person_get_for, persons_visible_to

DATA_PROTECTION_ROLES = (Membership.Role.MANAGER, Membership.Role.ADMINISTRATOR)


@role_required(*DATA_PROTECTION_ROLES)
@require_http_methods(["GET", "POST"])
def subject_access(request, person_id):
    person = person_get_or_404(user=request.user, people=Person.objects.filter(merged_into__isnull=True),
                               person_id=person_id, reason="Opened the subject access request")
    if request.method == "POST":
        response = HttpResponse(subject_access_export(user=request.user, person=person), content_type="application/zip")
        # The file's name says what it is, not whose it is (no personal data in names that travel).
        response["Content-Disposition"] = f'attachment; filename="subject-access-{person.pk}.zip"'
        return response
    return render(request, "governance/subject_access_page.html", {"person": person, "page_title": "Subject access request"})


HOLD_KEPT = "A legal hold is in force on someone it names"


def _legal_holds_page(request, person, *, form=None, lift_forms=None, status=200):
    holds = legal_holds_of(person=person)
    lift_forms = lift_forms or {}
    return render(request, "governance/legal_holds_person.html", {
        "person": person, "form": form or LegalHoldForm(),
        "holds": [{"hold": hold, "lift_form": lift_forms.get(hold.pk) or LegalHoldLiftForm(
            initial={"version": hold.version}, prefix=str(hold.pk))} for hold in holds],
        "error_links": error_links(form) if form else [
            link for hold_id, lift in lift_forms.items() for link in error_links(lift, anchor=f"lift-{hold_id}")],
        "page_title": f"Legal holds: {person.full_name}",
    }, status=status)


@login_required
@role_required(Membership.Role.MANAGER)
@require_http_methods(["GET", "POST"])
def person_legal_holds(request, person_id):
    """A person's legal holds, in force and lifted; a manager places one here."""
    reason = "Placed a legal hold" if request.method == "POST" else "Viewed the person's legal holds"
    person = person_get_for(user=request.user, person_id=person_id, reason=reason)
    if request.method == "GET":
        return _legal_holds_page(request, person)
    form = LegalHoldForm(request.POST)
    if form.is_valid():
        try:
            legal_hold_place(user=request.user, person=person, reason=form.cleaned_data["reason"])
        except LegalHoldInvalid as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, f"Legal hold placed: {person.full_name}'s records are kept past their "
                                      "retention date until it is lifted")
            return redirect("governance:person_legal_holds", person_id=person.pk)
    return _legal_holds_page(request, person, form=form, status=400)


@login_required
@role_required(Membership.Role.MANAGER)
@require_POST
def legal_hold_lift_view(request, person_id, hold_id):
    person = person_get_for(user=request.user, person_id=person_id, reason="Lifted a legal hold")
    hold = get_object_or_404(LegalHold, pk=hold_id, person=person)
    form = LegalHoldLiftForm(request.POST, prefix=str(hold.pk))
    if form.is_valid():
        try:
            legal_hold_lift(user=request.user, hold=hold, version=form.cleaned_data["version"],
                            reason=form.cleaned_data["lift_reason"])
        except (LegalHoldInvalid, LegalHoldConflict) as error:
            form.add_error(getattr(error, "field", None), str(error))
        else:
            messages.success(request, "Legal hold lifted: the records follow the retention schedule again")
            return redirect("governance:person_legal_holds", person_id=person.pk)
    return _legal_holds_page(request, person, lift_forms={hold.pk: form}, status=400)


def _run_rows(run: RetentionRun) -> list[dict]:
    return [{"record": apps.get_model(rule["record"])._meta.verbose_name_plural, "due": rule["due"],
             "deleted": len(rule["deleted"]), "held": sum(why == HOLD_KEPT for why in rule["kept"].values()),
             "needed": sum(why != HOLD_KEPT for why in rule["kept"].values())} for rule in run.summary]


@login_required
@role_required(Membership.Role.MANAGER)
@require_http_methods(["GET", "POST"])
def retention(request):
    """The retention schedule's latest runs, what each kept because of a legal hold, and the holds in
    force (each person shown is logged); a manager can run a dry run, which deletes nothing."""
    if request.method == "POST":
        retention_apply(delete=False)
        messages.success(request, "Dry run done: nothing was deleted")
        return redirect("governance:retention")
    holds = legal_holds_in_force(people=persons_visible_to(user=request.user))
    access_log_record_many(user=request.user, targets=[hold.person for hold in holds],
                           reason="Shown in the legal holds in force")
    runs = retention_runs_recent()
    return render(request, "governance/retention.html", {
        "holds": holds, "runs": [{"run": run, "rows": _run_rows(run), "holds": len(run.holds)} for run in runs],
        "schedule": settings.FRONTDOOR_RETENTION, "page_title": "Retention and legal holds",
    })
