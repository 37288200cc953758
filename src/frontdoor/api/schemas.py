from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema


class ChildIn(Schema):
    family_name: str = Field(default="", max_length=100)
    given_name: str = ""
    date_of_birth: date | None = None
    is_unborn: bool = False
    expected_date: date | None = None
    father_name: str = ""
    sex: str = ""
    address: str = ""
    postcode: str = ""
    nhs_number: str = ""
    school_name: str = ""


class FamilyMemberIn(Schema):
    name: str
    relationship: str
    date_of_birth: date | None = None
    address: str = ""


class ContactIn(Schema):
    """A concern, as the online Concern Contact Form collects it."""

    referrer_name: str = Field(min_length=1)
    referrer_role: str = ""
    referrer_phone: str = ""
    referrer_email: str = ""
    immediate_answers: dict[str, bool] = Field(default_factory=dict, description="immediate_1..immediate_3 -> yes/no")
    welfare_concern: bool | None = None
    early_help_advice: bool | None = None
    concern_now: str = Field(min_length=1, description="What is happening now, in the referrer's words")
    concern_past: str = ""
    incident_at: datetime | None = None
    disclosure_at: datetime | None = None
    agency_actions: str = ""
    consent: str = Field(description="given | refused | not_sought")
    consent_reason: str = ""
    agency_answers: dict[str, str] = Field(default_factory=dict)
    children: list[ChildIn] = Field(min_length=1)
    family_members: list[FamilyMemberIn] = Field(default_factory=list)


class QualityFlagOut(Schema):
    code: str
    message: str
    field: str | None = None
    start: int | None = None
    end: int | None = None
    expansion: str | None = None


class ChildOut(Schema):
    given_name: str
    family_name: str
    date_of_birth: date | None
    is_unborn: bool


class DecisionOut(Schema):
    level: int
    outcome_codes: list[str]
    social_worker_name: str
    authorised_at: datetime | None


class ContactOut(Schema):
    id: UUID
    reference: str
    status: str
    is_urgent: bool
    received_at: datetime
    decision_due_at: datetime
    referrer_name: str
    referrer_agency: str
    children: list[ChildOut]
    quality_flags: list[QualityFlagOut]
    decision: DecisionOut | None = None


class FieldErrorOut(Schema):
    field: str = Field(description='The field that is wrong, as "referrer_email" or "children[0].nhs_number"')
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut] = Field(default_factory=list, description="Each field that is wrong (422)")
