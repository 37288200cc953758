"""Missing episodes made directly for the tests of the pages built on them."""
from datetime import timedelta

from django.utils import timezone

from frontdoor.missing.models import MissingEpisode


def episodes(child, count, *, returned_hours_ago=None):
    """count episodes, a day apart from yesterday back; the newest returned returned_hours_ago hours ago."""
    now = timezone.now()
    made = []
    for n in range(count):
        went = now - timedelta(days=n + 1, hours=12)
        returned = now - timedelta(hours=returned_hours_ago) if n == 0 and returned_hours_ago is not None else None
        made.append(MissingEpisode.objects.create(
            child=child, force="West Mercia Police", police_reference=f"MP-{child.pk.hex[:6]}-{n}", missing_from=went,
            reported_at=went, returned_at=returned, payload={}))
    return made
