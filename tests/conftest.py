import pytest


@pytest.fixture(autouse=True)
def _email_to_memory(settings, tmp_path):
    """Tests never write the demo's mail folder; Django's locmem backend collects sent mail."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
