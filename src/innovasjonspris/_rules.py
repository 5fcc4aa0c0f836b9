"""The rules across the fields of one class, one frozen object each.

A rule states its test once, as a function that lists what is wrong with an instance
(nothing, when the rule holds), with the path below the instance and a message for each
problem. Beside it stand the rule's plain-words statement and, where JSON Schema can say
it, the fragment of the class's schema that does. A class names its rules in its body,
``_rules = (...)``, with ``__attrs_post_init__ = check_rules``: they run, in order, when
an instance is built, and the loaders and the JSON Schema read them with
:func:`rules_of`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from innovasjonspris._errors import ValidationError

__all__ = ["ObjectRule", "Problems", "check_rules", "rules_of"]

Problems = Sequence[tuple[str, str]]
"""What breaks a rule, as ``(field, message)`` pairs; empty when the rule holds."""

_RULES: Final = "_rules"


@attrs.frozen
class ObjectRule:
    """One rule across the fields of a class.

    ``problems`` is the test: it returns every ``(field, message)`` that breaks the rule,
    an empty sequence when it holds. ``schema`` is the JSON Schema fragment that states
    the rule for the class's object, merged into it; ``None`` when JSON Schema cannot
    state it, and the schema's description lists ``statement`` instead.
    """

    name: str
    statement: str
    problems: Callable[[Any], Problems] = attrs.field(repr=False)
    schema: Mapping[str, Any] | None = attrs.field(default=None, repr=False)


def check_rules(self: object) -> None:
    """Run the rules of ``self``'s class, in order, and raise every problem they find.

    A class with rules names them in ``_rules`` and takes this function as its
    ``__attrs_post_init__``, which attrs calls once every field is set.
    """
    rules = rules_of(type(self))
    for index, rule in enumerate(rules):
        found = rule.problems(self)
        if found:
            # Say everything that is wrong; the rules before this one all held.
            more = [problem for each in rules[index + 1 :] for problem in each.problems(self)]
            raise ValidationError(*found[0], *found[1:], *more)


def rules_of(cls: type) -> tuple[ObjectRule, ...]:
    """The rules ``cls`` names, in the order they run."""
    found: tuple[ObjectRule, ...] = getattr(cls, _RULES, ())
    return found
