"""Administration of users, their roles and the agencies they belong to: every change audited (in
the access log, as a change to the account or agency) and version-checked."""
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F

from frontdoor.agencies.errors import AdministrationConflict, AdministrationInvalid
from frontdoor.agencies.models import Agency, Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record

CHANGED_SINCE = ("Someone else changed this account since you opened this page. Nothing has been saved. "
                 "Reload the page to see it now.")


@dataclass(frozen=True)
class NewUser:
    email: str
    first_name: str
    last_name: str
    role: str
    agency_id: str
    job_title: str = ""


def _administrator(actor) -> None:
    if getattr(getattr(actor, "membership", None), "role", None) != Membership.Role.ADMINISTRATOR:
        raise AdministrationInvalid("Only an administrator can change users and agencies")


def _text(value: str, *, field: str, model, name: str, asking: str | None) -> str:
    value = value.strip()
    if not value and asking:
        raise AdministrationInvalid(asking, field=field)
    limit = model._meta.get_field(name).max_length
    if len(value) > limit:
        raise AdministrationInvalid(f"{model._meta.get_field(name).verbose_name.capitalize()} must be {limit} "
                                    "characters or fewer", field=field)
    if any(ord(c) < 32 for c in value):
        raise AdministrationInvalid("Remove the control characters (such as a line break)", field=field)
    return value


def _role_and_agency(role: str, agency_id, *, kept: Agency | None = None) -> Agency:
    """The role and agency chosen; a deactivated agency only if it is `kept` (the account's own)."""
    if role not in Membership.Role.values:
        raise AdministrationInvalid("Choose a role from the list", field="role")
    agency = Agency.objects.filter(pk=agency_id).first() if _is_uuid(agency_id) else None
    if agency is None:
        raise AdministrationInvalid("Choose an agency from the list", field="agency")
    if not agency.is_active and agency != kept:
        raise AdministrationInvalid(f"{agency.name} is deactivated: choose an active agency", field="agency")
    return agency


def _is_uuid(value) -> bool:
    try:
        Agency._meta.pk.to_python(value)
    except ValidationError:
        return False
    return bool(value)


@transaction.atomic
def user_create(*, actor, new: NewUser):
    """An account for a member of staff or a partner, with a role in an agency. Its password is random
    and known to nobody: they choose their own through 'Forgotten your password?'."""
    _administrator(actor)
    User = get_user_model()
    email = _text(new.email, field="email", model=User, name="email", asking="Enter their email address").lower()
    try:
        validate_email(email)
    except ValidationError:
        raise AdministrationInvalid("Enter an email address in the correct format, like name@example.gov.uk",
                                    field="email") from None
    if len(email) > User._meta.get_field("username").max_length:
        raise AdministrationInvalid("The email address must be 150 characters or fewer", field="email")
    first = _text(new.first_name, field="first_name", model=User, name="first_name", asking="Enter their first name")
    last = _text(new.last_name, field="last_name", model=User, name="last_name", asking="Enter their last name")
    job_title = _text(new.job_title, field="job_title", model=Membership, name="job_title", asking=None)
    agency = _role_and_agency(new.role, new.agency_id)
    if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
        raise AdministrationInvalid(f"There is already an account for {email}", field="email")
    try:
        with transaction.atomic():
            account = User.objects.create_user(username=email, email=email, password=secrets.token_urlsafe(32),
                                               first_name=first, last_name=last)
    except IntegrityError:  # made by another administrator between the check and this write
        raise AdministrationInvalid(f"There is already an account for {email}", field="email") from None
    Membership.objects.create(user=account, agency=agency, role=new.role, job_title=job_title)
    access_log_record(user=actor, target=account, reason=f"Account created: {Membership.Role(new.role).label}",
                      action=AccessLogEntry.Action.CREATE)
    return account


def _locked(account, version: int) -> Membership:
    membership = Membership.objects.select_for_update().get(user=account)
    if membership.version != version:
        raise AdministrationConflict(CHANGED_SINCE)
    return membership


def _not_themselves(actor, account, doing: str) -> None:
    if actor.pk == account.pk:
        raise AdministrationInvalid(f"You cannot {doing} your own account: ask another administrator")


@transaction.atomic
def membership_change(*, actor, account, version: int, role: str, agency_id) -> Membership:
    """Give an account another role or agency (its API tokens stop working if the agency changes)."""
    _administrator(actor)
    _not_themselves(actor, account, "change the role or agency of")
    agency = _role_and_agency(role, agency_id, kept=account.membership.agency)
    membership = _locked(account, version)
    if (membership.role, membership.agency_id) == (role, agency.pk):
        raise AdministrationInvalid("Nothing has changed: choose a different role or agency", field="role")
    Membership.objects.filter(pk=membership.pk).update(role=role, agency=agency, version=F("version") + 1)
    access_log_record(user=actor, target=account, reason=f"Role changed to {Membership.Role(role).label}",
                      action=AccessLogEntry.Action.UPDATE)
    membership.refresh_from_db()
    return membership


@transaction.atomic
def user_active_set(*, actor, account, version: int, active: bool) -> None:
    """Deactivate an account (it can no longer sign in, its sessions and API tokens stop) or reactivate it."""
    _administrator(actor)
    _not_themselves(actor, account, "deactivate or reactivate")
    membership = _locked(account, version)
    if account.is_active == active:
        raise AdministrationConflict(CHANGED_SINCE)
    get_user_model().objects.filter(pk=account.pk).update(is_active=active)
    Membership.objects.filter(pk=membership.pk).update(version=F("version") + 1)
    access_log_record(user=actor, target=account, reason="Account reactivated" if active else "Account deactivated",
                      action=AccessLogEntry.Action.UPDATE)


@dataclass(frozen=True)
class NewAgency:
    name: str
    kind: str
    urn: str = ""
    ods_code: str = ""
    email: str = ""
    phone: str = ""
    postcode: str = ""


AGENCY_CHANGED_SINCE = ("Someone else changed this agency since you opened this page. Nothing has been saved. "
                        "Reload the page to see it now.")


def _agency_fields(new: NewAgency, *, other_than: Agency | None = None) -> dict:
    """The agency's fields checked as typed; `other_than`: the agency being changed, which may keep its
    own name and URN."""
    others = Agency.objects.exclude(pk=other_than.pk) if other_than else Agency.objects.all()
    name = _text(new.name, field="name", model=Agency, name="name", asking="Enter the agency's name")
    if new.kind not in Agency.Kind.values:
        raise AdministrationInvalid("Choose the kind of agency", field="kind")
    urn = new.urn.strip()
    if urn and not (urn.isdigit() and 6 <= len(urn) <= 8):
        raise AdministrationInvalid("Enter the school's URN as 6 to 8 digits, like 116821", field="urn")
    if urn and new.kind != Agency.Kind.SCHOOL:
        raise AdministrationInvalid("Only a school has a DfE URN: leave it blank or choose School", field="urn")
    if urn and others.filter(urn=urn).exists():
        raise AdministrationInvalid(f"A school with URN {urn} is already an agency", field="urn")
    email = _text(new.email, field="email", model=Agency, name="email", asking=None)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise AdministrationInvalid("Enter an email address in the correct format, like safeguarding@school.example",
                                        field="email") from None
    if others.filter(name__iexact=name, kind=new.kind).exists():
        raise AdministrationInvalid(f"There is already a {Agency.Kind(new.kind).label.lower()} called {name}",
                                    field="name")
    return {"name": name, "kind": new.kind, "urn": urn,
            "ods_code": _text(new.ods_code, field="ods_code", model=Agency, name="ods_code", asking=None),
            "email": email, "phone": _text(new.phone, field="phone", model=Agency, name="phone", asking=None),
            "postcode": _text(new.postcode, field="postcode", model=Agency, name="postcode", asking=None).upper()}


@transaction.atomic
def agency_create(*, actor, new: NewAgency) -> Agency:
    """A partner organisation users can belong to and contacts can come from."""
    _administrator(actor)
    agency = Agency.objects.create(**_agency_fields(new))
    access_log_record(user=actor, target=agency, reason="Agency added", action=AccessLogEntry.Action.CREATE)
    return agency


@transaction.atomic
def agency_change(*, actor, agency: Agency, version: int, changed: NewAgency) -> Agency:
    """Correct an agency's name, kind or contact details; `version` is the one the page showed."""
    _administrator(actor)
    fields = _agency_fields(changed, other_than=agency)
    differs = [name for name, value in fields.items() if getattr(agency, name) != value]
    if not differs:
        raise AdministrationInvalid("Nothing has changed: change a detail of the agency, or go back", field="name")
    try:
        with transaction.atomic():
            updated = Agency.objects.filter(pk=agency.pk, version=version).update(**fields, version=F("version") + 1)
    except IntegrityError:  # another administrator gave a school this URN between the check and this write
        raise AdministrationInvalid(f"A school with URN {fields['urn']} is already an agency", field="urn") from None
    if not updated:
        raise AdministrationConflict(AGENCY_CHANGED_SINCE)
    labels = ", ".join(str(Agency._meta.get_field(name).verbose_name) for name in differs)
    access_log_record(user=actor, target=agency, reason=f"Agency changed: {labels}", action=AccessLogEntry.Action.UPDATE)
    agency.refresh_from_db()
    return agency


@transaction.atomic
def agency_active_set(*, actor, agency: Agency, version: int, active: bool) -> None:
    """Deactivate an agency (no new user or contact can come from it; its users, contacts and records stay)
    or reactivate it."""
    _administrator(actor)
    updated = Agency.objects.filter(pk=agency.pk, version=version, is_active=not active).update(
        is_active=active, version=F("version") + 1)
    if not updated:
        raise AdministrationConflict(AGENCY_CHANGED_SINCE)
    access_log_record(user=actor, target=agency, reason="Agency reactivated" if active else "Agency deactivated",
                      action=AccessLogEntry.Action.UPDATE)
