from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm

from frontdoor.agencies.lockout import address_is_locked_out
from frontdoor.forms_govuk import GovukTextInput


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
