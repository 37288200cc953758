"""The school DSL's forms: acknowledge a domestic-abuse notification or mark its action done, or challenge its grade."""
from django import forms

from frontdoor.forms_govuk import GovukTextarea


class VersionForm(forms.Form):
    """A button that changes one record: the version the page showed (compare and set)."""

    version = forms.IntegerField(widget=forms.HiddenInput())


class ChallengeForm(forms.Form):
    reason = forms.CharField(
        label="Why do you think the grade is wrong?", widget=GovukTextarea(rows=6),
        help_text="What your school knows about the child and the family that the grade does not reflect.",
        error_messages={"required": "Enter why you think the grade is wrong"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput())
