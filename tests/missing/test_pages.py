from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.missing.models import MissingEpisode
from tests import factories

pytestmark = pytest.mark.django_db


def _signed_in(role):
    client = Client()
    client.force_login(factories.user(role=role))
    return client


def _episodes(child, count):
    now = timezone.now()
    return [MissingEpisode.objects.create(child=child, force="West Mercia Police", police_reference=f"MP-{n}",
                                          missing_from=now - timedelta(days=n + 1), reported_at=now - timedelta(days=n + 1),
                                          payload={}) for n in range(count)]


def test_the_person_page_flags_a_child_missing_three_times_in_90_days():
    ruby = factories.person()
    _episodes(ruby, 3)
    page = _signed_in("practitioner").get(f"/front-door/people/{ruby.pk}").content.decode()
    assert "Missing 3 or more times in 90 days" in page


def test_the_list_shows_the_repeat_flag_and_logs_the_read():
    ruby = factories.person()
    _episodes(ruby, 3)
    page = _signed_in("missing_coordinator").get("/missing-children").content.decode()
    assert "Repeat missing" in page and "Ruby Hartley" in page
    assert AccessLogEntry.objects.filter(target_id=str(ruby.pk), reason="Missing children list").count() == 3


def test_a_referrer_gets_not_found():
    [episode] = _episodes(factories.person(), 1)
    client = _signed_in("referrer")
    assert client.get("/missing-children").status_code == 404
    assert client.get(f"/missing-children/episodes/{episode.pk}").status_code == 404


def test_a_stale_return_form_gets_the_conflict_message():
    [episode] = _episodes(factories.person(), 1)
    MissingEpisode.objects.filter(pk=episode.pk).update(version=2)
    today = timezone.localdate()
    page = _signed_in("missing_coordinator").post(f"/missing-children/episodes/{episode.pk}", {
        "step": "return", "version": 1, "returned_on_0": today.day, "returned_on_1": today.month,
        "returned_on_2": today.year, "returned_time": "00:01"}).content.decode()
    assert "Someone else changed this episode" in page
