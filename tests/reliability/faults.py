"""A database that fails on cue: the real error a dropped connection or a full disk raises."""
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError, connection


def _writes(params, value: str) -> bool:
    """PostgreSQL's bulk insert passes each column as an array; SQLite's, each value."""
    return any(value == p or (isinstance(p, (list, tuple)) and value in p) for p in (params or ()))


@contextmanager
def database_fails_on(sql_fragment: str, *, occurrence: int = 1, then_keeps_failing: bool = False,
                      with_value: str | None = None) -> Iterator[None]:
    """Raise OperationalError on the `occurrence`-th statement containing `sql_fragment` (and, when
    given, writing `with_value`), and on every later one when `then_keeps_failing`, as the database
    would in the middle of a write."""
    seen = 0

    def wrapper(execute, sql, params, many, context):
        nonlocal seen
        if sql_fragment in sql and (with_value is None or _writes(params, with_value)):
            seen += 1
            if seen == occurrence or (then_keeps_failing and seen > occurrence):
                raise OperationalError("server closed the connection unexpectedly (injected)")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield
