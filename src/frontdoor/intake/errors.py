class IntakeError(Exception):
    """A problem with a contact the user can act on; the message is shown to them as-is."""


class ContactConflict(IntakeError):
    pass


class ContactInvalid(IntakeError):
    pass
