from django import forms

from frontdoor.forms_govuk import GovukDateField, GovukTextInput


class PersonSearchForm(forms.Form):
    given_name = forms.CharField(label="First name", required=False, widget=GovukTextInput())
    family_name = forms.CharField(label="Last name", required=False, widget=GovukTextInput())
    date_of_birth = GovukDateField(label="Date of birth", required=False)
    postcode = forms.CharField(label="Postcode", required=False,
                               widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"))
    nhs_number = forms.CharField(label="NHS number", required=False,
                                 widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"))

    def clean(self):
        data = super().clean()
        if not any(data.get(k) for k in ("family_name", "date_of_birth", "postcode", "nhs_number")):
            raise forms.ValidationError("Enter a last name, date of birth, postcode or NHS number to search")
        return data
