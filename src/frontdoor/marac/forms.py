"""The MARAC pages' forms: a meeting's date, attendance, a case (victim found in the index), an action."""
from django import forms

from frontdoor.agencies.models import Agency
from frontdoor.marac.models import AgencyReferral, MaracCase
from frontdoor.forms_govuk import GovukCheckboxes, GovukDateField, GovukRadios, GovukSelect, GovukTextarea, GovukTextInput


def _agency(label: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=Agency.objects.filter(is_active=True).order_by("name"), widget=GovukSelect(),
                                  error_messages={"required": f"Select the {label[0].lower()}{label[1:]}"})


def _text(label: str, *, required: bool = True, error: str = "") -> forms.CharField:
    return forms.CharField(label=label, max_length=200, required=required, widget=GovukTextInput(),
                           error_messages={"required": error or f"Enter {label[0].lower()}{label[1:]}"})


class MeetingForm(forms.Form):
    held_on = GovukDateField(label="Date of the meeting", error_messages={"required": "Enter the date of the meeting"})


class AttendanceForm(forms.Form):
    agency = _agency("Agency")
    attendee = _text("Who attended", error="Enter who attended for the agency")


class ActionForm(forms.Form):
    case = forms.UUIDField(widget=forms.HiddenInput())
    text = forms.CharField(label="Action", max_length=2000, widget=GovukTextarea(rows=2),
                           error_messages={"required": "Enter the action"})
    owner_agency = _agency("Agency responsible")
    owner_name = _text("Person responsible", error="Enter the person responsible")
    due_on = GovukDateField(label="Due by", error_messages={"required": "Enter the date the action is due by"})


def _lawful_basis(what: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=f"Lawful basis for sharing the {what}", widget=GovukRadios(),
                             choices=MaracCase.LawfulBasis.choices,
                             error_messages={"required": f"Select the lawful basis for sharing the {what}"})


class AgencyReferralForm(forms.Form):
    """A referrer's MARAC referral: the victim as they know them, why, and the basis for sharing it."""
    victim_given_name = _text("Victim's given name", error="Enter the victim's given name")
    victim_family_name = _text("Victim's family name", error="Enter the victim's family name")
    victim_date_of_birth = GovukDateField(label="Victim's date of birth (optional)", required=False, not_in_future=True)
    criterion = forms.ChoiceField(label="Why the victim meets the MARAC criteria", widget=GovukRadios(),
                                  choices=AgencyReferral.Criterion.choices,
                                  error_messages={"required": "Select why the victim meets the MARAC criteria"})
    dash_yes_count = forms.IntegerField(
        label="\"Yes\" answers on the SafeLives Dash checklist (optional)", required=False, min_value=0, max_value=24,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        error_messages={"invalid": "Enter the number of \"yes\" answers as a whole number, like 15",
                        "min_value": "The number of \"yes\" answers must be between 0 and 24",
                        "max_value": "The number of \"yes\" answers must be between 0 and 24"})
    risks = forms.CharField(label="What are you worried about?", max_length=5000, widget=GovukTextarea(rows=5),
                            error_messages={"required": "Enter what you are worried about"})
    children = forms.CharField(label="Children in the household (optional)", max_length=2000, required=False,
                               widget=GovukTextarea(rows=2), help_text="Their names and ages, and their schools if known")
    lawful_basis = _lawful_basis("referral")


class CaseSearchForm(forms.Form):
    referral = forms.UUIDField(required=False, widget=forms.HiddenInput())
    family_name = _text("Victim's family name", error="Enter the victim's family name")
    given_name = _text("Victim's given name (optional)", required=False)
    date_of_birth = GovukDateField(label="Victim's date of birth (optional)", required=False, not_in_future=True)


class CaseForm(CaseSearchForm):
    def __init__(self, *args, victims=(), children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["victim"] = forms.ChoiceField(
            label="Which person is the victim?", widget=GovukRadios(),
            choices=[(str(p.pk), f"{p.full_name}, born {p.date_of_birth:%d/%m/%Y}" if p.date_of_birth else p.full_name)
                     for p in victims],
            error_messages={"required": "Select the victim", "invalid_choice": "Select the victim"})
        self.fields["referring_agency"] = _agency("Referring agency")
        self.fields["children"] = forms.MultipleChoiceField(
            label="Children in the household (their social worker and school will see the case)", required=False,
            widget=GovukCheckboxes(), choices=[(str(c.pk), c.full_name) for c in children])
        self.fields["lawful_basis"] = _lawful_basis("case")
        self.fields["perpetrator_name"] = _text("Perpetrator's name (optional)", required=False)
        self.fields["perpetrator_date_of_birth"] = GovukDateField(
            label="Perpetrator's date of birth (optional)", required=False, not_in_future=True)
