from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.missing import services
from frontdoor.missing.errors import MissingConflict, MissingInvalid
from frontdoor.missing.models import RiskPlan
from tests import factories
from tests.missing.episodes import episodes

pytestmark = pytest.mark.django_db


def _coordinator_client():
    client = Client()
    user = factories.user(role="missing_coordinator")
    client.force_login(user)
    return client, user


def _date(prefix, day: date) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_plan_is_for_a_repeat_missing_child_only():
    child = factories.person()
    episodes(child, 2)
    with pytest.raises(MissingInvalid, match="3 or more times"):
        services.risk_plan_record(user=factories.user(role="missing_coordinator"), child=child,
                                  held_on=timezone.localdate(), agencies=["Police"], risks="Exploitation")


def test_the_first_review_is_due_after_the_configured_interval(settings):
    settings.FRONTDOOR_MISSING = {**settings.FRONTDOOR_MISSING, "maramp_review_days": 28}
    child = factories.person()
    episodes(child, 3)
    held = timezone.localdate() - timedelta(days=2)
    plan = services.risk_plan_record(user=factories.user(role="missing_coordinator"), child=child, held_on=held,
                                     agencies=["Police", "CAMHS"], risks="Older males; county lines")
    assert plan.review_due == held + timedelta(days=28)


def test_a_review_moves_the_next_review_and_a_stale_page_is_refused():
    child = factories.person()
    episodes(child, 3)
    user = factories.user(role="missing_coordinator")
    plan = services.risk_plan_record(user=user, child=child, held_on=timezone.localdate() - timedelta(days=50),
                                     agencies=["Police"], risks="Running to an older boyfriend")
    services.risk_plan_review_record(user=user, plan=plan, version=1, reviewed_on=timezone.localdate(),
                                     summary="No episodes since; keep the school mentor")
    plan.refresh_from_db()
    assert plan.review_due == timezone.localdate() + timedelta(days=42)
    with pytest.raises(MissingConflict):
        services.risk_plan_action_add(user=user, plan=plan, version=1, action="Mentor weekly", owner="School",
                                      due_on=timezone.localdate())


def test_the_worklist_shows_a_repeat_child_without_a_plan_and_then_an_overdue_review():
    child = factories.person()
    episodes(child, 3)
    client, user = _coordinator_client()
    page = client.get("/missing-children").content.decode()
    assert "No plan" in page
    RiskPlan.objects.create(child=child, held_on=date(2026, 1, 1), agencies=["Police"], risks="x",
                            review_due=timezone.localdate() - timedelta(days=1), recorded_by=user)
    assert "Review overdue" in client.get("/missing-children").content.decode()


def test_the_coordinator_records_the_plan_and_an_action_on_the_page():
    child = factories.person()
    episodes(child, 3)
    client, _ = _coordinator_client()
    held = timezone.localdate()
    response = client.post(f"/missing-children/risk-plans/{child.pk}", {
        **_date("held_on", held), "agencies": ["Police", "School or education"], "risks": "Exploitation by older males"})
    assert response.status_code == 302
    due = held + timedelta(days=7)
    client.post(f"/missing-children/risk-plans/{child.pk}", {
        "step": "action", "action-action": "Disruption visit", "action-owner": "PC Shah, police",
        **_date("action-due_on", due), "action-version": 1})
    page = client.get(f"/missing-children/risk-plans/{child.pk}").content.decode()
    assert "Disruption visit" in page and "PC Shah, police" in page and "Exploitation by older males" in page
    assert AccessLogEntry.objects.filter(target_id=str(child.pk), reason="Recorded a risk management plan").exists()


def test_bad_input_on_the_plan_page_is_told_in_the_error_summary():
    child = factories.person()
    episodes(child, 3)
    client, _ = _coordinator_client()
    page = client.post(f"/missing-children/risk-plans/{child.pk}", {"risks": ""}).content.decode()
    assert "There is a problem" in page and "Select the agencies who took part" in page
    assert "Enter the date of the risk assessment meeting" in page
    assert not RiskPlan.objects.exists()


def test_a_past_due_date_for_an_action_is_refused():
    child = factories.person()
    episodes(child, 3)
    client, user = _coordinator_client()
    RiskPlan.objects.create(child=child, held_on=timezone.localdate(), agencies=["Police"], risks="x",
                            review_due=timezone.localdate(), recorded_by=user)
    page = client.post(f"/missing-children/risk-plans/{child.pk}", {
        "step": "action", "action-action": "Visit", "action-owner": "Police",
        **_date("action-due_on", timezone.localdate() - timedelta(days=3)), "action-version": 1}).content.decode()
    assert "The date the action is due must be today or in the future" in page


def test_a_referrer_gets_not_found_for_a_plan():
    child = factories.person()
    episodes(child, 3)
    client = Client()
    client.force_login(factories.user(role="referrer"))
    assert client.get(f"/missing-children/risk-plans/{child.pk}").status_code == 404


def test_the_worklist_figures_count_overdue_reviews():
    child = factories.person()
    episodes(child, 3)
    client, user = _coordinator_client()
    RiskPlan.objects.create(child=child, held_on=date(2026, 1, 1), agencies=["Police"], risks="x",
                            review_due=timezone.localdate() - timedelta(days=1), recorded_by=user)
    page = client.get("/missing-children").content.decode()
    assert "Risk management plans with the review overdue</dt><dd class=\"govuk-summary-list__value\">1<" in page
