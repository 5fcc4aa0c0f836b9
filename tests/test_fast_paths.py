"""The loaders' fast path against the rules it stands in for.

The fast path evaluates each validator's inline expression instead of calling it, and
builds instances without their ``__init__``. These tests prove that it accepts only what the
validators and the detailed converter accept, that it builds the same objects, and that
it does accept the common clean input (or it would be slow for nothing).
"""

from __future__ import annotations

import copy
import json
import pickle
import sys
import tomllib
import types
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import award_round
from innovasjonspris import (
    AwardRound,
    InvalidDataError,
    LocalizedText,
    Person,
    Standing,
    ValidationError,
    _converters,
    _fast,
    _model,
    prize,
    rounds,
)
from innovasjonspris import _validators as v
from innovasjonspris.serialization import from_dict, to_dict, to_toml

MODEL_CLASSES = cast(
    "list[type[Any]]",
    [getattr(_model, name) for name in _model.__all__ if attrs.has(getattr(_model, name))],
)
DOCUMENTS: tuple[object, ...] = (*rounds(), prize(), award_round())


def instances(obj: Any) -> Iterator[Any]:
    """Every model instance in ``obj``, ``obj`` included."""
    cls: type[Any] = obj.__class__
    if attrs.has(cls):
        yield obj
        for field in attrs.fields(cls):
            yield from instances(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in cast("tuple[object, ...]", obj):
            yield from instances(item)


def parts(validator: object) -> Iterator[object]:
    """``validator`` and every validator it applies."""
    yield validator
    if isinstance(validator, v.Optional):
        yield from parts(validator.inner)
    elif isinstance(validator, (v.TupleOf)):
        yield from parts(validator.item)
    elif isinstance(validator, v.Remembered):
        yield from parts(validator.inner)


MODEL_VALIDATORS: list[tuple[attrs.Attribute[Any], v.Validator]] = [
    (field, cast("v.Validator", part))
    for cls in MODEL_CLASSES
    for field in attrs.fields(attrs.resolve_types(cls))
    for part in parts(field.validator)
]


def compile_inline(validator: v.Validator, kind: object = object) -> Callable[[object], bool]:
    """The validator's inline expression as a function, or ``None`` if it has none."""
    names: dict[str, object] = {}

    def bind(value: object) -> str:
        names[f"_n{len(names)}"] = value
        return f"_n{len(names) - 1}"

    expression = v.inline(validator, "value", kind, bind)
    assert expression is not None
    return cast("Callable[[object], bool]", eval(f"lambda value: {expression}", names))  # noqa: S307


def accepts(validator: v.Validator, field: attrs.Attribute[Any], value: object) -> bool:
    try:
        validator(None, field, value)
    except ValidationError:
        return False
    return True


PARTS: list[Any] = [obj for document in DOCUMENTS for obj in instances(document)]
VALUES_IN_DATA: list[object] = [
    getattr(obj, field.name) for obj in PARTS for field in attrs.fields(obj.__class__)
]

# Values near every rule's edges, and the values of real documents.
text = st.text(
    st.sampled_from(" a\u00e5\u0301\n\t\r\x85\xa0\u2028\ud800\x7f\xad.-/:")
    | st.characters(codec="utf-8")
    | st.characters(),
    max_size=8,
)


def joined(head: str, body: str, tail: str) -> str:
    return head + body + tail


long_text = st.builds(
    joined,
    st.text(st.sampled_from("ab \n\x85\xa0\x7f\x1fåæø\u2013\u0301"), max_size=3),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz æøåÆØÅ.,"), min_size=60, max_size=90),
    st.text(st.sampled_from("ab \n\x85\xa0\x7f\x1fåæø\u2013\u0301"), max_size=3),
)


def containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.tuples(inner, inner) | st.lists(inner, max_size=3).map(tuple)


anything: st.SearchStrategy[object] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.sampled_from([0, 1, 1972, 9999, 100_000, 100_001, -1])
    | text
    | long_text
    | st.sampled_from(["NOK", "EUR", "XYZ", "5001", "0301", "1200", "974760673", "x"])
    | st.sampled_from(["https://www.example.no/side", "innovasjonsprisen-2019", "Ab-c"])
    | st.decimals(allow_nan=True)
    | st.dates()
    | st.datetimes()
    | st.sampled_from(VALUES_IN_DATA)
    | st.sampled_from(list(Standing)),
    containers,
    max_leaves=6,
)


@pytest.mark.property
@settings(max_examples=300)
@given(st.sampled_from(MODEL_VALIDATORS), anything)
def test_an_inline_expression_accepts_only_what_its_validator_accepts(
    field_and_validator: tuple[attrs.Attribute[Any], v.Validator], value: object
) -> None:
    field, validator = field_and_validator
    if v.inline(validator, "value", object, lambda _: "_") is None:
        return  # called, never inlined
    if compile_inline(validator)(value):
        assert accepts(validator, field, value)


@pytest.mark.property
@given(st.sampled_from(MODEL_VALIDATORS), st.sampled_from(VALUES_IN_DATA))
def test_inline_expressions_accept_the_values_of_real_documents(
    field_and_validator: tuple[attrs.Attribute[Any], v.Validator], value: object
) -> None:
    field, validator = field_and_validator
    if v.inline(validator, "value", object, lambda _: "_") is None or not accepts(
        validator, field, value
    ):
        return
    # The rules every value of the data passes are decided without a call.
    if not isinstance(validator, v.Remembered):
        assert compile_inline(validator)(value)
    # With its exact type known, as the loaders know it, the expression is as sure.
    if value is not None:
        assert compile_inline(validator, exact_kind(value))(value)


def exact_kind(value: object) -> object:
    """The type the loaders' fast path knows ``value`` to have."""
    kind: object = type(value)
    if kind is tuple and value:
        items = cast("tuple[object, ...]", value)
        return types.GenericAlias(tuple, (type(items[0]), ...))
    return kind


@pytest.mark.property
@given(st.one_of(text, long_text), st.booleans())
def test_the_text_expression_is_the_text_rule(value: str, multiline: bool) -> None:  # noqa: FBT001
    validator = v.text(multiline=multiline)
    field = attrs.fields(Person).name
    assert compile_inline(validator)(value) == accepts(validator, field, value)
    assert compile_inline(validator, str)(value) == accepts(validator, field, value)


def test_latin1_text_is_always_in_nfc() -> None:
    # The text rule takes Latin-1 text as NFC without asking; NFC composes a letter only
    # with the mark that follows it, so every pair of Latin-1 letters is the proof.
    letters = [chr(code) for code in range(256)]
    for first in letters:
        assert all(unicodedata.is_normalized("NFC", first + second) for second in letters)


def test_an_optional_or_tuple_of_a_called_rule_is_called() -> None:
    def positive(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or value <= 0:
            raise ValidationError(attribute.name, "must be positive")

    def no_name(_: object) -> str:
        raise AssertionError

    assert v.inline(positive, "x", object, no_name) is None
    assert v.inline(v.optional(positive), "x", object, no_name) is None
    assert v.inline(v.tuple_of(positive), "x", object, no_name) is None


def test_a_tuple_of_unknown_items_checks_each_one() -> None:
    field = attrs.fields(Person).name
    check = compile_inline(v.tuple_of(v.integer(0, 9), unique=True))
    assert check((1, 2, 3))
    assert not check((1, 1))
    assert not check((1, 10))
    assert not check([1, 2])
    assert accepts(v.tuple_of(v.integer(0, 9), unique=True), field, (1, 2, 3))


def test_only_attrs_equality_lets_a_first_field_decide() -> None:
    @attrs.frozen(eq=False)
    class Unequal:
        name: str

    @attrs.frozen
    class Uncompared:
        name: str = attrs.field(eq=False)

    assert v.first_compared_field(Person) == "name"
    assert v.first_compared_field(int) is None
    assert v.first_compared_field(Unequal) is None
    assert v.first_compared_field(Uncompared) is None


def test_items_with_the_same_first_field_are_still_told_apart() -> None:
    one = Person(name="Ola Nordmann", title=LocalizedText(nb="ordfører"))
    other = Person(name="Ola Nordmann", title=LocalizedText(nb="rådmann"))
    document = to_dict(award_round(presented_by=(one, other)))
    assert from_dict(document).presented_by == (one, other)
    document["presented_by"] = [to_dict(one), to_dict(one)]
    with pytest.raises(InvalidDataError) as caught:
        from_dict(document)
    assert caught.value.errors == ["$.presented_by[1]: is listed twice"]


def test_remembered_rules_remember_only_what_passes_up_to_a_limit() -> None:
    checked: list[object] = []

    def digits(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        checked.append(value)
        if not (isinstance(value, str) and value.isdigit()):
            raise ValidationError(attribute.name, "must be digits")

    validator = v.remembered(digits, limit=2)
    field = attrs.fields(Person).name
    for value in ("1", "1", "2", "3", "3"):
        validator(None, field, value)
    assert checked == ["1", "2", "3", "3"]  # "3" came after the limit
    for bad in ("x", 12):
        with pytest.raises(ValidationError, match="must be digits"):
            validator(None, field, bad)
    assert compile_inline(validator)("2")
    assert not compile_inline(validator)("3")
    assert repr(validator).startswith("<remembered validator for <function")


# --- the fast path against the detailed converter -----------------------------------------


def body_of(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "schema_version"}


def plain(obj: object) -> dict[str, Any]:
    """``obj`` as the structure functions take it: without the document's schema_version."""
    return body_of(to_dict(obj))


def fast(data: object, cls: type) -> Any:
    return _fast.fast_structurer("json", cls)(data)


def detailed(data: object, cls: type) -> Any:
    return cast("Any", _converters.converter("json").structure(data, cls))


@pytest.mark.parametrize("obj", DOCUMENTS, ids=lambda obj: getattr(obj, "id", "?"))
def test_the_fast_path_builds_every_bundled_document_alone(obj: object) -> None:
    body = plain(obj)
    cls: type[Any] = type(obj)
    assert fast(body, cls) == detailed(body, cls) == obj


@pytest.mark.parametrize("obj", DOCUMENTS, ids=lambda obj: getattr(obj, "id", "?"))
def test_the_fast_path_builds_every_bundled_document_from_toml(obj: object) -> None:
    body = body_of(tomllib.loads(to_toml(obj)))
    cls: type[Any] = obj.__class__
    assert _fast.fast_structurer("toml", cast("type", cls))(body) == obj


def test_the_fast_path_builds_each_part_alone() -> None:
    for obj in PARTS:
        assert fast(plain(obj), obj.__class__) == obj


Mutation = Callable[[Any], Any]
HOSTILE: list[object] = [
    None,
    "",
    " x",
    "x\x00",
    "x\u2028y" * 30,
    "e\u0301" * 40,
    "ab\n" * 30,
    42,
    -1,
    True,
    1.5,
    [],
    {},
    "1e5",
    "2019-02-30",
    "0000",
    "5001",
    "winner",
    "NOK",
    "https://x.no",
    [{}],
]


def paths(data: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(data, dict):
        for key, value in cast("dict[str, object]", data).items():
            yield (*path, key)
            yield from paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(cast("list[object]", data)):
            yield (*path, index)
            yield from paths(value, (*path, index))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[type, dict[str, Any]]:
    obj = draw(st.sampled_from(DOCUMENTS))
    body = plain(obj)
    for _ in range(draw(st.integers(0, 2))):
        path = draw(st.sampled_from(list(paths(body))))
        parent: Any = body
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "extra key", "repeat"]))
        if action == "replace":
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(HOSTILE)))
        elif action == "delete":
            del parent[path[-1]]
        elif action == "extra key" and isinstance(parent, dict):
            parent["unknown"] = 1
        elif isinstance(parent, list):
            items = cast("list[object]", parent)
            items.append(copy.deepcopy(items[cast("int", path[-1])]))
    return type(obj), body


@pytest.mark.property
@settings(max_examples=150, deadline=None)
@given(mutated())
def test_the_fast_and_the_detailed_path_agree(case: tuple[type, dict[str, Any]]) -> None:
    cls, body = case
    try:
        expected: object = detailed(copy.deepcopy(body), cls)
    except Exception:  # noqa: BLE001 - any refusal; its errors are the detailed path's own
        expected = None
    try:
        got: object = fast(copy.deepcopy(body), cls)
    except Exception:  # noqa: BLE001
        got = None
    assert got == expected


# --- instances built without __init__ -----------------------------------------------------


@pytest.mark.parametrize("obj", PARTS[:: max(1, len(PARTS) // 60)], ids=lambda o: type(o).__name__)
def test_fast_built_instances_are_like_constructed_ones(obj: Any) -> None:
    cls: type[Any] = obj.__class__
    built = fast(plain(obj), cls)
    made = attrs.evolve(obj)  # through __init__
    assert built is not made
    assert type(built) is type(made)
    assert built == made
    assert not built != made  # noqa: SIM202 - __ne__ is its own method
    assert hash(built) == hash(made)
    assert repr(built) == repr(made)
    assert sys.getsizeof(built) == sys.getsizeof(made)
    assert not hasattr(built, "__dict__")
    assert pickle.loads(pickle.dumps(built)) == made  # noqa: S301 - our own bytes
    assert copy.copy(built) == made
    assert copy.deepcopy(built) == made
    assert attrs.evolve(built) == made
    assert attrs.asdict(built) == attrs.asdict(made)
    first = attrs.fields(cls)[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(built, first, None)


def test_evolving_a_fast_built_instance_runs_the_validators() -> None:
    built = fast(plain(award_round()), AwardRound)
    assert isinstance(built, AwardRound)
    with pytest.raises(ValidationError, match="year"):
        attrs.evolve(built, year=cast("int", "2019"))


def test_a_field_without_a_validator_is_structured_all_the_same() -> None:
    @attrs.frozen(kw_only=True)
    class Plain:
        name: str
        count: int = 0

    assert _fast.structure({"name": "x"}, Plain, "json") == Plain(name="x")
    assert fast({"name": "x", "count": 2}, Plain) == Plain(name="x", count=2)


# --- dumping --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_fast_unstructure_gives_the_converters_dicts_keys_in_order(
    fmt: _converters.Format,
) -> None:
    for obj in (*DOCUMENTS, *PARTS):
        ours = _fast.unstructure(obj, fmt)
        theirs = _converters.converter(fmt).unstructure(obj)
        assert repr(ours) == repr(theirs)
        if fmt == "json":
            assert json.dumps(ours) == json.dumps(theirs)


def test_dates_and_amounts_are_dumped_as_the_converter_dumps_them() -> None:
    document = to_dict(award_round())
    assert document["amount"] == {"amount": "500000", "currency": "NOK"}
    assert isinstance(document["awarded_on"], str)
    assert date.fromisoformat(document["awarded_on"]) == award_round().awarded_on
    assert not isinstance(award_round().awarded_on, datetime)
    assert Decimal(document["amount"]["amount"]) == award_round().amount.amount
