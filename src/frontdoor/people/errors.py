class PeopleError(Exception):
    """A problem with the person index the user can act on; the message is shown to them as-is."""


class MergeNotAllowed(PeopleError):
    pass


class NoMatchModel(PeopleError):
    pass
