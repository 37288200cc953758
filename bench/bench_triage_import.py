"""Police notification import: resolve + EVODA suggestion + store, then grading, on 10,000 synthetic notifications.

Run: DATABASE_URL=... .venv/bin/python bench/bench_triage_import.py [--count 10000] [--demo-area]
Uses the database named by DATABASE_URL (default: a scratch SQLite file); it must be empty.
The question it answers (issue 3): does a day of national volume, about 4,000 notifications,
import and grade in under 15 s on this machine, the grade being the EVODA suggestion every stored
notification gets? And is narrative screening well under 5 ms each? It also times the person's
grading decision that follows (the ISCO confirming each suggestion, one transaction each), which
happens one notification at a time through the day.
Without --demo-area the index starts empty and has no match model, so people are resolved by the
deterministic rule a new area uses; with it, the demo area (its people, contacts and trained
model) is loaded first and people are resolved by the model against that index.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
os.environ.setdefault("FRONTDOOR_DEMO", "1")  # synthetic data: the demo key will do
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("FRONTDOOR_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import django

django.setup()

from django.core.management import call_command

from frontdoor.agencies.models import Agency, Membership
from frontdoor.demo.generator import load_demo_data
from frontdoor.demo.notifications import NotificationFaker
from frontdoor.people.identity import active_match_model, app_resolver, index_forget
from frontdoor.people.models import Person
from frontdoor.screening.engine import load_tool, scan_narrative
from frontdoor.triage.imports import notifications_import_records
from frontdoor.triage.models import PoliceNotification
from frontdoor.triage.services import notification_grade
from tests import factories

DAY = 4000
TARGET_SECONDS = 15


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--demo-area", action="store_true",
                        help="load the demo area and its trained match model first")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    schools, known_children = _area(args.demo_area)
    isco = factories.user(role=Membership.Role.ISCO)
    faker = NotificationFaker(11, couples=args.count // 3, schools=schools, known_children=known_children)
    records = faker.records(args.count, end=datetime(2026, 3, 10, 7, tzinfo=ZoneInfo("Europe/London")), days=365)
    model = active_match_model()
    print(f"database: {django.db.connection.vendor}; index before the import: {Person.objects.count()} people, "
          + (f"match model {model.version}" if model else "no match model (the deterministic rule)"))
    index_forget()  # the demo load built one; a running service has one already, a new process builds it once
    started = time.perf_counter()
    if app_resolver() is not None:
        print(f"resolver built from the index in {time.perf_counter() - started:.2f} s (once per process)")

    started = time.perf_counter()
    result = notifications_import_records(records=enumerate(records, start=1), source="bench")
    import_seconds = time.perf_counter() - started
    per_import = import_seconds / args.count

    notifications = list(PoliceNotification.objects.filter(batch=result.batch).order_by("received_at")[:DAY])
    started = time.perf_counter()
    for notification in notifications:
        notification_grade(user=isco, notification=notification, grade=notification.suggested_grade, rationale="",
                           version=notification.version)
    per_grade = (time.perf_counter() - started) / len(notifications)

    tool = load_tool("evoda")
    samples = []
    for record in records:
        start = time.perf_counter()
        scan_narrative(tool, record["narrative"])
        samples.append((time.perf_counter() - start) * 1000)
    print(f"{args.count} notifications: stored {result.batch.stored}, duplicates {result.batch.duplicates}, "
          f"quarantined {result.batch.quarantined}")
    print(f"import + resolve + suggest: {import_seconds:.1f} s, {args.count / import_seconds:.0f} per second, "
          f"{per_import * 1000:.2f} ms each")
    print(f"grade (with school notifications for standard), {len(notifications)} of them: "
          f"{per_grade * 1000:.2f} ms each")
    print(f"narrative screening: p50 {statistics.median(samples):.3f} ms, "
          f"p95 {sorted(samples)[int(len(samples) * 0.95)]:.3f} ms per notification")
    day_import, day_grade = DAY * per_import, DAY * per_grade
    verdict = "yes" if day_import < TARGET_SECONDS else "no"
    print(f"projected for a day of national volume ({DAY}): import, resolve and suggest a grade {day_import:.1f} s; "
          f"under {TARGET_SECONDS} s: {verdict}")
    print(f"the ISCO's {DAY} grading decisions, one at a time through the day: {day_grade:.1f} s of machine time "
          f"in all (import and every decision {day_import + day_grade:.1f} s)")

def _area(demo: bool) -> tuple[list[Agency], list[Person]]:
    """The schools the notifications name and the indexed children some of them are about."""
    if not demo:
        return [Agency.objects.create(kind=Agency.Kind.SCHOOL, name=f"Bench School {n}", urn=f"{100000 + n}",
                                      email=f"dsl{n}@school.example") for n in range(200)], []
    # Before the bench's year of notifications, so that the demo's own do not share their references.
    load_demo_data(seed=2026, today=date(2025, 3, 1))
    schools = list(Agency.objects.filter(kind=Agency.Kind.SCHOOL).exclude(urn="").order_by("urn"))
    children = list(Person.objects.filter(kind=Person.Kind.CHILD).order_by("family_name", "given_name", "pk")[:200])
    return schools, children


if __name__ == "__main__":
    main()
