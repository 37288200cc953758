"""The LADO pages' forms: the referral, the consideration, a meeting, the outcome, a child to link."""
from django import forms

from frontdoor.forms_govuk import GovukDateField, GovukRadios, GovukSelect, GovukTextarea, GovukTextInput, yes_no_field
from frontdoor.lado.models import LadoReferral, Outcome, SettingType


def _line(label: str, message: str) -> forms.CharField:
    return forms.CharField(label=label, max_length=200, widget=GovukTextInput(), error_messages={"required": message})


def _text(label: str, message: str = "", *, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, max_length=5000, required=required, widget=GovukTextarea(rows=4),
                           error_messages={"required": message})


class ReferralForm(forms.Form):
    adult_name = _line("Name of the adult the allegation is about", "Enter the name of the adult")
    adult_role = _line("Their role", "Enter the adult's role, for example teaching assistant")
    employer = _line("Their employer or setting", "Enter the adult's employer or setting")
    setting_type = forms.ChoiceField(label="Type of setting", choices=[("", "Select the type")] + SettingType.choices,
                                     widget=GovukSelect(), error_messages={"required": "Select the type of setting"})
    allegation = _text("What is alleged", "Enter what is alleged")
    children_description = _text("Children involved (optional)", required=False)
    historical = yes_no_field("Is this a historical (non-recent) allegation?",
                              help_text="The alleged harm happened some time ago, for example to someone now an adult")


class ConsiderationForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
    consideration = forms.ChoiceField(label="The LADO's decision", choices=LadoReferral.Consideration.choices,
                                      widget=GovukRadios(), error_messages={"required": "Select the LADO's decision"})
    notes = _text("Reasons for the decision", "Enter the reasons for the decision")


class MeetingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
    held_on = GovukDateField(label="Date of the meeting", not_in_future=True,
                             error_messages={"required": "Enter the date of the meeting"})
    attendees = _text("Who attended", "Enter who attended")
    decisions = _text("What the meeting decided", "Enter what the meeting decided")


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
    outcome = forms.ChoiceField(label="Outcome", choices=Outcome.choices, widget=GovukRadios(),
                                error_messages={"required": "Select the outcome"})
    actions = _text("Actions agreed", "Enter the actions agreed")


class ChildForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
    given_name = _line("Child's first name", "Enter the child's first name")
    family_name = _line("Child's last name", "Enter the child's last name")
    date_of_birth = GovukDateField(label="Child's date of birth", not_in_future=True,
                                   error_messages={"required": "Enter the child's date of birth"})
