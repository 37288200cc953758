class AdministrationInvalid(Exception):
    """A user or agency change the administrator cannot make as asked; the message says why and
    `field` names the form field it belongs to (None: the whole form)."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class AdministrationConflict(Exception):
    """The user's account was changed by someone else since the page was shown."""
