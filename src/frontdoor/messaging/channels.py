"""Where outbound messages go: Django's email backend (a local folder in the demo) or GOV.UK Notify."""
import io

from django.conf import settings
from django.core.mail import EmailMessage
from notifications_python_client import notifications, prepare_upload

from frontdoor.messaging.models import OutboxMessage


class EmailChannel:
    name = "email"

    def send(self, message: OutboxMessage) -> str:
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            to=[message.to_address],
            # The outbox id as Message-ID lets a receiving system drop a duplicate delivery.
            headers={"Message-ID": f"<{message.pk}@frontdoor>"},
        )
        if message.attachment:
            email.attach(message.attachment_name, bytes(message.attachment), "application/pdf")
        email.send(fail_silently=False)
        return f"<{message.pk}@frontdoor>"


class NotifyChannel:
    """GOV.UK Notify: one email template with ((subject)), ((body)) and ((link_to_file)) placeholders."""

    name = "notify"

    def __init__(self):
        self.client = notifications.NotificationsAPIClient(settings.NOTIFY_API_KEY)

    def send(self, message: OutboxMessage) -> str:
        personalisation = {"subject": message.subject, "body": message.body}
        if message.attachment:
            personalisation["link_to_file"] = prepare_upload(
                io.BytesIO(bytes(message.attachment)), filename=message.attachment_name
            )
        response = self.client.send_email_notification(
            email_address=message.to_address,
            template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            personalisation=personalisation,
            reference=str(message.pk),
        )
        return response["id"]


def channel_for():
    return NotifyChannel() if settings.FRONTDOOR_MESSAGE_CHANNEL == "notify" else EmailChannel()
