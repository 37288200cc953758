from datetime import date

from django import forms
from django.utils import timezone

from frontdoor.forms_govuk import GovukDateField
from frontdoor.reporting.front_door_figures import default_period


class AnnexAForm(forms.Form):
    period_end = GovukDateField(label="Period end", help_text="The lists cover the six months before it. For example, 31 3 2027",
                                error_messages={"required": "Enter the period end"})


class CensusPeriodForm(forms.Form):
    period_end = GovukDateField(label="Census reference date (the year's last day)",
                                help_text="Usually 31 March, for example 31 3 2027. A date after today gives the "
                                          "year so far.",
                                error_messages={"required": "Enter the census reference date"})


class FrontDoorPeriodForm(forms.Form):
    date_from = GovukDateField(label="Start date", help_text="For example, 1 12 2025",
                               error_messages={"required": "Enter the start date"})
    date_to = GovukDateField(label="End date", help_text="For example, 30 11 2026",
                             error_messages={"required": "Enter the end date"})

    def clean(self):
        data = super().clean()
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and first > last:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return data


class PartnershipPeriodForm(forms.Form):
    period_end = GovukDateField(label="Year ending",
                                help_text="The year runs from the 1 April before it, for example 31 3 2027. A date "
                                          "after today gives the year so far.",
                                error_messages={"required": "Enter the day the year ends"})


def period_from_query(data) -> tuple[FrontDoorPeriodForm, tuple[date, date] | None]:
    """The period a figures page's query asks for, or by default the last 12 months by month."""
    if not any(key.startswith("date_") for key in data):
        first, last = default_period(timezone.localdate())
        return FrontDoorPeriodForm(initial={"date_from": first, "date_to": last}), (first, last)
    form = FrontDoorPeriodForm(data)
    if not form.is_valid():
        return form, None
    return form, (form.cleaned_data["date_from"], form.cleaned_data["date_to"])
