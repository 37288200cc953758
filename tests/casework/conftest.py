import pytest

from frontdoor.casework.models import Episode
from frontdoor.casework.selectors import DUE_PREFETCH, episode_due
from tests import factories
from tests.casework.journey import team_staff


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """The production hasher is slow on purpose; these tests make a team of users each time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff():
    """(practitioner, manager, team_manager, worker): the Front Door and the team that receives referrals."""
    return team_staff()


@pytest.fixture
def chair():
    return factories.user(role="conference_chair", first="Pat", last="Quinn")


@pytest.fixture
def lead():
    """An early help lead professional (a family support worker)."""
    return factories.user(role="early_help_lead", first="Lee", last="Fox")


@pytest.fixture(autouse=True)
def _every_episode_stores_its_next_due_date(request):
    """After each test, every episode's stored next date due is what the clocks compute from its
    records now: a service that changes a step without storing it fails the test that used it."""
    if request.node.get_closest_marker("django_db") is None:
        yield
        return
    request.getfixturevalue("db")
    yield
    stale = []
    for episode in Episode.objects.prefetch_related(*DUE_PREFETCH):
        due = episode_due(episode)
        if episode.next_due_on != (due[0].due_on if due else None):
            stale.append((episode.next_due_on, due[:1]))
    assert not stale, f"stored next_due_on differs from the clocks (stored, computed): {stale}"
