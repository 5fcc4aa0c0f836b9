"""The cattrs converters behind :mod:`innovasjonspris.serialization`, one per format.

Each converter is built once, at first use, with strict hooks: a value of the wrong JSON
or TOML type is an error, never coerced (cattrs would turn ``42`` into ``"42"`` and
``"2019"`` into ``2019``). Unknown keys are errors. Classes are structured by the detailed
hook of :mod:`innovasjonspris._problems`, which finds every problem with its path.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from types import UnionType
from typing import Any, Final, Literal, Union, cast, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.gen import make_dict_unstructure_fn, override

from innovasjonspris import _references
from innovasjonspris._errors import ValidationError
from innovasjonspris._model import DOCUMENTS, Money, Standing
from innovasjonspris._parts import decimal_text
from innovasjonspris._problems import Mismatch, detailed_attrs_factory, expect, refuse, within

__all__ = [
    "ALWAYS_WRITTEN",
    "EXACT",
    "ISO_DATE",
    "Format",
    "build",
    "converter",
    "is_optional",
    "is_tuple",
]

Format = Literal["json", "toml"]

# Amounts travel as decimal text, in the one spelling the data has. The bounds here are
# looser than the model's, so that its rule says what is wrong with an amount too large
# or too fine; they only keep hostile input cheap to reject.
_DECIMAL = re.compile(decimal_text(whole_digits=40, places=40))
ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The form of a date in JSON; :func:`datetime.date.fromisoformat` then checks the day."""

ALWAYS_WRITTEN: Final = frozenset({(Money, "currency")})
"""Fields written even when they hold their default: the currency of every amount."""

EXACT: Final[dict[type, str]] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
}
"""Types taken only as themselves (no bool for int, no number for text), with their names."""


def _structure_exact_factory(kind: type, description: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        if type(value) is not kind:
            raise expect(description, value)
        return value

    return structure


def _structure_decimal(value: object, _: type) -> Decimal:
    if type(value) is not str:
        raise expect('a decimal number written as text, such as "500000"', value)
    if _DECIMAL.fullmatch(value) is None:
        msg = f'expected a decimal number written as text, such as "1234.50", got {value!r:.60}'
        raise Mismatch(msg)
    return Decimal(value)


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_iso_date(value: object, _: type) -> date:
    if type(value) is not str:
        raise expect('a date written as text, "YYYY-MM-DD"', value)
    if ISO_DATE.fullmatch(value) is None:
        msg = f'expected a date "YYYY-MM-DD", got {value!r:.60}'
        raise Mismatch(msg)
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a day in the calendar"
        raise Mismatch(msg) from None


def _structure_toml_date(value: object, _: type) -> date:
    # tomllib reads a TOML local date as date and a date-time as datetime (a date subclass).
    if type(value) is not date:
        raise expect("a TOML date such as 2019-06-07", value)
    return value


def _structure_enum_factory(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: type) -> enum.Enum:
        if type(value) is not str:
            raise expect(f"one of {allowed}", value)
        try:
            return by_value[value]
        except KeyError:
            msg = f"expected one of {allowed}, got {value!r:.60}"
            raise Mismatch(msg) from None

    return structure


def _unstructure_enum(value: enum.Enum) -> object:
    return value.value


def is_optional(kind: Any) -> bool:
    return get_origin(kind) in (Union, UnionType) and type(None) in get_args(kind)


def _structure_optional_factory(
    conv: Converter,
) -> Callable[[Any], Callable[[object, type], Any]]:
    def factory(kind: Any) -> Callable[[object, type], Any]:
        (inner,) = (arg for arg in get_args(kind) if arg is not type(None))
        inner_hook = conv.get_structure_hook(inner)

        def structure(value: object, _: type) -> Any:
            # TOML has no null; JSON files follow suit so both spell "unknown" one way.
            if value is None:
                msg = "null is not allowed; leave the key out where the value is unknown"
                raise Mismatch(msg)
            return inner_hook(value, inner)

        return structure

    return factory


def is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple


def _structure_tuple_factory(
    conv: Converter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    def factory(kind: Any) -> Callable[[object, type], tuple[Any, ...]]:
        (item_type, _ellipsis) = get_args(kind)
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise expect("an array", value)
            items = cast("list[object]", value)
            out: list[Any] = []
            found: list[tuple[str, str]] = []
            for index, item in enumerate(items):
                try:
                    out.append(item_hook(item, item_type))
                except (Mismatch, ValidationError) as error:
                    found += within(f"[{index}]", error)
            if found:
                refuse(found)
            return tuple(out)

        return structure

    return factory


# The documents with a field that may be given by a bundled id, read off the fields.
_BY_ID_OWNERS: Final = tuple(
    cls for cls in DOCUMENTS if any(_references.by_id(field) for field in attrs.fields(cls))
)


def build(fmt: Format) -> Converter:
    """Build a new converter for ``fmt``; the loaders share the one :func:`converter` gives."""
    # Every structure hook is the package's own, so cattrs' structuring options play no part.
    conv = Converter(omit_if_default=True)
    for kind, description in EXACT.items():
        conv.register_structure_hook(kind, _structure_exact_factory(kind, description))
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    if fmt == "json":
        conv.register_structure_hook(date, _structure_iso_date)
        conv.register_unstructure_hook(date, date.isoformat)
    else:
        conv.register_structure_hook(date, _structure_toml_date)
        conv.register_unstructure_hook(date, lambda day: day)
    # Registered per class: older cattrs releases try their own enum hook before factories.
    conv.register_structure_hook(Standing, _structure_enum_factory(Standing))
    # A StrEnum is a str, which cattrs passes through as it is; the data holds plain text.
    conv.register_unstructure_hook(Standing, _unstructure_enum)
    conv.register_structure_hook_factory(is_tuple, _structure_tuple_factory(conv))
    conv.register_structure_hook_factory(is_optional, _structure_optional_factory(conv))
    conv.register_structure_hook_factory(attrs.has, detailed_attrs_factory(conv))
    for cls, name in ALWAYS_WRITTEN:
        conv.register_unstructure_hook(
            cls,
            make_dict_unstructure_fn(
                cls, conv, **cast("dict[str, Any]", {name: override(omit_if_default=False)})
            ),
        )
    # After the hooks above, which the generated function binds as it is made.
    for owner in _BY_ID_OWNERS:
        # A bundled prize is written as its id; the override leaves the other fields as they were.
        overrides = {
            field.name: override(
                unstruct_hook=_references.unstructurer(conv.get_unstructure_hook(field.type))
            )
            for field in attrs.fields(attrs.resolve_types(owner))
            if _references.by_id(field)
        }
        conv.register_unstructure_hook(
            owner,
            make_dict_unstructure_fn(
                owner,
                conv,
                _cattrs_omit_if_default=conv.omit_if_default,
                **cast("dict[str, Any]", overrides),
            ),
        )
    return conv


@functools.cache
def converter(fmt: Format) -> Converter:
    """Return the converter for ``fmt``, built on first use and shared afterwards."""
    return build(fmt)
