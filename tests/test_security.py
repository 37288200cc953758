import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_with_a_script_nonce():
    response = Client().get("/sign-in")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "'nonce-" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_repeated_failed_sign_ins_lock_the_account_out():
    teacher = factories.user(email="chris@oakfield.example")
    client = Client()
    for _ in range(5):
        client.post("/sign-in", {"username": teacher.username, "password": "wrong-password"})

    response = client.post("/sign-in", {"username": teacher.username, "password": factories.PASSWORD})

    assert response.status_code == 429
    assert "Sign-in is locked" in response.content.decode()


def test_wrong_password_gets_a_plain_message():
    factories.user(email="chris@oakfield.example")
    response = Client().post("/sign-in", {"username": "chris@oakfield.example", "password": "nope"})
    assert "Enter a correct email address and password" in response.content.decode()


def test_not_found_page_says_nothing_about_the_record():
    teacher = factories.user()
    client = Client()
    client.force_login(teacher)
    response = client.get("/my-contacts/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode() and "may not have access" in response.content.decode()


def test_a_stale_form_gets_a_plain_explanation_and_nothing_is_saved():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in", {"username": "a@b.example", "password": "x"})
    assert response.status_code == 403
    assert "This page was out of date" in response.content.decode()
