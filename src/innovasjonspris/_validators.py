"""Small validators for attrs fields; each raises :class:`ValidationError` naming the field.

They follow attrs' own shape: factory functions that return frozen callables, so that a
class body reads as a list of rules and every rule is built once, at import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

import attrs

from innovasjonspris._errors import ValidationError

__all__ = [
    "brief",
    "date_value",
    "instance_of",
    "integer",
    "matches",
    "optional",
    "text",
    "tuple_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# C0 and C1 controls, lone surrogates (JSON can smuggle them in as \ud800) and the
# Unicode line and paragraph separators, which render as invisible line breaks.
_FORBIDDEN_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_FORBIDDEN_IN_PROSE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


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


def _type_name(value: object) -> str:
    return type(value).__name__


def check_text(value: object, field: str, *, multiline: bool = False) -> str:
    """Return ``value`` if it is clean text, else raise :class:`ValidationError` for ``field``.

    Clean text is a non-empty ``str`` without surrounding white space, in Unicode NFC, and
    without control characters (a line break only where ``multiline`` allows it).
    """
    # Text is checked more than anything else in a document, so clean text takes the
    # quickest tests first; only text that fails them is examined for the reason.
    if (
        type(value) is str
        and value
        and value == value.strip()
        # Printable text has no controls (nor any other white space than " "); text that
        # is not, say with a no-break space or a line feed, is searched for them.
        and (
            value.isprintable()
            or (_FORBIDDEN_IN_PROSE if multiline else _FORBIDDEN_IN_LINE).search(value) is None
        )
        and (value.isascii() or unicodedata.is_normalized("NFC", value))
    ):
        return value
    raise ValidationError(field, _text_problem(value, multiline=multiline))


def _text_problem(value: object, *, multiline: bool) -> str:
    if type(value) is not str:
        return f"must be text, not {_type_name(value)}"
    if not value or value.isspace():
        return "must not be empty"
    forbidden = _FORBIDDEN_IN_PROSE if multiline else _FORBIDDEN_IN_LINE
    bad = forbidden.search(value)
    if bad is not None:
        return f"must not contain the control character U+{ord(bad.group()):04X}"
    if value != value.strip():
        return "must not start or end with white space"
    return "must be in Unicode normal form NFC"


@attrs.frozen(repr=False)
class Text:
    multiline: bool

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_text(value, attribute.name, multiline=self.multiline)

    def __repr__(self) -> str:
        return f"<text validator multiline={self.multiline}>"


def text(*, multiline: bool = False) -> Validator:
    """Require clean text (see :func:`check_text`)."""
    return Text(multiline)


@attrs.frozen(repr=False)
class InstanceOf:
    kind: type[Any]
    description: str

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # bool is an int and datetime is a date; neither is what a field of those types means.
        if not isinstance(value, self.kind) or (
            (self.kind is int and type(value) is bool)
            or (self.kind is date and isinstance(value, datetime))
        ):
            msg = f"must be {self.description}, not {_type_name(value)}"
            raise ValidationError(attribute.name, msg)

    def __repr__(self) -> str:
        return f"<instance_of validator for {self.kind.__name__}>"


def instance_of(kind: type[Any], description: str | None = None) -> Validator:
    """Require an instance of ``kind`` (exactly: no bool for int, no datetime for date)."""
    return InstanceOf(kind, description or f"a {kind.__name__}")


def date_value() -> Validator:
    """Require a :class:`datetime.date` that is not a :class:`datetime.datetime`."""
    return InstanceOf(date, "a date")


@attrs.frozen(repr=False)
class Integer:
    minimum: int
    maximum: int

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int:
            msg = f"must be a whole number, not {_type_name(value)}"
            raise ValidationError(attribute.name, msg)
        if not self.minimum <= value <= self.maximum:
            msg = f"must be from {self.minimum} to {self.maximum}, not {brief(value)}"
            raise ValidationError(attribute.name, msg)

    def __repr__(self) -> str:
        return f"<integer validator {self.minimum}..{self.maximum}>"


def integer(minimum: int, maximum: int) -> Validator:
    """Require an ``int`` (not a ``bool``) from ``minimum`` to ``maximum`` inclusive."""
    return Integer(minimum, maximum)


@attrs.frozen(repr=False)
class Matches:
    pattern: re.Pattern[str]
    description: str

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        checked = check_text(value, attribute.name)
        if self.pattern.fullmatch(checked) is None:
            msg = f"must be {self.description}, not {brief(value)}"
            raise ValidationError(attribute.name, msg)

    def __repr__(self) -> str:
        return f"<matches validator {self.pattern.pattern!r}>"


def matches(pattern: str, description: str) -> Validator:
    """Require clean text that matches ``pattern`` in full; ``description`` says what it is."""
    return Matches(re.compile(pattern), description)


@attrs.frozen(repr=False)
class Optional:
    inner: Validator

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            self.inner(instance, attribute, value)

    def __repr__(self) -> str:
        return f"<optional validator for {self.inner!r}>"


def optional(inner: Validator) -> Validator:
    """Allow ``None``, else apply ``inner``."""
    return Optional(inner)


@attrs.frozen(repr=False)
class TupleOf:
    item: Validator
    unique: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            msg = f"must be a tuple, not {_type_name(value)}"
            raise ValidationError(attribute.name, msg)
        items = cast("tuple[object, ...]", value)
        for index, item in enumerate(items):
            try:
                self.item(instance, attribute, item)
            except ValidationError as error:
                raise ValidationError(f"{attribute.name}[{index}]", error.message) from None
        if self.unique and len(items) > 1:
            seen: set[object] = set()
            for index, item in enumerate(items):
                if item in seen:
                    raise ValidationError(f"{attribute.name}[{index}]", "is listed twice")
                seen.add(item)

    def __repr__(self) -> str:
        return f"<tuple_of validator for {self.item!r}>"


def tuple_of(item: Validator, *, unique: bool = False) -> Validator:
    """Require a tuple whose every item passes ``item``; ``unique`` forbids repeats."""
    return TupleOf(item, unique)
