"""The demo's outbox: the newest authorised contacts' letters to their referrers, one of which the mail server
refused, so the administrator's outbox page has a failed message to find by its status and retry."""
from django.db.models import Q

from frontdoor.intake.models import Contact
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import MAX_ATTEMPTS, outbox_enqueue

LETTERS = 4


def load_demo_outbox() -> list[OutboxMessage]:
    contacts = (Contact.objects.filter(status=Contact.Status.AUTHORISED)
                .exclude(Q(referrer_email="") & Q(submitted_by__isnull=True))
                .select_related("submitted_by").order_by("-received_at", "reference")[:LETTERS])
    messages = []
    for contact in contacts:
        messages.append(outbox_enqueue(
            kind="referral_outcome", idempotency_key=f"demo-outcome-{contact.pk}", to_address=contact.letter_address,
            subject=f"The outcome of your contact {contact.reference}",
            body=f"The Family Front Door has decided on your contact {contact.reference}. The letter is attached.",
            about=contact,
        ))
    if messages:
        OutboxMessage.objects.filter(pk=messages[-1].pk).update(
            status=OutboxMessage.Status.FAILED, attempts=MAX_ATTEMPTS,
            last_error="SMTPRecipientsRefused: the referrer's mail server refused the message (demo)")
    return messages
