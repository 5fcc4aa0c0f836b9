"""Round trips and total validation, for generated objects of every public type."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from innovasjonspris import AwardRound, InvalidDataError, Money, Prize, strategies
from innovasjonspris.serialization import (
    from_dict,
    from_json,
    from_toml,
    json_schema,
    to_dict,
    to_json,
    to_toml,
)

pytestmark = pytest.mark.property

ANY_OBJECT = st.one_of(
    strategies.applicants(hostile=True),
    strategies.citations(hostile=True),
    strategies.events(hostile=True),
    strategies.juries(hostile=True),
    strategies.jury_members(hostile=True),
    strategies.localized_texts(hostile=True),
    strategies.money(hostile=True),
    strategies.municipalities(hostile=True),
    strategies.organisations(hostile=True),
    strategies.persons(hostile=True),
    strategies.prizes(hostile=True),
    strategies.projects(hostile=True),
    strategies.sources(hostile=True),
)


@given(strategies.award_rounds(hostile=True))
def test_rounds_survive_dict_json_and_toml(award_round: AwardRound) -> None:
    assert from_dict(to_dict(award_round)) == award_round
    assert from_json(to_json(award_round)) == award_round
    assert from_json(to_json(award_round).encode()) == award_round
    assert from_toml(to_toml(award_round)) == award_round
    # The dict form is plain JSON data: it goes through the json module unchanged.
    assert json.loads(json.dumps(to_dict(award_round))) == to_dict(award_round)


@given(ANY_OBJECT)
def test_every_type_survives_dict_json_and_toml(obj: object) -> None:
    cls = type(obj)
    assert from_dict(to_dict(obj), cls) == obj
    assert from_json(to_json(obj), cls) == obj
    assert from_toml(to_toml(obj), cls) == obj


@given(strategies.award_rounds(hostile=True))
def test_writing_is_stable(award_round: AwardRound) -> None:
    # What is read back writes out exactly as before: one spelling per value.
    assert to_json(from_json(to_json(award_round))) == to_json(award_round)
    assert to_toml(from_toml(to_toml(award_round))) == to_toml(award_round)


# --- validation is total ---------------------------------------------------------------

Location = tuple[str, Any, str | int, object]


def _locations(node: object, obj: object, path: str = "$") -> Iterator[Location]:
    """Every place in a document: its JSONPath, the container and key holding the value,
    and the domain object that the container stands for (None where there is none)."""
    if isinstance(node, dict):
        for key, value in cast("dict[str, Any]", node).items():
            child = _child(obj, key) if key not in {"schema_version", "kind"} else None
            here = f"{path}.{key}"
            yield here, node, key, obj
            yield from _locations(value, child, here)
    elif isinstance(node, list):
        for index, value in enumerate(cast("list[object]", node)):
            child = _child(obj, index)
            here = f"{path}[{index}]"
            yield here, node, index, obj
            yield from _locations(value, child, here)


WRONG_KINDS: tuple[object, ...] = (None, True, 7, 1.5, "x", [], {})


def _same_kind(a: object, b: object) -> bool:
    return type(a) is type(b)


def _invalid_same_kind(value: object) -> list[object]:
    """Values of the same JSON kind as ``value`` that no field of ours accepts."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [-1, 10**6]
    if isinstance(value, str):
        return ["", f" {value}", f"{value}\x00"]
    return []


def _names(path: str, errors: list[str]) -> bool:
    return any(error.startswith((f"{path}:", f"{path}.", f"{path}[")) for error in errors)


def _errors_of(load: Callable[[], object]) -> list[str]:
    try:
        load()
    except InvalidDataError as error:
        return error.errors
    return []


def _fails_at(load: Callable[[], object], path: str) -> list[str]:
    with pytest.raises(InvalidDataError) as caught:
        load()
    assert _names(path, caught.value.errors), (path, caught.value.errors)
    return caught.value.errors


@given(strategies.award_rounds(hostile=True) | strategies.prizes(hostile=True), st.data())
def test_any_bad_value_is_refused_at_its_path(
    document: AwardRound | Prize, data: st.DataObject
) -> None:
    original = to_dict(document)
    locations = list(_locations(original, document))
    path, _container, key, _owner = data.draw(st.sampled_from(locations), label="location")
    mutated = copy.deepcopy(original)
    container = next(c for p, c, _k, _o in _locations(mutated, document) if p == path)
    value = container[key]
    choices = [*(w for w in WRONG_KINDS if not _same_kind(w, value)), *_invalid_same_kind(value)]
    replacement = data.draw(st.sampled_from(choices), label="replacement")
    container[key] = replacement
    _fails_at(lambda: from_dict(mutated, type(document)), path)
    _fails_at(lambda: from_json(json.dumps(mutated), type(document)), path)


@given(strategies.award_rounds(hostile=True) | strategies.prizes(hostile=True), st.data())
def test_unknown_and_missing_keys_are_refused_at_their_path(
    document: AwardRound | Prize, data: st.DataObject
) -> None:
    original = to_dict(document)
    objects = [
        (path, container[key], owner_child)
        for path, container, key, owner_child in (
            (p, c, k, _child(o, k)) for p, c, k, o in _locations(original, document)
        )
        if isinstance(container[key], dict)
    ]
    objects.insert(0, ("$", original, document))
    path, node, obj = data.draw(st.sampled_from(objects), label="object")
    # An unknown key is always an error, at its own path.
    node["surplus"] = 1
    _fails_at(lambda: from_dict(original, type(document)), f"{path}.surplus")
    del node["surplus"]
    # A required key is always missed at its own path; an optional one may leave the
    # object valid, or break a rule of the object it belongs to.
    key = data.draw(st.sampled_from(sorted(node)), label="key")
    value = node.pop(key)
    field = attrs.fields_dict(type(obj)).get(key) if obj is not None else None
    if key == "schema_version" or (field is not None and field.default is attrs.NOTHING):
        _fails_at(lambda: from_dict(original, type(document)), f"{path}.{key}")
    else:
        errors = _errors_of(lambda: from_dict(original, type(document)))
        assert not errors or _names(path, errors), (path, key, errors)
    node[key] = value
    assert from_dict(original, type(document)) == document


def _child(obj: object, key: str | int) -> object:
    """The domain object at ``key`` of ``obj``, or None where there is none."""
    if isinstance(key, int):
        return cast("tuple[object, ...]", obj)[key] if isinstance(obj, tuple) else None
    return getattr(obj, key, None)


_AMOUNT_PATTERN: str = json_schema(Prize)["$defs"]["Money"]["properties"]["amount"]["pattern"]


@given(st.from_regex(_AMOUNT_PATTERN))
def test_every_amount_the_schema_admits_loads_as_written(written: str) -> None:
    money = from_json(json.dumps({"amount": written, "currency": "NOK"}), Money)
    assert money.amount == Decimal(written)
