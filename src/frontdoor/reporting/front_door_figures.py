"""The counting behind the Front Door's own figures (issue 15 item 10): months in a period, the
one-working-day clock, re-contacts and bar widths. Pure: imports nothing of Django or the project
beyond the working-day calendar (an import-linter contract enforces it)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from frontdoor.casework.calendar import working_deadline

RECONTACT_WINDOW = timedelta(days=365)


def month_starts(first: date, last: date) -> list[date]:
    """The first day of each calendar month touching [first, last], oldest first."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def default_period(today: date) -> tuple[date, date]:
    """The last 12 months by month: from the first of the month eleven months ago to today."""
    year, month = today.year, today.month - 11
    if month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1), today


@dataclass(frozen=True)
class Timeliness:
    on_time: int
    late: int
    not_yet_due: int

    @property
    def share_on_time(self) -> float | None:
        counted = self.on_time + self.late
        return self.on_time / counted if counted else None


def timeliness(contacts: Iterable[tuple[datetime, datetime | None]], *, now: datetime) -> Timeliness:
    """Contacts as (received_at, authorised_at or None). On time: authorised by the end of the next
    working day's clock (the queue's one working day). Late: authorised after it, or still without an
    authorised decision once it has passed. Not yet due: undecided with the clock still running."""
    on_time = late = not_yet_due = 0
    for received_at, authorised_at in contacts:
        deadline = working_deadline(received_at, 1)
        if authorised_at is not None:
            on_time, late = (on_time + 1, late) if authorised_at <= deadline else (on_time, late + 1)
        elif now > deadline:
            late += 1
        else:
            not_yet_due += 1
    return Timeliness(on_time=on_time, late=late, not_yet_due=not_yet_due)


def recontacts(mentions: Iterable[tuple[object, object, datetime]], *, since: datetime) -> set[object]:
    """Mentions as (contact id, person id, received_at), reaching back a year before `since`. The
    contacts received from `since` that name a child who had another contact in the 12 months before."""
    by_person: dict[object, list[tuple[datetime, object]]] = {}
    for contact_id, person_id, received_at in mentions:
        by_person.setdefault(person_id, []).append((received_at, contact_id))
    found: set[object] = set()
    for seen in by_person.values():
        seen.sort(key=lambda item: item[0])
        for i, (received_at, contact_id) in enumerate(seen):
            if received_at < since:
                continue
            if any(other != contact_id and received_at - RECONTACT_WINDOW <= earlier <= received_at
                   for earlier, other in seen[:i]):
                found.add(contact_id)
    return found


def bars(counts: Iterable[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """(label, count, width as a whole percentage of the largest count) for a horizontal bar chart."""
    counts = list(counts)
    largest = max((n for _, n in counts), default=0)
    return [(label, n, round(100 * n / largest) if largest else 0) for label, n in counts]
