from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.selectors import outbox_health
from frontdoor.messaging.services import outbox_retry


@login_required
@role_required(Membership.Role.ADMINISTRATOR)
def outbox(request):
    """Delivery status of outbound messages: what is waiting, sent, or failed and why (no message bodies)."""
    status, kind = request.GET.get("status", ""), request.GET.get("kind", "")
    shown = OutboxMessage.objects.only(
        "kind", "to_address", "status", "attempts", "created_at", "sent_at", "last_error", "channel", "next_attempt_at")
    if status in OutboxMessage.Status.values:
        shown = shown.filter(status=status)
    if kind:
        shown = shown.filter(kind=kind)
    page = Paginator(shown, 50).get_page(request.GET.get("page"))
    kinds = sorted(OutboxMessage.objects.values_list("kind", flat=True).distinct())
    return render(request, "messaging/outbox.html", {
        "page": page, "page_title": "Outbox", "health": outbox_health(), "status": status, "kind": kind,
        "statuses": OutboxMessage.Status.choices,
        "kinds": [(k, OutboxMessage(kind=k).kind_name) for k in kinds],
    })


@login_required
@role_required(Membership.Role.ADMINISTRATOR)
@require_POST
def retry(request, message_id):
    if outbox_retry(message_id=message_id, user=request.user):
        messages.success(request, "The message will be sent again in a moment")
    else:
        messages.info(request, "That message is no longer waiting to be retried")
    return redirect("messaging:outbox")
