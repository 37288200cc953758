from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.forms_govuk import (
    GovukDateField,
    GovukRadios,
    GovukSelect,
    GovukTextarea,
    GovukTextInput,
    parse_time,
    yes_no_field,
)
from frontdoor.intake.concern_form import load_concern_form
from frontdoor.intake.models import Contact
from frontdoor.people.models import validate_nhs_number


class ConcernQuestionsForm(forms.Form):
    """The five questions that open the Concern Contact Form (seed 001)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        form = load_concern_form()
        for question in form.immediate_questions:
            self.fields[question.id] = yes_no_field(question.text)
        self.fields["welfare_concern"] = yes_no_field(form.welfare_question.text)
        self.fields["early_help_advice"] = yes_no_field(form.early_help_question.text)

    def immediate_answers(self) -> dict:
        return {q.id: self.cleaned_data[q.id] for q in load_concern_form().immediate_questions}


class ChildForm(forms.Form):
    given_name = forms.CharField(label="First name", required=False, max_length=100, widget=GovukTextInput())
    family_name = forms.CharField(
        label="Last name", max_length=100, widget=GovukTextInput(),
        error_messages={"required": "Enter the child's last name"},
    )
    is_unborn = forms.BooleanField(
        label="This is an unborn child", required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False, not_in_future=True, help_text="For example, 27 3 2015")
    expected_date = GovukDateField(label="Expected date of delivery (unborn child)", required=False)
    father_name = forms.CharField(
        label="Father's name (unborn child, if known)", required=False, max_length=200, widget=GovukTextInput()
    )
    sex = forms.ChoiceField(
        label="Sex", required=False,
        choices=(("", "Not known"), ("female", "Female"), ("male", "Male")),
        widget=GovukSelect(),
    )
    address = forms.CharField(label="Address", required=False, max_length=300, widget=GovukTextInput())
    postcode = forms.CharField(
        label="Postcode", required=False, max_length=10,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"),
    )
    nhs_number = forms.CharField(
        label="NHS number (if known)", required=False, max_length=12,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"),
    )
    school_name = forms.CharField(label="School or nursery", required=False, max_length=200, widget=GovukTextInput())

    def clean_nhs_number(self):
        value = self.cleaned_data["nhs_number"].replace(" ", "")
        validate_nhs_number(value)
        return value

    def clean_postcode(self):
        return " ".join(self.cleaned_data["postcode"].upper().split())

    def clean(self):
        data = super().clean()
        if data.get("is_unborn") and not data.get("expected_date"):
            self.add_error("expected_date", "Enter the expected date of delivery for an unborn child")
        if not data.get("is_unborn") and data.get("expected_date"):
            self.add_error("is_unborn", "Tick 'This is an unborn child' or remove the expected date")
        return data


class FamilyMemberForm(forms.Form):
    name = forms.CharField(label="Full name", max_length=200, widget=GovukTextInput())
    relationship = forms.CharField(
        label="Relationship to the child", max_length=100, widget=GovukTextInput(),
        help_text="For example, mother, stepfather, grandmother, mother's partner",
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False, not_in_future=True)
    address = forms.CharField(label="Address, if different from the child's", required=False, widget=GovukTextInput())


ChildFormSet = forms.formset_factory(ChildForm, extra=0, min_num=1, validate_min=True)
FamilyFormSet = forms.formset_factory(FamilyMemberForm, extra=0)


class ConcernDetailsForm(forms.Form):
    """The referrer, the concern in their words (now kept apart from the past), actions, consent."""

    referrer_name = forms.CharField(label="Your full name", max_length=200, widget=GovukTextInput(),
                                    error_messages={"required": "Enter your full name"})
    referrer_role = forms.CharField(label="Your job title", required=False, max_length=100, widget=GovukTextInput())
    referrer_phone = forms.CharField(
        label="Phone number we can reach you on", required=False, max_length=30,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-20", attrs={"autocomplete": "tel"}),
    )
    referrer_email = forms.EmailField(
        label="Email address for the outcome letter", widget=GovukTextInput(attrs={"autocomplete": "email"}),
        error_messages={"required": "Enter an email address so we can send you the outcome",
                        "invalid": "Enter an email address in the correct format, like name@example.org"},
    )
    concern_now = forms.CharField(
        label="What is happening now?", widget=GovukTextarea(rows=8),
        help_text="In your own words: what you saw or were told, by whom, when and where, and how it affects the child. "
                  "Avoid jargon and acronyms.",
        error_messages={"required": "Enter what is happening now"},
    )
    concern_past = forms.CharField(
        label="Past events (optional)", required=False, widget=GovukTextarea(rows=5),
        help_text="Anything that happened before, in date order, kept apart from what is happening now.",
    )
    incident_date = GovukDateField(label="Date of the incident or disclosure", required=False, not_in_future=True)
    incident_time = forms.CharField(
        label="Time of the incident or disclosure", required=False, max_length=10,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-5"), help_text="For example, 14:30",
    )
    disclosure_date = GovukDateField(
        label="When did you become aware of this concern?", required=False, not_in_future=True
    )
    disclosure_time = forms.CharField(
        label="Time you became aware", required=False, max_length=10,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-5"),
    )
    agency_actions = forms.CharField(
        label="What has your agency already done?", widget=GovukTextarea(rows=4),
        help_text="For example, support offered, who you have spoken to, any early help assessment.",
        error_messages={"required": "Enter what your agency has already done, or say that nothing has been done yet"},
    )
    consent = forms.ChoiceField(
        label="Have the parents or carers agreed to this contact?",
        choices=Contact.Consent.choices, widget=GovukRadios(),
        error_messages={"required": "Select whether consent was given, refused or not sought"},
    )
    consent_reason = forms.CharField(
        label="If consent was not sought, why not?", required=False, max_length=300, widget=GovukTextInput(),
        help_text="Consent is not needed where asking would place a child or another person at risk of harm, "
                  "or prejudice the prevention or detection of crime.",
    )

    def __init__(self, *args, agency_kind: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.agency_questions = load_concern_form().agency_questions(agency_kind)
        for question in self.agency_questions:
            self.fields[f"agency__{question.id}"] = forms.CharField(
                label=question.text, required=False, widget=GovukTextarea(rows=2)
            )

    def agency_question_fields(self):
        return [self[f"agency__{q.id}"] for q in self.agency_questions]

    def _combine(self, date_field: str, time_field: str) -> datetime | None:
        day = self.cleaned_data.get(date_field)
        try:
            at = parse_time(self.cleaned_data.get(time_field, ""), self.fields[time_field].label)
        except ValidationError as error:
            self.add_error(time_field, error)
            return None
        if day is None:
            if at is not None:
                self.add_error(date_field, f"Enter the {self.fields[date_field].label.lower()} as well as the time")
            return None
        return timezone.make_aware(datetime.combine(day, at or datetime.min.time()))

    def clean(self):
        data = super().clean()
        data["incident_at"] = self._combine("incident_date", "incident_time")
        data["disclosure_at"] = self._combine("disclosure_date", "disclosure_time")
        if data.get("consent") == Contact.Consent.NOT_SOUGHT and not data.get("consent_reason", "").strip():
            self.add_error("consent_reason", "Enter why consent was not sought")
        if not (data.get("referrer_phone") or "").strip():
            self.add_error("referrer_phone", "Enter a phone number so a social worker can call you back")
        data["agency_answers"] = {
            q.id: data.get(f"agency__{q.id}", "") for q in self.agency_questions if data.get(f"agency__{q.id}")
        }
        return data


class StaffContactForm(ConcernDetailsForm):
    """A phone or email contact recorded by Front Door staff on the same model as the online form."""

    channel = forms.ChoiceField(
        label="How did the contact come in?",
        choices=[(Contact.Channel.PHONE, "Phone"), (Contact.Channel.EMAIL, "Email")],
        widget=GovukRadios(), error_messages={"required": "Select phone or email"},
    )
    referrer_agency = forms.ModelChoiceField(
        label="Referrer's agency", queryset=Agency.objects.order_by("name"), widget=GovukSelect(),
        error_messages={"required": "Select the referrer's agency"},
    )
    immediate_risk = yes_no_field("Is a child at immediate risk of harm?")
    field_order = ["channel", "referrer_agency", "immediate_risk"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrer_email"].required = False
        self.fields["referrer_name"].label = "Referrer's full name"
        self.fields["referrer_role"].label = "Referrer's job title"
        self.fields["referrer_phone"].label = "Referrer's phone number"
        self.fields["referrer_email"].label = "Referrer's email address (for the outcome letter)"
