from django.contrib.auth import views as auth_views
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from frontdoor.agencies import second_factor as factor
from frontdoor.agencies import selectors, services
from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.errors import AdministrationConflict, AdministrationInvalid
from frontdoor.agencies.forms import (
    ActiveSetForm,
    AgencyChangeForm,
    AgencyCreateForm,
    MembershipChangeForm,
    PasswordChangeGovukForm,
    PasswordResetGovukForm,
    SecondFactorCodeForm,
    SetPasswordGovukForm,
    SignInForm,
    UserCreateForm,
)
from frontdoor.agencies.models import Membership


@login_required
def second_factor(request):
    """Enter the code from the authenticator app; at the first sign-in, set the app up first."""
    if request.user.is_verified():
        return redirect("/")
    device = factor.confirmed_device(request.user)
    setting_up = device is None
    if setting_up:
        device = factor.device_to_set_up(request.user)
    form = SecondFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        problem = factor.code_check(request, device, form.cleaned_data["code"])
        if problem is None:
            return redirect(_next_page(request))
        form.add_error("code", problem)
    context = {"form": form, "next": request.GET.get("next", ""), "page_title": "Enter your code"}
    if setting_up:
        context |= {"qr_code": factor.qr_code_svg(device), "key": factor.key_to_type(device),
                    "page_title": "Set up your authenticator app"}
    return render(request, "agencies/second_factor.html", context)


def _next_page(request) -> str:
    wanted = request.GET.get("next", "")
    return wanted if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}) else "/"


sign_in = auth_views.LoginView.as_view(authentication_form=SignInForm, extra_context={"page_title": "Sign in"})
sign_out = auth_views.LogoutView.as_view(next_page="/")
password_change = auth_views.PasswordChangeView.as_view(
    form_class=PasswordChangeGovukForm, template_name="agencies/password_change.html",
    success_url=reverse_lazy("agencies:password_change_done"), extra_context={"page_title": "Change your password"})
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="agencies/password_done.html", extra_context={"page_title": "Your password has been changed"})
password_reset = auth_views.PasswordResetView.as_view(
    form_class=PasswordResetGovukForm, template_name="agencies/password_reset.html",
    email_template_name="agencies/password_reset_email.txt", subject_template_name="agencies/password_reset_subject.txt",
    success_url=reverse_lazy("agencies:password_reset_sent"), extra_context={"page_title": "Reset your password"})
password_reset_sent = auth_views.PasswordResetDoneView.as_view(
    template_name="agencies/password_reset_sent.html", extra_context={"page_title": "Check your email"})
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=SetPasswordGovukForm, template_name="agencies/password_reset_confirm.html",
    success_url=reverse_lazy("agencies:password_reset_complete"), extra_context={"page_title": "Choose a new password"})
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="agencies/password_done.html", extra_context={"page_title": "Your password has been changed"})


# Administration: users, their roles and agencies (the administrator only; anyone else gets 404).
administrator_only = role_required(Membership.Role.ADMINISTRATOR)


def _refused(form, error) -> None:
    form.add_error(getattr(error, "field", None), str(error))


@login_required
@administrator_only
def administration_users(request):
    page = Paginator(selectors.users_for_administration(user=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "agencies/administration_users.html", {"page": page, "page_title": "Users"})


@login_required
@administrator_only
@require_http_methods(["GET", "POST"])
def administration_user_new(request):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = services.user_create(actor=request.user, new=services.NewUser(
                email=data["email"], first_name=data["first_name"], last_name=data["last_name"],
                role=data["role"], agency_id=data["agency"], job_title=data["job_title"]))
        except AdministrationInvalid as error:
            _refused(form, error)
        else:
            messages.success(request, f"Account made for {account.get_full_name()}. Ask them to choose a password "
                                      "with 'Forgotten your password?' on the sign-in page.")
            return redirect("agencies:administration_users")
    return render(request, "agencies/administration_user_new.html", {"form": form, "page_title": "Add a user"},
                  status=400 if form.errors else 200)


def _user_page(request, account, *, form=None, errors=(), status=200):
    membership = account.membership
    form = form or MembershipChangeForm(initial={"role": membership.role, "agency": str(membership.agency_id),
                                                 "version": membership.version}, kept_agency=membership.agency_id)
    return render(request, "agencies/administration_user.html", {
        "account": account, "form": form, "version": membership.version,
        "is_self": account.pk == request.user.pk, "errors": list(errors), "page_title": f"User: {account.get_full_name()}",
    }, status=status)


@login_required
@administrator_only
@require_http_methods(["GET", "POST"])
def administration_user(request, user_id):
    account = selectors.user_for_administration_get(user=request.user, user_id=user_id)
    if request.method == "GET":
        return _user_page(request, account)
    form = MembershipChangeForm(request.POST, kept_agency=account.membership.agency_id)
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.membership_change(actor=request.user, account=account, version=data["version"],
                                                    role=data["role"], agency_id=data["agency"])
        except (AdministrationInvalid, AdministrationConflict) as error:
            _refused(form, error)
        else:
            messages.success(request, f"{account.get_full_name()} is now {membership.get_role_display()}, "
                                      f"{membership.agency}")
            return redirect("agencies:administration_user", user_id=account.pk)
    return _user_page(request, account, form=form, status=400)


@login_required
@administrator_only
@require_POST
def administration_user_active(request, user_id):
    account = selectors.user_for_administration_get(user=request.user, user_id=user_id)
    form = ActiveSetForm(request.POST)
    active = not account.is_active
    if form.is_valid():
        try:
            services.user_active_set(actor=request.user, account=account, version=form.cleaned_data["version"],
                                     active=active)
        except (AdministrationInvalid, AdministrationConflict) as error:
            return _user_page(request, account, errors=[str(error)], status=400)
        messages.success(request, f"{account.get_full_name()}'s account is {'reactivated' if active else 'deactivated'}")
    return redirect("agencies:administration_user", user_id=account.pk)


@login_required
@administrator_only
def administration_agencies(request):
    page = Paginator(selectors.agencies_for_administration(user=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "agencies/administration_agencies.html", {"page": page, "page_title": "Agencies"})


@login_required
@administrator_only
@require_http_methods(["GET", "POST"])
def administration_agency_new(request):
    form = AgencyCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.agency_create(actor=request.user, new=services.NewAgency(**form.cleaned_data))
        except AdministrationInvalid as error:
            _refused(form, error)
        else:
            messages.success(request, f"{agency.name} added")
            return redirect("agencies:administration_agencies")
    return render(request, "agencies/administration_agency_new.html", {"form": form, "page_title": "Add an agency"},
                  status=400 if form.errors else 200)


AGENCY_FIELDS = ("name", "kind", "urn", "ods_code", "email", "phone", "postcode")


def _agency_page(request, agency, *, form=None, errors=(), status=200):
    form = form or AgencyChangeForm(initial={**{name: getattr(agency, name) for name in AGENCY_FIELDS},
                                             "version": agency.version})
    return render(request, "agencies/administration_agency.html", {
        "agency": agency, "form": form, "errors": list(errors), "page_title": f"Agency: {agency.name}",
    }, status=status)


@login_required
@administrator_only
@require_http_methods(["GET", "POST"])
def administration_agency(request, agency_id):
    agency = selectors.agency_for_administration_get(user=request.user, agency_id=agency_id)
    if request.method == "GET":
        return _agency_page(request, agency)
    form = AgencyChangeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            agency = services.agency_change(actor=request.user, agency=agency, version=data["version"],
                                            changed=services.NewAgency(**{name: data[name] for name in AGENCY_FIELDS}))
        except (AdministrationInvalid, AdministrationConflict) as error:
            _refused(form, error)
        else:
            messages.success(request, f"{agency.name} saved")
            return redirect("agencies:administration_agency", agency_id=agency.pk)
    return _agency_page(request, agency, form=form, status=400)


@login_required
@administrator_only
@require_POST
def administration_agency_active(request, agency_id):
    agency = selectors.agency_for_administration_get(user=request.user, agency_id=agency_id)
    form = ActiveSetForm(request.POST)
    active = not agency.is_active
    if form.is_valid():
        try:
            services.agency_active_set(actor=request.user, agency=agency, version=form.cleaned_data["version"],
                                       active=active)
        except AdministrationConflict as error:
            return _agency_page(request, agency, errors=[str(error)], status=400)
        messages.success(request, f"{agency.name} is {'reactivated' if active else 'deactivated'}")
    return redirect("agencies:administration_agency", agency_id=agency.pk)
