from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from frontdoor.agencies import second_factor as factor
from frontdoor.agencies.forms import (
    PasswordChangeGovukForm,
    PasswordResetGovukForm,
    SecondFactorCodeForm,
    SetPasswordGovukForm,
    SignInForm,
)


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
