from django import forms

from frontdoor.forms_govuk import GovukTextarea


class LegalHoldForm(forms.Form):
    reason = forms.CharField(label="Why must these records be kept?", max_length=300, widget=GovukTextarea(rows=3),
                             help_text="For example, care proceedings, a child safeguarding practice review or "
                                       "an inquiry, with its reference",
                             error_messages={"required": "Enter why the records must be kept",
                                             "max_length": "The reason must be 300 characters or fewer"})


class LegalHoldLiftForm(forms.Form):
    lift_reason = forms.CharField(label="Why is the hold being lifted?", max_length=300, widget=GovukTextarea(rows=2),
                                  error_messages={"required": "Enter why the hold is being lifted",
                                                  "max_length": "The reason must be 300 characters or fewer"})
    version = forms.IntegerField(widget=forms.HiddenInput())
