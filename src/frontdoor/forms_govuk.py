"""Django form fields rendered with GOV.UK Design System markup (date input, yes/no radios)."""
from datetime import date, datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


class GovukTextInput(forms.TextInput):
    def __init__(self, attrs=None, width_class="govuk-input"):
        super().__init__({"class": width_class, **(attrs or {})})


class GovukTextarea(forms.Textarea):
    def __init__(self, attrs=None, rows=5):
        super().__init__({"class": "govuk-textarea", "rows": rows, **(attrs or {})})


class GovukSelect(forms.Select):
    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "govuk-select", **(attrs or {})}, choices)


class GovukRadios(forms.RadioSelect):
    template_name = "widgets/radios.html"
    option_template_name = "widgets/radio_option.html"


class GovukCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "widgets/checkboxes.html"
    option_template_name = "widgets/checkbox_option.html"


class GovukDateWidget(forms.MultiWidget):
    template_name = "widgets/date_input.html"

    def __init__(self, attrs=None):
        parts = [
            GovukTextInput({"inputmode": "numeric", "autocomplete": "off"}, "govuk-input govuk-date-input__input govuk-input--width-2"),
            GovukTextInput({"inputmode": "numeric", "autocomplete": "off"}, "govuk-input govuk-date-input__input govuk-input--width-2"),
            GovukTextInput({"inputmode": "numeric", "autocomplete": "off"}, "govuk-input govuk-date-input__input govuk-input--width-4"),
        ]
        super().__init__(parts, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A GOV.UK date input: day, month and year boxes, with the specific error messages the pattern asks for."""

    widget = GovukDateWidget

    def __init__(self, *, not_in_future=False, **kwargs):
        self.not_in_future = not_in_future
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(p or "").strip() for p in data_list)
        label = (self.label or "The date").rstrip("?")
        if not (day and month and year):
            raise ValidationError(f"{label} must include a day, month and year")
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date, for example 27 3 2015") from None
        if int(year) < 1900:
            raise ValidationError(f"{label} must include a four-digit year after 1900")
        if self.not_in_future and value > timezone.localdate():
            raise ValidationError(f"{label} must be today or in the past")
        return value


def parse_time(value: str, label: str) -> time | None:
    value = (value or "").strip().lower().replace(".", ":")
    if not value:
        return None
    for fmt in ("%H:%M", "%H%M", "%I:%M%p", "%I%p"):
        try:
            return datetime.strptime(value.replace(" ", ""), fmt).time()
        except ValueError:
            continue
    raise ValidationError(f"{label} must be a time like 14:30 or 2:30pm")


def yes_no_field(label: str, *, required=True, help_text="", error="") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=(("yes", "Yes"), ("no", "No")),
        coerce=lambda v: v == "yes",
        widget=GovukRadios(attrs={"class": "govuk-radios--inline"}),
        required=required,
        help_text=help_text,
        error_messages={"required": error or f"Select yes if {label[0].lower()}{label[1:].rstrip('?')}"},
    )


def error_links(*forms, anchor: str = "main-form") -> list[tuple[str, str]]:
    """Every error of the page's forms, in page order, for the one error summary at the top; an error
    of a whole form links to `anchor` (its form's id)."""
    links = []
    for form in forms:
        links += [(field.auto_id, error) for field in form for error in field.errors]
        links += [(anchor, error) for error in form.non_field_errors()]
    return links
