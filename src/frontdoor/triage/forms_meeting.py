"""The triage meeting's forms: the day, attendance, one incident's outcome with its actions, the Dash checklist."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.forms_govuk import (
    GovukCheckboxes,
    GovukDateField,
    GovukRadios,
    GovukSelect,
    GovukTextarea,
    GovukTextInput,
    yes_no_field,
)
from frontdoor.triage.marac import NO_BASIS, dash_questions
from frontdoor.triage.models import Grade, MeetingOutcome


def partner_agencies():
    """Agencies that attend triage: schools are told, not represented (seed 001)."""
    return Agency.objects.filter(is_active=True).exclude(kind=Agency.Kind.SCHOOL).order_by("name")


class MeetingDayForm(forms.Form):
    day = GovukDateField(label="Meeting date", help_text="For example, 27 3 2026",
                         error_messages={"required": "Enter the meeting date"})


class AttendanceForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Agency", queryset=partner_agencies(), widget=GovukSelect(), empty_label="Select an agency",
        error_messages={"required": "Select the agency"},
    )
    attendee_name = forms.CharField(
        label="Name of the person attending", max_length=200, widget=GovukTextInput(),
        error_messages={"required": "Enter the name of the person attending"},
    )


class OutcomeForm(forms.Form):
    final_grade = forms.ChoiceField(
        label="Final grade", choices=Grade.choices, widget=GovukRadios(),
        error_messages={"required": "Select the final grade"},
    )
    rationale = forms.CharField(
        label="Rationale for the grade", required=False, widget=GovukTextarea(rows=4),
        help_text="Required when the final grade is not the EVODA suggestion",
    )
    decision = forms.ChoiceField(
        label="Decision", choices=MeetingOutcome.Decision.choices, widget=GovukRadios(),
        error_messages={"required": "Select the meeting's decision"},
    )
    notes = forms.CharField(label="Notes of the discussion", required=False, widget=GovukTextarea(rows=5))
    version = forms.IntegerField(widget=forms.HiddenInput())


class OutcomeCorrectionForm(OutcomeForm):
    """A recorded outcome corrected: the same fields, and why; the reason is also the rationale for a new grade."""

    rationale = None
    reason = forms.CharField(
        label="Why are you correcting this outcome?", widget=GovukTextarea(rows=4),
        help_text="The earlier version is kept with your reason. Schools are sent only a changed grade or actions.",
        error_messages={"required": "Enter why you are correcting the outcome"},
    )


class ActionForm(forms.Form):
    action_id = forms.IntegerField(widget=forms.HiddenInput(), required=False)
    description = forms.CharField(
        label="Action", max_length=500, widget=GovukTextInput(),
        error_messages={"required": "Enter what the action is"},
    )
    owner_agency = forms.ModelChoiceField(
        label="Owner agency", queryset=Agency.objects.none(), widget=GovukSelect(), empty_label="Select an agency",
        help_text="An agency at the meeting, or the school of a child in this incident",
        error_messages={"required": "Select the agency that owns the action",
                        "invalid_choice": "Select an agency at the meeting or the school of a child in this incident"},
    )
    due_date = GovukDateField(label="Due date", error_messages={"required": "Enter the date the action is due"})

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = owners

    def clean_due_date(self):
        """A new action is due today or later; one already recorded keeps its date unless it is changed."""
        due = self.cleaned_data["due_date"]
        if due is not None and self.cleaned_data.get("action_id") is None and due < timezone.localdate():
            raise ValidationError("The due date must be today or in the future")
        return due


class BaseActionFormSet(forms.BaseFormSet):
    """Actions already recorded can be removed (when correcting); a new one left empty is simply not added."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this action"
            form.fields["DELETE"].widget.attrs["class"] = "govuk-checkboxes__input"

    def entered(self) -> list[dict]:
        """The actions as entered, without those removed or left empty."""
        return [
            {name: value for name, value in form.cleaned_data.items() if name != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]


ActionFormSet = forms.formset_factory(ActionForm, formset=BaseActionFormSet, extra=1, can_delete=True,
                                      can_delete_extra=False)


class DashForm(forms.Form):
    """The SafeLives Dash risk checklist as the victim answered it, and the professional's judgement."""

    yes_answers = forms.MultipleChoiceField(
        label="Tick each question the victim answered yes", required=False, widget=GovukCheckboxes(),
    )
    professional_judgement = yes_no_field(
        "Do you have serious concerns about the victim's situation (professional judgement)?",
        help_text="Professional judgement can refer a case to MARAC whatever the count; it never lowers one.",
    )
    victim_consented = yes_no_field("Has the victim agreed to the MARAC and IDVA referrals?",
                                    error="Select yes if the victim has agreed to the referrals")
    lawful_basis = forms.CharField(
        label="If not, what is the lawful basis for referring without her or his consent?", required=False,
        max_length=2000, widget=GovukTextarea(rows=3),
        help_text="For example: a risk to the victim's or the children's safety (Data Protection Act 2018).",
    )

    def __init__(self, *args, questions: list[tuple[str, str]] | None = None, **kwargs):
        """questions: (id, text) as the page reads them (with the perpetrator's name); the tool's words otherwise."""
        super().__init__(*args, **kwargs)
        self.fields["professional_judgement"].error_messages["required"] = (
            "Select yes if you have serious concerns about the victim's situation"
        )
        questions = questions or [(question.id, question.text) for question in dash_questions()]
        self.fields["yes_answers"].choices = [
            (question_id, f"{number}. {text}") for number, (question_id, text) in enumerate(questions, 1)
        ]

    def clean(self):
        data = super().clean()
        if data.get("victim_consented") is False and not (data.get("lawful_basis") or "").strip():
            self.add_error("lawful_basis", NO_BASIS)
        return data

    def answers(self) -> dict[str, bool]:
        ticked = set(self.cleaned_data["yes_answers"])
        return {question.id: question.id in ticked for question in dash_questions()}
