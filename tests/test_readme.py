"""The README says what happens: where the demo's mail goes and in what files, and how `make demo` takes a port."""

import email
import shutil
import subprocess
from pathlib import Path

import pytest

from frontdoor import settings as frontdoor_settings

from frontdoor.cli import _parser
from frontdoor.messaging.channels import EmailChannel
from frontdoor.messaging.models import OutboxMessage

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_names_the_mail_folder_the_settings_use():
    # The settings module itself (the test run points mail elsewhere); without FRONTDOOR_VAR_DIR, var/ is
    # in the checkout.
    assert frontdoor_settings.EMAIL_FILE_PATH == frontdoor_settings.VAR_DIR / "mail"
    assert frontdoor_settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert "`var/mail/`" in README and "FRONTDOOR_VAR_DIR" in README


@pytest.mark.django_db
def test_a_demo_email_is_a_log_file_in_the_mail_folder_with_the_pdf_attached(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    message = OutboxMessage(kind="outcome_letter", to_address="teacher@demo.test", subject="Outcome",
                            body="Letter attached", attachment=b"%PDF-1.4 test", attachment_name="letter.pdf")
    EmailChannel().send(message)
    [written] = list((tmp_path / "mail").iterdir())
    assert written.suffix == ".log" and "one `.log` file per message" in README
    parsed = email.message_from_bytes(written.read_bytes().rsplit(b"\n-", 1)[0])
    assert parsed["To"] == "teacher@demo.test"
    assert [part.get_filename() for part in parsed.walk() if part.get_filename()] == ["letter.pdf"]
    assert "`.eml`" not in README.split("## What it is")[0].replace("rename a file to `.eml`", "")


def test_frontdoor_demo_takes_a_port():
    args = _parser().parse_args(["demo", "--port", "8100"])
    assert args.port == 8100


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_passes_its_port_to_frontdoor_demo():
    # A dry run (-n) prints the commands without running them; -o treats the venv as up to date.
    dry = subprocess.run(["make", "-n", "-o", ".venv/.installed", "demo", "PORT=8100"],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "frontdoor demo --port 8100 --year" in dry  # an empty database gets load-demo's year
    assert "make demo PORT=8100" in README
