"""The one error class every reader raises for input a user must fix, so the assets can tell it from a bug."""


class InputError(RuntimeError):
    """Input a user must fix (a wrong table, column, file or password); retrying will not help."""
