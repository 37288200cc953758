class PeopleError(Exception):
    """A problem with the person index the user can act on; the message is shown to them as-is."""


class MergeNotAllowed(PeopleError):
    pass


class NoMatchModel(PeopleError):
    pass


class LinkNotAllowed(PeopleError):
    """The chosen record cannot take the link (it has been merged into another since it was shown)."""
