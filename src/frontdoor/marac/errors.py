class MaracInvalid(Exception):
    """A plain-English reason a MARAC record could not be changed; pages show it in the error summary."""
