class MissingError(Exception):
    """A plain-English reason a missing episode could not be changed; pages show it in the error summary."""


class MissingConflict(MissingError):
    pass


class MissingInvalid(MissingError):
    pass
