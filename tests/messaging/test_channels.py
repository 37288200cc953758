import pytest

from frontdoor.messaging import channels
from frontdoor.messaging.services import outbox_dispatch_pending, outbox_enqueue

pytestmark = pytest.mark.django_db


API_KEY = "frontdoor_test-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"


class FakeNotifyClient:
    sent: list[dict] = []

    def __init__(self, api_key):
        assert api_key == API_KEY

    def send_email_notification(self, **kwargs):
        FakeNotifyClient.sent.append(kwargs)
        return {"id": "notify-id-1"}


def test_notify_channel_sends_with_the_outbox_id_as_reference_and_the_pdf_attached(settings, monkeypatch):
    settings.FRONTDOOR_MESSAGE_CHANNEL = "notify"
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_EMAIL_TEMPLATE_ID = "template-1"
    monkeypatch.setattr("notifications_python_client.notifications.NotificationsAPIClient", FakeNotifyClient)
    message = outbox_enqueue(kind="referral_outcome", idempotency_key="k", to_address="dsl@school.example",
                             subject="Outcome", body="Body", attachment_name="letter.pdf", attachment=b"%PDF-1.7")

    outbox_dispatch_pending()

    sent = FakeNotifyClient.sent[-1]
    assert sent["email_address"] == "dsl@school.example" and sent["template_id"] == "template-1"
    assert sent["reference"] == str(message.pk)
    assert sent["personalisation"]["subject"] == "Outcome"
    assert "file" in sent["personalisation"]["link_to_file"]
    message.refresh_from_db()
    assert (message.channel, message.provider_reference) == ("notify", "notify-id-1")


def test_email_is_the_default_channel(settings):
    settings.FRONTDOOR_MESSAGE_CHANNEL = "email"
    assert isinstance(channels.channel_for(), channels.EmailChannel)
