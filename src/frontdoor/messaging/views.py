from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.messaging.models import OutboxMessage


@login_required
@role_required(Membership.Role.ADMINISTRATOR)
def outbox(request):
    """Delivery status of outbound messages: what is waiting, sent, or failed and why (no message bodies)."""
    messages = OutboxMessage.objects.only(
        "kind", "status", "attempts", "created_at", "sent_at", "last_error", "channel", "next_attempt_at"
    )
    page = Paginator(messages, 50).get_page(request.GET.get("page"))
    return render(request, "messaging/outbox.html", {"page": page, "page_title": "Outbox"})
