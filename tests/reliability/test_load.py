"""Four people submit concerns through the API while a day's worth of police notifications, and
more, is imported: every concern sent is stored, none is refused (issue 11, item 8).

PostgreSQL only: it is the production database, where web requests and an import write at once.
`FRONTDOOR_LOAD_ROWS` sets the size of the import (50,000 in CI).
"""
import json
import os
import threading
import urllib.error
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections

from frontdoor.agencies.models import Agency
from frontdoor.api.models import ApiToken
from frontdoor.demo.notifications import NotificationFaker
from frontdoor.intake.models import Contact
from frontdoor.triage.imports import notifications_import_records
from frontdoor.triage.models import PoliceNotification
from tests import factories
from tests.api.test_routes import PAYLOAD

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the load test runs on PostgreSQL"),
]
ROWS = int(os.environ.get("FRONTDOOR_LOAD_ROWS", "50000"))
SUBMITTERS = 4


def _records(rows: int) -> list[tuple[int, dict]]:
    faker = NotificationFaker(5, couples=rows // 3, schools=[], known_children=[])
    records = faker.records(rows, end=datetime(2026, 11, 30, 7, tzinfo=ZoneInfo("Europe/London")), days=365)
    return list(enumerate(records, start=1))


def _post_contact(url: str, token: str, reference: str) -> int:
    request = urllib.request.Request(
        f"{url}/api/v1/contacts", data=json.dumps({**PAYLOAD, "agency_actions": reference}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _submit_until(done: threading.Event, url: str, token: str, sent: list, answers: list) -> None:
    while not done.is_set():
        reference = f"load-{threading.get_ident()}-{len(sent)}"
        sent.append(reference)
        answers.append(_post_contact(url, token, reference))


def test_concerns_sent_during_a_large_import_are_all_stored(live_server):
    records = _records(ROWS)
    gps = [factories.user(agency_=factories.agency(kind=Agency.Kind.GP, name=f"Surgery {n}"),
                          email=f"gp{n}@surgery.example") for n in range(SUBMITTERS)]
    tokens = [ApiToken.issue(user=gp, name="load test") for gp in gps]
    done, sent, answers = threading.Event(), [], []
    submitters = [threading.Thread(target=_submit_until, args=(done, live_server.url, token, sent, answers))
                  for token in tokens]
    for submitter in submitters:
        submitter.start()
    try:
        result = notifications_import_records(records=records, source="load test")
    finally:
        done.set()
        for submitter in submitters:
            submitter.join()
        connections.close_all()

    assert result.batch.stored + result.batch.quarantined + result.batch.duplicates == ROWS
    assert PoliceNotification.objects.count() == result.batch.stored
    assert sent and set(answers) == {201}, f"{len(sent)} sent, answers {sorted(set(answers))}"
    stored = set(Contact.objects.values_list("agency_actions", flat=True))
    assert stored >= set(sent)
