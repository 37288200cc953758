import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def test_pages_and_api_answers_are_never_stored_by_a_browser_or_proxy():
    practitioner = factories.user(role="practitioner")
    client = Client()
    client.force_login(practitioner)
    for response in (client.get("/front-door/queue"), client.get("/api/v1/contacts"), Client().get("/sign-in")):
        assert "no-store" in response["Cache-Control"]
