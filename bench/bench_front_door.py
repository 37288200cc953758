"""Front Door pages and intake under load: 10,000 open contacts in the database.

Measures server time (Django test client, no network) for the queue page and the contact page
(p50/p95), concern submission through the service, and the referral-quality check per contact.
Run: DATABASE_URL=... .venv/bin/python bench/bench_front_door.py [--contacts 10000]
Uses a fresh database named by DATABASE_URL (default: a scratch SQLite file).
"""
import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
os.environ.setdefault("FRONTDOOR_DEMO", "1")  # synthetic data: the demo key will do
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("FRONTDOOR_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from frontdoor.intake.models import Contact, ContactChild  # noqa: E402
from frontdoor.intake.services import contact_submit, referral_quality_flags  # noqa: E402
from tests import factories  # noqa: E402


def percentiles(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50 {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   (n={len(ordered)})"


def populate(n: int, agency) -> list[Contact]:
    rng = random.Random(7)
    now = timezone.now()
    contacts = [
        Contact(
            referrer_agency=agency, referrer_name="Bench Referrer", referrer_email="bench@example.test",
            concern_now="Bench concern text " * 20, consent="given", received_at=now - timedelta(minutes=i),
            decision_due_at=now + timedelta(hours=rng.randint(-10, 30)), is_urgent=rng.random() < 0.03,
            status=rng.choice(["new", "in_progress", "awaiting_authorisation"]),
        )
        for i in range(n)
    ]
    Contact.objects.bulk_create(contacts, batch_size=1000)
    ContactChild.objects.bulk_create(
        [ContactChild(contact=c, given_name=f"Child{i}", family_name="Bench", date_of_birth=date(2015, 1, 1))
         for i, c in enumerate(contacts)], batch_size=1000,
    )
    return contacts


def timed(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=10_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    referrer = factories.user()
    practitioner = factories.user(role="practitioner")
    contacts = populate(args.contacts, referrer.membership.agency)
    client = Client()
    client.force_login(practitioner)

    def queue_page():
        assert client.get("/front-door/queue").status_code == 200

    sample = random.Random(3).sample(contacts, 50)
    pages = iter(sample * 4)

    def contact_page():
        assert client.get(f"/front-door/contacts/{next(pages).pk}").status_code == 200

    draft = factories.contact_draft(agency_=referrer.membership.agency)
    queue_page(), contact_page()  # warm up templates and connections
    print(f"Database: {django.db.connection.vendor}; open contacts: {Contact.objects.count()}")
    print(f"Queue page (first 50 of the queue)  {percentiles(timed(queue_page, 100))}")
    print(f"Contact page                        {percentiles(timed(contact_page, 100))}")
    print(f"Concern submission (service)        {percentiles(timed(lambda: contact_submit(submitted_by=referrer, draft=draft), 100))}")
    print(f"Referral-quality check per contact  {percentiles(timed(lambda: referral_quality_flags(draft=draft, agency_kind='school'), 1000))}")


if __name__ == "__main__":
    main()
