class LegalHoldInvalid(Exception):
    """A legal hold that cannot be placed or lifted as asked; `field` is the form field the message belongs to."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class LegalHoldConflict(Exception):
    """The hold was lifted by someone else since the page was shown."""
