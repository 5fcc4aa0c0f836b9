"""Run every benchmark and write ``docs/benchmarks.md``: ``uv run --group bench python -m benchmarks``.

Options: ``--quick`` for fewer rounds (a smoke test, not for the docs), ``--output PATH``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import documents
from benchmarks import msgspec_models as msgspec_side
from benchmarks import pydantic_models as pydantic_side
from benchmarks._harness import Timing, cell, compare, human
from innovasjonspris import _json, serialization

ROOT = Path(__file__).resolve().parent.parent
BULK = 10_000

Row = tuple[str, dict[str, Timing], str]


def _ours_without_orjson(call: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        saved, _json._orjson = _json._orjson, None  # noqa: SLF001 - the stdlib fallback, on purpose
        try:
            return call()
        finally:
            _json._orjson = saved  # noqa: SLF001
    return run


def check_agreement() -> int:
    """Every library accepts the good documents and rejects the bad ones, or we stop."""
    loaders: dict[str, Callable[[bytes], object]] = {
        "innovasjonspris": serialization.from_json,
        "pydantic": pydantic_side.load,
        "msgspec": msgspec_side.load,
    }
    wrong = []
    count = 0
    for expected, changes in ((True, documents.GOOD), (False, documents.BAD)):
        for name, data in documents.variants(changes):
            count += 1
            for library, load in loaders.items():
                try:
                    load(data)
                    accepted = True
                except Exception:  # noqa: BLE001 - each library raises its own error
                    accepted = False
                if accepted != expected:
                    wrong.append(f"{library} {'refuses' if expected else 'accepts'} {name}")
    if wrong:
        raise SystemExit("the libraries disagree:\n" + "\n".join(wrong))
    return count


def time_single(rounds: int) -> list[Row]:
    data = documents.encode(documents.round_2019())
    ours = serialization.from_json(data)
    theirs_p = pydantic_side.load(data)
    theirs_m = msgspec_side.load(data)
    rows: list[Row] = []
    rows.append(("load one round (JSON bytes → objects)", compare({
        "ours": lambda: serialization.from_json(data),
        "ours, stdlib json": _ours_without_orjson(lambda: serialization.from_json(data)),
        "pydantic": lambda: pydantic_side.load(data),
        "msgspec": lambda: msgspec_side.load(data),
    }, rounds=rounds), "load"))
    rows.append(("dump one round (objects → indented JSON)", compare({
        "ours": lambda: serialization.to_json(ours),
        "ours, stdlib json": _ours_without_orjson(lambda: serialization.to_json(ours)),
        "pydantic": lambda: pydantic_side.dump(theirs_p),
        "msgspec": lambda: msgspec_side.dump(theirs_m),
    }, rounds=rounds), "dump"))
    rows.append(("round trip (load, then dump)", compare({
        "ours": lambda: serialization.to_json(serialization.from_json(data)),
        "ours, stdlib json": _ours_without_orjson(
            lambda: serialization.to_json(serialization.from_json(data))
        ),
        "pydantic": lambda: pydantic_side.dump(pydantic_side.load(data)),
        "msgspec": lambda: msgspec_side.dump(msgspec_side.load(data)),
    }, rounds=rounds), "round trip"))
    return rows


def time_bulk(rounds: int) -> list[Row]:
    one = documents.encode(documents.round_2019())
    lines = b"".join(one + b"\n" for _ in range(BULK))
    ours = serialization.from_json_lines(lines)
    theirs_p = pydantic_side.load_lines(lines)
    theirs_m = msgspec_side.load_lines(lines)
    assert len(ours) == len(theirs_p) == len(theirs_m) == BULK
    return [
        (f"load {BULK:,} rounds (JSON Lines)", compare({
            "ours": lambda: serialization.from_json_lines(lines),
            "ours, stdlib json": _ours_without_orjson(
                lambda: serialization.from_json_lines(lines)
            ),
            "pydantic": lambda: pydantic_side.load_lines(lines),
            "msgspec": lambda: msgspec_side.load_lines(lines),
        }, rounds=rounds, budget=0.0), "bulk load"),
        (f"dump {BULK:,} rounds (JSON Lines)", compare({
            "ours": lambda: serialization.to_json_lines(ours),
            "ours, stdlib json": _ours_without_orjson(lambda: serialization.to_json_lines(ours)),
            "pydantic": lambda: pydantic_side.dump_lines(theirs_p),
            "msgspec": lambda: msgspec_side.dump_lines(theirs_m),
        }, rounds=rounds, budget=0.0), "bulk dump"),
    ]


def _instances(obj: object, kinds: tuple[type, ...]) -> list[object]:
    found: list[object] = []
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, kinds):
            found.append(item)
            names = getattr(type(item), "__slots__", None) or getattr(item, "__struct_fields__", ())
            stack.extend(getattr(item, name) for name in names if hasattr(item, name))
            if hasattr(item, "__pydantic_fields__"):
                stack.extend(getattr(item, name) for name in type(item).__pydantic_fields__)
        elif isinstance(item, tuple):
            stack.extend(item)
    return found


def _model_sizes(obj: object, kinds: tuple[type, ...]) -> float:
    """Mean bytes of one domain object itself: its header, fields and any own dicts."""
    sizes = []
    for item in _instances(obj, kinds):
        size = sys.getsizeof(item)
        for extra in ("__dict__", "__pydantic_fields_set__"):
            value = getattr(item, extra, None)
            if value is not None:
                size += sys.getsizeof(value)
        sizes.append(size)
    return statistics.mean(sizes)


def _retained(load: Callable[[bytes], list[Any]], lines: bytes) -> float:
    gc.collect()
    tracemalloc.start()
    loaded = load(lines)
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del loaded
    return current / (lines.count(b"\n"))


def measure_memory() -> dict[str, tuple[float, float]]:
    import attrs  # noqa: PLC0415
    import msgspec  # noqa: PLC0415
    import pydantic  # noqa: PLC0415

    one = documents.encode(documents.round_2019())
    lines = b"".join(one + b"\n" for _ in range(1000))
    return {
        "ours": (
            _model_sizes(serialization.from_json(one), (object,)) if False else _model_sizes(
                serialization.from_json(one),
                tuple(t for t in vars(__import__("innovasjonspris")).values()
                      if isinstance(t, type) and attrs.has(t)),
            ),
            _retained(serialization.from_json_lines, lines),
        ),
        "pydantic": (
            _model_sizes(pydantic_side.load(one), (pydantic.BaseModel,)),
            _retained(pydantic_side.load_lines, lines),
        ),
        "msgspec": (
            _model_sizes(msgspec_side.load(one), (msgspec.Struct,)),
            _retained(msgspec_side.load_lines, lines),
        ),
    }
