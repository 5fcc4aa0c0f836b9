"""A subcommand as data: its name, what ``--help`` says of it, its arguments and its run.

Each subcommand module declares one :class:`Command`; the ``cli`` package turns every one
into a parser the same way, so that the set-up is written once, not in every module.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Literal, TypedDict, Unpack

import attrs

__all__ = ["Argument", "Command", "argument"]


class _Options(TypedDict, total=False):
    """What an argument may say of itself: the keywords of ``add_argument`` we use."""

    choices: Sequence[str]
    default: str | None
    dest: str
    help: str
    metavar: str
    nargs: Literal["?", "*", "+"]
    required: bool
    type: Callable[[str], object]


@attrs.frozen
class Argument:
    """One positional argument or option: its name or flags, and how it is read."""

    flags: tuple[str, ...]
    options: _Options

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        """Give ``parser`` this argument."""
        parser.add_argument(*self.flags, **self.options)


def argument(*flags: str, **options: Unpack[_Options]) -> Argument:
    """An argument, written as ``add_argument`` would be called with it."""
    return Argument(flags, options)


@attrs.frozen(kw_only=True)
class Command:
    """A subcommand: ``innovasjonspris NAME``, with ``help`` in the list of commands."""

    name: str
    help: str
    description: str
    arguments: tuple[Argument, ...]
    run: Callable[[argparse.Namespace], int]
    """Does the work with the parsed arguments and returns the exit status."""
