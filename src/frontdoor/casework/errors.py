class CaseworkError(Exception):
    """A casework change that cannot be made, with the plain-English reason."""


class CaseworkConflict(CaseworkError):
    pass
