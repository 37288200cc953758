"""Police notifications in through the API, and EVODA screening without storing anything."""
import json

from ninja import Router, Schema, Status

from frontdoor.agencies.models import Agency
from frontdoor.api.schemas import ErrorOut, FieldErrorOut
from frontdoor.screening.evoda import screen_evoda_record
from frontdoor.triage.imports import notifications_import_records
from frontdoor.triage.notification_format import NestedTooDeeply, parse_json
from frontdoor.triage.selectors import may_triage

router = Router(tags=["police notifications"])
MAX_ITEMS = 5000
JSON_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "description": "One notification, or a list of them, as docs/schemas/police-notification.schema.json",
    "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}],
}}}}}


class ItemOut(Schema):
    index: int
    police_reference: str
    status: str
    notification_id: str | None = None
    errors: list[FieldErrorOut] = []
    changed_fields: list[str] = []


class ImportOut(Schema):
    batch_id: str
    stored: int
    amended: int
    duplicates: int
    quarantined: int
    items: list[ItemOut]


def _may_send(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and (membership.agency.kind == Agency.Kind.POLICE or may_triage(user))


def json_body(request):
    try:
        return parse_json(request.body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"The body is not valid JSON: {error}") from None
    except NestedTooDeeply as error:
        raise ValueError(f"The body is nested too deeply ({error})") from None


@router.post("/notifications", response={200: ImportOut, 400: ErrorOut, 403: ErrorOut}, openapi_extra=JSON_BODY)
def notifications_create(request):
    """Store police notifications: each item answers stored, amended (with the fields changed), duplicate or
    quarantined (with a reason per field)."""
    if not _may_send(request.user):
        return Status(403, {"detail": "This token's user may not send police notifications"})
    try:
        body = json_body(request)
    except ValueError as error:
        return Status(400, {"detail": str(error)})
    items = body if isinstance(body, list) else [body]
    if len(items) > MAX_ITEMS:
        return Status(400, {"detail": f"Send at most {MAX_ITEMS} notifications in one call"})
    result = notifications_import_records(records=enumerate(items, start=1), source="API", user=request.user,
                                          file_format="api")
    batch = result.batch
    return Status(200, {
        "batch_id": str(batch.pk), "stored": batch.stored, "amended": batch.amended, "duplicates": batch.duplicates,
        "quarantined": batch.quarantined,
        "items": [{"index": row.line, "police_reference": row.police_reference, "status": row.status,
                   "notification_id": str(row.notification.pk) if row.notification else None, "errors": row.errors,
                   "changed_fields": row.changed}
                  for row in result.rows],
    })


@router.post("/screening/evoda/evaluate", response={200: dict, 400: ErrorOut, 403: ErrorOut}, openapi_extra=JSON_BODY)
def evoda_evaluate(request):
    """The EVODA suggestion for one notification (prior_incidents may stand for history); nothing is stored."""
    if not _may_send(request.user):
        return Status(403, {"detail": "This token's user may not screen police notifications"})
    try:
        return Status(200, screen_evoda_record(json_body(request)))
    except ValueError as error:  # ScreeningInputError included
        return Status(400, {"detail": str(error)})
