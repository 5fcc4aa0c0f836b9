"""``innovasjonspris kommune``: a municipality's names, county and history, from the registry."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Final

from innovasjonspris import registry
from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import Messages, messages, parse_locale
from innovasjonspris.cli._command import Command, argument
from innovasjonspris.cli._common import NotFoundError, locale_argument, printing, text_argument
from innovasjonspris.cli._output import OUTPUT_ARGUMENT
from innovasjonspris.formatting import format_date, format_list
from innovasjonspris.registry import Change, ChangeKind, MunicipalityRecord

__all__ = ["COMMAND"]


def _year(text: str) -> int:
    msg = f"expected a year from {registry.FIRST_YEAR} to {registry.MAX_YEAR}, not {text!r}"
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(msg)
    year = int(text)
    try:
        registry.division_year(year)  # the registry states which years it answers for
    except ValidationError:
        raise argparse.ArgumentTypeError(msg) from None
    return year


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
            raise NotFoundError(error.message) from None
    if year is None:
        found = registry.namesakes(wanted)
        if not found:
            every_year = f"{registry.FIRST_YEAR} to {registry.LAST_YEAR}"
            msg = f"no municipality named {wanted!r} in any year from {every_year}"
            raise NotFoundError(msg)
        return [(record.last_year, record) for record in found]
    named = registry.municipalities_named(wanted, year=year)
    if not named:
        msg = f"no municipality named {wanted!r} in {year}"
        was = [_was(record, wanted) for record in registry.namesakes(wanted)]
        raise NotFoundError(f"{msg}; {'; '.join(was)}" if was else msg)
    return [(year, record) for record in named]


def _was(record: MunicipalityRecord, wanted: str) -> str:
    """When ``record`` had the name ``wanted``, and what became of it (in English)."""
    first = record.first_year
    # The name may have been written otherwise before (with or without its county).
    while first > registry.FIRST_YEAR and any(
        m.number == record.number for m in registry.municipalities_named(wanted, year=first - 1)
    ):
        first -= 1
    when = f"{record.number} {record.name} had the name in {first}–{record.last_year}"
    if record.valid_until is None:
        return when
    after = registry.fate(record.number, year=record.last_year)
    now = ", ".join(_named(m) for m in after.successors)
    changed = "" if after.since is None else f"was {after.kind.value} in {after.since} and "
    return f"{when}, {changed}is now {now}"


def _records(arguments: argparse.Namespace) -> str:
    # Nothing found is an answer about the data asked for, not a usage mistake: exit 1.
    found = _found(arguments.municipality, arguments.year)
    words = messages(parse_locale(arguments.locale))
    blocks = ["\n".join(_describe(record, year, words, arguments.locale)) for year, record in found]
    return "\n\n".join(blocks) + "\n"


COMMAND: Final = Command(
    name="kommune",
    help="look a municipality up in the registry of every year since 1972",
    description=(
        "Print a municipality's names and county in a year, what it came from and "
        "what it became, from Statistics Norway's classification of municipalities."
    ),
    arguments=(
        argument(
            "municipality",
            metavar="NUMBER|NAME",
            type=text_argument,
            help=(
                "a kommunenummer (such as 1246) or a name (any of its parallel names will do); "
                "without --year, a name finds every municipality that has had it"
            ),
        ),
        argument(
            "--year",
            type=_year,
            help=(
                f"the year, {registry.FIRST_YEAR} or later; a year after {registry.LAST_YEAR}, "
                "the last the registry knows, is answered by that year's division (default: "
                "the last year in which the number or name was in use)"
            ),
        ),
        locale_argument(),
        OUTPUT_ARGUMENT,
    ),
    run=printing(_records),
)


def _named(record: MunicipalityRecord) -> str:
    return f"{record.number} {record.name}"


def _kind(kind: ChangeKind, words: Messages) -> str:
    labels = {
        ChangeKind.MERGER: words.pgettext("change", "merger"),
        ChangeKind.SPLIT: words.pgettext("change", "split"),
        ChangeKind.RENUMBERING: words.pgettext("change", "new number"),
        ChangeKind.RENAME: words.pgettext("change", "new name"),
        ChangeKind.BOUNDARY: words.pgettext("change", "change of boundary"),
    }
    return labels[kind]


def _step(names: list[str], found: tuple[Change, ...], words: Messages, locale: str) -> str:
    kinds = format_list(dict.fromkeys(_kind(c.kind, words) for c in found), locale=locale)
    return words.gettext("{municipalities} ({kind} on {date})").format(
        municipalities=format_list(names, locale=locale),
        kind=kinds,
        date=format_date(found[0].date, locale=locale),
    )


def _steps(
    record: MunicipalityRecord, years: range, *, into: bool, itself: bool = True
) -> Iterator[tuple[Change, ...]]:
    """The changes in ``years`` into (or out of) ``record``'s number, a year at a time."""
    for year in years:
        found = tuple(
            c
            for c in registry.changes(year=year)
            if (c.new_number if into else c.old_number) == record.number
            and (itself or c.old_number != c.new_number)
        )
        if found:
            yield found


def _describe(record: MunicipalityRecord, year: int, words: Messages, locale: str) -> Iterator[str]:
    def olds(found: tuple[Change, ...]) -> list[str]:
        return sorted({f"{c.old_number} {c.old_name}" for c in found})

    def news(found: tuple[Change, ...]) -> list[str]:
        return sorted({f"{c.new_number} {c.new_name}" for c in found})

    lines: list[tuple[str, str]] = []
    if len(record.names) > 1:
        lines.append((words.gettext("Names"), format_list(record.names, locale=locale)))
    lines.append((words.gettext("County"), f"{record.county.name} ({record.county.number})"))
    first, last = record.first_year, record.last_year
    lines.append((words.gettext("Number and name in force"), f"{first}–{last}"))
    # What it came from, whom it took in while it had this name, and what it became.
    came = range(first, first + 1) if first > registry.FIRST_YEAR else range(0)
    lines.extend(
        (words.gettext("Came from"), _step(olds(f), f, words, locale))
        for f in _steps(record, came, into=True)
    )
    during = range(first + 1, last + 1)
    lines.extend(
        (words.gettext("Took in"), _step(olds(f), f, words, locale))
        for f in _steps(record, during, into=True, itself=False)
    )
    went = range(last + 1, last + 2) if last < registry.LAST_YEAR else range(0)
    lines.extend(
        (words.gettext("Became"), _step(news(f), f, words, locale))
        for f in _steps(record, went, into=False)
    )
    fate = registry.fate(record.number, year=registry.division_year(year))
    if fate.kind is not registry.FateKind.UNCHANGED or last < registry.LAST_YEAR:
        today = words.gettext("Today")
        now = format_list([_named(m) for m in fate.successors], locale=locale)
        lines.append((f"{today} ({registry.LAST_YEAR})", now))
    when = str(year)
    if registry.division_year(year) != year:
        when = words.gettext("{year}, by the division of {division}").format(
            year=year, division=registry.division_year(year)
        )
    yield f"{_named(record)} ({when})"
    yield from (f"{label}: {value}" for label, value in lines)
