"""Run every benchmark and write ``docs/benchmarks.md``.

The command: ``uv run --group bench python -m benchmarks``.

Options: ``--quick`` for fewer rounds (a smoke test, not for the docs), ``--output PATH``,
``--only single|bulk`` (repeatable) to time just those rows and print them, writing nothing.
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
from benchmarks._harness import Timing, cell, compare
from innovasjonspris import _json, serialization

ROOT = Path(__file__).resolve().parent.parent
BULK = 10_000

Row = tuple[str, dict[str, Timing], str]


def _ours_without_orjson(call: Callable[[], object]) -> Callable[[], object]:
    saved = _json.find_accelerator()

    def run() -> object:
        # Switch the accelerator off, as if orjson were not installed.
        _json._orjson = None  # noqa: SLF001
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
    rows.append(
        (
            "load one round (JSON bytes → objects)",
            compare(
                {
                    "ours": lambda: serialization.from_json(data),
                    "ours, stdlib json": _ours_without_orjson(
                        lambda: serialization.from_json(data)
                    ),
                    "pydantic": lambda: pydantic_side.load(data),
                    "msgspec": lambda: msgspec_side.load(data),
                },
                rounds=rounds,
            ),
            "load",
        )
    )
    rows.append(
        (
            "dump one round (objects → indented JSON)",
            compare(
                {
                    "ours": lambda: serialization.to_json(ours),
                    "ours, stdlib json": _ours_without_orjson(lambda: serialization.to_json(ours)),
                    "pydantic": lambda: pydantic_side.dump(theirs_p),
                    "msgspec": lambda: msgspec_side.dump(theirs_m),
                },
                rounds=rounds,
            ),
            "dump",
        )
    )
    rows.append(
        (
            "round trip (load, then dump)",
            compare(
                {
                    "ours": lambda: serialization.to_json(serialization.from_json(data)),
                    "ours, stdlib json": _ours_without_orjson(
                        lambda: serialization.to_json(serialization.from_json(data))
                    ),
                    "pydantic": lambda: pydantic_side.dump(pydantic_side.load(data)),
                    "msgspec": lambda: msgspec_side.dump(msgspec_side.load(data)),
                },
                rounds=rounds,
            ),
            "round trip",
        )
    )
    return rows


def time_bulk(rounds: int) -> list[Row]:
    one = documents.encode(documents.round_2019())
    lines = b"".join(one + b"\n" for _ in range(BULK))
    ours = serialization.from_json_lines(lines)
    theirs_p = pydantic_side.load_lines(lines)
    theirs_m = msgspec_side.load_lines(lines)
    assert len(ours) == len(theirs_p) == len(theirs_m) == BULK
    return [
        (
            f"load {BULK:,} rounds (JSON Lines)",
            compare(
                {
                    "ours": lambda: serialization.from_json_lines(lines),
                    "ours, stdlib json": _ours_without_orjson(
                        lambda: serialization.from_json_lines(lines)
                    ),
                    "pydantic": lambda: pydantic_side.load_lines(lines),
                    "msgspec": lambda: msgspec_side.load_lines(lines),
                },
                rounds=rounds,
                budget=0.0,
            ),
            "bulk load",
        ),
        (
            f"dump {BULK:,} rounds (JSON Lines)",
            compare(
                {
                    "ours": lambda: serialization.to_json_lines(ours),
                    "ours, stdlib json": _ours_without_orjson(
                        lambda: serialization.to_json_lines(ours)
                    ),
                    "pydantic": lambda: pydantic_side.dump_lines(theirs_p),
                    "msgspec": lambda: msgspec_side.dump_lines(theirs_m),
                },
                rounds=rounds,
                budget=0.0,
            ),
            "bulk dump",
        ),
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
    """Mean bytes per domain object, and bytes retained per loaded round (1 000 rounds)."""
    import attrs  # noqa: PLC0415
    import msgspec  # noqa: PLC0415
    import pydantic  # noqa: PLC0415

    import innovasjonspris  # noqa: PLC0415

    ours = tuple(
        kind
        for kind in vars(innovasjonspris).values()
        if isinstance(kind, type) and attrs.has(kind)
    )
    one = documents.encode(documents.round_2019())
    lines = b"".join(one + b"\n" for _ in range(1000))
    return {
        "ours": (
            _model_sizes(serialization.from_json(one), ours),
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


_IMPORT_PROBE = """
import sys, time
start = time.perf_counter()
{statement}
took = time.perf_counter() - start
print(took, "babel" in sys.modules, "orjson" in sys.modules)
"""


def time_imports(runs: int) -> dict[str, Timing]:
    """Each import in a fresh interpreter, alternating, timed inside the child."""
    statements = {
        "ours": "import innovasjonspris",
        "pydantic": "from pydantic import BaseModel",
    }
    samples: dict[str, list[float]] = {name: [] for name in statements}
    for _ in range(runs):
        for name, statement in statements.items():
            probe = _IMPORT_PROBE.format(statement=statement)
            out = subprocess.run(  # noqa: S603 - our own interpreter and code
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True
            ).stdout.split()
            if name == "ours" and out[1:] != ["False", "False"]:
                raise SystemExit("import innovasjonspris loaded Babel or orjson")
            samples[name].append(float(out[0]))
    return {name: Timing(tuple(values)) for name, values in samples.items()}


def time_formatting(rounds: int) -> Row | None:
    """Our formatting functions against calling Babel with the same patterns each time."""
    try:
        from innovasjonspris import formatting  # noqa: PLC0415
    except ImportError:
        return None
    from datetime import date, timedelta  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from babel.dates import format_date as babel_date  # noqa: PLC0415
    from babel.numbers import format_currency  # noqa: PLC0415

    amounts = [Decimal(n * 1250) / 4 for n in range(1, 101)]
    days = [date(2019, 1, 1) + timedelta(days=n * 3) for n in range(100)]

    def naive_amount(amount: Decimal) -> str:
        whole = amount == amount.to_integral_value()
        shown = Decimal(int(amount)) if whole else amount.quantize(Decimal("0.01"))
        pattern = "#,##0\xa0¤" if whole else "#,##0.00\xa0¤"
        return format_currency(shown, "NOK", pattern, locale="nb", currency_digits=False)

    def ours() -> list[str]:
        return [formatting.format_amount(a) for a in amounts] + [
            formatting.format_date(d) for d in days
        ]

    def naive_date(day: date) -> str:
        # Norwegian typography keeps the day's number with its month: a no-break space.
        return babel_date(day, format="long", locale="nb").replace(". ", ".\xa0", 1)

    def naive() -> list[str]:
        return [naive_amount(a) for a in amounts] + [naive_date(d) for d in days]

    if ours() != naive():
        raise SystemExit("formatting differs from Babel's own output")
    timings = compare({"ours": ours, "naive Babel": naive}, rounds=rounds)
    return ("format 100 amounts and 100 dates (nb)", timings, "formatting")


def profile_load() -> list[str]:
    """Where one round's load spends its time: cProfile's top entries, by own time."""
    import cProfile  # noqa: PLC0415
    import io  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    data = documents.encode(documents.round_2019())
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(200):
        serialization.from_json(data)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats("tottime")
    stats.print_stats(14)
    lines = stream.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return ["```text", *lines[start:], "```"]


def machine() -> list[str]:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    packages = [
        "innovasjonspris",
        "attrs",
        "cattrs",
        "orjson",
        "babel",
        "pydantic",
        "pydantic-core",
        "msgspec",
    ]
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in packages)
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; {platform.system()} {platform.release()}",
        f"- Python: {platform.python_implementation()} {platform.python_version()}",
        f"- Libraries: {versions}",
    ]


GOALS = {
    # key: (compared with, minimum speed ratio ours/theirs)
    "load": ("pydantic", 1.0),
    "round trip": ("pydantic", 1.2),
    "dump": ("pydantic", 2.0),
    "bulk load": ("pydantic", 1.0),
    "bulk dump": ("pydantic", 1.0),
    "formatting": ("naive Babel", 2.0),
}


def _speed(row: dict[str, Timing], other: str, ours: str = "ours") -> float:
    return row[other].median / row[ours].median


def report(
    rows: list[Row],
    memory: dict[str, tuple[float, float]],
    imports: dict[str, Timing],
    agreed: int,
    profile: list[str],
) -> str:
    out = [
        "# Benchmarks",
        "",
        (
            "Written by `uv run --group bench python -m benchmarks` (see `benchmarks/`). "
            "Each cell is the median CPU time of this process per call over interleaved "
            "runs (so that other work on the machine counts less), ± half the "
            "interquartile range. A ratio is how many times faster we are than the other "
            "(its median time over ours): above 1 we are faster. *ours* uses orjson (the "
            "`fast` extra); *ours, stdlib json* is the same code with orjson switched off. "
            "Every side gives what ours gives: a dump is text (`str`), so a library that "
            "writes bytes has them decoded."
        ),
        "",
        (
            f"Before timing, every library loaded {agreed} documents: the bundled 2019 round "
            "and variants of it. All accepted the valid ones and refused every invalid one "
            "(wrong types, `null`, unknown keys, bad kommunenummer for the year, bad orgnr, "
            "text with controls or not in NFC, two winners, projects of another "
            "municipality, counts and dates that disagree...). One rule only we enforce: "
            "pydantic and msgspec both keep the last of two repeated keys in an object, "
            "which we refuse."
        ),
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Speed",
        "",
        "| benchmark | ours | ours, stdlib json | pydantic | msgspec | vs pydantic | vs msgspec |",
        "|---|---|---|---|---|---|---|",
    ]
    formatting_row = None
    for title, timings, key in rows:
        if key == "formatting":
            formatting_row = (title, timings)
            continue
        out.append(
            f"| {title} | {cell(timings['ours'])} | {cell(timings['ours, stdlib json'])} | "
            f"{cell(timings['pydantic'])} | {cell(timings['msgspec'])} | "
            f"{_speed(timings, 'pydantic'):.2f}x | {_speed(timings, 'msgspec'):.2f}x |"
        )
    if formatting_row is not None:
        title, timings = formatting_row
        out += [
            "",
            "| benchmark | ours | naive Babel calls | ratio |",
            "|---|---|---|---|",
            (
                f"| {title} | {cell(timings['ours'])} | {cell(timings['naive Babel'])} | "
                f"{_speed(timings, 'naive Babel'):.2f}x |"
            ),
        ]
    out += [
        "",
        "## Memory",
        "",
        (
            "Bytes of one domain object itself (`sys.getsizeof` of each model instance in the "
            "2019 round, with its `__dict__` where it has one), and everything a loaded round "
            "keeps alive (tracemalloc over 1 000 rounds: objects, strings, tuples, decimals, "
            "dates)."
        ),
        "",
        "| | per domain object | per loaded round |",
        "|---|---|---|",
    ]
    for name, (per_object, per_round) in memory.items():
        out.append(f"| {name} | {per_object:.0f} B | {per_round / 1024:.1f} KiB |")
    out += [
        "",
        "## Import",
        "",
        "Time of the import statement in a fresh interpreter (alternating runs).",
        "",
        "| | median ± half IQR |",
        "|---|---|",
        f"| `import innovasjonspris` | {cell(imports['ours'])} |",
        f"| `from pydantic import BaseModel` | {cell(imports['pydantic'])} |",
        "",
        "## Goals",
        "",
        "| goal | ratio | met |",
        "|---|---|---|",
    ]
    by_key = {key: timings for _title, timings, key in rows}
    for key, (other, minimum) in GOALS.items():
        if key not in by_key:
            out.append(f"| {key}: at least {minimum}x {other} | not measured | - |")
            continue
        ratio = _speed(by_key[key], other)
        out.append(
            f"| {key}: at least {minimum}x {other} | {ratio:.2f}x | "
            f"{'yes' if ratio >= minimum else 'no'} |"
        )
    memory_ratio = memory["ours"][0] / memory["msgspec"][0]
    out.append(
        f"| memory per domain object: within 1.2x msgspec | {memory_ratio:.2f}x | "
        f"{'yes' if memory_ratio <= 1.2 else 'no'} |"
    )
    import_ratio = imports["pydantic"].median / imports["ours"].median
    out.append(
        f"| import: no slower than pydantic's BaseModel | {import_ratio:.2f}x | "
        f"{'yes' if import_ratio >= 1 else 'no'} |"
    )
    out += [
        "",
        "## Where one load's time goes",
        "",
        (
            "cProfile of 200 loads of the 2019 round (own time, largest first; the profiler "
            "inflates small Python calls). About 140 strings pass the text rule and some 70 "
            "objects are built by generated code, one function per class, that tests each "
            "value with its rule's own expression and sets the slots itself; "
            "`method-wrapper` calls (the slots' setters) are counted in the caller's own "
            "time. orjson parses in C; the generated code counts the strings it reads, keys "
            "and values, and a text without escapes holds half as many strings as it has "
            "quotes, more than were read if orjson dropped a repeated key: that is how "
            "repeats are caught. "
            "pydantic and msgspec do the same work in Rust or C and call Python only for the "
            "rules that need it."
        ),
        "",
        *profile,
    ]
    return "\n".join(out) + "\n"


def print_rows(rows: list[Row]) -> None:
    """The speed rows alone, with each one's goal where it has one."""
    for title, timings, key in rows:
        cells = ", ".join(f"{name} {cell(timing)}" for name, timing in timings.items())
        other, minimum = GOALS.get(key, ("pydantic", 0.0))
        ratio = _speed(timings, other)
        met = "met" if ratio >= minimum else "NOT met"
        verdict = f" (goal {minimum}x: {met})" if minimum else ""
        print(f"{title}: {cells}; {ratio:.2f}x {other}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few rounds; a smoke test")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument(
        "--only",
        action="append",
        choices=["single", "bulk"],
        help="time only these rows and print them; docs/benchmarks.md is left alone",
    )
    args = parser.parse_args()
    if _json.find_accelerator() is None:
        # Without it "ours" would be the standard library's figure under orjson's name.
        parser.exit(2, "orjson is not installed; run `uv sync --all-extras --group bench`\n")
    rounds, bulk_rounds, import_runs = (3, 1, 3) if args.quick else (15, 5, 30)
    if args.only:
        timers = {"single": lambda: time_single(rounds), "bulk": lambda: time_bulk(bulk_rounds)}
        print_rows([row for part in args.only for row in timers[part]()])
        return

    agreed = check_agreement()
    print(f"{agreed} documents: every library agrees", file=sys.stderr)
    rows = time_single(rounds)
    print("single-round timings done", file=sys.stderr)
    rows += time_bulk(bulk_rounds)
    print("bulk timings done", file=sys.stderr)
    formatting_row = time_formatting(rounds)
    if formatting_row is not None:
        rows.append(formatting_row)
    memory = measure_memory()
    imports = time_imports(import_runs)
    text = report(rows, memory, imports, agreed, profile_load())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
