"""The cattrs converters behind :mod:`innovasjonspris.serialization`, one per format.

Each converter is built once, at first use, with strict hooks: a value of the wrong JSON
or TOML type is an error, never coerced (cattrs would turn ``42`` into ``"42"`` and
``"2019"`` into ``2019``). Unknown keys are errors. Failures surface as cattrs exception
groups; :func:`problems` walks them into ``(path, message)`` pairs.
"""

from __future__ import annotations

import difflib
import enum
import functools
import json
import re
import types
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from types import UnionType
from typing import Any, Final, Literal, NoReturn, TypeVar, Union, cast, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from innovasjonspris import _validators
from innovasjonspris._errors import ValidationError
from innovasjonspris._model import Money, Standing

__all__ = [
    "Format",
    "Mismatch",
    "converter",
    "describe",
    "fast_structurer",
    "fast_unstructurer",
    "path_of_key",
    "problems",
    "structure",
    "unstructure",
]

Format = Literal["json", "toml"]

T = TypeVar("T")

# Amounts travel as decimal strings; leading zeros and exponents are refused so that
# every amount has one spelling. The length cap keeps hostile input cheap to reject.
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]{0,39})(?:\.[0-9]{1,40})?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LONGEST_KEY = 60  # an unknown key is echoed in its path; a huge one is cut short

_ALWAYS_WRITTEN: Final = frozenset({(Money, "currency")})
"""Fields written even when they hold their default: the currency of every amount."""


class Mismatch(Exception):  # noqa: N818 - reads as "a mismatch at <path>"
    """A value of the wrong kind for its place in the document."""

    def __init__(self, message: str) -> None:
        """Keep the message that says what was expected."""
        super().__init__(message)
        self.message = message


class _UnknownKeys(Exception):  # noqa: N818 - carries keys, is not one
    """Keys of a document object that are not text, which no field can have."""

    def __init__(self, keys: Sequence[object]) -> None:
        super().__init__(keys)
        self.extra_fields = keys


class _FieldProblems(Exception):  # noqa: N818 - carries problems, is not one
    """Every field-level problem of one object, found by re-running its validators."""

    def __init__(self, found: list[tuple[str, str]]) -> None:
        super().__init__(found)
        self.found = found


_KINDS: Final[tuple[tuple[type, str], ...]] = (
    (bool, "a boolean"),  # before int: a bool is an int
    (int, "a whole number"),
    (float, "a number with a fraction"),
    (str, "text"),
    (list, "an array"),
    (dict, "an object"),
    (date, "a date"),
)


def describe(value: object) -> str:
    """Say what kind of JSON or TOML value ``value`` is, for an error message."""
    if value is None:
        return "null"
    for kind, label in _KINDS:
        if isinstance(value, kind):
            return label
    return type(value).__name__


def _expect(description: str, value: object) -> Mismatch:
    return Mismatch(f"expected {description}, got {describe(value)}")


_EXACT: Final[dict[type, str]] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
}
"""Types taken only as themselves (no bool for int, no number for text), with their names."""


def _structure_exact_factory(kind: type, description: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        if type(value) is not kind:
            raise _expect(description, value)
        return value

    return structure


def _structure_decimal(value: object, _: type) -> Decimal:
    if type(value) is not str:
        raise _expect('a decimal number written as text, such as "500000"', value)
    if _DECIMAL.fullmatch(value) is None:
        msg = f'expected a decimal number written as text, such as "1234.50", got {value!r:.60}'
        raise Mismatch(msg)
    return Decimal(value)


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_iso_date(value: object, _: type) -> date:
    if type(value) is not str:
        raise _expect('a date written as text, "YYYY-MM-DD"', value)
    if _ISO_DATE.fullmatch(value) is None:
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
        raise _expect("a TOML date such as 2019-06-07", value)
    return value


def _structure_enum_factory(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: type) -> enum.Enum:
        if type(value) is not str:
            raise _expect(f"one of {allowed}", value)
        try:
            return by_value[value]
        except KeyError:
            msg = f"expected one of {allowed}, got {value!r:.60}"
            raise Mismatch(msg) from None

    return structure


def _unstructure_enum(value: enum.Enum) -> object:
    return value.value


def _is_optional(kind: Any) -> bool:
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


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple


def _structure_tuple_factory(
    conv: Converter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    def factory(kind: Any) -> Callable[[object, type], tuple[Any, ...]]:
        (item_type, _ellipsis) = get_args(kind)
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _expect("an array", value)
            items = cast("list[object]", value)
            out: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(items):
                try:
                    out.append(item_hook(item, item_type))
                except Exception as error:  # noqa: BLE001 - collected, reported by path
                    note = IterableValidationNote(f"item {index}", index, item_type)
                    error.__notes__ = [*getattr(error, "__notes__", []), note]
                    errors.append(error)
            if errors:
                msg = "While structuring an array"
                # cattrs groups take the type as a third argument; its stubs omit it.
                raise IterableValidationError(msg, errors, kind)  # pyright: ignore[reportCallIssue]
            return tuple(out)

        return structure

    return factory


def _field_problems(
    conv: Converter, cls: type, value: dict[str, Any], skip: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    # attrs stops at the first failing validator, and runs none when a field fails to
    # structure; run each validator on its own so that every problem is listed.
    found: list[tuple[str, str]] = []
    for field in attrs.fields(cls):
        if field.name in value and field.name not in skip and field.validator is not None:
            structured = conv.structure(value[field.name], field.type)
            try:
                field.validator(None, field, structured)
            except ValidationError as error:
                found.extend(error.problems)
    return found


def _refuse_strange_keys(
    cls: type, document: dict[Any, Any], strange: Sequence[object], checked: Callable[[Any], Any]
) -> NoReturn:
    # cattrs' own unknown-key error expects text keys (older releases fail on others),
    # so keys that are not text are named here and kept out of its run.
    unknown = _UnknownKeys(strange)
    message = f"While structuring {cls.__name__}"
    try:
        checked({key: item for key, item in document.items() if type(key) is str})
    except (ClassValidationError, _FieldProblems) as error:
        raise ClassValidationError(message, [unknown, error], cls) from None  # pyright: ignore[reportCallIssue]
    raise ClassValidationError(message, [unknown], cls)  # pyright: ignore[reportCallIssue]


def _structure_attrs_factory(conv: Converter) -> Callable[[type], Callable[[object, type], Any]]:
    def factory(cls: type[Any]) -> Callable[[object, type], Any]:
        generated = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def structure(value: object, _: type) -> Any:
            if type(value) is not dict:
                raise _expect("an object", value)
            document = cast("dict[str, Any]", value)
            strange = [key for key in document if type(key) is not str]
            if strange:
                _refuse_strange_keys(cls, document, strange, checked)
            return checked(document)

        def checked(document: dict[str, Any]) -> Any:
            try:
                return generated(document, cls)
            except ClassValidationError as group:
                with_notes, others = group.group_exceptions()
                if not with_notes and isinstance(others[0], ValidationError):
                    # The constructor ran and refused: one field, or a cross-field rule.
                    found = _field_problems(conv, cls, document)
                    if len(found) > 1:
                        raise _FieldProblems(found) from group
                    raise
                # Structuring failed, so the constructor and its validators never ran.
                failed = frozenset(note.name for _, note in with_notes)
                found = _field_problems(conv, cls, document, failed)
                if found:
                    raise group.derive([*group.exceptions, _FieldProblems(found)]) from None
                raise

        return structure

    return factory


def _build(fmt: Format) -> Converter:
    conv = Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    for kind, description in _EXACT.items():
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
    conv.register_structure_hook_factory(_is_tuple, _structure_tuple_factory(conv))
    conv.register_structure_hook_factory(_is_optional, _structure_optional_factory(conv))
    conv.register_structure_hook_factory(attrs.has, _structure_attrs_factory(conv))
    for cls, name in _ALWAYS_WRITTEN:
        conv.register_unstructure_hook(
            cls,
            make_dict_unstructure_fn(
                cls, conv, **cast("dict[str, Any]", {name: override(omit_if_default=False)})
            ),
        )
    return conv


@functools.cache
def converter(fmt: Format) -> Converter:
    """Return the converter for ``fmt``, built on first use and shared afterwards."""
    return _build(fmt)


class _Rejected(Exception):  # noqa: N818 - a signal between two functions, never seen
    """The fast path refuses a value; the detailed path will say what is wrong with it."""


def _reject() -> NoReturn:
    raise _Rejected


class _FastCode:
    """Python source for one class's fast structure function, and the names it uses."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt
        self.names: dict[str, Any] = {"_reject": _reject, "_tuple": tuple, "_list": list}
        self.lines: list[str] = []

    def name(self, value: object) -> str:
        key = f"_n{len(self.names)}"
        self.names[key] = value
        return key

    def value(self, kind: Any, source: str) -> tuple[str, Any]:
        """Return an expression that structures ``source``, and the exact type it gives."""
        if _is_optional(kind):
            # None is refused below like any other value of the wrong kind.
            (kind,) = (arg for arg in get_args(kind) if arg is not type(None))
        if _is_tuple(kind):
            (item_type, _ellipsis) = get_args(kind)
            if not attrs.has(item_type):
                raise AssertionError  # the model has none; items would need their own hook
            item = self.name(fast_structurer(self.fmt, item_type))
            items = f"(_v if type(_v := {source}) is _list else _reject())"
            return f"_tuple(map({item}, {items}))", kind
        if attrs.has(kind):
            return f"{self.name(fast_structurer(self.fmt, kind))}({source})", kind
        if kind in _EXACT:
            return f"(_v if type(_v := {source}) is {self.name(kind)} else _reject())", kind
        hook = self.name(converter(self.fmt).get_structure_hook(kind))
        return f"{hook}({source}, {self.name(kind)})", kind

    def check(self, field: attrs.Attribute[Any], var: str, kind: Any, indent: str) -> None:
        """Add the lines that run ``field``'s validator on ``var``, known to be a ``kind``."""
        if field.validator is None:
            return
        call = f"{self.name(field.validator)}(None, {self.name(field)}, {var})"
        expression = _validators.inline(field.validator, var, kind, self.name)
        if expression is None:
            self.lines.append(f"{indent}{call}")
        elif expression != "True":
            # The expression settles the common case; the validator has the last word.
            self.lines.append(f"{indent}if not {expression}:")
            self.lines.append(f"{indent}  {call}")

    def field(self, field: attrs.Attribute[Any], var: str) -> None:
        """Add the lines that set ``var`` to the structured, validated value of ``field``."""
        value, kind = self.value(field.type, f"o[{field.name!r}]")
        if field.default is attrs.NOTHING:
            self.lines.append(f"  {var} = {value}")
            self.check(field, var, kind, "  ")
            return
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            # The model has none; a factory would need calling here.
            raise AssertionError  # noqa: TRY004 - an invariant of the model, not a caller's error
        self.lines.append(f"  if {field.name!r} in o:")
        self.lines.append(f"    {var} = {value}")
        self.check(field, var, kind, "    ")
        self.lines.append("  else:")
        self.lines.append(f"    {var} = {self.name(field.default)}")
        self.lines.append("    keys -= 1")
        if field.validator is not None:
            # Defaults are constants: check them once, here, rather than on every load.
            field.validator(None, field, field.default)


@functools.cache
def fast_structurer(fmt: Format, cls: type) -> Callable[[object], Any]:
    # A document is mostly valid; this path builds it with the least work: each field is
    # checked by its validator's inline expression, and the instance is made without the
    # class's __init__, whose work is done here. Whatever this path refuses, for whatever
    # reason, goes to the detailed converter, which finds every problem and its path.
    code = _FastCode(fmt)
    fields = attrs.fields(attrs.resolve_types(cls))  # the model's annotations are strings
    code.lines += [
        "def structure(o):",
        "  if type(o) is not dict:",
        "    _reject()",
        f"  keys = {len(fields)}",
    ]
    if hasattr(cls, "__attrs_pre_init__") or any(f.converter is not None for f in fields):
        raise AssertionError  # the model has neither; __init__ would run them
    for index, field in enumerate(fields):
        code.field(field, f"f{index}")
    # Every key read is a field's; any other key makes the object larger.
    code.lines += ["  if len(o) != keys:", "    _reject()"]
    code.lines.append(f"  self = {code.name(object.__new__)}({code.name(cls)})")
    for index, field in enumerate(fields):
        slot = cls.__dict__.get(field.name)
        if not isinstance(slot, types.MemberDescriptorType):
            raise AssertionError  # noqa: TRY004 - the model's classes are all slotted
        code.lines.append(f"  {code.name(slot.__set__)}(self, f{index})")
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        code.lines.append(f"  {code.name(post_init)}(self)")
    code.lines.append("  return self")
    source = "\n".join(code.lines)
    exec(compile(source, f"<fast structure {cls.__qualname__}>", "exec"), code.names)  # noqa: S102 - our own source, built from the class's fields
    return cast("Callable[[object], Any]", code.names["structure"])


def structure(data: dict[str, Any], cls: type[T], fmt: Format) -> T:
    """Build a ``cls`` from ``data``; raise the detailed converter's errors if it is invalid."""
    try:
        fast = fast_structurer(fmt, cast("type", cls))
        return cast("T", fast(data))
    except Exception:  # noqa: BLE001, S110 - the detailed converter below reports it
        pass
    return converter(fmt).structure(data, cls)


@functools.cache
def fast_unstructurer(fmt: Format, cls: type) -> Callable[[Any], dict[str, Any]]:
    # The same dicts as the converter's own unstructure hooks, keys in the same order
    # (fields always written first, then the others unless they hold their default),
    # with fewer calls: no equality test through attrs' __ne__ for a default of None.
    names: dict[str, Any] = {"_list": list, "_map": map}

    def name(value: object) -> str:
        key = f"_n{len(names)}"
        names[key] = value
        return key

    def value(kind: Any, source: str) -> str:
        if _is_optional(kind):
            # Only a field that is not left out is written, and its value is not None.
            (kind,) = (arg for arg in get_args(kind) if arg is not type(None))
        if _is_tuple(kind):
            (item_type, _ellipsis) = get_args(kind)
            if not attrs.has(item_type):
                raise AssertionError  # the model has none; items would need their own hook
            return f"_list(_map({name(fast_unstructurer(fmt, item_type))}, {source}))"
        if attrs.has(kind):
            return f"{name(fast_unstructurer(fmt, kind))}({source})"
        if kind in _EXACT:
            return source
        return f"{name(converter(fmt).get_unstructure_hook(kind))}({source})"

    fields = attrs.fields(attrs.resolve_types(cls))
    written = [f for f in fields if f.default is attrs.NOTHING or (cls, f.name) in _ALWAYS_WRITTEN]
    lines = [
        "def unstructure(i):",
        "  r = {" + ", ".join(f"{f.name!r}: {value(f.type, f'i.{f.name}')}" for f in written) + "}",
    ]
    for field in fields:
        if field in written:
            continue
        test = "is not None" if field.default is None else f"!= {name(field.default)}"
        lines += [
            f"  v = i.{field.name}",
            f"  if v {test}:",
            f"    r[{field.name!r}] = {value(field.type, 'v')}",
        ]
    lines.append("  return r")
    source = "\n".join(lines)
    exec(compile(source, f"<fast unstructure {cls.__qualname__}>", "exec"), names)  # noqa: S102 - our own source, built from the class's fields
    return cast("Callable[[Any], dict[str, Any]]", names["unstructure"])


def unstructure(obj: object, fmt: Format) -> dict[str, Any]:
    """Return ``obj``, an instance of a model class, as the plain data ``fmt`` holds."""
    return fast_unstructurer(fmt, cast("type", type(obj)))(obj)


def path_of_key(path: str, key: object) -> str:
    """Extend a JSONPath with an object key, bracketed when it is not a plain name."""
    name = str(key)
    if len(name) > _LONGEST_KEY:
        name = name[: _LONGEST_KEY - 1] + "…"
    if isinstance(key, str) and _IDENTIFIER.fullmatch(name):
        return f"{path}.{name}"
    return f"{path}[{json.dumps(name, ensure_ascii=False)}]"


def _group_problems(
    error: ClassValidationError | IterableValidationError, path: str
) -> Iterator[tuple[str, str]]:
    with_notes, others = error.group_exceptions()
    for inner, note in with_notes:
        if isinstance(note, IterableValidationNote):
            inner_path = f"{path}[{note.index}]"
        else:
            inner_path = path_of_key(path, note.name)
        yield from problems(inner, inner_path)
    for inner in others:
        yield from problems(inner, path)


def _unknown_key(key: str, known: list[str]) -> str:
    # A key one or two letters off a field's name is almost always a typing slip.
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
    if close:
        return f"is not a known field; did you mean {close[0]!r}?"
    return "is not a known field"


def problems(error: BaseException, path: str = "$") -> Iterator[tuple[str, str]]:
    """Walk a structuring failure into ``(path, message)`` pairs, one per problem."""
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        yield from _group_problems(error, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        known = [field.name for field in attrs.fields(error.cl)]
        for name in sorted(error.extra_fields):
            yield path_of_key(path, name), _unknown_key(name, known)
    elif isinstance(error, _UnknownKeys):
        for strange in sorted(error.extra_fields, key=str):
            yield path_of_key(path, strange), "is not a known field"
    elif isinstance(error, (_FieldProblems, ValidationError)):
        found = error.found if isinstance(error, _FieldProblems) else error.problems
        for field, message in found:
            yield (f"{path}.{field}" if field else path), message
    elif isinstance(error, Mismatch):
        yield path, error.message
    elif isinstance(error, KeyError):
        yield path, "is required"
    else:  # pragma: no cover - every hook raises one of the kinds above
        yield path, f"{type(error).__name__}: {error}"
