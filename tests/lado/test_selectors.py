from datetime import datetime, timedelta

import pytest
from django.http import Http404
from django.test import Client
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.lado import selectors
from tests import factories
from tests.lado.test_services import refer

pytestmark = pytest.mark.django_db


def test_other_roles_get_not_found_for_the_list_and_the_referral():
    referral = refer()
    for role in ("practitioner", "manager", "referrer", "missing_coordinator"):
        user = factories.user(role=role)
        with pytest.raises(Http404):
            selectors.referral_get_for(user=user, referral_id=referral.pk, reason="x")
        client = Client()
        client.force_login(user)
        assert client.get(f"/lado/referrals/{referral.pk}").status_code == 404
        assert client.get("/lado").status_code == 404


def test_the_referrer_sees_only_their_own_referrals_status():
    mine = refer()
    other = factories.user()
    with pytest.raises(Http404):
        selectors.referral_status_for_referrer(user=other, referral_id=mine.pk)
    client = Client()
    client.force_login(mine.referrer)
    page = client.get(f"/lado/my-referrals/{mine.pk}").content.decode()
    assert "Received" in page and "Grabbed" not in page


def test_the_list_marks_overdue_and_logs_each_referral():
    lado = factories.user(role=Membership.Role.LADO)
    late = refer(received_at=timezone.now() - timedelta(days=6))
    refer()
    work = selectors.lado_worklist(user=lado)
    assert work["waiting"][0].referral == late and work["waiting"][0].status == "overdue"
    assert AccessLogEntry.objects.filter(reason="LADO referrals list").count() == 2
    client = Client()
    client.force_login(lado)
    assert "Overdue" in client.get("/lado").content.decode()


def test_figures_by_academic_year_count_historical_apart_and_download_as_csv():
    lado = factories.user(role=Membership.Role.LADO)
    tz = timezone.get_current_timezone()
    refer(received_at=datetime(2025, 9, 3, 10, tzinfo=tz))
    refer(received_at=datetime(2026, 8, 3, 10, tzinfo=tz), historical=True)
    refer(received_at=datetime(2025, 8, 3, 10, tzinfo=tz), setting_type="sport")
    figures = {year["year"]: year for year in selectors.lado_figures(user=lado)}
    assert figures["2025/26"]["current"] == 1 and figures["2025/26"]["historical"] == 1
    assert figures["2025/26"]["settings"] == [("School or college", 1)]
    assert figures["2024/25"]["sources"] == [("School", 1)]
    text = selectors.lado_figures_csv(user=lado)
    assert "2025/26,total,historical allegations,1" in text
    with pytest.raises(Http404):
        selectors.lado_figures(user=factories.user(role="manager"))
