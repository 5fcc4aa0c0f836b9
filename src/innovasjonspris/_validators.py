"""The rules on a single field's value, one frozen object each; each is an attrs validator.

A rule states its checks once, as an ordered sequence of clauses (see
:mod:`innovasjonspris._clauses`): each the code of one check, with what it says of a value
whose first failing check it is. From them this module derives, once for every rule, the
rule's expression (:meth:`FieldRule.expression`), which is compiled into the check attrs
runs and written into the loaders' generated code (:mod:`innovasjonspris._fast`), and what
is wrong with a value that fails (:meth:`FieldRule.problem`). Beside the clauses a rule says
what JSON Schema can say of the value as the data holds it (:meth:`FieldRule.schema`), with
the parts it cannot (:meth:`FieldRule.unstated`). Raising :class:`ValidationError` naming
the field is left to the one ``__call__`` here.
"""

from __future__ import annotations

import abc
import contextlib
import operator
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Final, TypeVar, cast, get_args, get_origin

import attrs

from innovasjonspris._clauses import (
    Bind,
    Check,
    Clause,
    Problem,
    binder,
    conjunction,
    of_type,
    showing,
)
from innovasjonspris._errors import ValidationError, brief
from innovasjonspris._generated import run

__all__ = [
    "FieldRule",
    "anchored",
    "check_choice",
    "date_value",
    "first_compared_field",
    "instance_of",
    "integer",
    "optional",
    "tuple_of",
]

DISTINCT: Final = (
    "Items of a list are distinct also once the defaults of left-out keys are filled in."
)


def anchored(pattern: str) -> str:
    r"""Return a JSON Schema ``pattern`` that ``pattern`` must match in full.

    ``(?!\\n)`` keeps Python's ``$``, which also matches before a final line break, to the
    end of the text, as ECMA-262's ``$`` is; validators and generators use either.
    """
    return f"^(?:{pattern})(?!\\n)$"


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


def _compile_diagnosis(
    clauses: tuple[Clause, ...], name: str
) -> Callable[[object], Problem | None]:
    # Each clause's code in turn, as the expression runs them, so that a helper an earlier
    # clause sets is there for a later one; the first that fails says what is wrong.
    names: dict[str, Any] = {}
    bind = binder(names)
    lines = ["def diagnose(value):"]
    for clause in clauses:
        written = clause.written("value", object, bind)
        lines += [f"    if not {written}:", f"        return {bind(clause.said)}(value)"]
    lines.append("    return None")
    run("\n".join(lines) + "\n", name, names)
    return cast("Callable[[object], Problem | None]", names["diagnose"])


@attrs.frozen(repr=False)
class FieldRule(abc.ABC):
    """A rule on one field's value; subclasses state its clauses and its schema."""

    # The compiled test and diagnosis, kept on the rule itself: a cache keyed by the rule
    # would hash its nested rules on every call, which costs more than many a test.
    _test: Callable[[object], bool] | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )
    _diagnosis: Callable[[object], Problem | None] | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    @abc.abstractmethod
    def clauses(self) -> tuple[Clause, ...]:
        """The rule's checks, in the order a value that fails is told of them."""

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        """Return an expression over ``var`` that is true exactly when the value passes.

        ``kind`` is the exact type ``var`` is known to have (``object`` when nothing is
        known, ``tuple[X, ...]`` for a tuple of exactly ``X``); ``"True"`` means every
        value of that type passes. ``bind`` names the objects the expression needs. It is
        the clauses' code, joined.
        """
        return conjunction(clause.written(var, kind, bind) for clause in self.clauses())

    def problem(self, value: object) -> Problem:
        """Say what is wrong with ``value``: the first of the clauses that it fails."""
        found = (self._diagnosis or self._compiled_diagnosis())(value)
        if found is None:
            msg = f"{brief(value)} passes {self!r}: nothing is wrong with it"
            raise ValueError(msg)
        return found

    def schema(self) -> dict[str, Any]:
        """The JSON Schema fragment of the rule, for the value as a JSON document holds it."""
        return {}

    def unstated(self) -> tuple[str, ...]:
        """The parts of the rule that :meth:`schema` cannot state, in plain words."""
        return ()

    def _described(self) -> str:
        return repr(self).removeprefix("<").removesuffix(">")

    def _compiled(self) -> Callable[[object], bool]:
        # The expression over a value of any type, compiled on first use and kept: a frozen
        # rule's field set after __init__, which == and hash() leave out.
        test = compile_test(self.expression, name=f"rule: {self._described()}")
        object.__setattr__(self, "_test", test)
        return test

    def _compiled_diagnosis(self) -> Callable[[object], Problem | None]:
        diagnosis = _compile_diagnosis(self.clauses(), f"diagnosis: {self._described()}")
        object.__setattr__(self, "_diagnosis", diagnosis)
        return diagnosis

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

    def clauses(self) -> tuple[Clause, ...]:
        code = "isinstance(value, kind)"
        if self.kind is int:
            code += " and type(value) is not bool"
        elif self.kind is date:
            code += " and not isinstance(value, datetime)"
        return (of_type(self.kind, self.description, code, datetime=datetime),)

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

    def clauses(self) -> tuple[Clause, ...]:
        return (
            of_type(int, "a whole number"),
            Check(
                "minimum <= value <= maximum",
                showing(f"must be from {self.minimum} to {self.maximum}"),
                {"minimum": self.minimum, "maximum": self.maximum},
            ),
        )

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def __repr__(self) -> str:
        return f"<integer validator {self.minimum}..{self.maximum}>"


def integer(minimum: int, maximum: int) -> FieldRule:
    """Require an ``int`` (not a ``bool``) from ``minimum`` to ``maximum`` inclusive."""
    return Integer(minimum, maximum)


@attrs.frozen(eq=False)
class _NoneOr(Clause):
    """``None``, or a value that passes every clause of ``rule``."""

    rule: FieldRule

    def written(self, var: str, kind: object, bind: Bind) -> str:
        inner = self.rule.expression(var, kind, bind)
        if inner == "True" or kind is not object:
            return inner  # a value of a known type is not None
        return f"({var} is None or {inner})"

    def said(self, value: object) -> Problem:
        return self.rule.problem(value)


@attrs.frozen(repr=False)
class Optional(FieldRule):
    """``None``, or a value that passes ``inner``."""

    inner: FieldRule

    def clauses(self) -> tuple[Clause, ...]:
        return (_NoneOr(self.inner),)

    def schema(self) -> dict[str, Any]:
        return self.inner.schema()  # None is written by leaving the key out

    def unstated(self) -> tuple[str, ...]:
        return self.inner.unstated()

    def __repr__(self) -> str:
        return f"<optional validator for {self.inner!r}>"


def optional(inner: FieldRule) -> FieldRule:
    """Allow ``None``, else apply ``inner``."""
    return Optional(inner)


@attrs.frozen(eq=False)
class _Each(Clause):
    """Every item of a tuple passes ``rule``; the first that fails is the one told of."""

    rule: FieldRule

    def written(self, var: str, kind: object, bind: Bind) -> str:
        each = f"{var}_item"
        known = get_args(kind)[0] if get_origin(kind) is tuple else object
        item = self.rule.expression(each, known, bind)
        return "True" if item == "True" else f"all({item} for {each} in {var})"

    def said(self, value: object) -> Problem:
        items = cast("tuple[object, ...]", value)
        index = next(index for index, item in enumerate(items) if not self.rule.passes(item))
        below, message = self.rule.problem(items[index])
        return f"[{index}]{below}", message


def first_compared_field(kind: object) -> str | None:
    """The path to the first value that ``==`` compares as is on instances of ``kind``.

    That is the first field attrs' own ``==`` compares; where that field is annotated with
    another such class (not with one that may be ``None``), the path goes on into it
    (``person.name`` for a jury member), so that a text is hashed rather than a whole
    object. Only attrs 25.4 and later say whether a class has its own ``==``
    (``attrs.inspect``); with an earlier attrs, or for any other kind, this is ``None``.
    """
    path: list[str] = []
    seen: set[object] = set()
    # A class met again (one whose first field holds its own kind) ends the path there.
    while kind not in seen and (field := _first_compared(kind)) is not None:
        seen.add(kind)
        path.append(field.name)
        kind = field.type
    return ".".join(path) or None


def _first_compared(kind: object) -> attrs.Attribute[Any] | None:
    inspect = getattr(attrs, "inspect", None)
    if inspect is None or not (isinstance(kind, type) and attrs.has(kind)):
        return None
    if not getattr(inspect(kind), "added_eq", False):
        return None
    # Types left as text end the path at this field: none of them is a class.
    with contextlib.suppress(NameError):
        attrs.resolve_types(kind)
    compared = (f for f in attrs.fields(kind) if f.eq and f.eq_key is None)
    return next(compared, None)


@attrs.frozen(eq=False)
class _Distinct(Clause):
    """No item of a tuple equals another; the first repeat is the one told of."""

    def written(self, var: str, kind: object, bind: Bind) -> str:
        distinct = f"len(set({var})) == len({var})"
        first = first_compared_field(get_args(kind)[0]) if get_origin(kind) is tuple else None
        if first is not None:
            # Items that differ in their first field differ, and one field is quicker to
            # hash than a whole object; only a repeat there needs the full test.
            firsts = f"map({bind(operator.attrgetter(first))}, {var})"
            distinct = f"len(set({firsts})) == len({var}) or {distinct}"
        return f"(len({var}) < 2 or {distinct})"

    def said(self, value: object) -> Problem:
        items = cast("tuple[object, ...]", value)
        repeat = next(index for index, item in enumerate(items) if item in items[:index])
        return f"[{repeat}]", "is listed twice"


_DISTINCT: Final = _Distinct()
_IS_TUPLE: Final = of_type(tuple, "a tuple")


@attrs.frozen(repr=False)
class TupleOf(FieldRule):
    """A tuple whose every item passes ``item``; ``unique`` forbids equal items."""

    item: FieldRule
    unique: bool

    def clauses(self) -> tuple[Clause, ...]:
        return (_IS_TUPLE, _Each(self.item), *((_DISTINCT,) if self.unique else ()))

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
