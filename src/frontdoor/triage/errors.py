class TriageError(Exception):
    """A problem with a police notification the user can act on; the message is shown to them as-is."""


class NotificationConflict(TriageError):
    pass


class NotificationInvalid(TriageError):
    pass
