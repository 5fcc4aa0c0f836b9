"""The loaders' size limits: a whole document, and any one text in it."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from innovasjonspris import InvalidDataError, load_round
from innovasjonspris.serialization import (
    MAX_DOCUMENT_SIZE,
    MAX_TEXT_LENGTH,
    from_dict,
    from_json,
    from_json_lines,
    from_toml,
    to_dict,
    to_json,
    to_json_lines,
    to_toml,
)


def _document(text_length: int) -> dict[str, Any]:
    document = to_dict(load_round(2019))
    document["citations"][1]["text"]["nn"] = "x" * text_length
    return document


def test_the_documented_defaults() -> None:
    assert MAX_DOCUMENT_SIZE == 16 * 1024 * 1024
    assert MAX_TEXT_LENGTH == 100_000


@pytest.mark.parametrize("kind", ["json str", "json bytes", "toml bytes"])
def test_a_20_mb_document_is_refused_at_once(kind: str) -> None:
    text = json.dumps(_document(20_000_000), ensure_ascii=False)
    data: str | bytes = text if kind == "json str" else text.encode()
    load = from_toml if kind.startswith("toml") else from_json
    start = time.perf_counter()
    with pytest.raises(InvalidDataError) as caught:
        load(data)
    elapsed = time.perf_counter() - start
    unit = "characters" if isinstance(data, str) else "bytes"
    assert caught.value.errors == [
        (
            f"$: the document is {len(data)} {unit}, over the limit of {MAX_DOCUMENT_SIZE}; "
            "pass a larger max_size to read it"
        )
    ]
    assert elapsed < 0.1


def test_a_larger_max_size_reads_a_large_document() -> None:
    text = to_json(load_round(2019))
    with pytest.raises(InvalidDataError, match="over the limit of 1000"):
        from_json(text, max_size=1000)
    assert from_json(text, max_size=len(text)) == load_round(2019)


_TOO_LONG = (
    f"is {MAX_TEXT_LENGTH + 1} characters long, over the limit of {MAX_TEXT_LENGTH}; "
    "pass a larger max_text_length to read it"
)


@pytest.mark.parametrize("load", ["dict", "json", "toml", "json lines"])
def test_a_long_text_is_refused_at_its_path(load: str) -> None:
    document = _document(MAX_TEXT_LENGTH + 1)
    document["jury"]["members"][0]["person"]["name"] = "y" * (MAX_TEXT_LENGTH + 1)
    # The model itself has no such limit: only the loaders do.
    long_round = from_dict(document, max_text_length=MAX_TEXT_LENGTH + 1)
    with pytest.raises(InvalidDataError) as caught:  # noqa: PT012 - one load of four
        if load == "dict":
            from_dict(document)
        elif load == "json":
            from_json(to_json(long_round))
        elif load == "toml":
            from_toml(to_toml(long_round))
        else:
            from_json_lines(to_json_lines([load_round(2019), long_round]))
    prefix = "$[1]" if load == "json lines" else "$"
    assert caught.value.errors == [
        f"{prefix}.citations[1].text.nn: {_TOO_LONG}",
        f"{prefix}.jury.members[0].person.name: {_TOO_LONG}",
    ]


def test_a_larger_max_text_length_reads_a_long_text() -> None:
    document = _document(MAX_TEXT_LENGTH + 1)
    text = json.dumps(document)
    loaded = from_json(text, max_text_length=MAX_TEXT_LENGTH + 1)
    citation = loaded.citations[1].text
    assert citation is not None
    assert len(citation.nn or "") == MAX_TEXT_LENGTH + 1
    assert from_dict(document, max_text_length=MAX_TEXT_LENGTH + 1) == loaded
    assert from_json_lines(text, max_text_length=MAX_TEXT_LENGTH + 1) == [loaded]


@pytest.mark.parametrize("limit", [-1, 1.5, "16", None, True])
def test_a_limit_must_be_a_whole_number(limit: object) -> None:
    with pytest.raises(TypeError, match="max_size must be a whole number of at least 0"):
        from_json("{}", max_size=limit)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="max_text_length must be a whole number"):
        from_dict({}, max_text_length=limit)  # type: ignore[arg-type]


def test_data_that_holds_itself_is_walked_once() -> None:
    document: dict[str, Any] = to_dict(load_round(2019))
    document["notes"] = [document, document]
    with pytest.raises(InvalidDataError) as caught:
        from_dict(document)
    # Refused for its shape, once: the walk for long texts did not go round in circles.
    assert caught.value.errors == ["$.notes: expected an object, got an array"]
    document["notes"] = [document, "z" * (MAX_TEXT_LENGTH + 1)]
    with pytest.raises(InvalidDataError) as caught:
        from_dict(document)
    assert caught.value.errors == [f"$.notes[1]: {_TOO_LONG}"]
