from django import forms

from frontdoor.decisions.outcomes import levels_of_need, outcome_choices, outcome_codes_for
from frontdoor.forms_govuk import GovukCheckboxes, GovukRadios, GovukTextarea, GovukTextInput


class DecisionForm(forms.Form):
    """Level of need, the outcome option(s) the referrer will see ticked, rationale, social worker."""

    level = forms.TypedChoiceField(label="Level of need", coerce=int, widget=GovukRadios(),
                                   error_messages={"required": "Select a level of need"})
    outcome_codes = forms.MultipleChoiceField(label="Outcome for the referrer", widget=GovukCheckboxes(),
                                              error_messages={"required": "Select at least one outcome for the referrer"})
    rationale = forms.CharField(label="Rationale", widget=GovukTextarea(rows=6),
                                help_text="Why this level and outcome: the referrer will see it in the letter.",
                                error_messages={"required": "Enter the rationale for the decision"})
    social_worker_name = forms.CharField(label="Social worker named in the letter", max_length=200, widget=GovukTextInput(),
                                         error_messages={"required": "Enter the social worker's name for the letter"})
    unidentified_reason = forms.CharField(
        label="If a child on this contact is not yet identified, why can the decision not wait?", required=False,
        widget=GovukTextarea(rows=3), max_length=2000,
        help_text="Needed only while a child is not linked to the person index. The authorising manager sees it.",
    )
    consent_basis = forms.CharField(
        label="The family refused consent: what is the lawful basis for going ahead without it?", required=False,
        widget=GovukTextarea(rows=3), max_length=2000,
        help_text="Needed for a Level 2 or 3 outcome when consent was refused. For example, the child's safety "
                  "may be at risk (UK GDPR and the Data Protection Act 2018).",
    )
    significant_harm = forms.BooleanField(
        label="There is a risk of significant harm to the child, or the information shows significant harm is "
              "likely if statutory intervention does not take place", required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
        help_text="Needed for Level 4 when the family refused consent or early help: a refusal alone does not "
                  "raise the level.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tool = levels_of_need()
        self.fields["level"].choices = [(lvl.number, lvl.title) for lvl in tool.levels]
        self.fields["outcome_codes"].choices = [
            (code, f"Level {lvl.number}: {text}") for lvl in tool.levels for code, text in outcome_choices(tool, lvl.number)
        ]

    def clean(self):
        data = super().clean()
        level, codes = data.get("level"), data.get("outcome_codes") or []
        if level and codes:
            allowed = outcome_codes_for(levels_of_need(), level)
            if any(code not in allowed for code in codes):
                self.add_error("outcome_codes", f"Choose outcomes listed under Level {level}")
        return data


class ReturnForm(forms.Form):
    reason = forms.CharField(label="Why are you returning this decision?", widget=GovukTextarea(rows=3),
                             error_messages={"required": "Enter why you are returning the decision"})
    version = forms.IntegerField(widget=forms.HiddenInput())


class AuthoriseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())
