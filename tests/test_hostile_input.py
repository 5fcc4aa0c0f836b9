"""Hostile input: whatever a loader is given, it returns a valid object or raises
InvalidDataError, never a foreign exception, and it finishes.

``HYPOTHESIS_PROFILE=long uv run pytest -m property tests/test_hostile_input.py`` runs
these with 100 000 examples each.
"""

from __future__ import annotations

import codecs
import json
import tomllib
import unicodedata
from collections.abc import Callable, Generator
from contextlib import contextmanager
from typing import Any, cast
from unittest import mock

import jsonschema
import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from factories import model_types
from innovasjonspris import (
    AwardRound,
    Event,
    InvalidDataError,
    LocalizedText,
    Money,
    Municipality,
    Person,
    Prize,
    Source,
    ValidationError,
    _json,
    registry,
    strategies,
)
from innovasjonspris._text import HIDDEN
from innovasjonspris.render import render_round
from innovasjonspris.serialization import (
    from_dict,
    from_json,
    from_toml,
    json_schema,
    to_dict,
    to_toml,
)

pytestmark = pytest.mark.property

TYPES = model_types()
DEPTH = 100_000
SENTINEL = "\u2063hostile\u2063"  # a string no generated document contains

# Raw JSON text, each of which replaces one value of a valid document.
JSON_FRAGMENTS = (
    "1e999999",
    "-1e999999",
    "NaN",
    "Infinity",
    "-Infinity",
    "1" * 10_000,
    "0." + "1" * 10_000,
    '"' + "1" * 10_000 + '"',
    '"' + "9" * 10_000 + "." + "9" * 10_000 + '"',
    '"1e999999"',
    '"NaN"',
    '"Infinity"',
    "500000.0",
    "1.5",
    "-0",
    "true",
    "null",
    "[]",
    "{}",
    '"' + "å" * 1_000_000 + '"',
    '"\\ud800"',
    '"\\u0000"',
    '"\\ufeffOslo"',
    '"Trond\\u202eheim"',
    '"Oslo\\u200b"',
    '"\\u0422rondheim"',
    '"https://a.b/\\u202egnp.exe"',
    '"javascript:alert(1)"',
    '"0001-01-01"',
    '"9999-12-31"',
    '"innovasjonsprisen-1999"',
    "100000",
    '{"a": 1, "a": 2}',
    "[" * DEPTH + "]" * DEPTH,
    '{"a": ' * DEPTH + "1" + "}" * DEPTH,
    "[" * 900 + "]" * 900,
)
# Raw TOML values, likewise.
TOML_FRAGMENTS = (
    "1e999999",
    "nan",
    "inf",
    "-inf",
    "1" * 10_000,
    '"' + "1" * 10_000 + '"',
    "500000.0",
    "true",
    "1979-05-27T07:32:00Z",
    "1979-05-27T07:32:00",
    "07:32:00",
    "1979-05-27",
    "0001-01-01",
    "9999-12-31",
    "[]",
    "{}",
    "{ a = 1 }",
    '[1, "a"]',
    '"' + "å" * 1_000_000 + '"',
    '"\\u0000"',
    '"\\uFEFFOslo"',
    '"Trond\\u202Eheim"',
    '"\\u0422rondheim"',
    '"javascript:alert(1)"',
    "[" * DEPTH + "]" * DEPTH,
    "{ a = " * DEPTH + "1" + " }" * DEPTH,
    "[" * 900 + "]" * 900,
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.sampled_from(["2019-06-07", "500000", "1234.50", "winner", "NOK", "0301"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["schema_version", "id", "year", "amount", "citations", "nb"])
            | st.text(),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)
documents = strategies.award_rounds(hostile=True) | strategies.prizes(hostile=True)


@contextmanager
def json_backend(use_orjson: bool) -> Generator[None]:  # noqa: FBT001 - drawn by Hypothesis
    """Parse JSON with orjson (when the ``fast`` extra is installed) or the standard library."""
    if use_orjson:
        yield
        return
    with mock.patch.object(_json, "_orjson", None):
        yield


def loads_or_refuses(load: Callable[[], object], cls: type[Any]) -> None:
    """Run ``load``: a valid ``cls`` or InvalidDataError are fine, anything else fails."""
    errors: list[str] = []
    try:
        result = load()
    except InvalidDataError as error:
        errors = error.errors
    else:
        assert type(result) is cls
        return
    assert errors
    assert all(message.startswith("$") for message in errors)
    # However large the input, each message stays short enough to read.
    assert all(len(message) < 1_000 for message in errors), errors


def _containers(node: object) -> list[tuple[Any, Any]]:
    """Every (container, key) pair of a document, the document's own keys included."""
    found: list[tuple[Any, Any]] = []
    if isinstance(node, dict):
        mapping = cast("dict[str, object]", node)
        for key, value in mapping.items():
            found.append((mapping, key))
            found.extend(_containers(value))
    elif isinstance(node, list):
        items = cast("list[object]", node)
        for index, value in enumerate(items):
            found.append((items, index))
            found.extend(_containers(value))
    return found


def _plant(document: dict[str, Any], data: st.DataObject, value: object) -> None:
    container, key = data.draw(st.sampled_from(_containers(document)), label="where")
    container[key] = value


def _splice(text: str, fragment: str) -> str:
    """Put ``fragment`` where the sentinel string stands in ``text``."""
    quoted = json.dumps(SENTINEL, ensure_ascii=False)  # JSON and TOML quote it alike
    assert text.count(quoted) == 1
    return text.replace(quoted, fragment)


@given(json_values, st.sampled_from(TYPES), st.booleans())
def test_any_json_value_loads_or_is_refused(value: object, cls: type[Any], orjson: bool) -> None:  # noqa: FBT001
    loads_or_refuses(lambda: from_dict(value, cls), cls)
    text = json.dumps(value)  # NaN and Infinity come out as JSON's forbidden constants
    with json_backend(orjson):
        loads_or_refuses(lambda: from_json(text, cls), cls)


@given(st.text(), st.sampled_from(TYPES), st.booleans())
def test_any_text_loads_or_is_refused(text: str, cls: type[Any], orjson: bool) -> None:  # noqa: FBT001
    with json_backend(orjson):
        loads_or_refuses(lambda: from_json(text, cls), cls)
    loads_or_refuses(lambda: from_toml(text, cls), cls)


@given(st.binary(), st.sampled_from(TYPES), st.booleans())
def test_any_bytes_load_or_are_refused(data: bytes, cls: type[Any], orjson: bool) -> None:  # noqa: FBT001
    with json_backend(orjson):
        loads_or_refuses(lambda: from_json(data, cls), cls)
    loads_or_refuses(lambda: from_toml(data, cls), cls)


@given(documents, st.sampled_from(JSON_FRAGMENTS), st.data())
def test_hostile_json_inside_a_valid_document(
    document: AwardRound | Prize, fragment: str, data: st.DataObject
) -> None:
    tree = to_dict(document)
    _plant(tree, data, SENTINEL)
    text = json.dumps(tree, ensure_ascii=False).replace(
        json.dumps(SENTINEL, ensure_ascii=False), fragment
    )
    loads_or_refuses(lambda: from_json(text, type(document)), type(document))
    loads_or_refuses(lambda: from_json(text.encode(), type(document)), type(document))


@given(documents, st.sampled_from(TOML_FRAGMENTS), st.data())
def test_hostile_toml_inside_a_valid_document(
    document: AwardRound | Prize, fragment: str, data: st.DataObject
) -> None:
    tree = tomllib.loads(to_toml(document))
    _plant(tree, data, SENTINEL)
    text = _splice(tomli_w.dumps(tree), fragment)
    loads_or_refuses(lambda: from_toml(text, type(document)), type(document))


@given(documents, json_values, st.booleans(), st.data())
def test_any_json_value_inside_a_valid_document(
    document: AwardRound | Prize,
    value: object,
    orjson: bool,  # noqa: FBT001
    data: st.DataObject,
) -> None:
    tree = to_dict(document)
    _plant(tree, data, value)
    loads_or_refuses(lambda: from_dict(tree, type(document)), type(document))
    with json_backend(orjson):
        loads_or_refuses(lambda: from_json(json.dumps(tree), type(document)), type(document))


TOML_VALUES = (
    st.integers(-(2**63), 2**63 - 1)
    | st.floats()
    | st.booleans()
    | st.text()
    | st.datetimes()
    | st.dates()
    | st.times()
    | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.text(min_size=1), st.integers(), max_size=2)
)


@given(documents, TOML_VALUES, st.data())
def test_toml_values_of_the_wrong_type_are_refused_at_their_path(
    document: AwardRound | Prize, value: object, data: st.DataObject
) -> None:
    tree = tomllib.loads(to_toml(document))
    _plant(tree, data, value)
    loads_or_refuses(lambda: from_toml(tomli_w.dumps(tree), type(document)), type(document))


@given(documents, st.booleans(), st.data())
def test_duplicate_keys_are_refused(
    document: AwardRound | Prize,
    orjson: bool,  # noqa: FBT001
    data: st.DataObject,
) -> None:
    tree = to_dict(document)
    objects = [tree, *(c[k] for c, k in _containers(tree) if isinstance(c[k], dict) and c[k])]
    target = data.draw(st.sampled_from(objects), label="object")
    key = data.draw(st.sampled_from(sorted(target)), label="key")
    # json.dumps cannot repeat a key, so the repeat is spliced into the text.
    marker = {SENTINEL: 0}
    target[SENTINEL] = 0
    text = json.dumps(tree, ensure_ascii=False)
    repeat = f"{json.dumps(key)}: {json.dumps(target[key], ensure_ascii=False)}"
    text = text.replace(json.dumps(marker, ensure_ascii=False)[1:-1], repeat)
    with json_backend(orjson), pytest.raises(InvalidDataError) as caught:
        from_json(text, type(document))
    assert "appears twice" in str(caught.value)


@given(st.floats() | st.integers(), strategies.money(hostile=True))
def test_numbers_where_decimal_text_belongs_are_refused(number: float, money: Money) -> None:
    tree = to_dict(money)
    tree["amount"] = number
    with pytest.raises(InvalidDataError) as caught:
        from_dict(tree, Money)
    assert caught.value.errors[0].startswith("$.amount:")
    text = json.dumps(tree)
    with pytest.raises(InvalidDataError):
        from_json(text, Money)
    with pytest.raises(InvalidDataError):
        from_toml(tomli_w.dumps(tree), Money)


@pytest.mark.parametrize("load", [from_json, from_toml], ids=["json", "toml"])
def test_deeply_nested_arrays_are_refused(load: Callable[[str], object]) -> None:
    nested = "[" * DEPTH + "]" * DEPTH
    with pytest.raises(InvalidDataError, match="nested too deeply"):
        load(nested if load is from_json else f"a = {nested}")


def test_a_byte_order_mark_is_allowed_once() -> None:
    document = strategies.award_rounds(hostile=True)
    award_round = _example(document)
    for text, load in (
        (to_toml(award_round), from_toml),
        (json.dumps(to_dict(award_round)), from_json),
    ):
        assert load("\ufeff" + text) == award_round
        assert load(codecs.BOM_UTF8 + text.encode()) == award_round
        with pytest.raises(InvalidDataError):
            load("\ufeff\ufeff" + text)
        with pytest.raises(InvalidDataError, match="UTF-8"):
            load(text.encode("utf-16"))


def _example(strategy: st.SearchStrategy[AwardRound]) -> AwardRound:
    found: list[AwardRound] = []

    @given(strategy)
    def keep(value: AwardRound) -> None:
        found.append(value)

    keep()
    return found[-1]


def _deep_list() -> list[object]:
    nested: list[object] = []
    for _ in range(DEPTH):
        nested = [nested]
    return nested


def test_from_dict_refuses_a_deeply_nested_schema_version() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_dict({"schema_version": _deep_list()})
    assert caught.value.errors == ["$.schema_version: expected the number 1, got an array"]


def test_from_dict_refuses_a_huge_schema_version() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_dict({"schema_version": 10**5000})
    assert caught.value.errors == [
        "$.schema_version: this release reads version 1, not a number of about 5000 digits"
    ]


def test_from_dict_refuses_a_huge_year_at_its_path() -> None:
    tree = to_dict(_example(strategies.award_rounds(hostile=True)))
    tree["year"] = 10**5000
    with pytest.raises(InvalidDataError) as caught:
        from_dict(tree)
    assert caught.value.errors[0].startswith("$.year:"), caught.value.errors


@pytest.mark.parametrize("field", ["url", "number", "currency", "orgnr"])
def test_messages_stay_short_however_long_the_value(field: str) -> None:
    cls, tree = {
        "url": (Source, {"url": "x" * 100_000}),
        "number": (Municipality, {"number": "1" * 100_000, "name": "Oslo"}),
        "currency": (Money, {"amount": "1", "currency": "X" * 100_000}),
        "orgnr": (Municipality, {"number": "0301", "name": "Oslo", "orgnr": "1" * 100_000}),
    }[field]
    with pytest.raises(InvalidDataError) as caught:
        from_dict(tree, cls)
    assert all(len(message) < 1_000 for message in caught.value.errors)


# --- Text that hides ---------------------------------------------------------------------

# Where each kind of text sits in a document, and a value that is fine there.
TEXT_FIELDS = (
    (Municipality, "name", {"number": "0301", "name": "Oslo"}),
    (Person, "name", {"name": "Kari Nordmann"}),
    (Source, "url", {"url": "https://www.regjeringen.no/side"}),
    (Source, "title", {"url": "https://www.ks.no/", "title": "Innovasjonsprisen"}),
    (Source, "publisher", {"url": "https://www.ks.no/", "publisher": "KS"}),
    (Event, "place", {"name": "Arendalsuka", "place": "Arendal"}),
    (LocalizedText, "nb", {"nb": "Kommunen vant prisen."}),
)


@pytest.mark.parametrize("hidden", sorted(HIDDEN))
@pytest.mark.parametrize(("cls", "field", "tree"), TEXT_FIELDS)
def test_invisible_characters_are_refused_and_named(
    hidden: str, cls: type[Any], field: str, tree: dict[str, str]
) -> None:
    value = tree[field]
    middle = len(value) // 2
    spoilt = {**tree, field: value[:middle] + hidden + value[middle:]}
    with pytest.raises(InvalidDataError) as caught:
        from_dict(spoilt, cls)
    code = f"U+{ord(hidden):04X}"
    named = f"{code} {unicodedata.name(hidden)}"
    message = f"must not contain {named}, an invisible character that hides or reorders text"
    assert caught.value.errors == [f"$.{field}: {message}"]
    # The schema an editor checks with refuses it too.
    checker = jsonschema.Draft202012Validator(json_schema(cls))
    assert checker.is_valid(tree)  # pyright: ignore[reportUnknownMemberType]
    assert not checker.is_valid(spoilt)  # pyright: ignore[reportUnknownMemberType]


def test_the_examples_of_the_issue_are_refused() -> None:
    with pytest.raises(ValidationError, match="U\\+202E RIGHT-TO-LEFT OVERRIDE"):
        Municipality(number="5001", name="Trond\u202eheim")
    with pytest.raises(ValidationError, match="U\\+202E RIGHT-TO-LEFT OVERRIDE"):
        Source(url="https://a.b/\u202egnp.exe")
    with pytest.raises(ValidationError, match="U\\+FEFF ZERO WIDTH NO-BREAK SPACE"):
        Person(name="Kari\ufeffNordmann")


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("\u0422rondheim", "U+0422 CYRILLIC CAPITAL LETTER TE and U+0072 LATIN SMALL LETTER R"),
        ("Trondh\u0435im", "U+0054 LATIN CAPITAL LETTER T and U+0435 CYRILLIC SMALL LETTER IE"),
        ("Ulst\u03b5in", "U+0055 LATIN CAPITAL LETTER U and U+03B5 GREEK SMALL LETTER EPSILON"),
        ("Bod\u00f8 Os\u0406o", "U+004F LATIN CAPITAL LETTER O and U+0406 CYRILLIC CAPITAL"),
    ],
)
def test_a_name_that_mixes_scripts_in_a_word_is_refused(name: str, letters: str) -> None:
    for build in (
        lambda: Municipality(number="5001", name=name),
        lambda: Person(name=name),
        lambda: Event(name="Dagen", place=name),
        lambda: Source(url="https://ks.no/", publisher=name),
    ):
        with pytest.raises(ValidationError, match="must not mix scripts in one word") as caught:
            build()
        assert letters in caught.value.message


@pytest.mark.parametrize(
    "name",
    [
        "Guovdageaidnu",
        "Kárášjohka",
        "Unjárga",
        "Deatnu",
        "Gáivuotna",
        "Porsáŋgu",
        "Snåase",
        "Raarvihke",
        "Čáhcesuolu",
        "Ánde Ásllat Johánsen",
        "Ŋ",
        "Đ",
        "Ŧ",
        "Ʒ",
        "Ǯ",
        "Ǩ",
        "Ǧ",
        "Москва Oslo",  # two words, two scripts: TR39 finds no mix within a word
        "東京タワー",  # Han and kana are written together in Japanese
        "서울特別市",  # Han and Hangul in Korean
        "O'Neill",
        "Jean-Luc",
    ],
)
def test_names_in_one_script_a_word_are_accepted(name: str) -> None:
    assert Person(name=name).name == name


def test_every_name_in_the_registry_is_a_valid_name() -> None:
    names = {
        form
        for year in range(registry.FIRST_YEAR, registry.LAST_YEAR + 1)
        for record in registry.municipalities(year=year)
        for form in {record.name, *record.accepted_names}
    }
    counties = {c.name for c in registry.COUNTIES}
    assert any(set(name) & set("áčđŋšŧž") for name in names)  # Sámi letters are there
    for name in sorted(names | counties):
        assert Person(name=name).name == name
        assert Event(name="Dagen", place=name).place == name


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript://a.b/%0aalert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "ftp://ftp.example.org/x",
        "//example.org/x",
        "/relative/path",
        "https://example.org/\u200bx",
    ],
)
def test_only_http_and_https_addresses_are_taken(url: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_dict({"url": url}, Source)
    assert caught.value.errors[0].startswith("$.url: ")
    with pytest.raises(ValidationError, match="alternates"):
        render_round(_example(strategies.award_rounds()), format="html", alternates={"nn": url})


@given(documents, st.sampled_from(sorted(HIDDEN)), st.data())
def test_an_invisible_character_anywhere_in_a_document_is_refused(
    document: AwardRound | Prize, hidden: str, data: st.DataObject
) -> None:
    tree = to_dict(document)
    texts = [(c, k) for c, k in _containers(tree) if isinstance(c[k], str)]
    container, key = data.draw(st.sampled_from(texts), label="where")
    value: str = container[key]
    at = data.draw(st.integers(0, len(value)), label="at")
    container[key] = value[:at] + hidden + value[at:]
    with pytest.raises(InvalidDataError):
        from_dict(tree, type(document))
    with pytest.raises(InvalidDataError):
        from_json(json.dumps(tree), type(document))
