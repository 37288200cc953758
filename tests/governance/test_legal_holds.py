"""Legal holds from the pages: a manager places, sees and lifts them; the retention page shows the
holds in force and what each run kept because of one."""
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.governance.errors import LegalHoldConflict, LegalHoldInvalid
from frontdoor.governance.models import AccessLogEntry, LegalHold, RetentionRun
from frontdoor.governance.services import legal_hold_lift, legal_hold_place
from frontdoor.people.services import person_restrict
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def manager():
    return factories.user(role="manager", first="Alex", last="Morgan")


def test_a_manager_places_a_hold_from_the_page_and_it_is_audited(manager):
    ruby = factories.person()
    client = _client(manager)
    assert "Place the hold" in client.get(f"/governance/people/{ruby.pk}/legal-holds").content.decode()

    response = client.post(f"/governance/people/{ruby.pk}/legal-holds", {"reason": "Care proceedings, case FD25C00123"})

    assert response.status_code == 302
    hold = LegalHold.objects.get(person=ruby)
    assert (hold.reason, hold.placed_by, hold.lifted_at) == ("Care proceedings, case FD25C00123", manager, None)
    assert AccessLogEntry.objects.filter(user=manager, target_id=str(ruby.pk), reason="Legal hold placed",
                                         action=AccessLogEntry.Action.UPDATE).exists()
    page = client.get(f"/governance/people/{ruby.pk}/legal-holds").content.decode()
    assert "Hold in force" in page and "Care proceedings, case FD25C00123" in page


@pytest.mark.parametrize(("reason", "message"), [
    ("", "Enter why the records must be kept"),
    ("x" * 301, "The reason must be 300 characters or fewer"),
])
def test_a_hold_without_a_good_reason_is_refused(manager, reason, message):
    ruby = factories.person()
    response = _client(manager).post(f"/governance/people/{ruby.pk}/legal-holds", {"reason": reason})
    assert response.status_code == 400 and message in response.content.decode()
    assert not LegalHold.objects.exists()


def test_lifting_keeps_the_hold_with_who_and_why_and_a_stale_lift_is_refused(manager):
    ruby = factories.person()
    hold = legal_hold_place(user=manager, person=ruby, reason="Child safeguarding practice review")
    client = _client(manager)

    empty = client.post(f"/governance/people/{ruby.pk}/legal-holds/{hold.pk}/lift", {f"{hold.pk}-lift_reason": "",
                                                                          f"{hold.pk}-version": 1})
    assert empty.status_code == 400 and "Enter why the hold is being lifted" in empty.content.decode()

    lifted = client.post(f"/governance/people/{ruby.pk}/legal-holds/{hold.pk}/lift",
                         {f"{hold.pk}-lift_reason": "The review has been published", f"{hold.pk}-version": 1})

    assert lifted.status_code == 302
    hold.refresh_from_db()
    assert (hold.lifted_by, hold.lift_reason) == (manager, "The review has been published")
    assert AccessLogEntry.objects.filter(user=manager, target_id=str(ruby.pk), reason="Legal hold lifted").exists()
    with pytest.raises(LegalHoldConflict):
        legal_hold_lift(user=manager, hold=hold, version=1, reason="Again")
    assert "Lifted hold" in client.get(f"/governance/people/{ruby.pk}/legal-holds").content.decode()


@pytest.mark.parametrize("role", ["practitioner", "administrator", "referrer"])
def test_only_a_manager_finds_the_pages(role):
    ruby = factories.person()
    client = _client(factories.user(role=role))
    assert client.get(f"/governance/people/{ruby.pk}/legal-holds").status_code == 404
    assert client.get("/governance/retention").status_code == 404


def test_the_service_refuses_anyone_but_a_manager():
    with pytest.raises(LegalHoldInvalid, match="Only a Front Door manager"):
        legal_hold_place(user=factories.user(role="practitioner"), person=factories.person(), reason="Inquiry")


def test_the_retention_page_shows_the_holds_and_what_a_dry_run_kept_because_of_them(manager):
    ruby = factories.person()
    old = triage.police_notification(received_at=timezone.now() - timedelta(days=8 * 366))
    triage.child(old, person=ruby)
    hold = legal_hold_place(user=manager, person=ruby, reason="Domestic homicide review")
    client = _client(manager)

    assert client.post("/governance/retention").status_code == 302

    run = RetentionRun.objects.get()
    assert run.deleting is False and run.holds == [str(hold.pk)]
    page = client.get("/governance/retention").content.decode()
    assert "Ruby Hartley" in page and "Domestic homicide review" in page
    assert "Dry run of" in page and "1 legal hold in force" in page
    row = re.search(r'<th scope="row" class="govuk-table__header">Police notifications</th>(.*?)</tr>', page).group(1)
    assert re.findall(r">(\d+)</td>", row) == ["1", "0", "1", "0"]  # past its time, deleted, held, still needed
    assert AccessLogEntry.objects.filter(user=manager, target_id=str(ruby.pk),
                                         reason="Shown in the legal holds in force").exists()


def test_a_hold_on_a_restricted_record_is_left_off_for_a_manager_not_named(manager):
    ruby = factories.person()
    legal_hold_place(user=manager, person=ruby, reason="Care proceedings")
    person_restrict(manager=manager, person=ruby, reason="Adopted child", permitted_ids=[], version=None)
    other = factories.user(role="manager")
    assert "Ruby Hartley" not in _client(other).get("/governance/retention").content.decode()
    assert _client(other).get(f"/governance/people/{ruby.pk}/legal-holds").status_code == 404
