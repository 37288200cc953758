class LadoError(Exception):
    """A plain-English reason a LADO referral could not be changed; pages show it in the error summary."""


class LadoConflict(LadoError):
    pass


class LadoInvalid(LadoError):
    pass
