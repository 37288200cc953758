from django import forms

from frontdoor.forms_govuk import GovukDateField


class AnnexAForm(forms.Form):
    period_end = GovukDateField(label="Period end", help_text="The lists cover the six months before it. For example, 31 3 2027",
                                error_messages={"required": "Enter the period end"})
