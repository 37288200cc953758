import re
from collections.abc import Mapping
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.forms_govuk import (
    GovukDateField,
    GovukRadios,
    GovukSelect,
    GovukTextarea,
    GovukTextInput,
    parse_time,
    yes_no_field,
)
from frontdoor.intake import validation
from frontdoor.intake.concern_form import load_concern_form
from frontdoor.intake.models import Contact, ContactChild, ContactFamilyMember


class ConcernQuestionsForm(forms.Form):
    """The five questions that open the Concern Contact Form (seed 001)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        form = load_concern_form()
        for question in form.immediate_questions:
            self.fields[question.id] = yes_no_field(question.text, error=question.error)
        self.fields["welfare_concern"] = yes_no_field(form.welfare_question.text, error=form.welfare_question.error)
        self.fields["early_help_advice"] = yes_no_field(form.early_help_question.text,
                                                        error=form.early_help_question.error)

    def immediate_answers(self) -> dict:
        return {q.id: self.cleaned_data[q.id] for q in load_concern_form().immediate_questions}


class SharedRules:
    """The checks of intake/validation.py, which the API and the service make too, on this form's answers
    for `rules_model`, after normalising them as the service does. Lengths are the columns' own; a message
    names a field by its label on this page."""

    rules_model: type[models.Model]
    error_field_for: Mapping[str, str | None] = {}  # a model field whose error shows on another form field

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # NUL is one of the control characters the shared rule refuses
            field.validators = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]

    def problems(self, values: dict, labels: dict) -> validation.Problems:
        return validation.row_problems(self.rules_model, values, labels=labels)

    def clean(self):
        data = super().clean()
        names = {field.name for field in self.rules_model._meta.concrete_fields}
        values = validation.normalised(self.rules_model, {k: v for k, v in data.items() if k in names})
        data.update(values)
        labels = {name: self.fields[name].label for name in values if name in self.fields}
        for name, message in self.problems(values, labels).items():
            self.add_error(self.error_field_for.get(name, name), message)
        return data


def _required(model: type[models.Model], name: str) -> dict:
    return {"required": validation.REQUIRED[(model, name)]}


class ChildForm(SharedRules, forms.Form):
    rules_model = ContactChild

    given_name = forms.CharField(label="First name", required=False, widget=GovukTextInput())
    family_name = forms.CharField(label="Last name", required=False, widget=GovukTextInput(),
                                  help_text="Leave blank if you do not know it")
    is_unborn = forms.BooleanField(
        label="This is an unborn child", required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False, help_text="For example, 27 3 2015")
    expected_date = GovukDateField(label="Expected date of delivery (unborn child)", required=False)
    father_name = forms.CharField(label="Father's name (unborn child, if known)", required=False,
                                  widget=GovukTextInput())
    sex = forms.ChoiceField(
        label="Sex", required=False,
        choices=(("", "Not known"), ("female", "Female"), ("male", "Male")),
        widget=GovukSelect(),
    )
    address = forms.CharField(label="Address", required=False, widget=GovukTextInput())
    postcode = forms.CharField(label="Postcode", required=False,
                               widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"))
    nhs_number = forms.CharField(label="NHS number (if known)", required=False,
                                 widget=GovukTextInput(width_class="govuk-input govuk-input--width-10"))
    school_name = forms.CharField(label="School or nursery", required=False, widget=GovukTextInput())

    def problems(self, values: dict, labels: dict) -> validation.Problems:
        return validation.child_problems(values, labels=labels)


class FamilyMemberForm(SharedRules, forms.Form):
    rules_model = ContactFamilyMember

    name = forms.CharField(label="Full name", widget=GovukTextInput(),
                           error_messages=_required(ContactFamilyMember, "name"))
    relationship = forms.CharField(
        label="Relationship to the child", widget=GovukTextInput(),
        help_text="For example, mother, stepfather, grandmother, mother's partner",
        error_messages=_required(ContactFamilyMember, "relationship"),
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False)
    address = forms.CharField(label="Address, if different from the child's", required=False, widget=GovukTextInput())


ROW_FIELD = re.compile(r"(?P<prefix>.+)-(?P<index>\d+)-")


def with_management_data(data, prefix: str):
    """The post with its formset counts made whole: a post that lost them (an old page, a script, a
    tampered form) is read for the rows it has, so Django's "ManagementForm data is missing or has been
    tampered with" never reaches a page; the rows themselves are still checked."""
    total, initial = f"{prefix}-TOTAL_FORMS", f"{prefix}-INITIAL_FORMS"
    if data is None or (_count(data.get(total)) is not None and _count(data.get(initial)) is not None):
        return data
    rows = {int(m["index"]) for key in data if (m := ROW_FIELD.match(key)) and m["prefix"] == prefix}
    data = data.copy()
    if _count(data.get(total)) is None:
        data[total] = str(max(rows) + 1 if rows else 0)
    if _count(data.get(initial)) is None:
        data[initial] = "0"
    return data


def _count(value) -> int | None:
    text = value if isinstance(value, str) else None
    return int(text) if text is not None and text.strip().isdigit() and len(text.strip()) < 6 else None


class RowsFormSet(forms.BaseFormSet):
    def __init__(self, data=None, *args, prefix=None, **kwargs):
        super().__init__(with_management_data(data, prefix or self.get_default_prefix()), *args,
                         prefix=prefix, **kwargs)


def _rows_formset(form: type[forms.Form], *, maximum: int, count_problem, min_num: int = 0):
    """Rows of a form, refused beyond the shared cap in the shared rule's words. Past the cap none are
    built (absolute_max), however many the post claims."""
    messages = {"too_many_forms": count_problem(maximum + 1), "too_few_forms": count_problem(0) or ""}
    formset = type(f"{form.__name__}Set", (RowsFormSet,), {"default_error_messages": messages})
    return forms.formset_factory(form, formset=formset, extra=0, min_num=min_num, validate_min=bool(min_num),
                                 max_num=maximum, absolute_max=maximum, validate_max=True)


ChildFormSet = _rows_formset(ChildForm, maximum=validation.MAX_CHILDREN,
                             count_problem=validation.children_count_problem, min_num=1)
FamilyFormSet = _rows_formset(FamilyMemberForm, maximum=validation.MAX_FAMILY_MEMBERS,
                              count_problem=validation.family_count_problem)


class ConcernDetailsForm(SharedRules, forms.Form):
    """The referrer, the concern in their words (now kept apart from the past), actions, consent."""

    rules_model = Contact
    # Moments are typed as a date and a time; answers to the agency's questions as several boxes.
    error_field_for = {"incident_at": "incident_date", "disclosure_at": "disclosure_date", "agency_answers": None}

    referrer_name = forms.CharField(label="Your full name", widget=GovukTextInput(),
                                    error_messages={"required": "Enter your full name"})
    referrer_role = forms.CharField(label="Your job title", required=False, widget=GovukTextInput())
    referrer_phone = forms.CharField(
        label="Phone number we can reach you on", required=False,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-20", attrs={"autocomplete": "tel"}),
    )
    # A way to reach the referrer, not where the outcome letter goes: that is their account's address.
    referrer_email = forms.CharField(
        label="Email address we can reach you on", widget=GovukTextInput(attrs={"autocomplete": "email"}),
        help_text="We send the outcome letter to the email address of your Front Door account.",
        error_messages={"required": "Enter an email address we can reach you on"},
    )
    concern_now = forms.CharField(
        label="What is happening now?", widget=GovukTextarea(rows=8),
        help_text="In your own words: what you saw or were told, by whom, when and where, and how it affects the child. "
                  "Avoid jargon and acronyms.",
        error_messages=_required(Contact, "concern_now"),
    )
    concern_past = forms.CharField(
        label="Past events (optional)", required=False, widget=GovukTextarea(rows=5),
        help_text="Anything that happened before, in date order, kept apart from what is happening now.",
    )
    incident_date = GovukDateField(label="Date of the incident or disclosure", required=False)
    incident_time = forms.CharField(
        label="Time of the incident or disclosure", required=False, max_length=10,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-5"), help_text="For example, 14:30",
    )
    disclosure_date = GovukDateField(label="When did you become aware of this concern?", required=False)
    disclosure_time = forms.CharField(
        label="Time you became aware", required=False, max_length=10,
        widget=GovukTextInput(width_class="govuk-input govuk-input--width-5"),
    )
    agency_actions = forms.CharField(
        label="What has your agency already done?", widget=GovukTextarea(rows=4),
        help_text="For example, support offered, who you have spoken to, any early help assessment.",
        error_messages={"required": "Enter what your agency has already done, or say that nothing has been done yet"},
    )
    consent = forms.ChoiceField(
        label="Have the parents or carers agreed to this contact?",
        choices=Contact.Consent.choices, widget=GovukRadios(), error_messages=_required(Contact, "consent"),
    )
    consent_reason = forms.CharField(
        label="If consent was not sought, why not?", required=False, widget=GovukTextInput(),
        help_text="Consent to refer concerns is not required where discussing them might place the child or another "
                  "person at immediate risk of harm or prejudice the prevention or detection of crime.",
    )

    def __init__(self, *args, agency_kind: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.agency_questions = load_concern_form().agency_questions(agency_kind)
        for question in self.agency_questions:
            self.fields[f"agency__{question.id}"] = forms.CharField(
                label=question.text, required=False, widget=GovukTextarea(rows=2)
            )

    def agency_question_fields(self):
        return [self[f"agency__{q.id}"] for q in self.agency_questions]

    def needs_phone(self) -> bool:
        return True

    def _combine(self, date_field: str, time_field: str) -> datetime | None:
        day = self.cleaned_data.get(date_field)
        try:
            at = parse_time(self.cleaned_data.get(time_field, ""), self.fields[time_field].label)
        except ValidationError as error:
            self.add_error(time_field, error)
            return None
        if day is None:
            if at is not None:
                self.add_error(date_field, f"Enter the {self.fields[date_field].label.lower()} as well as the time")
            return None
        return timezone.make_aware(datetime.combine(day, at or datetime.min.time()))

    def problems(self, values: dict, labels: dict) -> validation.Problems:
        return {**validation.consent_problems(values), **super().problems(values, labels)}

    def clean(self):
        data = self.cleaned_data  # the moments and the answers first, then the shared rules on them all
        data["incident_at"] = self._combine("incident_date", "incident_time")
        data["disclosure_at"] = self._combine("disclosure_date", "disclosure_time")
        if self.needs_phone() and not (data.get("referrer_phone") or "").strip():
            self.add_error("referrer_phone", "Enter a phone number so a social worker can call you back")
        data["agency_answers"] = {
            q.id: data.get(f"agency__{q.id}", "") for q in self.agency_questions if data.get(f"agency__{q.id}")
        }
        return super().clean()


PROFESSIONAL = "professional"


class StaffContactForm(ConcernDetailsForm):
    """A phone or email contact recorded by Front Door staff on the same model as the online form: from a
    professional, a member of the public (family, neighbour, the child themself) or an anonymous caller."""

    caller = forms.ChoiceField(
        label="Who is the contact from?",
        choices=[(PROFESSIONAL, "A professional from an agency"), *Contact.CallerSource.choices],
        widget=GovukRadios(), error_messages={"required": "Select who the contact is from",
                                              "invalid_choice": "Select who the contact is from"},
    )
    channel = forms.ChoiceField(
        label="How did the contact come in?",
        choices=[(Contact.Channel.PHONE, "Phone"), (Contact.Channel.EMAIL, "Email")],
        widget=GovukRadios(), error_messages={"required": "Select phone or email"},
    )
    referrer_agency = forms.ModelChoiceField(
        label="Referrer's agency", queryset=Agency.objects.filter(is_active=True).order_by("name"), widget=GovukSelect(),
        required=False, help_text="Only for a professional",
        error_messages={"invalid_choice": "Select the referrer's agency from the list"},
    )
    immediate_risk = yes_no_field("Is a child at immediate risk of harm?",
                                  error="Select yes if a child is at immediate risk of harm")
    field_order = ["caller", "channel", "referrer_agency", "immediate_risk"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("referrer_name", "referrer_email", "agency_actions"):
            self.fields[name].required = False
        self.fields["referrer_email"].help_text = ""
        self.fields["referrer_name"].label = "Referrer's full name"
        self.fields["referrer_role"].label = "Referrer's job title"
        self.fields["referrer_phone"].label = "Referrer's phone number"
        self.fields["referrer_email"].label = "Referrer's email address (for the outcome letter)"

    @property
    def caller_source(self) -> str:
        caller = self.cleaned_data.get("caller")
        return "" if caller in (None, PROFESSIONAL) else caller

    def needs_phone(self) -> bool:
        return self.cleaned_data.get("caller") == PROFESSIONAL

    def problems(self, values: dict, labels: dict) -> validation.Problems:
        return {**validation.caller_problems({**values, "caller_source": self.caller_source}),
                **super().problems(values, labels)}

    def clean(self):
        data = super().clean()
        if self.cleaned_data.get("caller") != PROFESSIONAL:
            data["referrer_agency"] = None
            return data
        if data.get("referrer_agency") is None:
            self.add_error("referrer_agency", "Select the referrer's agency")
        if not (data.get("agency_actions") or "").strip():
            self.add_error("agency_actions", self.fields["agency_actions"].error_messages["required"])
        return data


QUEUE_STATUSES = [(s.value, s.label) for s in (Contact.Status.NEW, Contact.Status.IN_PROGRESS,
                                                Contact.Status.RETURNED, Contact.Status.AWAITING_AUTHORISATION)]


class QueueFilterForm(forms.Form):
    """The queue's search and filters. The search text may hold a child's name, so the page sends it by POST,
    never in the address; the filters alone may be in the address."""

    q = forms.CharField(label="Search by child, reference, referrer or agency", required=False, max_length=100,
                        error_messages={"max_length": "Search for 100 characters or fewer"},
                        widget=GovukTextInput(width_class="govuk-input govuk-!-width-two-thirds"))
    urgent = forms.BooleanField(label="Urgent only", required=False,
                                widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}))
    overdue = forms.BooleanField(label="Overdue on the one-working-day clock", required=False,
                                 widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}))
    mine = forms.BooleanField(label="Assigned to me", required=False,
                              widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}))
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *QUEUE_STATUSES],
                               error_messages={"invalid_choice": "Select a status from the list"}, widget=GovukSelect())
    level = forms.TypedChoiceField(label="Decision level", required=False, coerce=int, empty_value=None,
                                   choices=[("", "Any level"), *[(n, f"Level {n}") for n in (1, 2, 3, 4)]],
                                   error_messages={"invalid_choice": "Select a level from the list"},
                                   widget=GovukSelect())
    agency_kind = forms.ChoiceField(label="Referrer agency type", required=False,
                                    choices=[("", "Any agency type"), *Agency.Kind.choices],
                                    error_messages={"invalid_choice": "Select an agency type from the list"},
                                    widget=GovukSelect())

    def clean_q(self):
        return self.cleaned_data["q"].strip()


class AssignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    assignee = forms.ChoiceField(label="Assign to a colleague", widget=GovukSelect(),
                                 error_messages={"required": "Select who to assign the contact to",
                                                 "invalid_choice": "Select a Front Door practitioner or manager from your team"})
    back = forms.ChoiceField(choices=[("contact", "contact"), ("queue", "queue")], required=False,
                             widget=forms.HiddenInput)

    def __init__(self, *args, colleagues=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.colleagues = {str(u.pk): u for u in colleagues}
        self.fields["assignee"].choices = [("", "Choose a colleague"), ("me", "Me"),
                                           *[(pk, u.get_full_name() or u.username) for pk, u in self.colleagues.items()]]


class AdviceReplyForm(forms.Form):
    reply = forms.CharField(label="Your advice for the referrer", widget=GovukTextarea(rows=8),
                            help_text="How they can support the family with early help: what to offer, who to "
                                      "involve, where to find the Early Help Assessment. The referrer receives it "
                                      "by email.",
                            error_messages={"required": "Enter your advice for the referrer"})
    version = forms.IntegerField(widget=forms.HiddenInput)
