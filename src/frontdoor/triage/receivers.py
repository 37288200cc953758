from django.dispatch import receiver

from frontdoor.messaging.signals import message_sent
from frontdoor.triage.models import SchoolNotification


@receiver(message_sent)
def school_notification_mark_sent(sender, message, **kwargs):
    """The school's email has left: the ISCO's monitoring shows it sent (acknowledgement comes later)."""
    if message.about_type != SchoolNotification._meta.label_lower:
        return
    SchoolNotification.objects.filter(pk=message.about_id, status=SchoolNotification.Status.QUEUED).update(
        status=SchoolNotification.Status.SENT
    )
