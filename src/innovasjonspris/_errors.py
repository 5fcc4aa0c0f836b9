"""The library's exceptions."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from innovasjonspris._model import YearNotAwarded

__all__ = [
    "InnovasjonsprisError",
    "InvalidDataError",
    "Mismatch",
    "RoundNotFoundError",
    "ValidationError",
    "brief",
]

_BRIEF_LENGTH = 60
_DIGITS_PER_BIT = 0.30103  # log10(2)


def brief(value: object) -> str:
    """Show ``value`` in an error message, cut short.

    Messages stay readable whatever the input, and an int of thousands of digits, which
    Python refuses to print, is described instead.
    """
    if type(value) is int and value.bit_length() > _BRIEF_LENGTH * 3:
        return f"a number of about {int(value.bit_length() * _DIGITS_PER_BIT)} digits"
    shown = str(value) if isinstance(value, (int, Decimal)) else repr(value)
    if len(shown) > _BRIEF_LENGTH:
        return shown[: _BRIEF_LENGTH - 1] + "…"
    return shown


class InnovasjonsprisError(Exception):
    """Base class of every exception this library raises on purpose.

    .. versionadded:: 0.1.0
    """


class ValidationError(InnovasjonsprisError, ValueError):
    """A domain value breaks a rule.

    ``field`` names the first failing field, relative to the object being built
    (``"number"``, ``"citations[1].projects[0].municipality"``); ``problems`` holds
    every ``(field, message)`` pair found at once.

    Instances pickle with every attribute, so they travel between processes (a
    ``ProcessPoolExecutor`` hands them back intact).

    .. versionadded:: 0.1.0
    """

    field: str
    message: str
    problems: tuple[tuple[str, str], ...]

    def __init__(self, field: str, message: str, *more: tuple[str, str]) -> None:
        """Record one problem, or several when ``more`` is given."""
        self.field = field
        self.message = message
        self.problems = ((field, message), *more)
        super().__init__(self._describe())

    def _describe(self) -> str:
        return "; ".join(f"{field}: {message}" for field, message in self.problems)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduction calls the class with ``args``, the one formatted
        # message, which is not what __init__ takes.
        return (type(self), self._arguments(), self.__dict__)

    def _arguments(self) -> tuple[Any, ...]:
        return self.problems[0] + self.problems[1:]

    @classmethod
    def from_problems(cls, problems: Iterable[tuple[str, str]]) -> ValidationError | None:
        """Build one error carrying all ``problems``, or ``None`` when there are none."""
        found = list(problems)
        if not found:
            return None
        (field, message), *more = found
        return cls(field, message, *more)


class InvalidDataError(ValidationError):
    """A document cannot be loaded; ``errors`` lists every problem as ``"<path>: <message>"``.

    Paths start at ``$``, the document itself, and follow JSONPath's dotted form:
    ``$.citations[0].municipality.number``. ``problems`` holds the same as
    ``(path, message)`` pairs, for code that wants the two apart; ``field`` and
    ``message`` are those of the first problem.

    .. versionadded:: 0.1.0
    """

    errors: list[str]

    def __init__(self, errors: Iterable[tuple[str, str]]) -> None:
        """Record every ``(path, message)`` pair found in one document."""
        pairs = list(errors) or [("$", "invalid data")]
        self.errors = [f"{path}: {message}" for path, message in pairs]
        (field, message), *more = pairs
        super().__init__(field, message, *more)

    def _arguments(self) -> tuple[Any, ...]:
        return (self.problems,)

    def _describe(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  {field}: {message}" for field, message in self.problems)
        return f"invalid data ({count} {noun}):\n{lines}"


class RoundNotFoundError(InnovasjonsprisError, LookupError):
    """No round of ``year`` is known, and the message says why.

    For a year in which the prize was not awarded, ``not_awarded`` holds that year's
    record, with the reason and its sources; for a year without any data it is ``None``.

    .. versionadded:: 0.1.0
    """

    message: str
    year: int
    not_awarded: YearNotAwarded | None

    def __init__(self, message: str, year: int, not_awarded: YearNotAwarded | None) -> None:
        """Record the ``message``, the ``year`` asked for and its record if it has one."""
        # Every value goes to the base class too, so that the error pickles whole.
        super().__init__(message, year, not_awarded)
        self.message = message
        self.year = year
        self.not_awarded = not_awarded

    def __str__(self) -> str:
        """The message alone."""
        return self.message


class Mismatch(Exception):  # noqa: N818 - reads as "a mismatch at <path>"
    """A value of the wrong kind for its place in a document, while it is structured.

    Internal: the loaders turn it into an :class:`InvalidDataError` with its path. It lives
    here, below the converters, so that every hook can raise it.
    """

    def __init__(self, message: str) -> None:
        """Keep the message that says what was expected."""
        super().__init__(message)
        self.message = message
