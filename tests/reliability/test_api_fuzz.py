"""Schemathesis over the whole API: generated requests, valid and invalid, never a server error.

Runs on whichever database the suite runs on; CI runs it on PostgreSQL, where column lengths and
NUL bytes are enforced by the database and were once 500s.
"""
import pytest
import schemathesis
from schemathesis.generation.modes import GenerationMode
from django.core.signals import request_finished
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from frontdoor.agencies.models import Agency, Membership
from frontdoor.api.models import ApiToken
from frontdoor.wsgi import application
from tests import factories

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# Valid and invalid requests, NUL bytes included (they broke PostgreSQL writes once).
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], allow_x00=True)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the test's transaction outlives each request."""
    request_finished.disconnect(close_old_connections)
    yield
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(transactional_db):
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    officer = factories.user(role=Membership.Role.REFERRER, agency_=police, email="officer@police.example")
    return ApiToken.issue(user=officer, name="fuzz")


@schema.parametrize()
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db(transaction=True)
def test_no_request_gives_a_server_error(case, token):
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:500])
