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
