"""The episode page's two forms: the child's return, and the return interview."""
from datetime import datetime

from django import forms
from django.utils import timezone

from frontdoor.triage.forms_isco import ImportFileForm
from frontdoor.forms_govuk import (GovukCheckboxes, GovukDateField, GovukRadios, GovukTextarea, GovukTextInput,
                                   parse_time, yes_no_field)
from frontdoor.missing.models import EducationAbsence

DATE_HINT = "For example, 27 3 2026"
# The agencies a MARAMP draws together for a child who keeps going missing (seed 003; DfE 2014 guidance).
PLAN_AGENCIES = ("Police", "Children's social care", "School or education", "Health", "CAMHS", "Youth justice",
                 "Exploitation team", "Voluntary sector", "Other")


def _date(label: str, *, required: bool = True, not_in_future: bool = True) -> GovukDateField:
    return GovukDateField(label=label, not_in_future=not_in_future, required=required,
                          error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"})


def _time(label: str, *, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, max_length=10, required=required, help_text="For example, 14:30",
                           widget=GovukTextInput(width_class="govuk-input govuk-input--width-5"),
                           error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"})


def _text(label: str, *, rows: int = 3, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=5000, widget=GovukTextarea(rows=rows),
                           error_messages={"required": f"Enter {label[0].lower()}{label[1:]}"})


class MomentsForm(forms.Form):
    """A form whose date-times are a GOV.UK date input and a time box: MOMENTS names (date, time, result)."""

    MOMENTS: tuple[tuple[str, str, str], ...] = ()
    version = forms.IntegerField(widget=forms.HiddenInput())

    def clean(self):
        data = super().clean()
        for day_name, time_name, result in self.MOMENTS:
            data[result] = None
            if data.get(day_name) and data.get(time_name):
                try:
                    moment = parse_time(data[time_name], self.fields[time_name].label)
                except forms.ValidationError as error:
                    self.add_error(time_name, error)
                else:
                    data[result] = timezone.make_aware(datetime.combine(data[day_name], moment))
            elif data.get(day_name) or data.get(time_name):
                missing = time_name if data.get(day_name) else day_name
                self.add_error(missing, f"Enter the {self.fields[missing].label.lower()}")
        return data


class ReturnForm(MomentsForm):
    returned_on = _date("Date the child returned")
    returned_time = _time("Time the child returned")
    where_found = forms.CharField(label="Where the child was found", max_length=500, required=False,
                                  widget=GovukTextInput())
    who_with = forms.CharField(label="Who the child was with", max_length=500, required=False,
                               widget=GovukTextInput())
    safe_and_well_on = _date("Date of the police safe and well check (optional)", required=False)
    safe_and_well_time = _time("Time of the police safe and well check (optional)", required=False)
    MOMENTS = (("returned_on", "returned_time", "returned_at"),
               ("safe_and_well_on", "safe_and_well_time", "safe_and_well_at"))
    field_order = ("returned_on", "returned_time", "where_found", "who_with", "safe_and_well_on",
                   "safe_and_well_time", "version")


class InterviewForm(MomentsForm):
    held_on = _date("Date the interview was held or declined")
    held_time = _time("Time the interview was held or declined")
    held_by = forms.CharField(label="Who held or offered it", max_length=200, widget=GovukTextInput(),
                              error_messages={"required": "Enter who held or offered the interview"})
    declined = yes_no_field("Did the child decline the interview?")
    why_went = _text("Why the child went missing")
    where_went = _text("Where the child went")
    with_whom = _text("Who the child was with")
    what_would_help = _text("What would help stop it happening again")
    MOMENTS = (("held_on", "held_time", "held_at"),)
    field_order = ("held_on", "held_time", "held_by", "declined", "why_went", "where_went", "with_whom",
                   "what_would_help", "version")

    def clean(self):
        data = super().clean()
        if data.get("declined") is False and not (data.get("why_went") or "").strip():
            self.add_error("why_went", "Enter why the child went missing, or say that the child declined")
        return data


class ImportForm(ImportFileForm):
    """The police notification import's file checks (size, name, UTF-8), for the missing-person format."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = "Missing-person reports file"
        self.fields["file"].help_text = "A CSV or JSON Lines file in the missing-person report format"


class RiskPlanForm(forms.Form):
    held_on = _date("Date of the risk assessment meeting")
    agencies = forms.MultipleChoiceField(label="Agencies who took part", choices=[(a, a) for a in PLAN_AGENCIES],
                                         widget=GovukCheckboxes(),
                                         error_messages={"required": "Select the agencies who took part"})
    risks = _text("Risks identified", rows=5, required=True)


class PlanActionForm(forms.Form):
    action = forms.CharField(label="Action", max_length=500, widget=GovukTextInput(),
                             error_messages={"required": "Enter the action"})
    owner = forms.CharField(label="Who owns it (name and agency)", max_length=200, widget=GovukTextInput(),
                            error_messages={"required": "Enter who owns the action"})
    due_on = _date("Date the action is due", not_in_future=False)
    version = forms.IntegerField(widget=forms.HiddenInput())

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError("The date the action is due must be today or in the future")
        return due_on


class ActionDoneForm(forms.Form):
    action_id = forms.IntegerField(widget=forms.HiddenInput())
    version = forms.IntegerField(widget=forms.HiddenInput())

    def clean(self):
        data = super().clean()
        data["done_on"] = timezone.localdate()
        return data


class PlanReviewForm(forms.Form):
    reviewed_on = _date("Date of the review")
    summary = _text("What the review found and what changes", rows=5, required=True)
    version = forms.IntegerField(widget=forms.HiddenInput())


class EducationAbsenceForm(forms.Form):
    given_name = forms.CharField(label="Child's first name", max_length=100, widget=GovukTextInput(),
                                 error_messages={"required": "Enter the child's first name"})
    family_name = forms.CharField(label="Child's last name", max_length=100, widget=GovukTextInput(),
                                  error_messages={"required": "Enter the child's last name"})
    date_of_birth = _date("Child's date of birth")
    kind = forms.ChoiceField(label="Why the child is on the list", choices=EducationAbsence.Kind.choices,
                             widget=GovukRadios(), error_messages={"required": "Select why the child is on the list"})
    since = _date("Date it started")
    hours_per_week = forms.DecimalField(
        label="Hours a week in school (reduced timetable only)", required=False, min_value=0, max_value=32.5,
        max_digits=3, decimal_places=1, widget=GovukTextInput(width_class="govuk-input govuk-input--width-3"),
        error_messages={"invalid": "Enter the hours a week as a number, like 10 or 12.5",
                        "min_value": "The hours a week must be 0 or more",
                        "max_value": "The hours a week must be 32.5 or fewer (a full school week)"})
    reason = _text("Reason and what the school is doing (optional)")

    def clean(self):
        data = super().clean()
        if data.get("kind") == EducationAbsence.Kind.REDUCED_TIMETABLE and data.get("hours_per_week") is None \
                and "hours_per_week" not in self.errors:
            self.add_error("hours_per_week", "Enter the hours a week the child is in school")
        return data


class EducationEndForm(forms.Form):
    ended_on = _date("Date it ended")
    version = forms.IntegerField(widget=forms.HiddenInput())
