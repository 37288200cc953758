from datetime import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.casework.models import (
    AbuseCategory, Assessment, ChildInNeedPlan, ChildProtectionPlan, EarlyHelpOffer, Episode,
    InitialChildProtectionConference, PlanAction, ReviewConference, Section47Enquiry, StrategyDiscussion,
)
from frontdoor.casework.selectors import DUE_THIS_WEEK, OVERDUE
from frontdoor.forms_govuk import (
    GovukCheckboxes, GovukDateField, GovukRadios, GovukSelect, GovukTextarea, GovukTextInput, parse_time, yes_no_field,
)

# Agencies a strategy discussion draws on (seed 001 Appendix B; Working Together 2023: police,
# social care and health at least; the child's school when known, by phone at short notice).
PARTICIPANT_AGENCIES = ("Police", "Children's social care", "Health", "School", "Probation", "Other")
# Who comes to a Team Around the Child meeting, by agency (the family is there too, always).
TAC_AGENCIES = ("School", "Health", "Family support", "Housing", "Police", "Children's social care",
                "Voluntary sector", "Other")
# Who works a child protection plan with the family: its actions' owners and its core group, by agency.
PLAN_AGENCIES = ("Children's social care", "Health", "School", "Police", "Family support", "Housing", "Probation",
                 "Voluntary sector", "Parent or carer", "Other")
DATE_HINT = "For example, 27 3 2026"


def _date(label: str, *, required: bool = True) -> GovukDateField:
    return GovukDateField(label=label, not_in_future=True, help_text=DATE_HINT, required=required,
                          error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"})


def _radios(label: str, choices, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=GovukRadios(), error_messages={"required": message})


class AllocateForm(forms.Form):
    worker = forms.ModelChoiceField(
        label="Social worker", queryset=get_user_model().objects.none(), widget=GovukSelect(),
        error_messages={"required": "Choose a social worker to allocate the child to"})
    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        workers = get_user_model().objects.filter(membership__role=Membership.Role.SOCIAL_WORKER, is_active=True)
        if team is not None:
            workers = workers.filter(casework_teams=team)
        self.fields["worker"].queryset = workers.order_by("last_name", "first_name")
        self.fields["worker"].label_from_instance = lambda user: user.get_full_name() or user.username


class CaseloadFilterForm(forms.Form):
    """The team page's filters, read from its query string: a social worker's id and how soon, never
    anything about a child."""

    UNALLOCATED = "none"
    worker = forms.ChoiceField(label="Social worker", required=False, widget=GovukSelect(),
                               error_messages={"invalid_choice": "Choose a social worker from the list"})
    due = forms.ChoiceField(label="Due", required=False, widget=GovukSelect(), choices=[
        ("", "Any time"), (OVERDUE, "Overdue"), (DUE_THIS_WEEK, "Overdue or due by Sunday")],
        error_messages={"invalid_choice": "Choose when the work is due from the list"})

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].choices = [("", "Everyone"), (self.UNALLOCATED, "Not allocated")] + [
            (str(user.pk), user.get_full_name() or user.username) for user in workers]


class AssessmentForm(forms.Form):
    analysis = forms.CharField(label="The social worker's analysis", widget=GovukTextarea(rows=8), max_length=20000,
                               error_messages={"required": "Enter the social worker's analysis"})
    factors = forms.CharField(
        label="Factors identified at the end of the assessment (optional)", required=False, max_length=200,
        help_text="The DfE children in need census codes, separated by commas, for example 3A, 4A, 21",
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}))
    outcome = forms.ChoiceField(label="Outcome", choices=Assessment.Outcome.choices, widget=GovukRadios(),
                                error_messages={"required": "Choose the outcome of the assessment"})
    version = forms.IntegerField(widget=forms.HiddenInput())

    def clean_factors(self):
        codes = [code.strip().upper() for code in self.cleaned_data["factors"].split(",") if code.strip()]
        unknown = [code for code in codes if not (code[:-1].isdigit() or code.isdigit())]
        if unknown:
            raise forms.ValidationError(f"{', '.join(unknown)} is not a census factor code, like 3A or 21")
        return codes


class StrategyDiscussionForm(forms.Form):
    held_on = GovukDateField(label="Date it was held", not_in_future=True,
                             error_messages={"required": "Enter the date the strategy discussion was held"})
    held_time = forms.CharField(label="Time it was held", max_length=10,
                                widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}),
                                error_messages={"required": "Enter the time the strategy discussion was held"})
    agencies = forms.MultipleChoiceField(
        label="Agencies who took part", choices=[(a, a) for a in PARTICIPANT_AGENCIES], widget=GovukCheckboxes(),
        error_messages={"required": "Select the agencies who took part"})
    by_phone = forms.MultipleChoiceField(
        label="Agencies who joined by phone (optional)", required=False,
        choices=[(a, a) for a in PARTICIPANT_AGENCIES], widget=GovukCheckboxes())
    decision = forms.ChoiceField(label="What it decided", choices=StrategyDiscussion.Decision.choices,
                                 widget=GovukRadios(),
                                 error_messages={"required": "Choose what the strategy discussion decided"})
    outcome = forms.CharField(label="Information shared and reasons (optional)", required=False, max_length=20000,
                              widget=GovukTextarea(rows=5))
    version = forms.IntegerField(widget=forms.HiddenInput())

    def clean(self):
        data = super().clean()
        if data.get("held_on") and data.get("held_time"):
            try:
                held = parse_time(data["held_time"], "Time it was held")
            except forms.ValidationError as error:
                self.add_error("held_time", error)
            else:
                data["held_at"] = timezone.make_aware(datetime.combine(data["held_on"], held))
        return data

    def participants(self) -> list[dict]:
        by_phone = set(self.cleaned_data.get("by_phone") or ())
        return [{"agency": agency, "by_phone": agency in by_phone} for agency in self.cleaned_data["agencies"]]


class StepForm(forms.Form):
    """A step's record page: the version the page showed travels with it (compare and set)."""

    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = record.version


class EmergencyProtectionForm(StepForm):
    protection = _radios("How the child was protected", Section47Enquiry.EmergencyProtection.choices,
                         "Choose an emergency protection order or police protection")
    protected_on = _date("Date the order was made or the police took the child into protection")

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        self.fields["protection"].initial = record.emergency_protection
        self.fields["protected_on"].initial = record.emergency_protection_on


class Section47Form(StepForm):
    findings = forms.CharField(label="What the enquiry found", widget=GovukTextarea(rows=8), max_length=20000,
                               error_messages={"required": "Enter what the enquiry found"})
    outcome = forms.ChoiceField(label="Outcome of the enquiry", choices=Section47Enquiry.Outcome.choices,
                                widget=GovukRadios(),
                                error_messages={"required": "Choose the outcome of the section 47 enquiry"})
    completed_on = GovukDateField(label="Date the enquiry was completed", not_in_future=True,
                                  help_text="For example, 27 3 2026",
                                  error_messages={"required": "Enter the date the enquiry was completed"})


class ConferenceForm(StepForm):
    """What every conference records. `detail` names the field a decision needs as well (the
    category of a plan, the reason a plan ends) and the decision that needs it."""

    detail: tuple[str, str, str]  # (decision, field, message when it is missing)

    held_on = GovukDateField(label="Date the conference was held", not_in_future=True,
                             help_text="For example, 27 3 2026",
                             error_messages={"required": "Enter the date the conference was held"})
    chair = forms.ModelChoiceField(label="Chair", queryset=get_user_model().objects.none(), widget=GovukSelect(),
                                   error_messages={"required": "Choose the conference chair"})
    attendees = forms.MultipleChoiceField(
        label="Agencies that attended", choices=[(a, a) for a in PARTICIPANT_AGENCIES], widget=GovukCheckboxes(),
        error_messages={"required": "Select the agencies that attended the conference"})

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        chairs = get_user_model().objects.filter(membership__role=Membership.Role.CONFERENCE_CHAIR, is_active=True)
        self.fields["chair"].queryset = chairs.order_by("last_name", "first_name")
        self.fields["chair"].label_from_instance = lambda chair: chair.get_full_name() or chair.username
        if user.membership.role == Membership.Role.CONFERENCE_CHAIR:
            self.fields["chair"].initial = user.pk

    def clean(self):
        data = super().clean()
        decision, field, message = self.detail
        if data.get("decision") == decision and not data.get(field):
            self.add_error(field, message)
        elif data.get("decision") and data.get("decision") != decision:
            data[field] = ""
        return data


class InitialConferenceForm(ConferenceForm):
    detail = (InitialChildProtectionConference.Decision.PLAN, "category",
              "Choose the category of abuse for the child protection plan")

    decision = forms.ChoiceField(label="What the conference decided",
                                 choices=InitialChildProtectionConference.Decision.choices, widget=GovukRadios(),
                                 error_messages={"required": "Choose what the conference decided"})
    category = forms.ChoiceField(label="Category of abuse (for a child protection plan)", required=False,
                                 choices=AbuseCategory.choices, widget=GovukRadios(),
                                 help_text="The DfE children in need census category")


class ReviewConferenceForm(ConferenceForm):
    detail = (ReviewConference.Decision.END, "end_reason", "Choose why the child protection plan is ending")

    decision = forms.ChoiceField(label="What the conference decided", choices=ReviewConference.Decision.choices,
                                 widget=GovukRadios(), error_messages={"required": "Choose what the conference decided"})
    end_reason = forms.ChoiceField(label="Why the plan is ending (when it ends)", required=False,
                                   choices=ChildProtectionPlan.EndReason.choices, widget=GovukRadios())


class OfferResponseForm(StepForm):
    accepted = forms.TypedChoiceField(
        label="Did the family agree to early help?", choices=[("yes", "Yes, they agreed"), ("no", "No, they declined")],
        coerce=lambda answer: answer == "yes", widget=GovukRadios(),
        error_messages={"required": "Choose whether the family agreed to early help"})
    responded_on = _date("Date the family answered")
    lead_professional = forms.ModelChoiceField(
        label="Lead professional (when they agreed)", required=False, queryset=get_user_model().objects.none(),
        widget=GovukSelect())

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        leads = get_user_model().objects.filter(membership__role=Membership.Role.EARLY_HELP_LEAD, is_active=True)
        self.fields["lead_professional"].queryset = leads.order_by("last_name", "first_name")
        self.fields["lead_professional"].label_from_instance = lambda lead: lead.get_full_name() or lead.username
        if user.membership.role == Membership.Role.EARLY_HELP_LEAD:
            self.fields["lead_professional"].initial = user.pk

    def clean(self):
        data = super().clean()
        if data.get("accepted") and not data.get("lead_professional"):
            self.add_error("lead_professional", "Choose the early help lead professional")
        return data


class EarlyHelpAssessmentForm(StepForm):
    started_on = _date("Date the early help assessment started")
    completed_on = _date("Date the early help assessment was completed (optional)", required=False)

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        self.fields["started_on"].initial = record.eha_started_on


class TACMeetingForm(StepForm):
    held_on = _date("Date the meeting was held")
    attendees = forms.MultipleChoiceField(
        label="Agencies that attended", choices=[(a, a) for a in TAC_AGENCIES], widget=GovukCheckboxes(),
        error_messages={"required": "Select the agencies that attended the meeting"})
    notes = forms.CharField(label="What was agreed (optional)", required=False, max_length=20000,
                            widget=GovukTextarea(rows=5))


class EarlyHelpCloseForm(StepForm):
    closed_on = _date("Date early help ended")
    reason = _radios("Why early help is ending", EarlyHelpOffer.ClosureReason.choices, "Choose why early help is ending")


class CINPlanStartForm(StepForm):
    started_on = _date("Date the plan started")
    review_months = forms.IntegerField(
        label="Review the plan every (months)", min_value=1, max_value=6, initial=3,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-2"}),
        error_messages={"required": "Enter how many months apart the reviews are",
                        "min_value": "Reviews must be between 1 and 6 months apart",
                        "max_value": "Reviews must be between 1 and 6 months apart"})


class CINPlanReviewForm(StepForm):
    held_on = _date("Date of the review")


class CINPlanEndForm(StepForm):
    ended_on = _date("Date the plan ended")
    # A child protection plan's start ends a CIN plan by itself (casework.services._plan_start).
    reason = _radios("Why the plan is ending", [c for c in ChildInNeedPlan.EndReason.choices
                                                if c[0] != ChildInNeedPlan.EndReason.CHILD_PROTECTION],
                     "Choose why the child in need plan is ending")


class EpisodeCloseForm(StepForm):
    closed_on = _date("Date the episode closed")
    reason = _radios("Reason for closure", Episode.ClosureReason.choices, "Choose the reason for closing the episode")


def _people(role: str):
    return get_user_model().objects.filter(membership__role=role, is_active=True).order_by("last_name", "first_name")


class PlanContentsForm(StepForm):
    areas_of_concern = forms.CharField(
        label="Areas of concern", widget=GovukTextarea(rows=6), max_length=20000,
        help_text="What the conference found the child needs protecting from",
        error_messages={"required": "Enter the areas of concern the plan addresses"})
    progress_measures = forms.CharField(
        label="How progress will be measured", widget=GovukTextarea(rows=6), max_length=20000,
        help_text="What the core group will see when the plan is working",
        error_messages={"required": "Enter how progress on the plan will be measured"})
    key_worker = forms.ModelChoiceField(label="Key worker", queryset=get_user_model().objects.none(),
                                        widget=GovukSelect(), error_messages={"required": "Choose the key worker"})

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        self.fields["key_worker"].queryset = _people(Membership.Role.SOCIAL_WORKER)
        self.fields["key_worker"].label_from_instance = lambda worker: worker.get_full_name() or worker.username
        self.initial.update(areas_of_concern=record.areas_of_concern, progress_measures=record.progress_measures,
                            key_worker=record.key_worker_id or record.episode.allocated_to_id)


class PlanActionForm(StepForm):
    description = forms.CharField(label="What is to be done", widget=GovukTextarea(rows=3), max_length=2000,
                                  error_messages={"required": "Enter what the action is"})
    owner_agency = forms.ChoiceField(label="Agency responsible", choices=[("", "Choose an agency")]
                                     + [(a, a) for a in PLAN_AGENCIES], widget=GovukSelect(),
                                     error_messages={"required": "Choose the agency responsible for the action"})
    owner_name = forms.CharField(label="Person responsible (optional)", required=False, max_length=200,
                                 widget=GovukTextInput(width_class="govuk-input govuk-input--width-20"))
    due_on = GovukDateField(label="Due by", help_text=DATE_HINT,
                            error_messages={"required": "Enter the date the action is due by"})


class CoreGroupForm(StepForm):
    held_on = _date("Date the core group met")
    attendees = forms.MultipleChoiceField(
        label="Agencies that attended", choices=[(a, a) for a in PLAN_AGENCIES], widget=GovukCheckboxes(),
        error_messages={"required": "Select the agencies that attended the core group"})
    progress = forms.CharField(label="Progress on the plan's actions (optional)", required=False, max_length=20000,
                               widget=GovukTextarea(rows=5))
    completed_actions = forms.ModelMultipleChoiceField(
        label="Actions the core group found done (optional)", required=False, queryset=PlanAction.objects.none(),
        widget=GovukCheckboxes())

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        actions = self.fields["completed_actions"]
        actions.queryset = record.actions.filter(completed_on__isnull=True)
        actions.label_from_instance = lambda a: f"{a.description} ({a.owner_agency}, due {a.due_on:%-d %B %Y})"
        if not actions.queryset.exists():
            del self.fields["completed_actions"]

    def clean(self):
        data = super().clean()
        data.setdefault("completed_actions", [])
        return data


class VisitForm(StepForm):
    visited_on = _date("Date of the visit")
    seen_alone = yes_no_field("Was the child seen alone?", error="Select yes if the child was seen alone")
    notes = forms.CharField(label="What the child said and what you saw (optional)", required=False,
                            max_length=20000, widget=GovukTextarea(rows=5))
