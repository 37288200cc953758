"""The private fostering pages' forms: the notification, a visit, the assessment, the end."""
from django import forms

from frontdoor.fostering.models import Arrangement, Relationship, Source
from frontdoor.forms_govuk import GovukDateField, GovukRadios, GovukSelect, GovukTextarea, GovukTextInput, yes_no_field


def _date(label: str, *, not_in_future: bool = True) -> GovukDateField:
    return GovukDateField(label=label, not_in_future=not_in_future,
                          error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"})


def _line(label: str, message: str, max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, widget=GovukTextInput(),
                           error_messages={"required": message})


def _text(label: str, message: str = "", *, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, max_length=5000, required=required, widget=GovukTextarea(rows=3),
                           error_messages={"required": message})


class NotificationForm(forms.Form):
    child_given_name = _line("Child's first name", "Enter the child's first name", 100)
    child_family_name = _line("Child's last name", "Enter the child's last name", 100)
    child_date_of_birth = _date("Child's date of birth")
    child_disabled = yes_no_field("Is the child disabled?")
    carer_name = _line("Carer's name", "Enter the carer's name")
    carer_address = _line("Carer's address", "Enter the carer's address", 500)
    carer_relationship = forms.ChoiceField(
        label="Carer's relationship to the child", choices=[("", "Select the relationship")] + Relationship.choices,
        widget=GovukSelect(), error_messages={"required": "Select the carer's relationship to the child"})
    source = forms.ChoiceField(label="Who told us", choices=[("", "Select who told us")] + Source.choices,
                               widget=GovukSelect(), error_messages={"required": "Select who told us"})
    notified_on = _date("Date of the notification")
    began_on = _date("Date the arrangement began or will begin", not_in_future=False)
    intended_days = forms.IntegerField(
        label="How many days the child is to be cared for", min_value=1, max_value=10000,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-5"}),
        error_messages={"required": "Enter how many days the child is to be cared for",
                        "invalid": "Enter the number of days as a whole number, like 60",
                        "min_value": "Enter a number of days of 1 or more"})


class VisitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
    visited_on = _date("Date of the visit")
    seen_alone = yes_no_field("Was the child seen alone?")
    notes = _text("Notes (say why if the child was not seen alone)", required=False)


class AssessmentForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
    assessment = forms.ChoiceField(label="Is the arrangement suitable?", choices=Arrangement.Assessment.choices,
                                   widget=GovukRadios(),
                                   error_messages={"required": "Select whether the arrangement is suitable"})
    assessed_on = _date("Date of the assessment")
    notes = _text("Reasons", "Enter the reasons for the assessment")


class EndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
    ended_on = _date("Date the arrangement ended")
    reason = _text("Why it ended", "Enter why the arrangement ended")
