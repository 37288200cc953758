"""What imports of partner records share: keeping a bad row exactly as received (DESIGN: nothing lost).

Police domestic-abuse notifications (triage.imports) and missing-person reports (missing.imports)
both quarantine a row whole, in a JSON field, with its reasons.
"""
from django.db.models import JSONField, Value

from frontdoor.agencies.models import Agency


def storable(value):
    """PostgreSQL's JSON cannot hold a NUL character: a row that carries one is kept with U+FFFD in its place."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    return value


def json_value(value):
    """A JSON null as itself: Django writes a bare None to a JSONField as SQL NULL, which `raw` may not be."""
    return Value(None, JSONField()) if value is None else value


def sending_force(user) -> Agency | None:
    """A police force's user (their API token) sends that force's records only, so that nobody can
    send, or amend, another force's; front door staff importing a file may import any force's."""
    membership = getattr(user, "membership", None)
    agency = membership.agency if membership is not None else None
    return agency if agency is not None and agency.kind == Agency.Kind.POLICE else None
