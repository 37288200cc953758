"""The escalation pages' forms: raising a disagreement or a non-engagement, and a stage's outcome."""
from django import forms

from frontdoor.escalations.models import StageRecord
from frontdoor.forms_govuk import GovukRadios, GovukSelect, GovukTextarea

# Seed 002: CAMHS first; the other services a child's risk management draws on.
SERVICES = ("CAMHS", "Health", "Police", "School or education", "Housing", "Probation", "Youth justice", "Other")


def _reason(label: str, error: str) -> forms.CharField:
    return forms.CharField(label=label, max_length=10000, widget=GovukTextarea(rows=6),
                           error_messages={"required": error})


class DisagreementForm(forms.Form):
    level_sought = forms.TypedChoiceField(label="Which level of need do you think is right?", coerce=int,
                                          widget=GovukRadios(),
                                          error_messages={"required": "Select the level of need you think is right"})
    reason = _reason("Why you disagree with the decision", "Enter why you disagree with the decision")

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level_sought"].choices = [(n, f"Level {n}: {title}") for n, title in levels]


class NonEngagementForm(forms.Form):
    service = forms.ChoiceField(label="Which service is not engaging?", choices=[("", "Choose a service")]
                                + [(s, s) for s in SERVICES], widget=GovukSelect(),
                                error_messages={"required": "Choose the service that is not engaging"})
    reason = _reason("What the service has not done, and the risk to the child",
                     "Enter what the service has not done and the risk to the child")


class StageOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="Outcome of this stage", widget=GovukRadios(),
                                error_messages={"required": "Select the outcome of this stage"})
    level_agreed = forms.TypedChoiceField(label="Level of need agreed (if the decision is changed)", coerce=int,
                                          required=False, empty_value=None, widget=GovukSelect())
    notes = _reason("What was discussed and agreed", "Enter what was discussed and agreed")
    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args, outcomes=(), levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [(o, StageRecord.Outcome(o).label) for o in outcomes]
        self.fields["level_agreed"].choices = [("", "Not changed")] + [(n, f"Level {n}: {t}") for n, t in levels]
        if not any(o == StageRecord.Outcome.CHANGED for o in outcomes):
            del self.fields["level_agreed"]

    def clean(self):
        data = super().clean()
        if data.get("outcome") == StageRecord.Outcome.CHANGED and data.get("level_agreed") is None:
            self.add_error("level_agreed", "Select the level of need agreed")
        return data
