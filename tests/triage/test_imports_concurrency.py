"""Two imports of the same file at the same moment (PostgreSQL: SQLite runs one writer at a time).
Each stores its chunk together; the second meets the first's incidents at the unique constraint,
stores its chunk again row by row, and counts each of them a duplicate, leaving no one behind."""
import threading

import pytest
from django.db import connection, connections

from frontdoor.people.models import Person
from frontdoor.triage.imports import ImportLookups, notifications_import_file
from frontdoor.triage.models import ImportBatch, NotificationChild, PoliceNotification
from tests.triage.records import jsonl, record
from tests.triage.test_imports import _couple

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]


def test_the_same_file_imported_twice_at_once_stores_each_incident_once(monkeypatch, caplog):
    text = jsonl(*(record(f"C{n}", **_couple(n)) for n in range(40)))
    both_looked = threading.Barrier(2)
    read_for = ImportLookups.read_for

    def look_together(self, records):  # both imports find nothing stored before either stores
        read_for(self, records)
        if len(records) > 1:
            both_looked.wait(timeout=30)
    monkeypatch.setattr(ImportLookups, "read_for", look_together)
    failures = []

    def run():
        try:
            notifications_import_file(text=text, file_format="jsonl", source="the same file")
        except Exception as error:  # pragma: no cover - reported by the assertion below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    with caplog.at_level("INFO", logger="frontdoor.triage.imports"):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert failures == []
    assert "stored row by row after IntegrityError" in caplog.text
    assert PoliceNotification.objects.count() == 40 and NotificationChild.objects.count() == 40
    assert Person.objects.count() == 40 * 3
    batches = sorted(ImportBatch.objects.values_list("stored", "duplicates"))
    assert batches == [(0, 40), (40, 0)]
