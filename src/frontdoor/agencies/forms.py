from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.db.models import Q

from frontdoor.agencies.lockout import address_is_locked_out
from frontdoor.agencies.models import Agency, Membership
from frontdoor.forms_govuk import GovukSelect, GovukTextInput


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct email address and password. Both are case-sensitive.",
        "address_locked_out": ("There have been too many failed sign-ins from your network. "
                               "Wait 15 minutes, then try again, or call the Front Door."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget = GovukTextInput(attrs={"autocomplete": "username", "spellcheck": "false"})
        self.fields["password"].widget.attrs.update({"class": "govuk-input govuk-password-input__input", "autocomplete": "current-password"})

    def clean(self):
        # One password sprayed across many usernames from one address is stopped too (axes counts per username and address).
        if self.request is not None and address_is_locked_out(self.request):
            raise forms.ValidationError(self.error_messages["address_locked_out"], code="address_locked_out")
        return super().clean()


class _GovukPasswordFields:
    """Django's password forms with GOV.UK inputs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-input govuk-!-width-one-half"


class PasswordChangeGovukForm(_GovukPasswordFields, PasswordChangeForm):
    pass


class SetPasswordGovukForm(_GovukPasswordFields, SetPasswordForm):
    pass


class PasswordResetGovukForm(_GovukPasswordFields, PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})


class SecondFactorCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code your app shows now, for example 123456",
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=GovukTextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"},
                              width_class="govuk-input govuk-input--width-5"),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the 6 digits of the code, with no letters or other characters")
        return code


# The administration forms only carry what was typed: the services (agencies/services.py) check it,
# so the page and any other caller get the same messages.
def _text_field(label, **kwargs):
    return forms.CharField(label=label, required=False, strip=False, widget=GovukTextInput(), **kwargs)


def _agency_choices(*, kept=None):
    """The active agencies, and `kept` (the account's own agency) even if it is deactivated."""
    return [("", "Choose an agency"), *((str(a.pk), f"{a.name} ({a.get_kind_display()})") for a in
                                        Agency.objects.filter(Q(is_active=True) | Q(pk=kept)).order_by("name", "pk"))]


class _RoleAndAgency(forms.Form):
    role = forms.ChoiceField(label="Role", required=False, widget=GovukSelect(),
                             choices=[("", "Choose a role"), *Membership.Role.choices])
    agency = forms.ChoiceField(label="Agency", required=False, widget=GovukSelect())

    def __init__(self, *args, kept_agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = _agency_choices(kept=kept_agency)
        self.fields["role"].error_messages["invalid_choice"] = "Choose a role from the list"
        self.fields["agency"].error_messages["invalid_choice"] = "Choose an agency from the list"


class UserCreateForm(_RoleAndAgency):
    field_order = ["first_name", "last_name", "email", "job_title", "role", "agency"]
    first_name = _text_field("First name")
    last_name = _text_field("Last name")
    email = _text_field("Email address", help_text="They sign in with it, and choose their password from the "
                                                   "email 'Forgotten your password?' sends")
    job_title = _text_field("Job title (optional)")


class MembershipChangeForm(_RoleAndAgency):
    version = forms.IntegerField(widget=forms.HiddenInput())


class ActiveSetForm(forms.Form):
    """Deactivate or reactivate an account or an agency, from the version the page showed."""
    version = forms.IntegerField(widget=forms.HiddenInput())


class AgencyCreateForm(forms.Form):
    name = _text_field("Name")
    kind = forms.ChoiceField(label="Kind of agency", required=False, widget=GovukSelect(),
                             choices=[("", "Choose the kind"), *Agency.Kind.choices],
                             error_messages={"invalid_choice": "Choose the kind of agency"})
    urn = _text_field("DfE URN (schools only, optional)")
    ods_code = _text_field("ODS code (NHS organisations, optional)")
    email = _text_field("Email address (optional)")
    phone = _text_field("Phone (optional)")
    postcode = _text_field("Postcode (optional)")


class AgencyChangeForm(AgencyCreateForm):
    version = forms.IntegerField(widget=forms.HiddenInput())
