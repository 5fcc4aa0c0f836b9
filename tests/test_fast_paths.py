"""The loaders' fast path against the rules it stands in for.

The fast path evaluates each validator's inline expression instead of calling it, and
builds instances without their ``__init__``. These tests prove that it accepts only what the
validators and the detailed converter accept, that it builds the same objects, and that
it does accept the common clean input (or it would be slow for nothing).
"""

from __future__ import annotations

import copy
import inspect
import linecache
import pickle
import sys
import tomllib
import traceback
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
    _generated,
    _model,
    _problems,
    prize,
    rounds,
)
from innovasjonspris import _validators as v
from innovasjonspris._clauses import binder
from innovasjonspris._text import APOSTROPHE, check_text
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


def parts(rule: object) -> Iterator[v.FieldRule]:
    """``rule`` and every rule it applies."""
    assert isinstance(rule, v.FieldRule)
    yield rule
    if isinstance(rule, v.Optional):
        yield from parts(rule.inner)
    elif isinstance(rule, v.TupleOf):
        yield from parts(rule.item)


MODEL_RULES: list[tuple[attrs.Attribute[Any], v.FieldRule]] = [
    (field, part)
    for cls in MODEL_CLASSES
    for field in attrs.fields(attrs.resolve_types(cls))
    for part in parts(field.validator)
]


def compile_for(rule: v.FieldRule, kind: object) -> Callable[[object], bool]:
    """The rule's expression, written for a value known to be of exactly ``kind``."""
    return v.compile_test(rule.expression, kind)


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


def items_of(value: object) -> tuple[object, ...]:
    return cast("tuple[object, ...]", value) if type(value) is tuple else ()


def exact_kind(value: object) -> object:
    """The type the loaders' fast path knows ``value`` to have."""
    kind: object = type(value)
    if kind is tuple and value:
        items = cast("tuple[object, ...]", value)
        return types.GenericAlias(tuple, (type(items[0]), ...))
    return kind


@pytest.mark.property
@settings(max_examples=300)
@given(st.sampled_from(MODEL_RULES), anything | st.sampled_from(VALUES_IN_DATA))
def test_a_rule_decides_alike_whether_or_not_the_type_is_known(
    field_and_rule: tuple[attrs.Attribute[Any], v.FieldRule], value: object
) -> None:
    # The loaders write a rule's expression for a value of a type they know; where they
    # know it, the expression may skip the type test, never decide otherwise.
    _field, rule = field_and_rule
    kind = exact_kind(value)
    homogeneous = len({type(item) for item in items_of(value)}) < 2
    if value is not None and homogeneous:
        assert bool(compile_for(rule, kind)(value)) is rule.passes(value)


@pytest.mark.property
@settings(max_examples=300)
@given(st.sampled_from(MODEL_RULES), anything)
def test_a_refusal_names_the_field_and_says_why(
    field_and_rule: tuple[attrs.Attribute[Any], v.FieldRule], value: object
) -> None:
    field, rule = field_and_rule
    if rule.passes(value):
        rule(None, field, value)  # no error
        return
    with pytest.raises(ValidationError) as caught:
        rule(None, field, value)
    assert caught.value.field.startswith(field.name)
    assert caught.value.message


def test_latin1_text_is_always_in_nfc() -> None:
    # The text rule takes Latin-1 text, with typographic apostrophes in it, as NFC without
    # asking; NFC composes a letter only with the mark that follows it, so every pair of
    # those characters is the proof.
    letters = [*(chr(code) for code in range(256)), APOSTROPHE]
    for first in letters:
        assert all(unicodedata.is_normalized("NFC", first + second) for second in letters)


def test_the_apostrophe_read_as_a_plain_one_is_no_forbidden_character() -> None:
    assert check_text(APOSTROPHE, "text") == APOSTROPHE
    assert unicodedata.combining(APOSTROPHE) == 0
    # Long prose with apostrophes takes the bulk test; what else it holds is still seen.
    prose = ("Juryen’s val " * 8).strip()
    assert check_text(prose, "text", multiline=True) == prose
    for plain in (prose, prose.replace(APOSTROPHE, "'")):
        for added in ["\u202e", "\x07", "e\u0301", "\u2028"]:
            with pytest.raises(ValidationError):
                check_text(plain[:20] + added + plain[20:], "text", multiline=True)


def test_a_tuple_of_unknown_items_checks_each_one() -> None:
    rule = v.tuple_of(v.integer(0, 9), unique=True)
    assert rule.passes((1, 2, 3))
    assert not rule.passes((1, 1))
    assert not rule.passes((1, 10))
    assert not rule.passes([1, 2])
    assert rule.problem((1, 2, 1)) == ("[2]", "is listed twice")
    assert rule.problem((1, 10)) == ("[1]", "must be from 0 to 9, not 10")


@attrs.frozen
class Loop:
    """A class whose first field holds its own kind; its annotation resolves here."""

    parent: Loop
    name: str


@pytest.mark.skipif(
    not hasattr(attrs, "inspect"), reason="attrs before 25.4 cannot say whose == a class has"
)
def test_only_attrs_equality_lets_a_first_field_decide() -> None:
    @attrs.frozen(eq=False)
    class Unequal:
        name: str

    @attrs.frozen
    class Uncompared:
        name: str = attrs.field(eq=False)

    @attrs.frozen
    class Unresolved:
        name: NotDefinedAnywhere  # type: ignore[name-defined] # noqa: F821 # pyright: ignore[reportUndefinedVariable]

    @attrs.frozen
    class Member:
        person: Person
        seat: int

    @attrs.frozen
    class MaybeMember:
        person: Person | None

    assert v.first_compared_field(Person) == "name"
    assert v.first_compared_field(int) is None
    assert v.first_compared_field(Unequal) is None
    assert v.first_compared_field(Uncompared) is None
    assert v.first_compared_field(Unresolved) == "name"
    # A field that always holds a class of its own is followed into it; one that may be
    # None is hashed as it is.
    assert v.first_compared_field(Member) == "person.name"
    assert v.first_compared_field(MaybeMember) == "person"
    assert v.first_compared_field(Loop) == "parent"  # not round and round


def test_without_attrs_inspect_no_first_field_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    # attrs before 25.4 cannot say whether a class's == is its own; then every item is
    # hashed whole, and repeats are found all the same.
    monkeypatch.delattr(attrs, "inspect", raising=False)
    assert v.first_compared_field(Person) is None
    rule = v.tuple_of(v.instance_of(Person), unique=True)
    bind = binder({})
    assert "map(" not in rule.expression("people", tuple[Person, ...], bind)
    one = Person(name="Ola Nordmann")
    assert compile_for(rule, tuple[Person, ...])((one, Person(name="Kari Nordmann")))
    assert not compile_for(rule, tuple[Person, ...])((one, Person(name="Ola Nordmann")))


def test_items_with_the_same_first_field_are_still_told_apart() -> None:
    one = Person(name="Ola Nordmann", title=LocalizedText(nb="ordfører"))
    other = Person(name="Ola Nordmann", title=LocalizedText(nb="rådmann"))
    document = to_dict(award_round(presented_by=(one, other)))
    assert from_dict(document).presented_by == (one, other)
    document["presented_by"] = [to_dict(one), to_dict(one)]
    with pytest.raises(InvalidDataError) as caught:
        from_dict(document)
    assert caught.value.errors == ["$.presented_by[1]: is listed twice"]


# --- the fast path against the detailed converter -----------------------------------------


def body_of(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key not in {"schema_version", "kind"}}


def plain(obj: object) -> dict[str, Any]:
    """``obj`` as the structure functions take it: without the document's version and kind."""
    return body_of(to_dict(obj))


def fast(data: object, cls: type) -> Any:
    return _fast.fast_structurer("json", cls)(data, [0])


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
    assert _fast.fast_structurer("toml", cast("type", cls))(body, [0]) == obj


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
def test_a_dump_writes_the_fields_in_order_leaving_out_those_at_their_default(
    fmt: _converters.Format,
) -> None:
    objects: tuple[object, ...] = (*DOCUMENTS, *PARTS)
    for obj in objects:
        cls: type[Any] = type(obj)
        written = _fast.unstructure(obj, fmt)
        fields = attrs.fields(cls)
        always = [f.name for f in fields if f.default is attrs.NOTHING or f.name == "currency"]
        others = [f.name for f in fields if f.name not in always]
        present = [
            name for name in others if getattr(obj, name) != attrs.fields_dict(cls)[name].default
        ]
        assert list(written) == always + present
        assert _fast.structure(written, cls, fmt) == obj


def test_dates_and_amounts_are_dumped_as_the_converter_dumps_them() -> None:
    document = to_dict(award_round())
    assert document["amount"] == {"amount": "500000", "currency": "NOK"}
    assert isinstance(document["awarded_on"], str)
    assert date.fromisoformat(document["awarded_on"]) == award_round().awarded_on
    assert not isinstance(award_round().awarded_on, datetime)
    assert Decimal(document["amount"]["amount"]) == award_round().amount.amount


# --- classes the generated code cannot serve ------------------------------------------------


def positive(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value <= 0:
        raise ValidationError(attribute.name, "must be positive")


@attrs.frozen
class WithFactory:
    names: tuple[str, ...] = attrs.field(factory=tuple)


@attrs.frozen
class WithNumbers:
    numbers: tuple[int, ...]


@attrs.frozen
class WithPairs:
    pairs: tuple[int, int]


@attrs.frozen
class WithFraction:
    share: float


@attrs.frozen
class WithEither:
    name: str | int | None = None


@attrs.frozen
class WithConverter:
    name: str = attrs.field(converter=str)


@attrs.frozen
class WithPreInit:
    name: str

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(slots=False)
class WithoutSlots:
    name: str


@attrs.frozen
class WithFunctionValidator:
    count: int = attrs.field(validator=positive)


@pytest.mark.parametrize(
    ("cls", "says"),
    [
        (WithFactory, "WithFactory.names: .* a default made by a factory"),
        (WithPairs, "WithPairs.pairs: .* a tuple of fixed length"),
        (WithFraction, r"WithFraction.share: .* the type <class 'float'>"),
        (WithEither, "WithEither.name: .* a union of several types"),
        (WithConverter, "WithConverter.name: .* a field with a converter"),
        (WithPreInit, "WithPreInit: .* __attrs_pre_init__"),
        (WithoutSlots, "WithoutSlots.name: .* a class without slots"),
        (WithFunctionValidator, "WithFunctionValidator.count: .* not one of the model's rules"),
    ],
)
def test_a_class_the_generated_code_cannot_serve_is_a_type_error(cls: type, says: str) -> None:
    with pytest.raises(TypeError, match=says):
        _fast.structure({}, cls, "json")


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_tuple_of_plain_values_is_read_and_written_item_by_item(fmt: _converters.Format) -> None:
    written = _fast.unstructure(WithNumbers((1, 2)), fmt)
    assert written == {"numbers": [1, 2]}
    assert _fast.structure(written, WithNumbers, fmt) == WithNumbers((1, 2))
    with pytest.raises(ValidationError) as caught:
        _fast.structure({"numbers": [1, "2"]}, WithNumbers, fmt)
    assert caught.value.problems == (("numbers[1]", "expected a whole number, got text"),)


@attrs.frozen
class WithRows:
    rows: tuple[tuple[date, ...], ...]


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_tuple_of_tuples_is_read_and_written_at_every_depth(fmt: _converters.Format) -> None:
    rows = WithRows(((date(2019, 6, 7), date(2019, 6, 8)), ()))
    written = _fast.unstructure(rows, fmt)
    days = written["rows"][0]
    assert days == (["2019-06-07", "2019-06-08"] if fmt == "json" else list(rows.rows[0]))
    assert written["rows"][1] == []
    assert _fast.structure(written, WithRows, fmt) == rows
    with pytest.raises(ValidationError) as caught:
        _fast.structure({"rows": [[], [days[0], 7]]}, WithRows, fmt)
    ((path, message),) = caught.value.problems
    assert path == "rows[1][1]"
    assert message.startswith("expected a ")
    assert message.endswith("got a whole number")


@attrs.frozen
class WithCounter:
    name: str
    seen: int = attrs.field(init=False, default=0)


def test_a_field_init_leaves_out_gets_its_default_on_the_fast_path_too() -> None:
    built = _fast.structure({"name": "x"}, WithCounter, "json")
    assert built == WithCounter("x")
    assert built.seen == 0
    with pytest.raises(ValidationError) as caught:
        _fast.structure({"name": "x", "seen": 3}, WithCounter, "json")
    assert caught.value.problems == (("seen", "is not a known field"),)


@attrs.frozen
class CheckedAfter:
    name: str

    def __attrs_post_init__(self) -> None:
        if self.name == "x":
            raise ValidationError("name", "must not be x")


def test_a_class_with_its_own_post_init_and_no_rules_has_it_run() -> None:
    assert _fast.structure({"name": "y"}, CheckedAfter, "json") == CheckedAfter("y")
    with pytest.raises(ValidationError) as caught:
        _fast.structure({"name": "x"}, CheckedAfter, "json")
    assert list(_problems.problems(caught.value)) == [("$.name", "must not be x")]


def _generated_lines(error: BaseException, filename: str) -> list[str]:
    """The source lines a traceback of ``error`` quotes from the generated ``filename``."""
    frames = traceback.extract_tb(error.__traceback__)
    return [frame.line or "" for frame in frames if frame.filename == filename]


def test_a_traceback_through_a_generated_structurer_quotes_its_source() -> None:
    structure = _fast.fast_structurer("json", CheckedAfter)
    filename = structure.__code__.co_filename
    assert filename == "<fast structure json CheckedAfter>"
    assert filename in linecache.cache
    assert inspect.getsource(structure).startswith("def structure(o, t):\n")
    with pytest.raises(ValidationError) as caught:
        structure({"name": "x"}, [0])
    (line,) = _generated_lines(caught.value, filename)
    assert line.endswith("(self)")  # the call of the class's own __attrs_post_init__
    assert line in inspect.getsource(structure)


def test_the_generated_unstructurers_are_filed_apart_by_format() -> None:
    json_dump = _fast.fast_unstructurer("json", AwardRound)
    toml_dump = _fast.fast_unstructurer("toml", AwardRound)
    assert json_dump.__code__.co_filename == "<fast unstructure json AwardRound>"
    assert toml_dump.__code__.co_filename == "<fast unstructure toml AwardRound>"
    for dump in (json_dump, toml_dump):
        assert inspect.getsource(dump).startswith("def unstructure(i):\n")


def test_a_traceback_through_a_compiled_rule_quotes_its_expression() -> None:
    test = v.compile_test(lambda var, _kind, _bind: f"1 // {var}", name="rule: a divisor")
    assert test.__code__.co_filename in linecache.cache
    with pytest.raises(ZeroDivisionError) as caught:
        test(0)
    assert _generated_lines(caught.value, "<rule: a divisor>") == ["return bool(1 // value)"]


def test_a_rule_compiled_on_first_use_is_filed_under_its_own_description() -> None:
    rule = v.integer(3, 7)
    with pytest.raises(ValidationError):
        rule.check(8, "n")
    (filename,) = (
        name for name in linecache.cache if name.startswith("<rule: integer validator 3..7")
    )
    assert "(type(value) is int and 3 <= value <= 7)" in "".join(linecache.getlines(filename))


def test_two_sources_under_one_name_are_filed_apart_and_one_source_once() -> None:
    first: dict[str, Any] = {}
    second: dict[str, Any] = {}
    again: dict[str, Any] = {}
    _generated.run("def f():\n    return 1\n", "test generated", first)
    _generated.run("def f():\n    return 2\n", "test generated", second)
    _generated.run("def f():\n    return 1\n", "test generated", again)
    assert first["f"].__code__.co_filename == "<test generated>"
    assert second["f"].__code__.co_filename == "<test generated 2>"
    assert again["f"].__code__.co_filename == "<test generated>"
    assert (first["f"](), second["f"](), again["f"]()) == (1, 2, 1)
    assert inspect.getsource(second["f"]) == "def f():\n    return 2\n"
