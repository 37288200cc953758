from datetime import date

from django import forms

from frontdoor.forms_govuk import GovukDateField


def census_reference_date(today: date) -> date:
    """The 31 March that ends the census year today is in."""
    return date(today.year + 1 if today.month >= 4 else today.year, 3, 31)


class CensusPeriodForm(forms.Form):
    period_end = GovukDateField(label="Census reference date (the year's last day)",
                                help_text="Usually 31 March, for example 31 3 2027. A date after today gives the "
                                          "year so far.",
                                error_messages={"required": "Enter the census reference date"})
