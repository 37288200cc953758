"""An emergency protection order or police protection, recorded on the section 47 enquiry's page
(for Ofsted's Annex A list 7): who may record it, what it refuses, and the episode page showing it."""
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import Episode, Section47Enquiry
from frontdoor.casework.services import episode_allocate, episodes_due_refresh, section_47_emergency_protection_record
from frontdoor.governance.models import AccessLogEntry
from tests import factories
from tests.casework.journey import enquiry_opened

pytestmark = pytest.mark.django_db
POLICE, ORDER = Section47Enquiry.EmergencyProtection.POLICE, Section47Enquiry.EmergencyProtection.ORDER


@pytest.fixture
def enquiry(staff):
    _, _, team_manager, worker = staff
    enquiry = enquiry_opened(staff)
    Episode.objects.filter(pk=enquiry.episode_id).update(referral_date=timezone.localdate() - timedelta(days=41))
    episode = Episode.objects.get(pk=enquiry.episode_id)
    episode_allocate(manager=team_manager, episode=episode, worker=worker, version=episode.version)
    return Section47Enquiry.objects.get(pk=enquiry.pk)


def _record(user, enquiry, **changes):
    data = {"protection": POLICE, "protected_on": timezone.localdate() - timedelta(days=40), **changes}
    return section_47_emergency_protection_record(user=user, enquiry=enquiry, version=enquiry.version, **data)


def test_it_is_recorded_logged_and_recorded_again_it_corrects(staff, enquiry):
    *_, worker = staff
    _record(worker, enquiry)
    enquiry.refresh_from_db()
    assert (enquiry.emergency_protection, enquiry.emergency_protection_on) == (
        POLICE, timezone.localdate() - timedelta(days=40))
    assert AccessLogEntry.objects.filter(user=worker, action=AccessLogEntry.Action.UPDATE,
                                         reason="Recorded emergency protection").exists()
    _record(worker, enquiry, protection=ORDER, protected_on=timezone.localdate() - timedelta(days=38))
    enquiry.refresh_from_db()
    assert enquiry.emergency_protection == ORDER and enquiry.version == 3


@pytest.mark.parametrize(("changes", "message"), [
    ({"protection": "curfew"}, "Choose an emergency protection order or police protection"),
    ({"protected_on": timezone.localdate() + timedelta(days=1)}, "cannot be in the future"),
    ({"protected_on": timezone.localdate() - timedelta(days=60)}, "cannot be before"),
])
def test_a_wrong_kind_or_date_is_refused(staff, enquiry, changes, message):
    *_, worker = staff
    with pytest.raises(CaseworkError, match=message):
        _record(worker, enquiry, **changes)
    enquiry.refresh_from_db()
    assert enquiry.emergency_protection == ""


def test_a_stale_page_or_a_closed_episode_is_refused(staff, enquiry):
    *_, worker = staff
    stale = Section47Enquiry.objects.get(pk=enquiry.pk)
    _record(worker, enquiry)
    with pytest.raises(CaseworkConflict):
        _record(worker, stale, protection=ORDER)
    Episode.objects.filter(pk=enquiry.episode_id).update(closed_on=timezone.localdate(), closure_reason="RC7")
    episodes_due_refresh(episodes=Episode.objects.filter(pk=enquiry.episode_id))
    enquiry.refresh_from_db()
    with pytest.raises(CaseworkError, match="This episode is closed"):
        _record(worker, enquiry)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(enquiry) -> str:
    return f"/social-care/episodes/{enquiry.episode_id}/section-47/{enquiry.pk}/emergency-protection"


def test_the_social_worker_records_it_from_the_episode_page_and_sees_it_there(staff, enquiry):
    *_, worker = staff
    client = _client(worker)
    episode_page = client.get(f"/social-care/episodes/{enquiry.episode_id}").content.decode()
    assert "None recorded" in episode_page and _url(enquiry) in episode_page
    day = timezone.localdate() - timedelta(days=40)
    sent = client.post(_url(enquiry), {"protection": POLICE, "protected_on_0": day.day, "protected_on_1": day.month,
                                       "protected_on_2": day.year, "version": enquiry.version})
    assert sent.status_code == 302
    episode_page = client.get(sent["Location"]).content.decode()
    assert f"Police protection (Children Act 1989, section 46), {day:%-d %B %Y}" in episode_page
    assert "Correct the emergency protection" in episode_page


def test_an_empty_page_comes_back_with_the_error_summary(staff, enquiry):
    *_, worker = staff
    page = _client(worker).post(_url(enquiry), {"version": enquiry.version})
    text = page.content.decode()
    assert page.status_code == 400 and "There is a problem" in text
    assert "Choose an emergency protection order or police protection" in text
    assert "Enter the date the order was made or the police took the child into protection" in text


def test_nobody_else_finds_the_page(staff, enquiry, chair):
    practitioner, *_ = staff
    for user in (practitioner, chair, factories.user(role="social_worker"), factories.user(role="referrer")):
        assert _client(user).get(_url(enquiry)).status_code == 404, user.membership.role
