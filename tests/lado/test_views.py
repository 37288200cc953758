import pytest
from django.test import Client

from frontdoor.lado.models import LadoReferral
from tests import factories
from tests.lado.test_services import refer

pytestmark = pytest.mark.django_db


def test_a_stale_consideration_form_gets_the_conflict_message_and_nothing_is_stored():
    referral = refer()
    LadoReferral.objects.filter(pk=referral.pk).update(version=2)
    client = Client()
    client.force_login(factories.user(role="lado"))
    page = client.post(f"/lado/referrals/{referral.pk}", {
        "step": "consider", "consider-version": 1, "consider-consideration": "advice",
        "consider-notes": "Advice to the school"}).content.decode()
    assert "Someone else changed this referral" in page
    assert LadoReferral.objects.get().considered_at is None


def test_the_figures_download_is_a_csv_for_the_lado_only():
    refer()
    client = Client()
    client.force_login(factories.user(role="lado"))
    response = client.get("/lado/figures.csv")
    assert response["Content-Type"] == "text/csv" and b"current allegations,1" in response.content
    client.force_login(factories.user(role="manager"))
    assert client.get("/lado/figures.csv").status_code == 404
