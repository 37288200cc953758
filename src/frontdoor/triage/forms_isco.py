"""The ISCO's forms: a notifications file to import, and a grade with its rationale."""
from django import forms

from frontdoor.forms_govuk import GovukRadios, GovukTextarea
from frontdoor.triage.models import Grade, LateNotificationRoute

MAX_FILE_BYTES = 20 * 1024 * 1024


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label="Police notifications file",
        help_text="A CSV or JSON Lines file in the police notification format",
        error_messages={"required": "Choose a file to import"},
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload", "accept": ".csv,.jsonl,.json,.txt"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError("The file must be smaller than 20 MB")
        if self.file_format(upload.name) is None:
            raise forms.ValidationError("The file must be a CSV file (.csv) or a JSON Lines file (.jsonl)")
        try:
            self.text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file must be saved as UTF-8 text") from None
        return upload

    @staticmethod
    def file_format(name: str) -> str | None:
        lowered = name.lower()
        return "csv" if lowered.endswith(".csv") else "jsonl" if lowered.endswith((".jsonl", ".json", ".txt")) else None


class GradeForm(forms.Form):
    grade = forms.ChoiceField(
        label="Grade", choices=Grade.choices, widget=GovukRadios,
        error_messages={"required": "Choose a grade: standard, medium or high"},
    )
    rationale = forms.CharField(
        label="Rationale", required=False, widget=GovukTextarea(rows=4),
        help_text="Why this grade. Needed when you change the suggested grade.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class LateRouteForm(forms.Form):
    """The ISCO's choice for a high notification received after today's agenda cut-off."""

    route = forms.ChoiceField(
        label="What should happen to this notification today?", widget=GovukRadios,
        choices=LateNotificationRoute.Route.choices,
        error_messages={"required": "Select whether to add the notification to today's meeting or send it to a "
                                    "strategy discussion"},
    )
    reason = forms.CharField(
        label="Why", widget=GovukTextarea(rows=3), max_length=2000,
        error_messages={"required": "Enter why you chose this for the notification",
                        "max_length": "The reason must be 2,000 characters or fewer"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="late", **kwargs)
