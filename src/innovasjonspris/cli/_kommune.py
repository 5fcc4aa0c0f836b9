"""``innovasjonspris kommune``: a municipality's names, county and history, from the registry."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from innovasjonspris import registry
from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import Messages, messages, parse_locale
from innovasjonspris.cli._common import EXIT_INVALID, EXIT_OK, AddParser, add_locale_argument
from innovasjonspris.cli._output import add_output_argument, write_output
from innovasjonspris.formatting import format_date, format_list
from innovasjonspris.registry import Change, ChangeKind, MunicipalityRecord

__all__ = ["register"]


def register(add_parser: AddParser) -> None:
    """Add the ``kommune`` subcommand."""
    parser = add_parser(
        "kommune",
        help="look a municipality up in the registry of every year since 1972",
        description=(
            "Print a municipality's names and county in a year, what it came from and "
            "what it became, from Statistics Norway's classification of municipalities."
        ),
    )
    parser.add_argument(
        "municipality",
        metavar="NUMBER|NAME",
        help="a kommunenummer (such as 1246) or a name (any of its parallel names will do)",
    )
    parser.add_argument(
        "--year",
        type=_year,
        help=(
            f"the year, {registry.FIRST_YEAR} to {registry.LAST_YEAR} (default: the last "
            "year in which the number or name was in use)"
        ),
    )
    add_locale_argument(parser)
    add_output_argument(parser)
    parser.set_defaults(run=_run)


def _year(text: str) -> int:
    year = int(text) if text.isascii() and text.isdigit() else None
    if year is None or not registry.FIRST_YEAR <= year <= registry.LAST_YEAR:
        msg = f"expected a year from {registry.FIRST_YEAR} to {registry.LAST_YEAR}, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return year


class _NotFoundError(Exception):
    """The registry has no municipality by that number or name: exit 1 with the message."""


def _found(wanted: str, year: int | None) -> list[tuple[int, MunicipalityRecord]]:
    if wanted.isascii() and wanted.isdigit():
        try:
            if year is None:
                registry.validate_kommunenummer(wanted)
                # The last year in which the number was in use.
                year = next(
                    y
                    for y in range(registry.LAST_YEAR, registry.FIRST_YEAR - 1, -1)
                    if registry.is_valid_kommunenummer(wanted, year=y)
                )
            return [(year, registry.municipality(wanted, year=year))]
        except ValidationError as error:
            raise _NotFoundError(error.message) from None
    years = [year] if year is not None else range(registry.LAST_YEAR, registry.FIRST_YEAR - 1, -1)
    for candidate in years:
        named = registry.municipalities_named(wanted, year=candidate)
        if named:
            return [(candidate, record) for record in named]
    every_year = f"in any year from {registry.FIRST_YEAR} to {registry.LAST_YEAR}"
    msg = f"no municipality named {wanted!r} {f'in {year}' if year is not None else every_year}"
    raise _NotFoundError(msg)


def _run(arguments: argparse.Namespace) -> int:
    try:
        found = _found(arguments.municipality, arguments.year)
    except _NotFoundError as error:
        # Nothing found is an answer about the data asked for, not a usage mistake.
        print(f"innovasjonspris: {error}", file=sys.stderr)
        return EXIT_INVALID
    words = messages(parse_locale(arguments.locale))
    blocks = ["\n".join(_describe(record, year, words, arguments.locale)) for year, record in found]
    write_output(arguments.output, "\n\n".join(blocks) + "\n")
    return EXIT_OK


def _named(record: MunicipalityRecord) -> str:
    return f"{record.number} {record.name}"


def _kind(kind: ChangeKind, words: Messages) -> str:
    labels = {
        ChangeKind.MERGER: words.pgettext("change", "merger"),
        ChangeKind.SPLIT: words.pgettext("change", "split"),
        ChangeKind.RENUMBERING: words.pgettext("change", "new number"),
        ChangeKind.RENAME: words.pgettext("change", "new name"),
    }
    return labels[kind]


def _step(names: list[str], found: tuple[Change, ...], words: Messages, locale: str) -> str:
    kinds = format_list(dict.fromkeys(_kind(c.kind, words) for c in found), locale=locale)
    return words.gettext("{municipalities} ({kind} on {date})").format(
        municipalities=format_list(names, locale=locale),
        kind=kinds,
        date=format_date(found[0].date, locale=locale),
    )


def _describe(record: MunicipalityRecord, year: int, words: Messages, locale: str) -> Iterator[str]:
    yield f"{_named(record)} ({year})"
    if len(record.names) > 1:
        yield f"{words.gettext('Names')}: {format_list(record.names, locale=locale)}"
    yield f"{words.gettext('County')}: {record.county.name} ({record.county.number})"
    span = f"{record.first_year}–{record.last_year}"
    yield f"{words.gettext('Number and name in force')}: {span}"
    if record.first_year > registry.FIRST_YEAR:
        came = [
            c for c in registry.changes(year=record.first_year) if c.new_number == record.number
        ]
        if came:
            names = sorted({f"{c.old_number} {c.old_name}" for c in came})
            yield f"{words.gettext('Came from')}: {_step(names, tuple(came), words, locale)}"
    for year_in in range(record.first_year + 1, record.last_year + 1):
        joined = [
            c
            for c in registry.changes(year=year_in)
            if c.new_number == record.number and c.old_number != record.number
        ]
        if joined:
            names = sorted({f"{c.old_number} {c.old_name}" for c in joined})
            yield f"{words.gettext('Took in')}: {_step(names, tuple(joined), words, locale)}"
    if record.last_year < registry.LAST_YEAR:
        went = [
            c for c in registry.changes(year=record.last_year + 1) if c.old_number == record.number
        ]
        if went:
            names = sorted({f"{c.new_number} {c.new_name}" for c in went})
            yield f"{words.gettext('Became')}: {_step(names, tuple(went), words, locale)}"
    fate = registry.fate(record.number, year=year)
    if fate.kind is not registry.FateKind.UNCHANGED or record.last_year < registry.LAST_YEAR:
        today = format_list([_named(m) for m in fate.successors], locale=locale)
        yield f"{words.gettext('Today')} ({registry.LAST_YEAR}): {today}"
