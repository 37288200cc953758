class PeopleError(Exception):
    """A problem with the person index the user can act on; the message is shown to them as-is."""


class MergeNotAllowed(PeopleError):
    pass


class NoMatchModel(PeopleError):
    pass


class LinkNotAllowed(PeopleError):
    """The chosen record cannot take the link (it has been merged into another since it was shown)."""


class PersonDetailsInvalid(PeopleError):
    """A change to a person's details or addresses that cannot be made as given; `field` is the form
    field the message belongs to (None: the whole form)."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class PersonDetailsConflict(PeopleError):
    """The record changed (an edit, a merge, an address ended) since the form was shown."""


class PersonNotEditable(PeopleError):
    """The record has been merged into another: its survivor is the one to change."""

    def __init__(self, message: str, *, survivor=None):
        super().__init__(message)
        self.survivor = survivor


class FamilyMemberNotAdded(PeopleError):
    """A family member named on a contact could not be added to the index; the message says why."""


class RestrictionInvalid(PeopleError):
    """A restriction that cannot be placed, changed or lifted as asked; `field` is the form field the
    message belongs to."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class RestrictionConflict(PeopleError):
    """The restriction was placed, changed or lifted by someone else since the form was shown."""
