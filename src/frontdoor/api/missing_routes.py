"""Police missing-person reports in through the API (docs/missing-reports.md)."""
from ninja import Router, Schema, Status

from frontdoor.agencies.models import Agency
from frontdoor.api.triage_routes import MAX_ITEMS, ErrorOut, FieldErrorOut, json_body
from frontdoor.missing.imports import missing_reports_import_records
from frontdoor.missing.selectors import may_see_missing

router = Router(tags=["missing-person reports"])
JSON_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "description": "One report, or a list of them, as docs/schemas/missing-report.schema.json",
    "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}],
}}}}}


class ReportItemOut(Schema):
    index: int
    police_reference: str
    status: str
    episode_id: str | None = None
    child_id: str | None = None
    errors: list[FieldErrorOut] = []


class ReportImportOut(Schema):
    batch_id: str
    stored: int
    updated: int
    duplicates: int
    quarantined: int
    items: list[ReportItemOut]


def _may_send(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and (membership.agency.kind == Agency.Kind.POLICE or may_see_missing(user))


def _item(row) -> dict:
    episode = row.episode
    return {"index": row.line, "police_reference": row.police_reference, "status": row.status,
            "episode_id": str(episode.pk) if episode else None, "child_id": str(episode.child_id) if episode else None,
            "errors": row.errors}


@router.post("/missing-reports", response={200: ReportImportOut, 400: ErrorOut, 403: ErrorOut},
             openapi_extra=JSON_BODY)
def missing_reports_create(request):
    """Store missing-person reports: each item answers stored, updated, duplicate or quarantined (with a
    reason per field)."""
    if not _may_send(request.user):
        return Status(403, {"detail": "This token's user may not send missing-person reports"})
    try:
        body = json_body(request)
    except ValueError as error:
        return Status(400, {"detail": str(error)})
    items = body if isinstance(body, list) else [body]
    if len(items) > MAX_ITEMS:
        return Status(400, {"detail": f"Send at most {MAX_ITEMS} reports in one call"})
    result = missing_reports_import_records(records=enumerate(items, start=1), source="API", user=request.user,
                                            file_format="api")
    batch = result.batch
    return Status(200, {"batch_id": str(batch.pk), "stored": batch.stored, "updated": batch.updated,
                        "duplicates": batch.duplicates, "quarantined": batch.quarantined,
                        "items": [_item(row) for row in result.rows]})
