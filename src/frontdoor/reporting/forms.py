from django import forms

from frontdoor.forms_govuk import GovukDateField


class AnnexAForm(forms.Form):
    period_end = GovukDateField(label="Period end", help_text="The lists cover the six months before it. For example, 31 3 2027",
                                error_messages={"required": "Enter the period end"})


class CensusPeriodForm(forms.Form):
    period_end = GovukDateField(label="Census reference date (the year's last day)",
                                help_text="Usually 31 March, for example 31 3 2027. A date after today gives the "
                                          "year so far.",
                                error_messages={"required": "Enter the census reference date"})
