"""The ``innovasjonspris`` command: show, validate and convert rounds, print the schema.

Exit status: 0 on success, 1 when data is invalid (each problem on its own line on
standard error), 2 on bad usage (an unknown year, a file that cannot be read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NoReturn

from innovasjonspris._errors import InvalidDataError
from innovasjonspris._model import AwardRound
from innovasjonspris.data import available_years, load_round
from innovasjonspris.render import FORMATS, render_round
from innovasjonspris.serialization import from_json, from_toml, json_schema, to_json, to_toml

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

_WRITERS: Final = {"json": to_json, "toml": to_toml}
_LOCALES: Final = ("nb", "nn", "en")


class _UsageError(Exception):
    """The command was called wrongly: exit 2 with the message."""


def _read_round(name: str) -> AwardRound:
    if name.isascii() and name.isdigit():
        year = int(name)
        if year not in available_years():
            known = ", ".join(str(y) for y in available_years())
            msg = f"no bundled round for {year}; the bundled years are {known}"
            raise _UsageError(msg)
        return load_round(year)
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in {".json", ".toml"}:
        msg = f"{name}: expected a year or a .json or .toml file"
        raise _UsageError(msg)
    try:
        data = path.read_bytes()
    except OSError as error:
        msg = f"{name}: cannot read the file ({error.strerror or error})"
        raise _UsageError(msg) from None
    return from_json(data) if suffix == ".json" else from_toml(data)


def _report(name: str, error: InvalidDataError) -> None:
    for line in error.errors:
        print(f"{name}: {line}", file=sys.stderr)


def _show(arguments: argparse.Namespace) -> int:
    award_round = _read_round(arguments.round)
    if arguments.format in FORMATS:
        shown = render_round(award_round, locale=arguments.locale, format=arguments.format)
    else:
        shown = _WRITERS[arguments.format](award_round)
    sys.stdout.write(shown)
    return EXIT_OK


def _validate(arguments: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in arguments.files:
        try:
            _read_round(name)
        except InvalidDataError as error:
            _report(name, error)
            status = EXIT_INVALID
        else:
            print(f"{name}: ok")
    return status


def _convert(arguments: argparse.Namespace) -> int:
    award_round = _read_round(arguments.file)
    sys.stdout.write(_WRITERS[arguments.to](award_round))
    return EXIT_OK


def _schema(_arguments: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="innovasjonspris",
        description="Show, validate and convert rounds of KMD's innovation prize.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = commands.add_parser("show", help="print a bundled round or a round file")
    show.add_argument("round", metavar="YEAR|FILE", help="a bundled year or a .json/.toml file")
    show.add_argument("--format", choices=[*FORMATS, *sorted(_WRITERS)], default="text")
    show.add_argument(
        "--locale", choices=_LOCALES, default="nb", help="language of the text (default: nb)"
    )
    show.set_defaults(run=_show)

    validate = commands.add_parser("validate", help="check round files, listing every problem")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(run=_validate)

    convert = commands.add_parser("convert", help="convert a round file to JSON or TOML")
    convert.add_argument("file", metavar="FILE")
    convert.add_argument("--to", choices=sorted(_WRITERS), required=True)
    convert.set_defaults(run=_convert)

    schema = commands.add_parser("schema", help="print the JSON Schema of a round file")
    schema.set_defaults(run=_schema)
    return parser


def _fail(message: str, status: int) -> NoReturn:
    print(f"innovasjonspris: {message}", file=sys.stderr)
    raise SystemExit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: the process's arguments); return the status."""
    arguments = _parser().parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except _UsageError as error:
        _fail(str(error), EXIT_USAGE)
    except InvalidDataError as error:
        _report(getattr(arguments, "round", None) or arguments.file, error)
        return EXIT_INVALID
    return status


if __name__ == "__main__":  # pragma: no cover - the console script calls main()
    raise SystemExit(main())
