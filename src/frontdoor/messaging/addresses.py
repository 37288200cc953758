"""Whether the outbox can ever send to an address: one rule for the outbox and for every form that takes one."""
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from frontdoor.messaging.models import OutboxMessage


def address_problem(address: str) -> str | None:
    """Why no message can ever be sent to this address, or None if it is one we can send to.

    A line break is named on its own: in a mail header it would let the address add headers of its own
    (another recipient), so Django refuses to send it and no retry can succeed.
    """
    if not address:
        return "there is no email address"
    if "\r" in address or "\n" in address:
        return "the email address contains a line break"
    limit = OutboxMessage._meta.get_field("to_address").max_length
    if len(address) > limit:
        return f"the email address is longer than {limit} characters"
    try:
        validate_email(address)
    except ValidationError:
        return "this is not a valid email address"
    return None


def address_shown(address: str) -> str:
    """An address that cannot be sent to, as the outbox stores and shows it: escaped, so that a line break
    or a NUL (which PostgreSQL cannot store) is visible, and cut to the column."""
    limit = OutboxMessage._meta.get_field("to_address").max_length
    return address.encode("unicode_escape").decode("ascii")[:limit]
