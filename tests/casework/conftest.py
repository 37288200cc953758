import pytest

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
