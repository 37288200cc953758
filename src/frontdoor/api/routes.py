"""The JSON API for partner systems: token authentication, OpenAPI at /api/v1/openapi.json."""
from uuid import UUID

from django.db.models import F
from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI, Status
from ninja.errors import ValidationError
from ninja.security import HttpBearer

from frontdoor.agencies.models import Membership
from frontdoor.api.models import ApiToken
from frontdoor.api.schemas import ContactIn, ContactOut, ErrorOut, QualityFlagOut
from frontdoor.api.missing_routes import router as missing_router
from frontdoor.api.triage_routes import router as triage_router
from frontdoor.governance.services import access_log_record_many
from frontdoor.intake import selectors, services
from frontdoor.intake.errors import ContactInvalid, IntakeError


class TokenAuth(HttpBearer):
    """A token works while it is neither revoked nor expired and its user is active and still in the agency it
    was issued for; any other token is answered 401, as one never issued."""

    def authenticate(self, request, token):
        row = (
            ApiToken.objects.select_related("user__membership__agency")
            .filter(token_hash=ApiToken.hash(token), revoked_at__isnull=True, expires_at__gt=timezone.now(),
                    user__is_active=True, agency=F("user__membership__agency"))
            .first()
        )
        if row is None:
            return None
        request.user = row.user
        return row


api = NinjaAPI(
    title="Front Door API",
    version="1",
    description="Contacts to a children's safeguarding front door, and the referral-quality check.",
    auth=TokenAuth(),
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api",
)


def _field_path(loc: tuple) -> str:
    """Pydantic's location of a wrong value (("body", "payload", "children", 0, "date_of_birth")) as the
    service names fields ("children[0].date_of_birth")."""
    parts = loc[2:] if loc[:1] == ("body",) else loc[1:]
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts).lstrip(".")


def _invalid(problems: dict[str, str]) -> dict:
    """One shape for every 422, from the schema or from the service: a summary and each field's message."""
    return {"detail": "; ".join(problems.values()),
            "errors": [{"field": field, "message": message} for field, message in problems.items()]}


@api.exception_handler(ValidationError)
def _schema_invalid(request, error: ValidationError):
    problems = {_field_path(tuple(e["loc"])): e["msg"] for e in error.errors}
    return api.create_response(request, _invalid(problems), status=422)


SUBMITTING_ROLES = (Membership.Role.REFERRER, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


def _draft(payload: ContactIn, membership: Membership) -> services.ContactDraft:
    data = payload.dict()
    return services.ContactDraft(
        referrer_agency_id=str(membership.agency_id),
        children=tuple(services.ChildDraft(**c) for c in data.pop("children")),
        family_members=tuple(services.FamilyMemberDraft(**m) for m in data.pop("family_members")),
        **data,
    )


def _contact_out(contact) -> dict:
    decision = getattr(contact, "decision", None)
    authorised = decision is not None and decision.status == decision.Status.AUTHORISED
    return {
        "id": contact.pk, "reference": contact.reference, "status": contact.status, "is_urgent": contact.is_urgent,
        "received_at": contact.received_at, "decision_due_at": contact.decision_due_at,
        "referrer_name": contact.referrer_name, "referrer_agency": contact.referrer_agency.name,
        "children": list(contact.children.all()), "quality_flags": contact.quality_flags,
        "decision": decision if authorised else None,
    }


def _membership(request) -> Membership | None:
    return getattr(request.user, "membership", None)


@api.post("/contacts", response={201: ContactOut, 400: ErrorOut, 403: ErrorOut, 422: ErrorOut}, tags=["contacts"])
def create_contact(request, payload: ContactIn):
    """Submit a concern on behalf of the token's user and agency; answers with the stored contact, or 422
    naming each field that is wrong (the checks the online form makes), with nothing stored."""
    membership = _membership(request)
    if membership is None or membership.role not in SUBMITTING_ROLES:
        return Status(403, {"detail": "This token's user may not submit contacts"})
    try:
        contact = services.contact_submit(submitted_by=request.user, draft=_draft(payload, membership))
    except ContactInvalid as error:
        return Status(422, _invalid(error.problems))
    except IntakeError as error:
        return Status(400, {"detail": str(error)})
    return Status(201, _contact_out(contact))


@api.get("/contacts/{contact_id}", response={200: ContactOut, 404: ErrorOut}, tags=["contacts"])
def read_contact(request, contact_id: UUID):
    """A contact the token may read (one its referrer agency submitted, or any for Front Door staff); 404 otherwise."""
    try:
        contact = selectors.contact_get_for(user=request.user, contact_id=contact_id, reason="Read through the API",
                                            through_api=True)
    except Http404:
        return Status(404, {"detail": "Not found"})
    return Status(200, _contact_out(contact))


@api.get("/contacts", response=list[ContactOut], tags=["contacts"])
def list_contacts(request, limit: int = 50):
    """The most recent contacts the token may read: a referrer's, those its agency submitted."""
    contacts = list(
        selectors.contacts_visible_to(user=request.user, through_api=True)
        .select_related("referrer_agency", "decision").prefetch_related("children")
        .order_by("-received_at")[: max(1, min(limit, 200))]
    )
    access_log_record_many(user=request.user, targets=contacts, reason="Listed through the API")
    return [_contact_out(c) for c in contacts]


@api.post("/referral-quality", response=list[QualityFlagOut], tags=["referral quality"])
def referral_quality(request, payload: ContactIn):
    """The referral-quality coach (seed 004) on a draft contact, without storing anything."""
    membership = _membership(request)
    if membership is None:
        return []
    draft = _draft(payload, membership)
    return services.referral_quality_flags(draft=draft, agency_kind=membership.agency.kind, now=timezone.now())


api.add_router("", triage_router)
api.add_router("", missing_router)
