class DecisionError(Exception):
    """A problem with a decision the user can act on; the message is shown to them as-is."""


class DecisionConflict(DecisionError):
    pass


class DecisionInvalid(DecisionError):
    pass


class ChildNotIdentified(DecisionInvalid):
    """A child on the contact is not linked to the person index and no reason was given."""


class ConsentNotSettled(DecisionInvalid):
    """The family refused consent and the decision lacks its lawful basis or its significant-harm confirmation."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
