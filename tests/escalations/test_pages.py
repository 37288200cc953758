from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.escalations import services
from frontdoor.escalations.models import Escalation
from frontdoor.governance.models import AccessLogEntry
from tests import factories
from tests.escalations.decided import decided_contact

pytestmark = pytest.mark.django_db


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_referrer_raises_a_disagreement_from_the_outcome_page():
    contact, referrer, _, _ = decided_contact()
    client = _signed_in(referrer)
    assert f"/my-contacts/{contact.pk}/disagree" in client.get(f"/my-contacts/{contact.pk}").content.decode()
    response = client.post(f"/my-contacts/{contact.pk}/disagree", {"level_sought": "3", "reason": "Bruising seen twice"})
    escalation = Escalation.objects.get()
    assert response["Location"] == f"/escalations/{escalation.pk}"
    page = client.get(f"/escalations/{escalation.pk}").content.decode()
    assert "Practitioner conversation" in page and "Bruising seen twice" in page and "Record the outcome" not in page


def test_bad_input_is_told_and_nothing_stored():
    contact, referrer, _, _ = decided_contact()
    page = _signed_in(referrer).post(f"/my-contacts/{contact.pk}/disagree", {"level_sought": "9"}).content.decode()
    assert "There is a problem" in page and "Enter why you disagree with the decision" in page
    assert not Escalation.objects.exists()


def test_another_referrer_gets_not_found():
    contact, referrer, _, _ = decided_contact()
    escalation = services.disagreement_raise(user=referrer, contact=contact, reason="x", level_sought=3)
    other = _signed_in(factories.user(role="referrer"))
    assert other.get(f"/my-contacts/{contact.pk}/disagree").status_code == 404
    assert other.get(f"/escalations/{escalation.pk}").status_code == 404
    assert other.get("/escalations").status_code == 404


def test_the_practitioner_records_the_outcome_and_a_changed_level_needs_the_level():
    contact, referrer, practitioner, _ = decided_contact()
    escalation = services.disagreement_raise(user=referrer, contact=contact, reason="x", level_sought=3)
    client = _signed_in(practitioner)
    assert contact.reference in client.get("/escalations").content.decode()
    page = client.post(f"/escalations/{escalation.pk}", {"outcome": "changed", "notes": "n", "version": 1}).content.decode()
    assert "Select the level of need agreed" in page
    client.post(f"/escalations/{escalation.pk}", {"outcome": "upheld", "notes": "Agreed level 2 fits", "version": 1})
    escalation.refresh_from_db()
    assert escalation.result == Escalation.Result.RESOLVED
    assert AccessLogEntry.objects.filter(target_id=str(contact.pk), reason="Recorded an escalation outcome").exists()


def test_the_front_door_records_a_service_not_engaging():
    contact, _, practitioner, _ = decided_contact()
    client = _signed_in(practitioner)
    page = client.post(f"/front-door/contacts/{contact.pk}/non-engagement", {"service": "", "reason": ""}).content.decode()
    assert "Choose the service that is not engaging" in page
    client.post(f"/front-door/contacts/{contact.pk}/non-engagement", {"service": "CAMHS", "reason": "No reply"})
    assert Escalation.objects.get().service == "CAMHS"


def test_the_figures_count_by_stage_and_outcome_and_download_as_csv():
    contact, referrer, practitioner, manager = decided_contact()
    escalation = services.disagreement_raise(user=referrer, contact=contact, reason="x", level_sought=3)
    services.stage_outcome_record(user=practitioner, escalation=escalation, version=1, outcome="escalated", notes="n")
    services.non_engagement_raise(user=practitioner, contact=contact, service="CAMHS", reason="r")
    client = _signed_in(manager)
    page = client.get("/escalations/figures").content.decode()
    assert "2 raised" in page and "Disagreement with a decision: Team manager" in page and "CAMHS" in page
    csv = client.get("/escalations/figures.csv").content.decode()
    assert "non-engagement by service,CAMHS,1" in csv
    assert "outcomes at Disagreement with a decision: Practitioner conversation (using the levels of need)," in csv


def test_a_figures_period_ending_before_it_starts_is_an_error():
    today = timezone.localdate()
    start, end = today, today - timedelta(days=5)
    page = _signed_in(factories.user(role="manager")).get("/escalations/figures", {
        "date_from_0": start.day, "date_from_1": start.month, "date_from_2": start.year,
        "date_to_0": end.day, "date_to_1": end.month, "date_to_2": end.year})
    assert page.status_code == 400 and "The end date must be the same as or after the start date" in page.content.decode()
