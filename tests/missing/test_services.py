from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.missing import selectors, services
from frontdoor.missing.errors import MissingConflict, MissingInvalid
from frontdoor.missing.models import MissingEpisode
from tests import factories

pytestmark = pytest.mark.django_db


def _episode(child=None, *, ago=timedelta(days=2), returned=None, ref="MP-1"):
    now = timezone.now()
    return MissingEpisode.objects.create(child=child or factories.person(), force="West Mercia Police",
                                         police_reference=ref, missing_from=now - ago, reported_at=now - ago,
                                         returned_at=returned, payload={})


@pytest.fixture
def coordinator():
    return factories.user(role=Membership.Role.MISSING_COORDINATOR)


def test_return_then_interview_are_recorded_and_logged(coordinator):
    episode = _episode()
    back = timezone.now() - timedelta(days=1)
    services.episode_return_record(user=coordinator, episode=episode, version=1, returned_at=back,
                                   where_found="Bus station", who_with="Alone", safe_and_well_at=None)
    episode.refresh_from_db()
    services.return_interview_record(user=coordinator, episode=episode, version=2, held_at=back + timedelta(hours=5),
                                     held_by="Sam Okafor", declined=False, why_went="Argument at home")
    assert episode.return_interview.why_went == "Argument at home"
    assert AccessLogEntry.objects.filter(action="update", target_id=str(episode.child_id)).count() == 2


def test_second_writer_with_the_old_version_gets_a_conflict(coordinator):
    episode = _episode()
    back = timezone.now() - timedelta(hours=3)
    services.episode_return_record(user=coordinator, episode=episode, version=1, returned_at=back,
                                   where_found="", who_with="", safe_and_well_at=None)
    with pytest.raises(MissingConflict):
        services.episode_return_record(user=coordinator, episode=episode, version=1, returned_at=back,
                                       where_found="Park", who_with="", safe_and_well_at=None)


def test_interview_before_the_return_is_refused(coordinator):
    episode = _episode()
    with pytest.raises(MissingInvalid):
        services.return_interview_record(user=coordinator, episode=episode, version=1, held_at=timezone.now(),
                                         held_by="Sam", declined=True)


def test_worklist_puts_overdue_interviews_first_and_flags_repeat_children(coordinator):
    ruby = factories.person()
    now = timezone.now()
    _episode(ruby, ago=timedelta(days=20), returned=now - timedelta(days=19), ref="A")
    _episode(ruby, ago=timedelta(days=10), returned=now - timedelta(hours=10), ref="B")
    _episode(ruby, ago=timedelta(days=1), ref="C")
    work = selectors.missing_worklist(user=coordinator)
    assert [row.status for row in work["interviews"]] == ["overdue", "due"]
    assert all(row.repeat for row in work["interviews"] + work["still_missing"])
    assert selectors.missing_figures()["repeat_children"] == 1
    assert AccessLogEntry.objects.filter(reason="Missing children list").count() == 3


def test_a_referrer_sees_no_missing_episodes():
    _episode()
    assert not selectors.episodes_visible_to(user=factories.user()).exists()


def test_figures_count_interviews_within_72_hours(coordinator):
    now = timezone.now().replace(day=1, hour=0) + timedelta(days=min(timezone.now().day - 1, 27))
    ep = _episode(ago=timedelta(hours=2), returned=now - timedelta(hours=1), ref="X")
    services.return_interview_record(user=coordinator, episode=ep, version=1, held_at=now - timedelta(minutes=30),
                                     held_by="Sam", declined=True)
    figures = selectors.missing_figures(now=now)
    assert figures["interviews_in_time_percent"] == 100
