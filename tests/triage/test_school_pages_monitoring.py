"""The ISCO's monitoring of schools' acknowledgements gives what is needed to chase a school."""
import pytest

from frontdoor.agencies.models import Agency
from frontdoor.governance.models import AccessLogEntry
from frontdoor.triage import school_pages
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db


@pytest.fixture
def oakfield():
    return ft.school("Oakfield Primary")


def test_monitoring_gives_each_school_its_contact_details_and_its_notifications_to_chase(oakfield):
    isco = factories.user(role="isco")
    Agency.objects.filter(pk=oakfield.pk).update(phone="01632 960123")
    lead = factories.user(agency_=oakfield, first="Chris", last="Taylor", email="c.taylor@oakfield.example")
    first = ft.school_notification(school_=oakfield, reference="WMP-CHASE-1")
    second = ft.school_notification(school_=oakfield, reference="WMP-CHASE-2")
    ft.school_notification(school_=ft.school("Elm High"), reference="WMP-ELM")

    [row] = [row for row in school_pages.schools_monitoring(user=isco).schools_awaiting
             if row["school__name"] == "Oakfield Primary"]

    assert (row["phone"], row["email"]) == ("01632 960123", "safeguarding@school.example")
    assert [membership.user for membership in row["leads"]] == [lead]
    assert {n.police_reference for n in row["notifications"]} == {"WMP-CHASE-1", "WMP-CHASE-2"}
    for listed in (first, second):
        assert AccessLogEntry.objects.filter(user=isco, target_id=str(listed.pk),
                                             reason="ISCO monitored schools' acknowledgements").exists()
