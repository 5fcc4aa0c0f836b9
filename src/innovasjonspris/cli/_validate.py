"""``innovasjonspris validate``: check data files of every kind, every one of them, and sum up.

Each argument is a file, a directory (searched for ``.toml`` and ``.json`` files below
it, hidden ones left out) or ``-`` for standard input. Whatever happens to one file,
the others are still checked; the last line counts them. The exit status is the worst
outcome: 2 when any file could not be read, else 1 when any is invalid, else 0.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Final, Literal

import attrs

from innovasjonspris._converters import Format
from innovasjonspris._errors import InvalidDataError
from innovasjonspris.cli._command import Command, argument
from innovasjonspris.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    FORMATS,
    STDIN,
    UnreadableError,
    is_data_file,
    read_input,
)
from innovasjonspris.cli._output import displayable, reason, write_stderr, write_stdout
from innovasjonspris.serialization import read_document

__all__ = ["COMMAND"]

_STDIN_NAME: Final = "<stdin>"

Status = Literal["valid", "invalid", "unreadable"]


@attrs.frozen
class _Outcome:
    file: str
    status: Status
    # (path, message) pairs; the path is None for a file that could not be read.
    problems: tuple[tuple[str | None, str], ...] = ()


def _run(arguments: argparse.Namespace) -> int:
    as_text = arguments.format == "text"
    outcomes: list[_Outcome] = []
    for found in _expand(arguments.files):
        outcome = found if isinstance(found, _Outcome) else _check(found, arguments.source_format)
        outcomes.append(outcome)
        if as_text:
            _print(outcome)
    counts: dict[str, int] = dict.fromkeys(("valid", "invalid", "unreadable"), 0)
    for outcome in outcomes:
        counts[outcome.status] += 1
    if as_text:
        write_stdout(f"{_summary(len(outcomes), counts)}\n")
    else:
        write_stdout(f"{_as_json(outcomes, counts)}\n")
    if counts["unreadable"]:
        return EXIT_USAGE
    return EXIT_INVALID if counts["invalid"] else EXIT_OK


COMMAND: Final = Command(
    name="validate",
    help="check data files (rounds, prizes, years not awarded), listing every problem",
    description=(
        "Check data files and list every problem, one per line, then a summary line. "
        "Each file is checked as the kind of document its 'kind' names, a round if it "
        "names none. Every file given is checked, whatever happens to the others."
    ),
    arguments=(
        argument(
            "files",
            nargs="+",
            metavar="FILE|DIR|-",
            help=(
                "a .json or .toml data file; a directory, searched for .json and .toml files "
                "below it; or - for standard input"
            ),
        ),
        argument(
            "--from",
            dest="source_format",
            choices=FORMATS,
            help=(
                "the format of standard input and of files without a .json or .toml suffix "
                "(default: told from the suffix; for standard input, JSON if it starts with "
                "'{', else TOML)"
            ),
        ),
        argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help=(
                "text: 'FILE: ok' or one line per problem, then the summary; json: one JSON "
                "document with the counts and every problem as {file, path, message}, for "
                "tools (default: text)"
            ),
        ),
    ),
    run=_run,
)


def _expand(names: list[str]) -> Iterator[str | _Outcome]:
    # The files to check, and an outcome already for a directory that yields none.
    for name in names:
        path = Path(name)
        if name == STDIN or not path.is_dir():
            yield name
            continue
        try:
            found = sorted(_round_files(path))
        except OSError as error:
            yield _unreadable(name, f"cannot search the directory ({reason(error)})")
            continue
        if not found:
            yield _unreadable(name, "no .json or .toml files below it")
        yield from (str(file) for file in found)


def _round_files(directory: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path]:
    # Links are followed, but each directory and each file is visited once, by the
    # device and inode it has: a link back up the tree is not walked round and round.
    seen = set() if seen is None else seen
    seen.add(_identity(directory))
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        try:
            identity = _identity(path)
        except OSError:  # a broken link or a loop of links: not a file to check
            continue
        if identity in seen:
            continue
        if path.is_dir():
            yield from _round_files(path, seen)
        elif is_data_file(path):
            seen.add(identity)
            yield path


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def _check(name: str, source_format: Format | None) -> _Outcome:
    if name == STDIN:
        return attrs.evolve(_check_named(name, source_format), file=_STDIN_NAME)
    return _check_named(name, source_format)


def _check_named(name: str, source_format: Format | None) -> _Outcome:
    try:
        data, fmt = read_input(name, source_format)
    except UnreadableError as error:
        return _unreadable(name, str(error))
    try:
        read_document(data, format=fmt)
    except InvalidDataError as error:
        return _Outcome(name, "invalid", error.problems)
    return _Outcome(name, "valid")


def _unreadable(name: str, message: str) -> _Outcome:
    return _Outcome(name, "unreadable", ((None, message),))


def _print(outcome: _Outcome) -> None:
    if outcome.status == "valid":
        write_stdout(f"{outcome.file}: ok\n")
        return
    for path, message in outcome.problems:
        if path is None:
            write_stderr(f"innovasjonspris: {outcome.file}: {message}\n")
        else:
            write_stderr(f"{outcome.file}: {path}: {message}\n")


def _summary(total: int, counts: dict[str, int]) -> str:
    files = "1 file" if total == 1 else f"{total} files"
    return (
        f"{files}: {counts['valid']} valid, {counts['invalid']} invalid, "
        f"{counts['unreadable']} unreadable"
    )


def _as_json(outcomes: list[_Outcome], counts: dict[str, int]) -> str:
    document = {
        "files": len(outcomes),
        **counts,
        "results": [{"file": displayable(o.file), "status": o.status} for o in outcomes],
        "problems": [
            {"file": displayable(o.file), "path": path, "message": message}
            for o in outcomes
            for path, message in o.problems
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
