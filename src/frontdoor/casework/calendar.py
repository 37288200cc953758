"""Working-day clocks for England: the front door's statutory timescales in working days.

Pure: imports nothing of Django or the project (an import-linter contract enforces it), so the
timescales can be tested in milliseconds. Every datetime taken or returned is timezone-aware and
returned in Europe/London; a naive datetime is refused rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
ONE_DAY = timedelta(days=1)
SATURDAY = 5


class Calendar:
    """Working days for one UK nation: Monday to Friday, less its bank holidays."""

    def __init__(self, *, subdiv: str = "ENG") -> None:
        self.subdiv = subdiv

    def bank_holidays(self, year: int) -> frozenset[date]:
        return _bank_holidays(self.subdiv, year)

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < SATURDAY and d not in self.bank_holidays(d.year)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after d."""
        d += ONE_DAY
        while not self.is_working_day(d):
            d += ONE_DAY
        return d

    def previous_working_day(self, d: date) -> date:
        """The last working day strictly before d."""
        d -= ONE_DAY
        while not self.is_working_day(d):
            d -= ONE_DAY
        return d

    def add_working_days(self, start: date, n: int) -> date:
        """The date n working days after start (before it when n is negative); start for n == 0."""
        step = self.next_working_day if n >= 0 else self.previous_working_day
        d = start
        for _ in range(abs(n)):
            d = step(d)
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: add_working_days(a, n) == b gives n when b is a working day."""
        if b < a:
            return -self.working_days_between(b, a)
        return sum(1 for offset in range(1, (b - a).days + 1) if self.is_working_day(a + offset * ONE_DAY))

    def working_deadline(
        self, start: datetime, working_days: int, *, day_start: time = time(9), day_end: time = time(17)
    ) -> datetime:
        """When a clock of this many working days that starts at `start` runs out.

        A contact received on a working day at 10:00 is due at 10:00 the next working day; one
        received out of hours or on a non-working day starts its clock at day_start of the next
        working day (see docs/adr/0003-working-day-calendar.md).
        """
        clock_start = self.clock_start(start, day_start=day_start, day_end=day_end)
        due_date = self.add_working_days(clock_start.date(), working_days)
        return datetime.combine(due_date, clock_start.timetz())

    def clock_start(
        self, received: datetime, *, day_start: time = time(9), day_end: time = time(17)
    ) -> datetime:
        """When the working clock starts for something received at `received`."""
        local = to_london(received)
        if self.is_working_day(local.date()) and day_start <= local.time() < day_end:
            return local
        opening_date = local.date()
        if not (self.is_working_day(opening_date) and local.time() < day_start):
            opening_date = self.next_working_day(opening_date)
        return datetime.combine(opening_date, day_start, tzinfo=LONDON)

    def working_time_remaining(
        self, deadline: datetime, now: datetime, *, day_start: time = time(9), day_end: time = time(17)
    ) -> timedelta:
        """Working hours left until the deadline; negative, by the working hours overdue, once past it."""
        deadline, now = to_london(deadline), to_london(now)
        if now > deadline:
            return -self._working_time_in(now=deadline, until=now, day_start=day_start, day_end=day_end)
        return self._working_time_in(now=now, until=deadline, day_start=day_start, day_end=day_end)

    def _working_time_in(
        self, *, now: datetime, until: datetime, day_start: time, day_end: time
    ) -> timedelta:
        total = timedelta()
        d = now.date()
        while d <= until.date():
            if self.is_working_day(d):
                opens = max(now, datetime.combine(d, day_start, tzinfo=LONDON))
                closes = min(until, datetime.combine(d, day_end, tzinfo=LONDON))
                total += max(closes - opens, timedelta())
            d += ONE_DAY
        return total

    def next_school_day_start(
        self, at: datetime, terms: SchoolTerms | None, *, school_day_start: time = time(8, 30)
    ) -> datetime:
        """The start of the next school day after `at`: Operation Encompass's deadline.

        The scheme standard is to tell the school's key adult "before the start of the next
        school day", including after weekends and holidays (DOMAIN.md section 6).
        """
        local = to_london(at)
        d = local.date()
        if not (self._is_school_day(d, terms) and local.time() < school_day_start):
            d = self._next_school_day(d, terms)
        return datetime.combine(d, school_day_start, tzinfo=LONDON)

    def _is_school_day(self, d: date, terms: SchoolTerms | None) -> bool:
        return self.is_working_day(d) and (terms is None or terms.in_term(d))

    def _next_school_day(self, d: date, terms: SchoolTerms | None) -> date:
        d += ONE_DAY
        while not self._is_school_day(d, terms):
            if terms is not None and d > terms.last_day:
                raise ValueError(f"No school term is configured after {terms.last_day:%d %B %Y}.")
            d += ONE_DAY
        return d


@dataclass(frozen=True)
class SchoolTerms:
    """School term dates as (first day, last day) pairs; half terms are the gaps between them.

    Term dates differ by local authority and by school, so they are configuration, not code.
    """

    terms: tuple[tuple[date, date], ...]

    def __post_init__(self) -> None:
        if not self.terms:
            raise ValueError("Configure at least one school term.")
        for first, last in self.terms:
            if last < first:
                raise ValueError(f"A term cannot end ({last}) before it starts ({first}).")
        object.__setattr__(self, "terms", tuple(sorted(self.terms)))

    @classmethod
    def from_config(cls, entries: Iterable[Mapping[str, str]]) -> SchoolTerms:
        """From [{"start": "2026-09-02", "end": "2026-10-23"}, ...], as settings or YAML hold them."""
        return cls(tuple((date.fromisoformat(e["start"]), date.fromisoformat(e["end"])) for e in entries))

    @property
    def last_day(self) -> date:
        return max(last for _, last in self.terms)

    def in_term(self, d: date) -> bool:
        return any(first <= d <= last for first, last in self.terms)


def to_london(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            "Give a timezone-aware datetime; a naive one could be an hour out around clock changes."
        )
    return moment.astimezone(LONDON)


@lru_cache(maxsize=64)
def _bank_holidays(subdiv: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv=subdiv, years=year))


ENGLAND = Calendar(subdiv="ENG")


def is_working_day(d: date) -> bool:
    return ENGLAND.is_working_day(d)


def add_working_days(start: date, n: int) -> date:
    return ENGLAND.add_working_days(start, n)


def working_days_between(a: date, b: date) -> int:
    return ENGLAND.working_days_between(a, b)


def working_deadline(
    start: datetime, working_days: int, *, day_start: time = time(9), day_end: time = time(17)
) -> datetime:
    return ENGLAND.working_deadline(start, working_days, day_start=day_start, day_end=day_end)


def working_time_remaining(
    deadline: datetime, now: datetime, *, day_start: time = time(9), day_end: time = time(17)
) -> timedelta:
    return ENGLAND.working_time_remaining(deadline, now, day_start=day_start, day_end=day_end)


def next_school_day_start(
    at: datetime, terms: SchoolTerms | None, *, school_day_start: time = time(8, 30)
) -> datetime:
    return ENGLAND.next_school_day_start(at, terms, school_day_start=school_day_start)
