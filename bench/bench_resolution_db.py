"""Identity resolution through the database on the demo area (issue 4).

Loads the demo data into a fresh database, trains the model as `frontdoor train-matcher` does,
then times, per record: the practitioner's ranking (`app_resolver` + `rank`, what "Find the
child" runs) and `person_resolve_or_create` (one description resolved and saved at once, the
plan the police import makes for a whole chunk; each call's writes are rolled back). Prints p50/p95 in milliseconds.
Run: [DATABASE_URL=...] .venv/bin/python bench/bench_resolution_db.py [--queries 500]
Uses a fresh database named by DATABASE_URL (default: a scratch SQLite file).
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
os.environ.setdefault("FRONTDOOR_DEMO", "1")  # synthetic data: the demo key will do
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from frontdoor.demo.generator import load_demo_data  # noqa: E402
from frontdoor.intake.models import ContactChild  # noqa: E402
from frontdoor.people import identity  # noqa: E402
from frontdoor.people.records import contact_child_record  # noqa: E402
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create  # noqa: E402


class _RolledBack(Exception):
    pass


def _timed(calls) -> list[float]:
    latencies = []
    for call in calls:
        started = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - started) * 1000)
    return sorted(latencies)


def _report(label: str, latencies: list[float]) -> None:
    print(f"{label}: p50 {statistics.median(latencies):.2f} ms, p95 {latencies[int(0.95 * len(latencies))]:.2f} ms "
          f"({len(latencies)} records)")


def _resolve_and_roll_back(child: ContactChild) -> None:
    description = PersonDescription(
        family_name=child.family_name, given_name=child.given_name, date_of_birth=child.date_of_birth,
        sex=child.sex, address=child.address, postcode=child.postcode, nhs_number=child.nhs_number)
    try:
        with transaction.atomic():
            person_resolve_or_create(description)
            raise _RolledBack
    except _RolledBack:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"demo data: {load_demo_data(seed=2026)}")
    started = time.perf_counter()
    version = identity.match_model_train()
    print(f"train-matcher: {version.record_count:,} records in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    resolver = identity.app_resolver()
    print(f"resolver built from the database: {len(resolver):,} people in {time.perf_counter() - started:.2f} s")
    children = list(ContactChild.objects.order_by("id")[: args.queries])
    records = [contact_child_record(child) for child in children]
    _report("rank a contact's child (Find the child page)",
            _timed(lambda r=r: identity.rank(r, resolver=identity.app_resolver()) for r in records))
    _report("person_resolve_or_create (a plan of one)", _timed(lambda c=c: _resolve_and_roll_back(c) for c in children))


if __name__ == "__main__":
    main()
