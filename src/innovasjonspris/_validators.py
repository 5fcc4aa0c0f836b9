"""The rules on a single field's value, one frozen object each; each is an attrs validator.

A rule states its test once, as a Python expression over a variable
(:meth:`FieldRule.expression`). That one expression is compiled into the rule's own
check, the one attrs runs, and written into the loaders' generated code
(:mod:`innovasjonspris._fast`). Beside it the rule says what is wrong with a value that
fails (:meth:`FieldRule.problem`), and what JSON Schema can say of the value as the data
holds it (:meth:`FieldRule.schema`), with the parts it cannot (:meth:`FieldRule.unstated`).
Raising :class:`ValidationError` naming the field is left to the one ``__call__`` here.
"""

from __future__ import annotations

import abc
import operator
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Final, TypeVar, cast, get_args, get_origin

import attrs

from innovasjonspris._errors import ValidationError, brief
from innovasjonspris._generated import run

__all__ = [
    "FieldRule",
    "anchored",
    "binder",
    "check_choice",
    "date_value",
    "first_compared_field",
    "instance_of",
    "integer",
    "optional",
    "tuple_of",
]

Bind = Callable[[object], str]
"""Gives an object a name that an expression can use."""

Problem = tuple[str, str]
"""What fails, as ``(where below the field, message)``: ``("[2]", "is listed twice")``."""

DISTINCT: Final = (
    "Items of a list are distinct also once the defaults of left-out keys are filled in."
)


def anchored(pattern: str) -> str:
    r"""Return a JSON Schema ``pattern`` that ``pattern`` must match in full.

    ``(?!\\n)`` keeps Python's ``$``, which also matches before a final line break, to the
    end of the text, as ECMA-262's ``$`` is; validators and generators use either.
    """
    return f"^(?:{pattern})(?!\\n)$"


def _type_name(value: object) -> str:
    return type(value).__name__


def binder(names: dict[str, Any]) -> Bind:
    """A :data:`Bind` that puts each value into ``names`` under a name of its own."""

    def bind(value: object) -> str:
        key = f"_n{len(names)}"
        names[key] = value
        return key

    return bind


def compile_test(
    expression: Callable[[str, object, Bind], str], kind: object = object, name: str = "test"
) -> Callable[[object], bool]:
    """Compile ``expression``, written over a variable of exactly ``kind``, into a function.

    With the default, ``object``, nothing is assumed of the value. ``name`` is what a
    traceback through the function calls its source.
    """
    names: dict[str, Any] = {}
    test = expression("value", kind, binder(names))
    run(f"def test(value):\n    return bool({test})\n", name, names)
    return cast("Callable[[object], bool]", names["test"])


@attrs.frozen(repr=False)
class FieldRule(abc.ABC):
    """A rule on one field's value; subclasses state the test, the message and the schema."""

    # The compiled test, kept on the rule itself: a cache keyed by the rule would hash its
    # nested rules on every call, which costs more than many a test.
    _test: Callable[[object], bool] | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    @abc.abstractmethod
    def expression(self, var: str, kind: object, bind: Bind) -> str:
        """Return an expression over ``var`` that is true exactly when the value passes.

        ``kind`` is the exact type ``var`` is known to have (``object`` when nothing is
        known, ``tuple[X, ...]`` for a tuple of exactly ``X``); ``"True"`` means every
        value of that type passes. ``bind`` names the objects the expression needs.
        """

    @abc.abstractmethod
    def problem(self, value: object) -> Problem:
        """Say what is wrong with ``value``, a value that fails the test."""

    def schema(self) -> dict[str, Any]:
        """The JSON Schema fragment of the rule, for the value as a JSON document holds it."""
        return {}

    def unstated(self) -> tuple[str, ...]:
        """The parts of the rule that :meth:`schema` cannot state, in plain words."""
        return ()

    def _compiled(self) -> Callable[[object], bool]:
        # The expression over a value of any type, compiled on first use and kept: a frozen
        # rule's one field set after __init__, which == and hash() leave out.
        described = repr(self).removeprefix("<").removesuffix(">")
        test = compile_test(self.expression, name=f"rule: {described}")
        object.__setattr__(self, "_test", test)
        return test

    def passes(self, value: object) -> bool:
        """Whether ``value`` passes: the expression, compiled on first use."""
        return (self._test or self._compiled())(value)

    def check(self, value: object, field: str) -> object:
        """Return ``value`` if it passes, else raise :class:`ValidationError` for ``field``."""
        if not (self._test or self._compiled())(value):
            below, message = self.problem(value)
            raise ValidationError(field + below, message)
        return value

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        self.check(value, attribute.name)


# --- Types, numbers, optional values and tuples ------------------------------------------


@attrs.frozen(repr=False)
class InstanceOf(FieldRule):
    """An instance of ``kind``; no bool for an int and no datetime for a date.

    Neither is what a field of those types means.
    """

    kind: type[Any]
    description: str

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        if kind is self.kind:
            return "True"
        test = f"isinstance({var}, {bind(self.kind)})"
        if self.kind is int:
            return f"({test} and type({var}) is not bool)"
        if self.kind is date:
            return f"({test} and not isinstance({var}, {bind(datetime)}))"
        return test

    def problem(self, value: object) -> Problem:
        return "", f"must be {self.description}, not {_type_name(value)}"

    def __repr__(self) -> str:
        return f"<instance_of validator for {self.kind.__name__}>"


def instance_of(kind: type[Any], description: str | None = None) -> FieldRule:
    """Require an instance of ``kind`` (see :class:`InstanceOf`)."""
    return InstanceOf(kind, description or f"a {kind.__name__}")


def date_value() -> FieldRule:
    """Require a :class:`datetime.date` that is not a :class:`datetime.datetime`."""
    return InstanceOf(date, "a date")


@attrs.frozen(repr=False)
class Integer(FieldRule):
    """An ``int`` (not a ``bool``) from ``minimum`` to ``maximum`` inclusive."""

    minimum: int
    maximum: int

    def expression(self, var: str, kind: object, bind: Bind) -> str:  # noqa: ARG002 - no names
        typed = "" if kind is int else f"type({var}) is int and "
        return f"({typed}{self.minimum} <= {var} <= {self.maximum})"

    def problem(self, value: object) -> Problem:
        if type(value) is not int:
            return "", f"must be a whole number, not {_type_name(value)}"
        return "", f"must be from {self.minimum} to {self.maximum}, not {brief(value)}"

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def __repr__(self) -> str:
        return f"<integer validator {self.minimum}..{self.maximum}>"


def integer(minimum: int, maximum: int) -> FieldRule:
    """Require an ``int`` (not a ``bool``) from ``minimum`` to ``maximum`` inclusive."""
    return Integer(minimum, maximum)


@attrs.frozen(repr=False)
class Optional(FieldRule):
    """``None``, or a value that passes ``inner``."""

    inner: FieldRule

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        inner = self.inner.expression(var, kind, bind)
        if inner == "True" or kind is not object:
            return inner  # a value of a known type is not None
        return f"({var} is None or {inner})"

    def problem(self, value: object) -> Problem:
        return self.inner.problem(value)

    def schema(self) -> dict[str, Any]:
        return self.inner.schema()  # None is written by leaving the key out

    def unstated(self) -> tuple[str, ...]:
        return self.inner.unstated()

    def __repr__(self) -> str:
        return f"<optional validator for {self.inner!r}>"


def optional(inner: FieldRule) -> FieldRule:
    """Allow ``None``, else apply ``inner``."""
    return Optional(inner)


@attrs.frozen(repr=False)
class TupleOf(FieldRule):
    """A tuple whose every item passes ``item``; ``unique`` forbids equal items."""

    item: FieldRule
    unique: bool

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        known = get_origin(kind) is tuple
        each = f"{var}_item"
        item = self.item.expression(each, get_args(kind)[0] if known else object, bind)
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

    def problem(self, value: object) -> Problem:
        if type(value) is not tuple:
            return "", f"must be a tuple, not {_type_name(value)}"
        items = cast("tuple[object, ...]", value)
        for index, item in enumerate(items):
            if not self.item.passes(item):
                below, message = self.item.problem(item)
                return f"[{index}]{below}", message
        # Items all pass, so one is a repeat of an earlier one.
        repeat = next(index for index, item in enumerate(items) if item in items[:index])
        return f"[{repeat}]", "is listed twice"

    def schema(self) -> dict[str, Any]:
        fragment: dict[str, Any] = {"type": "array"}
        item = self.item.schema()
        if item:
            fragment["items"] = item
        if self.unique:
            fragment["uniqueItems"] = True
        return fragment

    def unstated(self) -> tuple[str, ...]:
        return (*self.item.unstated(), *((DISTINCT,) if self.unique else ()))

    def __repr__(self) -> str:
        return f"<tuple_of validator for {self.item!r}>"


def tuple_of(item: FieldRule, *, unique: bool = False) -> FieldRule:
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


Choice = TypeVar("Choice", bound=str)


def check_choice(value: object, choices: tuple[Choice, ...], field: str) -> Choice:
    """``value`` as the one of ``choices`` it is; not text is the caller's mistake."""
    allowed = ", ".join(repr(choice) for choice in choices)
    if type(value) is not str:
        msg = f"{field} must be one of {allowed}, not {type(value).__name__}"
        raise TypeError(msg)
    if value not in choices:
        msg = f"must be one of {allowed}, not {brief(value)}"
        raise ValidationError(field, msg)
    return choices[choices.index(value)]
