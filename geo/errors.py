"""Every error deploymap raises on purpose.

Each class derives from :class:`DeploymapError` and from the builtin exception it means, so
callers can catch either. The command line turns a :class:`UserInputError` into one message and
exit code 2; anything else is a bug (exit code 1).
"""

from __future__ import annotations

from collections.abc import Sequence


class DeploymapError(Exception):
    """Root of every error deploymap raises on purpose."""


class UserInputError(DeploymapError):
    """The user's input is wrong; the message says where and how to fix it (exit code 2)."""


class PlaceNotFound(UserInputError, LookupError):
    """A name that the gazetteer does not know.

    Parameters
    ----------
    query
        The name as the user wrote it.
    suggestions
        The closest known names, best first.
    """

    def __init__(
        self, query: str, suggestions: Sequence[str] = (), *, hint: str = "", what: str = ""
    ) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        message = what or f"unknown place name {query!r}"
        if self.suggestions:
            message += "; did you mean: " + "; ".join(self.suggestions) + "?"
        elif not hint.startswith(";"):
            message += "; no similar name is known."
        message += hint or (
            " Check the spelling, give the place id (see `deploymap resolve --help`),"
            " or add --online to ask OpenStreetMap's Nominatim."
        )
        super().__init__(message)


class BadArgument(UserInputError, ValueError):
    """A command-line argument or keyword argument has a value that cannot work."""


class DataFileError(UserInputError, OSError):
    """A data file is missing, unreadable or malformed."""


class OnlineLookupError(UserInputError, ConnectionError):
    """The opt-in online geocoder could not answer (network, timeout, service refusal)."""


class ScenarioError(UserInputError, ValueError):
    """A scenario file has problems; ``problems`` lists each as ``file:line: message``."""

    def __init__(self, message: str, *, problems: Sequence[str] = ()) -> None:
        self.problems = list(problems)
        super().__init__(message)
