class TriageError(Exception):
    """A problem with a police notification the user can act on; the message is shown to them as-is."""


class NotificationConflict(TriageError):
    pass


class NotificationInvalid(TriageError):
    pass


class RowInvalid(NotificationInvalid):
    """A notification row with a reason per field: errors is [{field, message}]."""

    def __init__(self, errors: list[dict[str, str]]):
        super().__init__("; ".join(f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors))
        self.errors = errors
