"""The library's exceptions: what they carry, that they pickle, and which one is raised."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from factories import award_round
from innovasjonspris import AwardRound, InvalidDataError, ValidationError
from innovasjonspris.registry import County
from innovasjonspris.serialization import (
    from_json,
    from_toml,
    json_schema,
    to_json,
    to_json_lines,
    to_toml,
)


def _same(first: ValidationError, second: ValidationError) -> None:
    assert type(first) is type(second)
    assert (first.field, first.message, first.problems) == (
        second.field,
        second.message,
        second.problems,
    )
    assert str(first) == str(second)
    assert first.args == second.args


def test_validation_error_pickles_with_its_fields() -> None:
    error = ValidationError("number", "must be four digits", ("name", "is required"))
    error.add_note("while checking a draft")
    copied = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    _same(copied, error)
    assert copied.__notes__ == ["while checking a draft"]


def test_invalid_data_error_pickles_with_its_fields() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_json('{"schema_version": 1, "year": "2019"}')
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copied = pickle.loads(pickle.dumps(caught.value, protocol))  # noqa: S301
        _same(copied, caught.value)
        assert copied.errors == caught.value.errors
        assert copied.errors[1] == "$.year: expected a whole number, got text"


def _check(path: str) -> int:
    # An InvalidDataError raised here, in the worker, must come back to the caller whole.
    return from_toml(Path(path).read_bytes()).year


def test_errors_come_back_from_a_process_pool(tmp_path: Path) -> None:
    names: list[str] = []
    for index in range(4):
        path = tmp_path / f"round-{index}.toml"
        text = to_toml(award_round()).replace("\nyear = 2019\n", f'\nyear = "{index}"\n')
        path.write_text(text, encoding="utf-8")
        names.append(str(path))
    good = tmp_path / "good.toml"
    good.write_text(to_toml(award_round()), encoding="utf-8")
    names.append(str(good))
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(_check, name) for name in names]
        outcomes = [future.exception() or future.result() for future in futures]
    assert outcomes[-1] == 2019
    for outcome in outcomes[:-1]:
        assert isinstance(outcome, InvalidDataError)
        assert outcome.errors == ["$.year: expected a whole number, got text"]
        assert outcome.field == "$.year"


@pytest.mark.parametrize(
    "call",
    [
        lambda: to_toml(42),
        lambda: to_json("a round"),
        lambda: to_json_lines([award_round(), 42]),
        lambda: json_schema(County),
        lambda: from_json("{}", County),
    ],
    ids=["to_toml", "to_json", "to_json_lines", "json_schema", "from_json"],
)
def test_a_callers_mistake_is_a_type_error(call: object) -> None:
    assert callable(call)
    with pytest.raises(TypeError, match="must be of a model type such as AwardRound"):
        call()


def test_bad_data_is_not_a_type_error() -> None:
    with pytest.raises(InvalidDataError):
        from_json("[]", AwardRound)


def test_an_error_is_built_from_every_problem_or_none() -> None:
    assert ValidationError.from_problems([]) is None
    error = ValidationError.from_problems(iter([("a", "one"), ("b", "two")]))
    assert error is not None
    assert error.problems == (("a", "one"), ("b", "two"))
    assert (error.field, error.message) == ("a", "one")
