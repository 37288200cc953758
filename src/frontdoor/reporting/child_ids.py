"""The child's ID in the statutory returns (the CIN census's LAchildID, Annex A's Child Unique ID).

One function for both returns, so that a child is the same row in each: the area's prefix (letters
and digits, at most 8; FRONTDOOR_CENSUS_CHILD_ID_PREFIX, which the callers pass) and then the
person's UUID in hex, or the contact child's when the child was never linked to the person index,
cut to 20 characters (validator rules 1570, 1580).
"""
from uuid import UUID


def child_unique_id(*, person_id: UUID | None, contact_child_id: UUID | None = None, prefix: str = "") -> str:
    chosen = person_id or contact_child_id
    if chosen is None:
        raise ValueError("A child needs a person or a contact child to have an ID")
    return ("".join(ch for ch in prefix if ch.isalnum())[:8] + chosen.hex)[:20]
