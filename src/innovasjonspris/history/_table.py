"""The rows as a table: typed records, and their text forms in CSV and JSON Lines.

A record holds codes (``winner``, ``merged``) unless a locale is asked for, Python values
a DataFrame keeps (``int``, :class:`~decimal.Decimal`, :class:`datetime.date`, a list for
the projects, ``None`` for nothing), and reads back from its text forms unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Final, TypedDict, cast

from innovasjonspris._errors import InvalidDataError, ValidationError, brief
from innovasjonspris._i18n import catalog_language, messages, parse_locale
from innovasjonspris.formatting import format_standing
from innovasjonspris.history._rows import CitationRow
from innovasjonspris.registry import FateKind

__all__ = [
    "COLUMNS",
    "SEPARATOR",
    "Record",
    "chosen_columns",
    "csv_text",
    "json_lines",
    "read_csv",
    "read_json_lines",
    "records",
]

COLUMNS: Final = (
    "year",
    "standing",
    "kommunenummer",
    "municipality",
    "county_number",
    "county",
    "kommunenummer_now",
    "municipality_now",
    "county_now",
    "fate",
    "projects",
    "amount",
    "awarded_on",
)
"""The columns of a table, in order."""

SEPARATOR: Final = ";"
"""Joins the numbers, names and counties of what a municipality split between has become."""


class Record(TypedDict):
    """One citation as a record: the keys of :data:`COLUMNS`, in that order."""

    year: int
    standing: str
    kommunenummer: str
    municipality: str
    county_number: str
    county: str
    kommunenummer_now: str
    municipality_now: str
    county_now: str
    fate: str
    projects: list[str]
    amount: Decimal | None
    awarded_on: date | None


def chosen_columns(columns: object) -> tuple[str, ...]:
    """Return the columns asked for, in the order asked; ``None`` means every column."""
    if columns is None:
        return COLUMNS
    if isinstance(columns, (str, bytes)) or not isinstance(columns, Iterable):
        msg = f"columns must be a sequence of column names, not {type(columns).__name__}"
        raise TypeError(msg)
    chosen = tuple(cast("Iterable[object]", columns))
    for name in chosen:
        if name not in COLUMNS:
            msg = f"no column is named {brief(name)}; the columns are {', '.join(COLUMNS)}"
            raise ValidationError("columns", msg)
    if not chosen or len(set(chosen)) != len(chosen):
        msg = "must name at least one column, and each column once"
        raise ValidationError("columns", msg)
    return cast("tuple[str, ...]", chosen)


def _fate_labels(locale: str) -> dict[FateKind, str]:
    words = messages(parse_locale(locale))
    return {
        FateKind.UNCHANGED: words.pgettext("fate", "unchanged"),
        FateKind.RENUMBERED: words.pgettext("fate", "renumbered"),
        FateKind.RENAMED: words.pgettext("fate", "renamed"),
        FateKind.MERGED: words.pgettext("fate", "merged"),
        FateKind.SPLIT: words.pgettext("fate", "split"),
    }


def records(rows: Sequence[CitationRow], locale: str | None) -> list[Record]:
    """Return ``rows`` as records: codes, or the words of ``locale`` when one is given."""
    fates: dict[FateKind, str] = {kind: kind.value for kind in FateKind}
    if locale is not None:
        catalog_language(parse_locale(locale))  # refuse a locale without texts before any work
        fates = _fate_labels(locale)
    return [
        Record(
            year=row.year,
            standing=str(row.standing)
            if locale is None
            else format_standing(row.standing, locale=locale),
            kommunenummer=row.kommunenummer,
            municipality=row.municipality,
            county_number=row.county_number,
            county=row.county,
            kommunenummer_now=SEPARATOR.join(row.kommunenummer_now),
            municipality_now=SEPARATOR.join(row.municipality_now),
            county_now=SEPARATOR.join(row.county_now),
            fate=fates[row.fate.kind],
            projects=list(row.projects),
            amount=None if row.amount is None else row.amount.amount,
            awarded_on=row.awarded_on,
        )
        for row in rows
    ]


def _text(value: object) -> object:
    """The value of ``column`` as the text forms write it (JSON keeps ints, lists, None)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def csv_text(table: list[Record], columns: tuple[str, ...]) -> str:
    """Return ``table`` as CSV: a header row, one line per record, CRLF line ends.

    ``None`` is an empty field; the projects are a JSON array (``[]`` for none), so that a
    name with a comma or a semicolon in it comes back whole.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in table:
        fields = cast("Mapping[str, object]", record)
        values = [_text(fields[column]) for column in columns]
        writer.writerow(
            json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
            for value in values
        )
    return out.getvalue()


def json_lines(table: list[Record], columns: tuple[str, ...]) -> str:
    """Return ``table`` as JSON Lines: one compact object per record, in column order."""
    return "".join(
        json.dumps(
            {column: _text(cast("Mapping[str, object]", record)[column]) for column in columns},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n"
        for record in table
    )


def _year(text: object) -> int:
    if type(text) is int:
        return text
    if isinstance(text, str) and text.isascii() and text.isdigit():
        return int(text)
    raise ValueError("must be a year")


def _amount(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise TypeError("must be a decimal number as text")
    try:
        found = Decimal(value)
    except InvalidOperation:
        raise ValueError("must be a decimal number") from None
    if not found.is_finite():
        raise ValueError("must be a decimal number")
    return found


def _day(value: object) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise TypeError("must be an ISO date as text")
    return date.fromisoformat(value)


def _projects(value: object) -> list[str]:
    found = json.loads(value) if isinstance(value, str) else value
    if not isinstance(found, list) or not all(
        isinstance(p, str) for p in cast("list[object]", found)
    ):
        raise TypeError("must be a list of project names")
    return cast("list[str]", found)


def _word(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"must be text, not {type(value).__name__}")
    return value


_READERS: Final[dict[str, Callable[[object], object]]] = {
    "year": _year,
    "projects": _projects,
    "amount": _amount,
    "awarded_on": _day,
}


def _read(items: Iterable[tuple[int, dict[str, object]]]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    problems: list[tuple[str, str]] = []
    for index, item in items:
        record: dict[str, object] = {}
        for column, value in item.items():
            path = f"$[{index}].{column}"
            if column not in COLUMNS:
                problems.append((path, "is no column of the table"))
                continue
            try:
                record[column] = _READERS.get(column, _word)(value)
            except (TypeError, ValueError) as error:
                problems.append((path, f"{error} ({brief(value)})"))
        found.append(record)
    if problems:
        raise InvalidDataError(problems)
    return found


def read_csv(text: str) -> list[dict[str, object]]:
    """Read a table written by :func:`csv_text` back into records."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return _read(enumerate(cast("Iterable[dict[str, object]]", reader)))


def read_json_lines(text: str) -> list[dict[str, object]]:
    """Read a table written by :func:`json_lines` back into records."""
    items: list[tuple[int, dict[str, object]]] = []
    for index, line in enumerate(text.splitlines()):
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidDataError([(f"$[{index}]", f"is not JSON: {error.msg}")]) from None
        if not isinstance(item, dict):
            raise InvalidDataError([(f"$[{index}]", "must be a JSON object")])
        items.append((index, cast("dict[str, object]", item)))
    return _read(items)
