"""Sign-in as a council expects: a second factor, password change and reset, session limits, lockout."""
import os
import re
import subprocess
import sys
import time

import pytest
from django.core import mail
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.agencies.sessions import SIGNED_IN_AT
from tests import factories

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _signed_in(user) -> Client:
    client = Client()
    response = client.post("/sign-in", {"username": user.username, "password": factories.PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def second_factor_on(settings):
    settings.FRONTDOOR_SECOND_FACTOR = True


def _production_env() -> dict[str, str]:
    """This process's environment without what the test suite (and its browser tests) add."""
    test_only = ("PYTEST_VERSION", "FRONTDOOR_DEMO", "FRONTDOOR_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    return {k: v for k, v in os.environ.items() if k not in test_only}


def test_production_refuses_to_start_without_a_secret_key():
    env = _production_env()
    result = subprocess.run([sys.executable, "-c", "import frontdoor.settings"], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Set FRONTDOOR_SECRET_KEY" in result.stderr
    env["FRONTDOOR_DEMO"] = "1"
    assert subprocess.run([sys.executable, "-c", "import frontdoor.settings"], env=env).returncode == 0


def test_a_password_alone_reaches_nothing_but_the_code_page(second_factor_on):
    client = _signed_in(factories.user(role="practitioner"))
    response = client.get("/front-door/queue")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/code")


def test_first_sign_in_sets_up_the_app_then_the_code_lets_the_user_in(second_factor_on):
    practitioner = factories.user(role="practitioner")
    client = _signed_in(practitioner)
    page = client.get("/sign-in/code").content.decode()
    assert "<svg" in page and "Set up your authenticator app" in page
    device = TOTPDevice.objects.get(user=practitioner)
    assert not device.confirmed

    wrong = client.post("/sign-in/code", {"code": f"{(int(_code(device)) + 1) % 1000000:06d}"})
    assert "The code is not right" in wrong.content.decode()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)

    assert client.post("/sign-in/code", {"code": _code(device)}).status_code == 302
    assert client.get("/front-door/queue").status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed


def test_later_sign_ins_ask_for_the_code_without_showing_the_key_again(second_factor_on):
    practitioner = factories.user(role="practitioner")
    TOTPDevice.objects.create(user=practitioner, name="Authenticator app", confirmed=True)
    page = _signed_in(practitioner).get("/sign-in/code").content.decode()
    assert "Enter your code" in page and "<svg" not in page


def test_a_code_with_letters_gets_a_specific_message(second_factor_on):
    client = _signed_in(factories.user())
    page = client.post("/sign-in/code", {"code": "12ab56"}).content.decode()
    assert "Enter the 6 digits of the code" in page


def test_a_session_ends_after_thirty_idle_minutes_or_when_the_browser_closes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_a_session_ends_eight_hours_after_sign_in_however_busy():
    client = _signed_in(factories.user(role="practitioner"))
    assert client.get("/front-door/queue").status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = time.time() - 8 * 60 * 60 - 1
    session.save()
    response = client.get("/front-door/queue")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in")
    assert client.get("/front-door/queue").status_code == 302


def test_password_change_needs_the_old_password():
    teacher = factories.user()
    client = _signed_in(teacher)
    refused = client.post("/account/password", {"old_password": "wrong", "new_password1": "a-new-long-phrase-9",
                                                "new_password2": "a-new-long-phrase-9"})
    assert "Your old password was entered incorrectly" in refused.content.decode()
    changed = client.post("/account/password", {"old_password": factories.PASSWORD, "new_password1": "a-new-long-phrase-9",
                                                "new_password2": "a-new-long-phrase-9"})
    assert changed.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("a-new-long-phrase-9")


def test_password_reset_by_email_link():
    teacher = factories.user(email="chris@oakfield.example")
    response = Client().post("/password-reset", {"email": "chris@oakfield.example"})
    assert response.status_code == 302
    link = re.search(r"https?://[^/]+(/password-reset/\S+)", mail.outbox[0].body).group(1)
    client = Client()
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(form_page.redirect_chain[-1][0], {"new_password1": "a-new-long-phrase-9", "new_password2": "a-new-long-phrase-9"})
    teacher.refresh_from_db()
    assert teacher.check_password("a-new-long-phrase-9")


def test_password_reset_says_the_same_for_an_unknown_address():
    response = Client().post("/password-reset", {"email": "nobody@nowhere.example"}, follow=True)
    assert "If the address you entered belongs to a Front Door account" in response.content.decode()
    assert mail.outbox == []


def test_one_password_sprayed_across_usernames_locks_the_address_out(settings):
    settings.FRONTDOOR_ADDRESS_FAILURE_LIMIT = 6
    victim = factories.user(email="victim@oakfield.example")
    client = Client()
    for n in range(6):
        client.post("/sign-in", {"username": f"user{n}@oakfield.example", "password": "Summer2026!"})
    response = client.post("/sign-in", {"username": victim.username, "password": factories.PASSWORD})
    assert response.status_code == 200
    assert "too many failed sign-ins from your network" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lost_phone_is_reset_from_the_command_line(capsys):
    from frontdoor.cli import main

    practitioner = factories.user(role="practitioner")
    TOTPDevice.objects.create(user=practitioner, name="Authenticator app", confirmed=True)
    main(["reset-second-factor", practitioner.username])
    assert not TOTPDevice.objects.filter(user=practitioner).exists()
    assert "sets up a new authenticator app" in capsys.readouterr().out


def test_the_deployment_checklist_is_clean_with_production_settings(tmp_path):
    env = _production_env() | {"FRONTDOOR_SECRET_KEY": "a-production-key-" + "x" * 50, "FRONTDOOR_HTTPS": "1",
            "FRONTDOOR_ALLOWED_HOSTS": "frontdoor.example.gov.uk", "FRONTDOOR_VAR_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "frontdoor.cli", "manage", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
