"""The loaders and writers give the same results with orjson (the ``fast`` extra) and without."""

from __future__ import annotations

import sys
from unittest import mock

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from fresh import run_fresh
from innovasjonspris import (
    InvalidDataError,
    Municipality,
    _json,
    prize,
    rounds,
    serialization,
    strategies,
)
from innovasjonspris.data import timeline
from innovasjonspris.serialization import (
    Document,
    from_json,
    from_json_lines,
    read_document,
    to_json,
    to_json_lines,
)

pytest.importorskip("orjson")

HOSTILE = [
    '{"a": 1, "a": 2}',
    '{"schema_version": 1, "id": "x", "id": "y"}',
    # A repeated key whose colon hides as an escape in another string.
    '{"a": "\\u003a", "b": 1, "b": 2}',
    '{"a": "\\u003A"}',
    '{"a": NaN}',
    "[" * 100_000,
    "[" * 300 + "]" * 300,
    '{"year": 1' + "0" * 30 + "}",
    '"\\ud800"',
    "\ufeff{}",
    b"\xef\xbb\xbf{}",
    b"\xff\xfe{}",
    "",
    "1" * 5000,
    '{"url": "https://example.org:8080/a:b"}',
]


@pytest.fixture
def stdlib_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_json, "_orjson", None)


def outcome(data: str | bytes) -> object:
    try:
        return from_json(data)
    except InvalidDataError as error:
        return error.errors


@pytest.mark.parametrize("data", HOSTILE)
def test_hostile_json_gives_the_same_errors_with_and_without_orjson(
    data: str | bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_orjson = outcome(data)
    monkeypatch.setattr(_json, "_orjson", None)
    assert outcome(data) == with_orjson


def test_repeated_keys_are_refused_with_orjson() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_json('{"number": "0301", "name": "Oslo", "name": "Oslo"}', Municipality)
    assert caught.value.errors == ["$: the key 'name' appears twice in one object"]


@given(
    strategies.award_rounds()
    | strategies.award_rounds(hostile=True)
    | strategies.prizes(hostile=True)
    | strategies.years_not_awarded(hostile=True),
    st.booleans(),
)
def test_the_fast_path_reads_every_valid_document_alone(document: Document, as_bytes: bool) -> None:  # noqa: FBT001
    # It counts the strings it reads against the quotes of the text; a miscount would send
    # a valid document to the standard library's parser, which is not called here.
    text = to_json(document)
    assume("\\u003" not in text)  # a colon that may hide as an escape is left to json
    data = text.encode() if as_bytes else text
    with mock.patch.object(serialization, "_load_json", side_effect=AssertionError):
        assert from_json(data, type(document)) == document
        assert read_document(data, format="json") == document


def test_the_fast_path_reads_every_bundled_document_alone() -> None:
    # Their texts have no escapes: the strings read are counted against the quotes.
    for document in [*timeline(), prize()]:
        text = to_json(document)
        assert "\\" not in text
        with mock.patch.object(serialization, "_load_json", side_effect=AssertionError):
            assert read_document(text.encode(), format="json") == document


def test_a_repeated_key_of_the_envelope_is_refused() -> None:
    text = to_json(rounds()[0]).replace(
        '"schema_version": 1,', '"schema_version": 1, "schema_version": 1,'
    )
    with pytest.raises(InvalidDataError) as caught:
        from_json(text)
    assert caught.value.errors == ["$: the key 'schema_version' appears twice in one object"]


def test_colons_in_text_are_no_repeated_keys() -> None:
    oslo = from_json('{"number": "0301", "name": "Oslo: by"}', Municipality)
    assert oslo.name == "Oslo: by"


@pytest.mark.parametrize("award", rounds(), ids=lambda r: r.id)
def test_written_json_is_the_same_with_and_without_orjson(
    award: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_orjson = (to_json(award), to_json_lines([award]))
    monkeypatch.setattr(_json, "_orjson", None)
    assert (to_json(award), to_json_lines([award])) == with_orjson


def test_text_that_needs_escapes_is_written_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    place = Municipality(number="0301", name='«Oslo» "by" \\ æøå')
    with_orjson = to_json(place)
    monkeypatch.setattr(_json, "_orjson", None)
    assert to_json(place) == with_orjson
    assert from_json(with_orjson, Municipality) == place


@pytest.mark.usefixtures("stdlib_only")
def test_the_standard_library_loads_alone() -> None:
    assert from_json_lines(to_json_lines(rounds())) == list(rounds())


def test_orjson_is_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _json.find_accelerator() is not None
    monkeypatch.setitem(sys.modules, "orjson", None)
    assert _json.find_accelerator() is None


def test_orjson_is_loaded_on_the_first_json_not_on_import() -> None:
    # Nor cattrs: importing the package stays quick for code that builds objects. (Babel
    # neither; test_formatting holds that.)
    probe = (
        "import sys, innovasjonspris\n"
        "print(*(name in sys.modules for name in ('orjson', 'cattrs')))\n"
        "from innovasjonspris.serialization import to_json\n"
        "to_json(innovasjonspris.rounds()[0])\n"
        "print('orjson' in sys.modules)\n"
    )
    done = run_fresh(probe)
    assert done.stdout.split() == ["False", "False", "True"], done.stderr
