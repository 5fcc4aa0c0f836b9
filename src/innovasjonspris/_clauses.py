"""The checks a rule is made of: each stated once, as code, with what it says when it fails.

A field rule (see :mod:`innovasjonspris._validators`) is an ordered sequence of clauses.
Each clause is the code of one check, a Python expression over the value, and the message
for a value whose first failing check it is. The rule's expression, which the loaders'
generated code and the rule's own compiled test run, is the clauses' code joined by
``and``; the rule's problem is the message of the first clause that fails. Nothing else
says what a rule checks.

The code of a :class:`Check` names the value ``value``. Names that start with ``value_``
are its own helpers, which an assignment expression may set for a later clause of the
same rule to use (``value_length := len(value)``); every other free name is a builtin or
one of the clause's ``names``. Writing the code for a variable renames the value and its
helpers after the variable, puts a name an int, str or bool stands for in as a constant,
writes a builtin by its own name, and binds every other object the code names; the code
is parsed once, however often it is written.

A rule across the fields of a class that is one check of the instance is written the same
way, and compiled into its test by :func:`unless`.
"""

from __future__ import annotations

import abc
import ast
import builtins
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, cast, get_origin

import attrs

from innovasjonspris._errors import brief
from innovasjonspris._generated import run

__all__ = [
    "Bind",
    "Check",
    "Clause",
    "Problem",
    "binder",
    "conjunction",
    "of_type",
    "showing",
    "unless",
]

Bind = Callable[[object], str]
"""Gives an object a name that an expression can use."""

Problem = tuple[str, str]
"""What fails, as ``(where below the field, message)``: ``("[2]", "is listed twice")``."""

VALUE: Final = "value"
"""The name the code of a check gives the value it tests."""

# Nodes that need brackets to stand as one operand of "and", or after "not".
_LOOSE: Final = (ast.BoolOp, ast.IfExp, ast.NamedExpr, ast.Lambda)


class Clause(abc.ABC):
    """One check of a rule: the code that a value passes, and what a failing value is told."""

    __slots__ = ()

    @abc.abstractmethod
    def written(self, var: str, kind: object, bind: Bind) -> str:
        """The check as an expression over ``var``, which holds a value of exactly ``kind``.

        ``"True"`` when every value of ``kind`` passes; ``object`` is the kind of a value
        of which nothing is known.
        """

    @abc.abstractmethod
    def said(self, value: object) -> Problem:
        """What is wrong with ``value``, which passed the clauses before this one and fails it."""


@attrs.frozen(eq=False)
class Check(Clause):
    """A check stated as code over ``value``, and its message, fixed or made from the value.

    A message made from the value may name where below the field the fault is, as a
    :data:`Problem`.

    ``names`` are the objects the code names besides builtins. ``known`` is a type of which
    every value passes, as a type test does: the code is left out for a value known to be
    exactly of that type (or a tuple type, for ``tuple``).
    """

    code: str
    says: str | Callable[[Any], str | Problem]
    names: Mapping[str, object] = attrs.field(factory=dict[str, object])
    known: type | None = None

    def written(self, var: str, kind: object, bind: Bind) -> str:
        if self.known is not None and (kind is self.known or get_origin(kind) is self.known):
            return "True"
        bound: dict[str, str] = {}

        def named(found: re.Match[str]) -> str:
            name = found.group(1)
            if name == VALUE or name.startswith(VALUE + "_"):
                return var + name.removeprefix(VALUE)
            if name not in self.names:
                return name  # a builtin
            if name not in bound:
                bound[name] = _written_name(self.names[name], bind)
            return bound[name]

        return _MARKED.sub(named, _template(self.code))

    def said(self, value: object) -> Problem:
        said = self.says if isinstance(self.says, str) else self.says(value)
        return ("", said) if isinstance(said, str) else said


def binder(names: dict[str, Any]) -> Bind:
    """A :data:`Bind` that puts each value into ``names`` under a name of its own."""

    def bind(value: object) -> str:
        key = f"_n{len(names)}"
        names[key] = value
        return key

    return bind


def type_name(value: object) -> str:
    """The name of ``value``'s type, as a message says what it got."""
    return type(value).__name__


def showing(message: str) -> Callable[[object], str]:
    """A message that says what a value must be, then what it is: ``must be X, not 'y'``."""
    return lambda value: f"{message}, not {brief(value)}"


def of_type(
    kind: type, description: str, code: str = "type(value) is kind", **names: object
) -> Check:
    """The check that a value is a ``kind``, which a message calls ``description``.

    By default exactly a ``kind``; ``code``, with ``names`` beside ``kind``, says otherwise.
    """
    says = f"must be {description}, not {{}}".format
    return Check(code, lambda value: says(type_name(value)), {"kind": kind, **names}, known=kind)


# Every name in a check's code, marked, so that writing the code renames it without parsing.
_MARK: Final = "\x00"
_MARKED: Final = re.compile(f"{_MARK}(\\w+){_MARK}")


@functools.cache
def _template(code: str) -> str:
    """A check's code as written, bracketed where it must be, with every name marked."""
    node = ast.parse(code, mode="eval").body
    for each in ast.walk(node):
        if isinstance(each, ast.Name):
            each.id = f"{_MARK}{each.id}{_MARK}"
    written = ast.unparse(node)
    return f"({written})" if isinstance(node, _LOOSE) else written


def _written_name(named: object, bind: Bind) -> str:
    """How code names ``named``: an int, str or bool as it is, a builtin by its name."""
    if type(named) in {int, str, bool}:  # not a subclass, whose repr is no literal
        literal = repr(named)
        return f"({literal})" if literal.startswith("-") else literal
    if getattr(builtins, getattr(named, "__name__", ""), None) is named:
        return cast("type", named).__name__
    return bind(named)


def conjunction(written: Iterable[str]) -> str:
    """One expression that holds when each of ``written`` holds; ``"True"`` for none."""
    parts = [part for part in written if part != "True"]
    if len(parts) == 1:
        return parts[0]
    return f"({' and '.join(parts)})" if parts else "True"


def unless(check: Check, field: str) -> Callable[[Any], Sequence[Problem]]:
    """The test of a rule across fields that is one check of the instance, ``value``.

    It finds nothing when the instance passes ``check``, else ``field`` and the check's
    message; the function is the check's code, compiled.
    """

    def found(value: object) -> Sequence[Problem]:
        below, message = check.said(value)
        return ((field + below, message),)

    names: dict[str, Any] = {"_found": found}
    test = check.written(VALUE, object, binder(names))
    source = f"def problems({VALUE}):\n    return () if {test} else _found({VALUE})\n"
    run(source, f"rule across fields: {field} unless {check.code}", names)
    return cast("Callable[[Any], Sequence[Problem]]", names["problems"])
