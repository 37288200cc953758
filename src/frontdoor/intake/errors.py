from collections.abc import Mapping


class IntakeError(Exception):
    """A problem with a contact the user can act on; the message is shown to them as-is."""

    @property
    def messages(self) -> list[str]:
        return [str(self)]


class ContactConflict(IntakeError):
    pass


class ContactInvalid(IntakeError):
    """`problems` names each field that is wrong ("referrer_email", "children[0].nhs_number") with its
    message, so a page can show each one and the API can answer with them all."""

    def __init__(self, message: str = "", *, problems: Mapping[str, str] | None = None):
        self.problems = dict(problems or {})
        super().__init__(message or "; ".join(self.problems.values()))

    @property
    def messages(self) -> list[str]:
        return list(self.problems.values()) or [str(self)]
