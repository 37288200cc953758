from datetime import date, timedelta

import pytest
from django.http import Http404
from django.test import Client
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.fostering import selectors, services
from frontdoor.fostering.models import Arrangement
from frontdoor.governance.models import AccessLogEntry
from tests import factories
from tests.fostering.test_services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker():
    return factories.user(role=Membership.Role.PRIVATE_FOSTERING_WORKER)


def test_other_roles_get_not_found(worker):
    arrangement = notify(worker)
    for role in ("practitioner", "manager", "referrer", "lado"):
        user = factories.user(role=role)
        with pytest.raises(Http404):
            selectors.arrangement_get_for(user=user, arrangement_id=arrangement.pk, reason="x")
        client = Client()
        client.force_login(user)
        assert client.get(f"/private-fostering/arrangements/{arrangement.pk}").status_code == 404
        assert client.get("/private-fostering").status_code == 404


def test_the_list_puts_the_overdue_first_and_logs_each(worker):
    notify(worker)
    late = notify(worker, child_given_name="Ali", notified_on=timezone.localdate() - timedelta(days=30),
                  began_on=timezone.localdate() - timedelta(days=31))
    rows = selectors.fostering_worklist(user=worker)
    assert rows[0].arrangement == late and rows[0].status == "overdue" and rows[1].status == "due"
    assert AccessLogEntry.objects.filter(reason="Private fostering list").count() == 2
    client = Client()
    client.force_login(worker)
    assert "Visit overdue" in client.get("/private-fostering").content.decode()


def test_figures_count_the_year_and_the_year_end_by_age_and_source(worker):
    a = notify(worker, notified_on=date(2025, 5, 1), began_on=date(2025, 4, 28))
    notify(worker, child_date_of_birth=date(2022, 1, 1), source="parent", notified_on=date(2026, 1, 10),
           began_on=date(2026, 1, 5))
    notify(worker, notified_on=date(2025, 2, 1), began_on=date(2025, 1, 20))  # the year before
    Arrangement.objects.filter(pk=a.pk).update(ended_on=date(2026, 2, 1))
    figures = selectors.fostering_figures(user=worker, today=date(2026, 4, 20) - timedelta(days=30))
    assert figures["notified"]["total"] == 2
    assert figures["notified"]["by_source"] == [("Parent", 1), ("School", 1)]
    assert figures["current"]["total"] == 2  # the one from the year before, and January's; May's ended
    assert dict(figures["current"]["by_age"]) == {"Under 5": 1, "5 to 9": 1}
    with pytest.raises(Http404):
        selectors.fostering_figures(user=factories.user(role="manager"))


def test_reading_an_arrangement_logs_the_linked_child(worker):
    ruby = factories.person()
    arrangement = notify(worker)
    services.visit_record(user=worker, arrangement=arrangement, version=1, visited_on=timezone.localdate(),
                          seen_alone=True)
    selectors.arrangement_get_for(user=worker, arrangement_id=arrangement.pk, reason="Viewed")
    assert AccessLogEntry.objects.filter(target_id=str(ruby.pk), reason="Viewed").exists()


def _csv_rows(text: str) -> list[dict]:
    import csv
    import io
    return list(csv.DictReader(io.StringIO(text)))


def test_the_arrangements_csv_has_every_arrangement_with_its_visits_timeliness_and_logs_each(worker):
    ruby = factories.person()
    today = timezone.localdate()
    current = notify(worker, notified_on=today - timedelta(days=20), began_on=today - timedelta(days=21))
    services.visit_record(user=worker, arrangement=current, version=1, visited_on=today - timedelta(days=1),
                          seen_alone=False, notes="Ruby asked for her carer to stay.")
    ended = notify(worker, child_given_name="=Ali", notified_on=today - timedelta(days=5),
                   began_on=today - timedelta(days=6))
    Arrangement.objects.filter(pk=ended.pk).update(ended_on=today)
    rows = _csv_rows(selectors.fostering_arrangements_csv(user=worker, today=today))
    assert [(r["child_given_name"], r["status"], r["ended_on"]) for r in rows] == [
        ("Ruby", "due", ""), ("'=Ali", "ended", today.isoformat())]  # a formula is written as text
    ruby_row = rows[0]
    assert ruby_row["first_visit_on"] == (today - timedelta(days=1)).isoformat()
    assert ruby_row["first_visit_in_time"] == "no" and ruby_row["last_visit_seen_alone"] == "no"
    assert ruby_row["next_visit_due"] == (today + timedelta(days=41)).isoformat()
    assert ruby_row["visits"] == "1" and ruby_row["carer_relationship"] == "Family friend"
    exported = AccessLogEntry.objects.filter(user=worker, action=AccessLogEntry.Action.EXPORT)
    assert set(exported.values_list("target_id", flat=True)) >= {str(current.pk), str(ended.pk), str(ruby.pk)}


def test_the_figures_csv_is_the_pages_figures_as_rows(worker):
    notify(worker, notified_on=date(2025, 5, 1), began_on=date(2025, 4, 28))
    notify(worker, child_date_of_birth=date(2022, 1, 1), source="parent", notified_on=date(2026, 1, 10),
           began_on=date(2026, 1, 5))
    rows = _csv_rows(selectors.fostering_figures_csv(user=worker, today=date(2026, 3, 20)))
    counts = {(r["measure"], r["category"]): int(r["arrangements"]) for r in rows}
    assert {r["year"] for r in rows} == {"2025-26"}
    assert counts[("notified", "total")] == 2 and counts[("current", "total")] == 2
    assert counts[("notified_by_source", "Parent")] == 1 and counts[("current_by_age", "Under 5")] == 1
    with pytest.raises(Http404):
        selectors.fostering_figures_csv(user=factories.user(role="manager"))
