"""The ``innovasjonspris`` command: show, export, validate and convert rounds, and more.

Each subcommand lives in a private module of its own that declares it as a ``COMMAND``;
:func:`main` builds the parser from them and turns the library's errors into exit
statuses. Output goes through one mechanism (``-o/--output``, UTF-8 whatever the console).

Exit statuses:

- 0: success.
- 1: invalid data, each problem on its own line on standard error; or a year or a
  municipality the data does not know.
- 2: bad usage (an unknown option), or a file that cannot be read or written.
- 130: interrupted (Ctrl-C, SIGINT); one line says so, and no file is left half-written.
- 141: the reader of standard output closed it early (``| head``); nothing is printed.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import version
from typing import TYPE_CHECKING, Final

from innovasjonspris._errors import RoundNotFoundError
from innovasjonspris.cli import (
    _convert,
    _export,
    _history,
    _kommune,
    _schema,
    _show,
    _validate,
)
from innovasjonspris.cli._common import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_PIPE_CLOSED,
    EXIT_USAGE,
    InvalidFileError,
    NotFoundError,
    UsageError,
    report,
)
from innovasjonspris.cli._output import PipeClosedError, WriteError, write_stderr, write_stdout

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["main"]

# In the order --help lists them.
_COMMANDS: Final = (
    _show.COMMAND,
    _history.COMMAND,
    _export.COMMAND,
    _kommune.COMMAND,
    _validate.COMMAND,
    _convert.COMMAND,
    _schema.COMMAND,
)

_EXIT_STATUSES: Final = """\
exit status:
  0    success
  1    invalid data: each problem on its own line on standard error;
       or a year or a municipality the data does not know
  2    bad usage, or a file that cannot be read or written
  130  interrupted (Ctrl-C); no file is left half-written
  141  standard output was closed early by its reader (as by | head)
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help, version and errors go out as UTF-8, as all our output."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message and file in {None, sys.stdout}:
            write_stdout(message)
        else:
            write_stderr(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="innovasjonspris",
        description="Show, validate and convert rounds of KMD's innovation prize.",
        epilog=_EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {version('innovasjonspris')}",
        help="print the version and exit",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", help="one of:"
    )
    for command in _COMMANDS:
        subparser = commands.add_parser(
            command.name,
            help=command.help,
            description=command.description,
            # Every subcommand's --help ends with the exit statuses too.
            epilog=_EXIT_STATUSES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for argument in command.arguments:
            argument.add_to(subparser)
        subparser.set_defaults(run=command.run)
    return parser


def _fail(message: str, status: int) -> int:
    write_stderr(f"innovasjonspris: {message}\n")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: the process's arguments); return the status.

    Bad usage that ``argparse`` finds (and ``--help``, ``--version``) ends in
    :exc:`SystemExit`, as argparse does; everything else returns the exit status.
    """
    try:
        arguments = _parser().parse_args(argv)
        status: int = arguments.run(arguments)
    except (UsageError, WriteError) as error:
        return _fail(str(error), EXIT_USAGE)
    except PipeClosedError:
        return EXIT_PIPE_CLOSED
    except InvalidFileError as invalid:
        report(invalid.name, invalid.error)
        return EXIT_INVALID
    except (RoundNotFoundError, NotFoundError) as error:
        return _fail(str(error), EXIT_INVALID)
    except KeyboardInterrupt:
        # A file being written was removed on the way out (see open_output).
        return _fail("interrupted", EXIT_INTERRUPTED)
    return status
