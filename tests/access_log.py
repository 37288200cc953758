"""Reading the access log in the tests of need to know."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdoor.governance.models import AccessLogEntry


def logged(*, user, reason: str) -> set[str]:
    """The ids of the records this user was logged as viewing for this reason."""
    return set(AccessLogEntry.objects.filter(user=user, reason=reason).values_list("target_id", flat=True))


def ids(records) -> set[str]:
    return {str(record.pk) for record in records}


def log_statements(queries: CaptureQueriesContext) -> int:
    """How many statements wrote to the access log while the queries were captured."""
    return sum('INSERT INTO "governance_accesslogentry"' in query["sql"] for query in queries.captured_queries)


def capture() -> CaptureQueriesContext:
    return CaptureQueriesContext(connection)
