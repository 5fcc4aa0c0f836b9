"""The detailed path: a refused document is structured once more, and every problem is named."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, cast

import attrs
import pytest

from factories import award_round
from innovasjonspris import AwardRound, InvalidDataError, ValidationError, _converters
from innovasjonspris.serialization import from_dict, to_dict


def objects_of(node: object) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``node``, ``node`` itself included."""
    if isinstance(node, dict):
        mapping = cast("dict[str, Any]", node)
        yield mapping
        for value in mapping.values():
            yield from objects_of(value)
    elif isinstance(node, list):
        for value in cast("list[object]", node):
            yield from objects_of(value)


def refused_deep_down() -> dict[str, Any]:
    """A document whose one problem is in its deepest object."""
    document = to_dict(award_round())
    del document["schema_version"], document["kind"]
    person = document["jury"]["members"][1]["person"]
    person["organisation"] = {"name": {"nb": " KMD"}}
    return document


def refused_at_every_level() -> dict[str, Any]:
    """A document with problems in objects from the top to six levels down."""
    document = to_dict(award_round())
    del document["schema_version"], document["kind"]
    document["id"] = "Not An Id"
    document["applicants"][1] = 2
    del document["event"]["name"]
    document["event"]["end"] = "2019-06-01"  # before the start, but the name is missing
    citations = document["citations"]
    citations[0]["projects"][0]["summary"]["nb"] = ""
    citations[1]["municipality"]["nmae"] = "Ulstein"
    citations[2]["projects"] = [{"name": "Havbruk", "municipality": "5001"}]
    document["presented_by"][0]["organisation"]["name"]["nb"] = " KMD"
    document["jury"]["members"][1]["person"]["organisation"] = {"name": {}}
    return document


def counting_converter(calls: Counter[int]) -> Any:
    """A JSON converter whose class hooks count the objects each is given."""
    conv = _converters.build("json")
    detailed = _converters.detailed_attrs_factory(conv, "json")

    def factory(cls: type) -> Callable[[object, type], Any]:
        hook = detailed(cls)

        def structure(value: object, kind: type) -> Any:
            calls[id(value)] += 1
            return hook(value, kind)

        return structure

    conv.register_structure_hook_factory(attrs.has, factory)
    return conv


@pytest.mark.parametrize("document", [refused_deep_down(), refused_at_every_level()])
def test_each_object_of_a_refused_document_is_structured_once(document: dict[str, Any]) -> None:
    calls: Counter[int] = Counter()
    with pytest.raises(ValidationError):
        counting_converter(calls).structure(document, AwardRound)
    objects = list(objects_of(document))
    assert sorted(calls) == sorted(id(obj) for obj in objects)
    assert set(calls.values()) == {1}


def test_problems_at_every_level_are_all_named_with_their_paths() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_dict({"schema_version": 1, **refused_at_every_level()})
    # In the order of the fields, depth first; an object's unknown keys after its fields.
    assert caught.value.errors == [
        "$.id: must be lower-case words joined by -, not 'Not An Id'",
        "$.event.name: is required",
        "$.presented_by[0].organisation.name.nb: must not start or end with white space",
        '$.applicants["1"]: is not a known field',
        (
            "$.jury.members[1].person.organisation.name.nb: "
            "needs a text in at least one of nb, nn and en"
        ),
        "$.citations[0].projects[0].summary.nb: must not be empty",
        "$.citations[1].municipality.nmae: is not a known field; did you mean 'name'?",
        "$.citations[2].projects[0].municipality: '5001' is not the cited '1246'",
    ]


@attrs.frozen
class Note:
    """Plain attrs fields, unlike the model's: no validators, an alias, one set by attrs."""

    text: str
    by: str = attrs.field(default="anonymous", alias="author")
    length: int = attrs.field(init=False, default=0)


def test_plain_attrs_fields_are_structured_like_the_models() -> None:
    conv = _converters.build("json")
    assert conv.structure({"text": "Hei", "by": "Kari"}, Note) == Note(text="Hei", author="Kari")
    with pytest.raises(ValidationError) as caught:
        conv.structure({"text": 1, "length": 3}, Note)
    assert caught.value.problems == (
        ("text", "expected text, got a whole number"),
        ("length", "is not a known field"),
    )
