"""Two merges of one record at the same moment (PostgreSQL: SQLite runs one writer at a time):
the person rows are locked, so the second waits, sees the first merge and is refused."""
import threading
import time

import pytest
from django.db import connection, connections

from frontdoor.people import services
from frontdoor.people.errors import MergeNotAllowed
from frontdoor.people.models import Person, PersonMerge
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_two_merges_of_one_record_cannot_interleave(monkeypatch):
    copy = Person.objects.create(kind=Person.Kind.CHILD, family_name="Hartley")
    first, second = factories.person(), factories.person(given_name="Rubie")
    practitioner = factories.user(role="practitioner")
    copy_fields = services._copy_missing_fields

    def slow_copy(**kwargs):  # hold the locks long enough for the other merge to arrive
        time.sleep(0.5)
        return copy_fields(**kwargs)

    monkeypatch.setattr(services, "_copy_missing_fields", slow_copy)
    outcomes = []

    def merge_into(survivor):
        try:
            services.person_merge(user=practitioner, survivor=survivor, merged=copy, reason="Same child")
            outcomes.append("merged")
        except MergeNotAllowed as error:
            outcomes.append(str(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=merge_into, args=(survivor,)) for survivor in (first, second)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == [
        "These records cannot be merged: one of them has already been merged. Reload the page.", "merged"]
    merge = PersonMerge.objects.get()
    assert Person.objects.get(pk=copy.pk).merged_into_id == merge.survivor_id
