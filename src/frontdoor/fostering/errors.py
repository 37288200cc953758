class FosteringError(Exception):
    """A plain-English reason a private fostering record could not be changed; pages show it in the error summary."""


class FosteringConflict(FosteringError):
    pass


class FosteringInvalid(FosteringError):
    pass
