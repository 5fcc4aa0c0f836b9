"""The kinds of single value a document holds, and how each format reads and writes one.

A leaf is a field type that is not a class of the model nor a tuple: text, a whole number,
true or false, an amount as decimal text, a date, or one of an enum's values. Each kind is
one object that says, once, everything the loaders, the writers and the JSON Schema need to
know of its values: the expression that reads one from JSON or TOML (and refuses a value
of the wrong kind, saying why), the expression that writes one, and its schema. The
generated loading code writes those expressions in line; :meth:`Leaf.reader` compiles the
same expression into the function the detailed path calls.
"""

from __future__ import annotations

import abc
import enum
import functools
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Final, Literal, NoReturn, cast

import attrs

from innovasjonspris._clauses import Bind, binder
from innovasjonspris._errors import Mismatch
from innovasjonspris._generated import run
from innovasjonspris._parts import decimal_text
from innovasjonspris._problems import expect
from innovasjonspris._validators import anchored

__all__ = ["Choice", "Day", "DecimalText", "Exact", "Format", "Leaf", "leaf_of"]

Format = Literal["json", "toml"]

ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The form of a date in JSON; :func:`datetime.date.fromisoformat` then checks the day."""

_CALENDAR: Final = "A date is a day in the calendar."


@attrs.frozen
class _Written:
    """A value a format holds as text of one form."""

    form: re.Pattern[str]
    kind: str
    """What to call the value when it is no text at all."""
    described: str
    """What to call the value when it is text of another form."""

    def text(self, value: object) -> str:
        """``value``, if it is text of the form, else a :class:`Mismatch` that says why not."""
        if type(value) is not str:
            raise expect(self.kind, value)
        if self.form.fullmatch(value) is None:
            msg = f"expected {self.described}, got {value!r:.60}"
            raise Mismatch(msg)
        return value


# Amounts travel as decimal text, in the one spelling the data has. The bounds here are
# looser than the model's, so that its rule says what is wrong with an amount too large
# or too fine; they only keep hostile input cheap to reject.
_DECIMAL: Final = _Written(
    re.compile(decimal_text(whole_digits=40, places=40)),
    'a decimal number written as text, such as "500000"',
    'a decimal number written as text, such as "1234.50"',
)
_ISO_DATE: Final = _Written(ISO_DATE, 'a date written as text, "YYYY-MM-DD"', 'a date "YYYY-MM-DD"')


@attrs.frozen
class Leaf(abc.ABC):
    """One kind of single value; subclasses say how it is read, written and described."""

    kind: type[Any]
    """The Python type of the value once read."""

    @abc.abstractmethod
    def read(self, fmt: Format, source: str, bind: Bind) -> str:
        """An expression that gives the value read from ``source``, or raises :class:`Mismatch`."""

    def write(self, fmt: Format, source: str, bind: Bind) -> str:  # noqa: ARG002 - as is
        """An expression that gives ``source``, a value of :attr:`kind`, as ``fmt`` holds it."""
        return source

    @abc.abstractmethod
    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the value as a JSON document holds it."""

    def unstated(self) -> tuple[str, ...]:
        """What :meth:`schema` cannot say of the value, in plain words."""
        return ()

    def json_string(self) -> bool:
        """Whether a JSON document holds the value as a string."""
        return True

    def reader(self, fmt: Format) -> Callable[[object], Any]:
        """The function that :meth:`read` writes in line, compiled once per format."""
        return _reader(self, fmt)


@functools.cache
def _reader(leaf: Leaf, fmt: Format) -> Callable[[object], Any]:
    names: dict[str, Any] = {}
    expression = leaf.read(fmt, "value", binder(names))
    run(f"def read(value):\n    return {expression}\n", f"read {fmt} {leaf.kind.__name__}", names)
    reader: Callable[[object], Any] = names["read"]
    return reader


@attrs.frozen
class Exact(Leaf):
    """A value taken only as itself: no bool for a whole number, no number for text."""

    description: str
    json_type: str

    def read(self, fmt: Format, source: str, bind: Bind) -> str:  # noqa: ARG002 - one form
        return f"(_v if type(_v := {source}) is {bind(self.kind)} else {bind(self.refuse)}(_v))"

    def refuse(self, value: object) -> NoReturn:
        raise expect(self.description, value)

    def json_string(self) -> bool:
        return self.json_type == "string"

    def schema(self) -> dict[str, Any]:
        return {"type": self.json_type}


def _read_decimal(value: object) -> Decimal:
    return Decimal(_DECIMAL.text(value))


@attrs.frozen
class DecimalText(Leaf):
    """An exact decimal, which travels as text so that no format rounds it."""

    def read(self, fmt: Format, source: str, bind: Bind) -> str:  # noqa: ARG002 - one form
        return f"{bind(_read_decimal)}({source})"

    def write(self, fmt: Format, source: str, bind: Bind) -> str:  # noqa: ARG002 - one form
        return f"format({source}, 'f')"

    def schema(self) -> dict[str, Any]:
        return {"type": "string"}


def _read_iso_date(value: object) -> date:
    text = _ISO_DATE.text(value)
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"{text!r} is not a day in the calendar"
        raise Mismatch(msg) from None


def _read_toml_date(value: object) -> date:
    # tomllib reads a TOML local date as date and a date-time as datetime (a date subclass).
    if type(value) is not date:
        raise expect("a TOML date such as 2019-06-07", value)
    return value


@attrs.frozen
class Day(Leaf):
    """A day: text "YYYY-MM-DD" in JSON, a local date in TOML, which has dates of its own."""

    def read(self, fmt: Format, source: str, bind: Bind) -> str:
        return f"{bind(_read_iso_date if fmt == 'json' else _read_toml_date)}({source})"

    def write(self, fmt: Format, source: str, bind: Bind) -> str:  # noqa: ARG002 - no names
        return f"{source}.isoformat()" if fmt == "json" else source

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": anchored(ISO_DATE.pattern)}

    def unstated(self) -> tuple[str, ...]:
        return (_CALENDAR,)


@attrs.frozen
class Choice(Leaf):
    """One of an enum's members, written as its value."""

    def read(self, fmt: Format, source: str, bind: Bind) -> str:  # noqa: ARG002 - one form
        members = bind(_members(self))
        return (
            f"({members}[_v] if type(_v := {source}) is str and _v in {members}"
            f" else {bind(self.refuse)}(_v))"
        )

    def refuse(self, value: object) -> NoReturn:
        by_value = _members(self)
        allowed = ", ".join(repr(v) for v in by_value)
        if type(value) is not str:
            raise expect(f"one of {allowed}", value)
        msg = f"expected one of {allowed}, got {value!r:.60}"
        raise Mismatch(msg)

    def write(self, fmt: Format, source: str, bind: Bind) -> str:  # noqa: ARG002 - one form
        return f"{source}.value"

    def schema(self) -> dict[str, Any]:
        return {"enum": list(_members(self))}


@functools.cache
def _members(choice: Choice) -> dict[object, enum.Enum]:
    members = cast("type[enum.Enum]", choice.kind)
    return {member.value: member for member in members}


_EXACT: Final[tuple[Exact, ...]] = (
    Exact(str, "text", "string"),
    Exact(bool, "true or false", "boolean"),
    Exact(int, "a whole number", "integer"),
)
_LEAVES: Final[dict[object, Leaf]] = {
    **{leaf.kind: leaf for leaf in _EXACT},
    Decimal: DecimalText(Decimal),
    date: Day(date),
}


def leaf_of(kind: object) -> Leaf | None:
    """The leaf that reads and writes values of ``kind``; ``None`` if it is not a leaf."""
    found = _LEAVES.get(kind)
    if found is None and isinstance(kind, type) and issubclass(kind, enum.Enum):
        return Choice(kind)
    return found
