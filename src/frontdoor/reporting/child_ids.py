"""The child's ID in the statutory returns (the CIN census's LAchildID, Annex A's Child Unique ID).

One function for both returns, so that a child is the same row in each: the configured prefix
(letters and digits, at most 8) and then the person's UUID in hex, or the contact child's when the
child was never linked to the person index, cut to 20 characters (validator rules 1570, 1580).
"""
from uuid import UUID

from django.conf import settings


def child_unique_id(*, person_id: UUID | None, contact_child_id: UUID | None = None) -> str:
    chosen = person_id or contact_child_id
    if chosen is None:
        raise ValueError("A child needs a person or a contact child to have an ID")
    prefix = "".join(ch for ch in settings.FRONTDOOR_CENSUS_CHILD_ID_PREFIX if ch.isalnum())[:8]
    return (prefix + chosen.hex)[:20]
