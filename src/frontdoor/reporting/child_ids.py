"""The child's ID in the statutory returns (the CIN census's LAchildID, Annex A's Child Unique ID).

One function for both returns, so that a child is the same row in each: the first 20 hex characters
of the person's UUID (the census allows at most 20 alphanumeric characters), or of the contact
child's when the child was never linked to the person index.
"""
from uuid import UUID


def child_unique_id(*, person_id: UUID | None, contact_child_id: UUID | None = None) -> str:
    chosen = person_id or contact_child_id
    if chosen is None:
        raise ValueError("A child needs a person or a contact child to have an ID")
    return chosen.hex[:20]
