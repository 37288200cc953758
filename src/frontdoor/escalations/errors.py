class EscalationError(Exception):
    """A plain-English reason an escalation could not be changed; pages show it in the error summary."""


class EscalationConflict(EscalationError):
    pass


class EscalationInvalid(EscalationError):
    pass
