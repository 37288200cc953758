"""The episode page's two forms: the child's return, and the return interview."""
from datetime import datetime

from django import forms
from django.utils import timezone

from frontdoor.triage.forms_isco import ImportFileForm
from frontdoor.forms_govuk import GovukDateField, GovukTextarea, GovukTextInput, parse_time, yes_no_field


def _date(label: str, *, required: bool = True) -> GovukDateField:
    return GovukDateField(label=label, not_in_future=True, required=required,
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
