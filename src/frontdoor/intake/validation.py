"""Every check on a contact's input, written once. The concern form, the staff form, the API and the
service (so the command line, the demo and the school pages too) all ask these functions, so they refuse
the same input with the same words.

A field's length comes from its model column (`_meta`), so a wider column needs no second edit. A
CharField takes no control character at all and a TextField only a tab or a line break (PostgreSQL
cannot store NUL, nor a lone surrogate). Messages follow the GOV.UK Design System's error messages.
"""
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst

from frontdoor.intake.coach import is_plausible_uk_phone
from frontdoor.intake.models import Contact, ContactChild, ContactFamilyMember
from frontdoor.messaging.addresses import address_problem
from frontdoor.people.models import nhs_number_problem

Problems = dict[str, str]  # field (or "children[0].nhs_number") -> message

MAX_CHILDREN = 20  # more children than this on one contact is a mistake or a flood, not a sibling group
MAX_FAMILY_MEMBERS = 30
CHILD_MAX_AGE_YEARS = 25  # care leavers are supported up to 25 (Children and Social Work Act 2017, s.2)
ADULT_MAX_AGE_YEARS = 120
EARLIEST_YEAR = 1900  # as the GOV.UK date input refuses earlier years
PREGNANCY_WEEKS = 42  # an expected date of delivery further than this from today is mistyped

NOT_KNOWN = re.compile(r"\s*(?:not\s+known|unknown|n/?k|tbc|tba|\?+|-+|none)\s*\.?\s*", re.I)
CHILD_DESCRIBED_BY = ("given_name", "family_name", "date_of_birth", "expected_date", "school_name", "address",
                      "postcode", "nhs_number")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
CONTROL_BUT_LINE_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

REQUIRED = {
    (Contact, "referrer_name"): "Enter the referrer's full name",
    (Contact, "concern_now"): "Enter what is happening now",
    (Contact, "consent"): "Select whether consent was given, refused or not sought",
    (ContactFamilyMember, "name"): "Enter the family member's full name",
    (ContactFamilyMember, "relationship"): "Enter the family member's relationship to the child",
}


# --- One value ------------------------------------------------------------------------------------


def email_problem(value: str, label: str = "") -> str | None:
    """Django's EmailValidator, and no CR or LF (which would add mail headers), as the outbox checks."""
    if address_problem(value):
        return "Enter an email address in the correct format, like name@example.org"
    return None


UK_POSTCODE = re.compile(r"(?:GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})")


def postcode_problem(value: str, label: str = "") -> str | None:
    """A full UK postcode, the outward and the inward code, however it is spaced."""
    if not UK_POSTCODE.fullmatch(postcode_normalised(value)):
        return "Enter a real UK postcode, like WR1 2AB, or leave it blank if you do not know it"
    return None


def postcode_normalised(value: str) -> str:
    """As stored: capitals, one space before the last three characters ("wr12ab" is "WR1 2AB")."""
    compact = "".join(value.upper().split())
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) >= 5 else compact


def phone_problem(value: str, label: str = "") -> str | None:
    """A UK landline or mobile number (10 or 11 digits from 0, or +44), with spaces, brackets or an
    extension allowed: the number the Front Door will ring back on."""
    if not is_plausible_uk_phone(value):
        return "Enter a UK phone number, like 01632 960 001 or 07700 900 982"
    return None


def name_not_known_problem(value: str, which: str) -> str | None:
    if NOT_KNOWN.fullmatch(value):
        return f"Leave the {which} blank if you do not know it"
    return None


def child_date_of_birth_problem(value: date, label: str = "") -> str | None:
    return _date_of_birth_problem(value, max_age_years=CHILD_MAX_AGE_YEARS)


def adult_date_of_birth_problem(value: date, label: str = "") -> str | None:
    return _date_of_birth_problem(value, max_age_years=ADULT_MAX_AGE_YEARS)


def _date_of_birth_problem(value: date, *, max_age_years: int) -> str | None:
    today = timezone.localdate()
    if value > today:
        return "Enter a date of birth in the past"
    if value < _years_before(today, max_age_years):
        return f"Enter a date of birth within the last {max_age_years} years"
    return None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def past_moment_problem(value: date | datetime, label: str) -> str | None:
    """When something happened: not before 1900, not after today. The year is looked at before any time
    zone is, since converting a moment in year 1 or 9999 to UTC overflows."""
    if value.year < EARLIEST_YEAR:
        return f"{label} must include a four-digit year after {EARLIEST_YEAR}"
    if value.year > timezone.localdate().year or _local_date(value) > timezone.localdate():
        return f"{label} must be today or in the past"
    return None


def _local_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def expected_date_problem(value: date, label: str = "") -> str | None:
    if abs((value - timezone.localdate()).days) > PREGNANCY_WEEKS * 7:
        return f"Enter an expected date of delivery within {PREGNANCY_WEEKS} weeks of today"
    return None


CHECKS: dict[tuple[type[models.Model], str], Callable[[Any, str], str | None]] = {
    # Ten digits passing the check digit (the nhs-number package), in the words the person page uses.
    (ContactChild, "nhs_number"): lambda value, label: nhs_number_problem(value),
    (ContactChild, "postcode"): postcode_problem,
    (Contact, "referrer_phone"): phone_problem,
    (ContactChild, "given_name"): lambda value, label: name_not_known_problem(value, "first name"),
    (ContactChild, "family_name"): lambda value, label: name_not_known_problem(value, "last name"),
    (ContactChild, "date_of_birth"): child_date_of_birth_problem,
    (ContactChild, "expected_date"): expected_date_problem,
    (ContactFamilyMember, "date_of_birth"): adult_date_of_birth_problem,
    (Contact, "incident_at"): past_moment_problem,
    (Contact, "disclosure_at"): past_moment_problem,
}


def field_problem(model: type[models.Model], name: str, value: Any, *, label: str | None = None) -> str | None:
    """What is wrong with one value for one model field, or None. `label` names the field as a page
    shows it; without one, the model's verbose name does."""
    field = model._meta.get_field(name)
    label = (label or capfirst(field.verbose_name)).rstrip("?")
    if isinstance(value, str) and not value.strip():
        return None if field.blank else REQUIRED.get((model, name), f"Enter {label.lower()}")
    check = CHECKS.get((model, name)) or (email_problem if isinstance(field, models.EmailField) else None)
    if value is not None and check and (problem := check(value, label)):
        return problem
    if isinstance(value, str):
        return _text_problem(model, field, value, label)
    if isinstance(value, Mapping):
        return _mapping_problem(value, label)
    return None


def _text_problem(model: type[models.Model], field: models.Field, value: str, label: str) -> str | None:
    control = CONTROL_BUT_LINE_BREAKS if isinstance(field, models.TextField) else CONTROL
    if control.search(value):
        return f"{label} must not contain hidden control characters"
    if field.max_length and len(value) > field.max_length:
        return f"{label} must be {field.max_length} characters or fewer"
    if field.choices and value not in {choice for choice, _ in field.flatchoices}:
        return REQUIRED.get((model, field.name), f"Select {label.lower()} from the list")
    return None


def _mapping_problem(value: Mapping, label: str) -> str | None:
    """A JSON answer (question id -> answer): its keys and texts are held to a TextField's rule."""
    texts = [text for pair in value.items() for text in pair if isinstance(text, str)]
    if any(CONTROL_BUT_LINE_BREAKS.search(text) for text in texts):
        return f"{label} must not contain hidden control characters"
    return None


# --- One row, and the contact as a whole -----------------------------------------------------------

NORMALISE: dict[tuple[type[models.Model], str], Callable[[str], str]] = {
    (ContactChild, "postcode"): postcode_normalised,
    (ContactChild, "nhs_number"): lambda value: value.replace(" ", ""),
}


def normalised(model: type[models.Model], values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as they are stored: text trimmed, a postcode in capitals with single spaces, an NHS number
    as its ten digits."""
    return {name: _normalised(model, name, value) for name, value in values.items()}


def _normalised(model: type[models.Model], name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return NORMALISE.get((model, name), str)(value.strip())


def row_problems(model: type[models.Model], values: Mapping[str, Any], *,
                 labels: Mapping[str, str] | None = None) -> Problems:
    """Each field of one row that is wrong, with its message."""
    labels = labels or {}
    found = ((name, field_problem(model, name, value, label=labels.get(name))) for name, value in values.items())
    return {name: problem for name, problem in found if problem}


def unborn_problems(child: Mapping[str, Any]) -> Problems:
    if child.get("is_unborn") and not child.get("expected_date"):
        return {"expected_date": "Enter the expected date of delivery for an unborn child"}
    if not child.get("is_unborn") and child.get("expected_date"):
        return {"is_unborn": "Tick 'This is an unborn child' or remove the expected date"}
    return {}


def consent_problems(contact: Mapping[str, Any]) -> Problems:
    if contact.get("consent") == Contact.Consent.NOT_SOUGHT and not (contact.get("consent_reason") or "").strip():
        return {"consent_reason": "Enter why consent was not sought"}
    return {}


def caller_problems(contact: Mapping[str, Any]) -> Problems:
    """A professional and a member of the public give their name; an anonymous caller gives nothing that
    would identify them, and is never asked for it."""
    if contact.get("caller_source") == Contact.CallerSource.ANONYMOUS:
        given = [name for name in ANONYMOUS_KEEPS_NO if str(contact.get(name) or "").strip()]
        return {name: "Leave this blank for an anonymous caller, or choose who the caller is" for name in given}
    if not str(contact.get("referrer_name") or "").strip():
        return {"referrer_name": REQUIRED[(Contact, "referrer_name")]}
    return {}


ANONYMOUS_KEEPS_NO = ("referrer_name", "referrer_role", "referrer_phone", "referrer_email")


def children_count_problem(count: int) -> str | None:
    if count == 0:
        return "Add at least one child"
    return _too_many(count, MAX_CHILDREN, "children")


def family_count_problem(count: int) -> str | None:
    return _too_many(count, MAX_FAMILY_MEMBERS, "family members")


def _too_many(count: int, maximum: int, what: str) -> str | None:
    return f"Enter {maximum} {what} or fewer on one contact" if count > maximum else None


def child_problems(child: Mapping[str, Any], *, labels: Mapping[str, str] | None = None) -> Problems:
    return {**unborn_problems(child), **described_problems(child), **row_problems(ContactChild, child, labels=labels)}


def described_problems(child: Mapping[str, Any]) -> Problems:
    """A child with no name at all is still taken, if anything tells the front door who they may be."""
    if any(str(child.get(name) or "").strip() for name in CHILD_DESCRIBED_BY):
        return {}
    return {"given_name": "Enter the child's name, or what you know about them: their school, address or age"}


def family_member_problems(member: Mapping[str, Any]) -> Problems:
    return row_problems(ContactFamilyMember, member)


def contact_problems(*, contact: Mapping[str, Any], children: Sequence[Mapping[str, Any]],
                     family_members: Sequence[Mapping[str, Any]]) -> Problems:
    """Every problem with a contact, its children and its family members, each named by its field."""
    return {
        **consent_problems(contact),
        **caller_problems(contact),
        **row_problems(Contact, contact),
        **_rows_problems("children", children, child_problems, children_count_problem),
        **_rows_problems("family_members", family_members, family_member_problems, family_count_problem),
    }


def _rows_problems(name: str, rows: Sequence[Mapping[str, Any]], row_check: Callable[[Mapping], Problems],
                   count_check: Callable[[int], str | None]) -> Problems:
    if problem := count_check(len(rows)):
        return {name: problem}
    return {f"{name}[{index}].{field}": message
            for index, row in enumerate(rows) for field, message in row_check(row).items()}
