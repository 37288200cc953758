import re

from django import forms

from frontdoor.forms_govuk import (
    GovukCheckboxes,
    GovukDateField,
    GovukRadios,
    GovukSelect,
    GovukTextarea,
    GovukTextInput,
)
from frontdoor.people import census_codes
from frontdoor.people.models import Person, nhs_number_problem


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


UK_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")


class PersonFindForm(forms.Form):
    """The person search from the Front Door menu. Sent by POST: what is typed here never goes in an address."""

    given_name = forms.CharField(label="First name", required=False, max_length=100, widget=GovukTextInput())
    family_name = forms.CharField(label="Last name", required=False, max_length=100,
                                  help_text="Leave it blank if you do not know it", widget=GovukTextInput())
    date_of_birth = GovukDateField(label="Date of birth", required=False, help_text="For example, 14 3 2017")
    age = forms.IntegerField(label="Age in years", required=False, min_value=0, max_value=120,
                             help_text="If you do not know the date of birth",
                             error_messages={"invalid": "Enter the age as a whole number of years, like 9",
                                             "min_value": "Enter an age of 0 or more",
                                             "max_value": "Enter an age of 120 or less"},
                             widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-3",
                                                           "inputmode": "numeric"}))
    school = forms.CharField(label="School", required=False, max_length=200, widget=GovukTextInput())
    postcode = forms.CharField(label="Postcode", required=False, max_length=10,
                               widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"))
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=12,
                                 widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"))

    def clean_nhs_number(self):
        value = self.cleaned_data["nhs_number"].strip()
        problem = nhs_number_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        return value.replace(" ", "")

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        if value and not UK_POSTCODE.fullmatch(value.replace(" ", "").upper()):
            raise forms.ValidationError("Enter a real postcode, like FD1 2AB")
        return value

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.get(k) not in (None, "") for k in self.fields):
            raise forms.ValidationError("Enter a name, date of birth, age, school, postcode or NHS number to search")
        if data.get("date_of_birth") and data.get("age") is not None:
            self.add_error("age", "Enter a date of birth or an age, not both")
        return data


class PersonDetailsForm(forms.Form):
    """Correct a person's details, with why; the version the page showed comes back with it."""

    given_name = forms.CharField(label="First name", required=False, max_length=100, widget=GovukTextInput())
    family_name = forms.CharField(label="Last name", max_length=100, widget=GovukTextInput(),
                                  error_messages={"required": "Enter their last name"})
    date_of_birth = GovukDateField(label="Date of birth", required=False, not_in_future=True,
                                   help_text="For example, 27 3 2015. Leave it empty if it is not known.")
    sex = forms.ChoiceField(label="Sex", choices=Person.Sex.choices, widget=GovukRadios(),
                            error_messages={"required": "Select their sex, or Not known"})
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=13,
                                 help_text="10 digits, like 943 476 5919. Leave it empty if it is not known.",
                                 widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"))
    reason = forms.CharField(label="Why are you changing these details?", max_length=1000, widget=GovukTextarea(rows=3),
                             help_text="For example, where the correct details come from. This is kept with the change.",
                             error_messages={"required": "Enter why you are changing these details"})
    version = forms.IntegerField(widget=forms.HiddenInput())

    @classmethod
    def for_person(cls, person: Person) -> "PersonDetailsForm":
        return cls(initial={"given_name": person.given_name, "family_name": person.family_name,
                            "date_of_birth": person.date_of_birth, "sex": person.sex,
                            "nhs_number": person.nhs_number, "version": person.version})

    def clean_nhs_number(self):
        value = self.cleaned_data["nhs_number"].replace(" ", "")
        if problem := nhs_number_problem(value):
            raise forms.ValidationError(problem)
        return value


class MovedOutForm(forms.Form):
    moved_out = GovukDateField(label="Date they moved out", not_in_future=True,
                               help_text="For example, 27 3 2025",
                               error_messages={"required": "Enter the date they moved out"})
    reason = forms.CharField(label="How do you know they moved out? (optional)", required=False, max_length=1000,
                             widget=GovukTextarea(rows=2))
    version = forms.IntegerField(widget=forms.HiddenInput())


class CensusDetailsForm(forms.Form):
    """What the Children in Need census asks of a child; the version the page showed comes back with it."""

    ethnicity = forms.ChoiceField(label="Ethnicity", required=False,
                                  choices=[("", "Not yet recorded"), *census_codes.ETHNICITY],
                                  help_text="As the child or their family describe it", widget=GovukSelect())
    upn = forms.CharField(label="Unique pupil number (UPN)", required=False, max_length=16,
                          help_text="13 characters, like H873200419101, from the child's school",
                          widget=GovukTextInput(width_class="govuk-input govuk-input--width-20"))
    upn_unknown_reason = forms.ChoiceField(label="If the UPN is not known, why not", required=False,
                                           choices=[("", "The UPN is known, or not yet recorded"),
                                                    *census_codes.UPN_UNKNOWN], widget=GovukSelect())
    disabilities = forms.MultipleChoiceField(label="Disabilities", required=False, choices=census_codes.DISABILITY,
                                             help_text="Select all that apply, or 'No disability' on its own",
                                             widget=GovukCheckboxes())
    died_on = GovukDateField(label="Date of death", required=False, not_in_future=True,
                             help_text="Only if the child has died. For example, 27 3 2026")
    reason = forms.CharField(label="Where do these details come from? (optional)", required=False, max_length=1000,
                             widget=GovukTextarea(rows=2))
    version = forms.IntegerField(widget=forms.HiddenInput())

    @classmethod
    def for_person(cls, person: Person) -> "CensusDetailsForm":
        return cls(initial={"ethnicity": person.ethnicity, "upn": person.upn,
                            "upn_unknown_reason": person.upn_unknown_reason, "disabilities": person.disabilities,
                            "died_on": person.died_on, "version": person.version})

    def clean_upn(self):
        value = self.cleaned_data["upn"].replace(" ", "").upper()
        if problem := census_codes.upn_problem(value):
            raise forms.ValidationError(problem)
        return value

    def clean_disabilities(self):
        codes = self.cleaned_data["disabilities"]
        if problem := census_codes.disabilities_problem(codes):
            raise forms.ValidationError(problem)
        return codes


class RestrictionForm(forms.Form):
    """Seal a record to a named list: why, and who (the manager saving it is always one of them)."""

    reason = forms.CharField(label="Why is this record restricted?", max_length=300, widget=GovukTextarea(rows=3),
                             help_text="For example, the child of a member of staff, or an adopted child",
                             error_messages={"required": "Enter why this record is restricted",
                                             "max_length": "The reason must be 300 characters or fewer"})
    permitted = forms.MultipleChoiceField(label="Who may see this record", widget=GovukCheckboxes(),
                                          help_text="Nobody else will find it, or any contact naming it. You are "
                                                    "always one of them.",
                                          error_messages={"required": "Choose at least one person who may see it",
                                                          "invalid_choice": "Choose people from the list"})
    version = forms.IntegerField(widget=forms.HiddenInput(), required=False)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["permitted"].choices = [
            (str(user.pk), f"{user.get_full_name()} ({user.membership.get_role_display()}, {user.membership.agency})")
            for user in candidates]


class RestrictionLiftForm(forms.Form):
    lift_reason = forms.CharField(label="Why is the restriction being lifted?", max_length=300,
                                  widget=GovukTextarea(rows=2),
                                  error_messages={"required": "Enter why the restriction is being lifted",
                                                  "max_length": "The reason must be 300 characters or fewer"})
    version = forms.IntegerField(widget=forms.HiddenInput())
