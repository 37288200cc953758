"""Failed sign-ins counted per address across every username (axes counts each username at an address)."""
from axes.attempts import get_cool_off_threshold
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_is_locked_out(request) -> bool:
    request.axes_attempt_time = getattr(request, "axes_attempt_time", None)
    failures = AccessAttempt.objects.filter(
        ip_address=get_client_ip_address(request), attempt_time__gte=get_cool_off_threshold(request),
    ).aggregate(total=Sum("failures_since_start"))["total"] or 0
    return failures >= settings.FRONTDOOR_ADDRESS_FAILURE_LIMIT
