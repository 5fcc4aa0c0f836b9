"""Small validators for attrs fields; each raises :class:`ValidationError` naming the field.

They follow attrs' own shape: factory functions that return frozen callables, so that a
class body reads as a list of rules and every rule is built once, at import.

Beside its ``__call__``, each validator can describe a cheap Python expression that is true
only of values it accepts (:meth:`Text.inline` and its siblings). The loaders' generated
code evaluates those expressions instead of calling the validator, and calls it whenever the
expression is false: an expression may be stricter than its rule, never looser.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol, cast, get_args, get_origin, runtime_checkable

import attrs

from innovasjonspris._errors import ValidationError, brief

__all__ = [
    "brief",
    "date_value",
    "first_compared_field",
    "inline",
    "instance_of",
    "integer",
    "matches",
    "optional",
    "remembered",
    "text",
    "tuple_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

Bind = Callable[[object], str]
"""Gives an object a name that an inline expression can use (see :func:`inline`)."""


@runtime_checkable
class Inlinable(Protocol):
    """A validator that can describe its rule, or a sufficient part of it, as an expression."""

    def inline(self, var: str, kind: object, bind: Bind) -> str | None:
        """Return an expression over the variable ``var`` that is true only if it passes.

        ``kind`` is the exact type ``var`` is known to have (``object`` when nothing is
        known, ``tuple[X, ...]`` for a tuple of exactly ``X``). ``bind`` names the objects
        the expression needs. ``None`` means the validator must be called.
        """
        ...  # pragma: no cover


def inline(validator: Validator, var: str, kind: object, bind: Bind) -> str | None:
    """Return ``validator``'s inline expression over ``var``, or ``None`` if it has none.

    ``"True"`` means that every value of exactly the type ``kind`` passes.
    """
    described: object = validator
    if isinstance(described, Inlinable):
        return described.inline(var, kind, bind)
    return None


# C0 and C1 controls, lone surrogates (JSON can smuggle them in as \ud800) and the
# Unicode line and paragraph separators, which render as invisible line breaks.
_FORBIDDEN_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_FORBIDDEN_IN_PROSE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
# The same characters where they are Latin-1 (C0, DEL and C1), as bytes.
_LATIN1_FORBIDDEN_IN_LINE = bytes(range(0x20)) + bytes(range(0x7F, 0xA0))
_LATIN1_FORBIDDEN_IN_PROSE = _LATIN1_FORBIDDEN_IN_LINE.replace(b"\n", b"")
_LONG_TEXT = 64  # characters from which the bulk test pays off


def _type_name(value: object) -> str:
    return type(value).__name__


def _clean_text_expression(var: str, kind: object, bind: Bind, *, multiline: bool) -> str:
    """Return the test for clean text (see :func:`check_text`) as an expression over ``var``.

    This one expression is the rule's quick test wherever it runs: compiled once below for
    :func:`check_text`, and written into the loaders' generated code.
    """
    typed = "" if kind is str else f"type({var}) is str and "
    forbidden = bind(_FORBIDDEN_IN_PROSE if multiline else _FORBIDDEN_IN_LINE)
    # Printable text has no controls (nor any other white space than " "); text that is
    # not, say with a no-break space or a line feed, is searched for them.
    anywhere = (
        f"({var}.isprintable() or {forbidden}.search({var}) is None)"
        f" and ({var}.isascii() or {bind(unicodedata.is_normalized)}('NFC', {var}))"
    )
    # Long text is checked in bulk when it is Latin-1, as Norwegian and English prose nearly
    # always is: Latin-1 text is in NFC whatever its letters, and its control characters are
    # bytes, found faster among its bytes than by isprintable(), which looks up each letter.
    latin1, length = f"{var}_latin1", f"{var}_length"
    controls = bind(_LATIN1_FORBIDDEN_IN_PROSE if multiline else _LATIN1_FORBIDDEN_IN_LINE)
    in_bulk = (
        f"len({latin1} := {var}.encode('latin-1', 'ignore')) == {length}"
        f" and len({latin1}.translate(None, {controls})) == {length}"
    )
    return (
        f"({typed}{var} != '' and {var} == {var}.strip()"
        f" and (({anywhere}) if ({length} := len({var})) < {_LONG_TEXT}"
        f" else ({in_bulk} or ({anywhere}))))"
    )


def _compile_clean_text_test(*, multiline: bool) -> Callable[[object], bool]:
    names: dict[str, object] = {}

    def bind(value: object) -> str:
        key = f"_n{len(names)}"
        names[key] = value
        return key

    expression = _clean_text_expression("value", object, bind, multiline=multiline)
    return cast("Callable[[object], bool]", eval(f"lambda value: {expression}", names))  # noqa: S307 - our own expression


_IS_CLEAN_LINE = _compile_clean_text_test(multiline=False)
_IS_CLEAN_PROSE = _compile_clean_text_test(multiline=True)


def check_text(value: object, field: str, *, multiline: bool = False) -> str:
    """Return ``value`` if it is clean text, else raise :class:`ValidationError` for ``field``.

    Clean text is a non-empty ``str`` without surrounding white space, in Unicode NFC, and
    without control characters (a line break only where ``multiline`` allows it).
    """
    # Clean text passes one quick test; only text that fails it is examined for the reason.
    if (_IS_CLEAN_PROSE if multiline else _IS_CLEAN_LINE)(value):
        return cast("str", value)
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

    def inline(self, var: str, kind: object, bind: Bind) -> str:
        """See :class:`Inlinable`; exactly the rule."""
        return _clean_text_expression(var, kind, bind, multiline=self.multiline)

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

    def inline(self, var: str, kind: object, bind: Bind) -> str:
        """See :class:`Inlinable`; subclasses are left to the call."""
        if kind is self.kind:
            return "True"
        return f"(type({var}) is {bind(self.kind)})"

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

    def inline(self, var: str, kind: object, _bind: Bind) -> str:
        """See :class:`Inlinable`; exactly the rule."""
        typed = "" if kind is int else f"type({var}) is int and "
        return f"({typed}{self.minimum} <= {var} <= {self.maximum})"

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

    def inline(self, var: str, kind: object, bind: Bind) -> str:
        """See :class:`Inlinable`; exactly the rule."""
        clean = _clean_text_expression(var, kind, bind, multiline=False)
        return f"({clean} and {bind(self.pattern)}.fullmatch({var}) is not None)"

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

    def inline(self, var: str, kind: object, bind: Bind) -> str | None:
        """See :class:`Inlinable`; as exact as the inner validator's expression."""
        inner = inline(self.inner, var, kind, bind)
        if inner is None or inner == "True" or kind is not object:
            return inner  # a value of a known type is not None
        return f"({var} is None or {inner})"

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

    def inline(self, var: str, kind: object, bind: Bind) -> str | None:
        """See :class:`Inlinable`; as exact as the item validator's expression."""
        known = get_origin(kind) is tuple
        each = f"{var}_item"
        item = inline(self.item, each, get_args(kind)[0] if known else object, bind)
        if item is None:
            return None
        parts = [] if known else [f"type({var}) is tuple"]
        if item != "True":
            parts.append(f"all({item} for {each} in {var})")
        if self.unique:
            distinct = f"len(set({var})) == len({var})"
            first = first_compared_field(get_args(kind)[0]) if known else None
            if first is not None:
                # Items that differ in their first field differ, and one field is quicker
                # to hash than a whole object; only a repeat there needs the full test.
                firsts = f"map({bind(operator.attrgetter(first))}, {var})"
                distinct = f"len(set({firsts})) == len({var}) or {distinct}"
            parts.append(f"(len({var}) < 2 or {distinct})")
        return f"({' and '.join(parts)})" if parts else "True"

    def __repr__(self) -> str:
        return f"<tuple_of validator for {self.item!r}>"


def tuple_of(item: Validator, *, unique: bool = False) -> Validator:
    """Require a tuple whose every item passes ``item``; ``unique`` forbids repeats."""
    return TupleOf(item, unique)


def first_compared_field(kind: object) -> str | None:
    """The first field that attrs' ``==`` compares as is on instances of ``kind``, if any."""
    if not (isinstance(kind, type) and attrs.has(kind)):
        return None
    # Only the == that attrs writes compares field by field.
    code = getattr(getattr(kind, "__eq__", None), "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return None
    compared = (f for f in attrs.fields(kind) if f.eq and f.eq_key is None)
    return next((field.name for field in compared), None)


@attrs.frozen(repr=False, eq=False)
class Remembered:
    """Remembers the text values ``inner`` accepted, up to ``limit`` of them.

    A rule whose result depends on the value alone, with few values that pass (currency
    codes, kommunenummer), is then checked once per value rather than once per use.
    """

    inner: Validator
    limit: int
    accepted: set[str] = attrs.field(factory=set[str], init=False)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is str and value in self.accepted:
            return
        self.inner(instance, attribute, value)
        if type(value) is str and len(self.accepted) < self.limit:
            self.accepted.add(value)

    def inline(self, var: str, kind: object, bind: Bind) -> str:
        """See :class:`Inlinable`; true of the values accepted so far."""
        typed = "" if kind is str else f"type({var}) is str and "
        return f"({typed}{var} in {bind(self.accepted)})"

    def __repr__(self) -> str:
        return f"<remembered validator for {self.inner!r}>"


def remembered(inner: Validator, *, limit: int) -> Validator:
    """Apply ``inner`` once per text value, for rules that depend on the value alone."""
    return Remembered(inner, limit)
