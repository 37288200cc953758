"""Police notification import: resolve + EVODA suggestion + store, then grading, on 10,000 synthetic notifications.

Run: DATABASE_URL=... .venv/bin/python bench/bench_triage_import.py [--count 10000]
Uses the database named by DATABASE_URL (default: a scratch SQLite file); it must be empty.
The question it answers (issue 3): does a day of national volume, about 4,000 notifications,
import and grade in under 15 s on this machine? And is narrative screening well under 5 ms each?
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from zoneinfo import ZoneInfo

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("FRONTDOOR_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import django

django.setup()

from django.core.management import call_command

from frontdoor.agencies.models import Agency, Membership
from frontdoor.demo.notifications import NotificationFaker
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
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    schools = [Agency.objects.create(kind=Agency.Kind.SCHOOL, name=f"Bench School {n}", urn=f"{100000 + n}",
                                     email=f"dsl{n}@school.example") for n in range(200)]
    isco = factories.user(role=Membership.Role.ISCO)
    faker = NotificationFaker(11, couples=args.count // 3, schools=schools, known_children=[])
    records = faker.records(args.count, end=datetime(2026, 3, 10, 7, tzinfo=ZoneInfo("Europe/London")), days=365)

    started = time.perf_counter()
    result = notifications_import_records(records=enumerate(records, start=1), source="bench")
    import_seconds = time.perf_counter() - started
    per_import = import_seconds / args.count

    notifications = list(PoliceNotification.objects.order_by("received_at")[:DAY])
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
    day_seconds = DAY * (per_import + per_grade)
    engine = django.db.connection.vendor
    print(f"database: {engine}; {args.count} notifications: stored {result.batch.stored}, "
          f"duplicates {result.batch.duplicates}, quarantined {result.batch.quarantined}")
    print(f"import + resolve + suggest: {import_seconds:.1f} s, {args.count / import_seconds:.0f} per second, "
          f"{per_import * 1000:.2f} ms each")
    print(f"grade (with school notifications for standard): {per_grade * 1000:.2f} ms each")
    print(f"narrative screening: p50 {statistics.median(samples):.3f} ms, "
          f"p95 {sorted(samples)[int(len(samples) * 0.95)]:.3f} ms per notification")
    verdict = "yes" if day_seconds < TARGET_SECONDS else "no"
    print(f"a day of national volume ({DAY}) imported and graded: {day_seconds:.1f} s; under {TARGET_SECONDS} s: {verdict}")


if __name__ == "__main__":
    main()
