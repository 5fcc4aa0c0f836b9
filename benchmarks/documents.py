"""The documents the benchmarks load: the bundled 2019 round, and bad variants of it.

Every library must accept the good documents and reject every bad one; the benchmark
refuses to time libraries that disagree, since a faster loader that lets more through
proves nothing.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

from innovasjonspris import load_round
from innovasjonspris.serialization import to_dict

Document = dict[str, Any]


def round_2019() -> Document:
    return to_dict(load_round(2019))


def encode(document: Document) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def _set(*path: str | int, value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _delete(*path: str | int) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _append_copy(*path: str | int) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        target: Any = document
        for step in path:
            target = target[step]
        target.append(copy.deepcopy(target[0]))

    return change


_CITED = ("citations", 0, "municipality")

# What each variant changes in the 2019 round; the name says why it must be refused.
BAD: dict[str, Callable[[Document], None]] = {
    "year as text": _set("year", value="2019"),
    "year as a float": _set("year", value=2019.0),
    "year as a boolean": _set("year", value=True),
    "year before the first county list": _set("year", value=1971),
    "id as null": _set("id", value=None),
    "id as a number": _set("id", value=42),
    "id in capitals": _set("id", value="Innovasjonsprisen-2019"),
    "notes as null": _set("notes", value=None),
    "schema_version missing": _delete("schema_version"),
    "schema_version 2": _set("schema_version", value=2),
    "schema_version as text": _set("schema_version", value="1"),
    "schema_version as a boolean": _set("schema_version", value=True),
    "unknown key": _set("colour", value="blue"),
    "unknown nested key": _set("event", "colour", value="blue"),
    "amount as a number": _set("amount", "amount", value=500000),
    "amount with an exponent": _set("amount", "amount", value="5e5"),
    "amount with a leading zero": _set("amount", "amount", value="0500000"),
    "amount with three decimals": _set("amount", "amount", value="1.234"),
    "amount of a hundred digits": _set("amount", "amount", value="1" * 100),
    "amount too large": _set("amount", "amount", value="1000000000000000"),
    "amount negative": _set("amount", "amount", value="-500000"),
    "amount zero": _set("amount", "amount", value="0"),
    "currency not ISO": _set("amount", "currency", value="XYZ"),
    "currency in lower case": _set("amount", "currency", value="nok"),
    "date without dashes": _set("awarded_on", value="20190607"),
    "date not in the calendar": _set("awarded_on", value="2019-02-30"),
    "date as a number": _set("awarded_on", value=20190607),
    "date with a time": _set("awarded_on", value="2019-06-07T10:00:00"),
    "awarded outside the year": _set("awarded_on", value="2018-06-07"),
    "awarded outside the event": _set("awarded_on", value="2019-06-01"),
    "announced before awarded": _set("announced_on", value="2019-06-01"),
    "event ends before it starts": _set("event", "end", value="2019-06-05"),
    "event end without a start": _delete("event", "start"),
    "citations as text": _set("citations", value="Trondheim"),
    "citations as an object": _set("citations", value={"0": {}}),
    "event as an array": _set("event", value=["Fremtidens kommuner"]),
    "chair as text": _set("jury", "members", 0, "chair", value="yes"),
    "two chairs": _set(
        "jury",
        "members",
        value=[
            {"person": {"name": "A"}, "chair": True},
            {"person": {"name": "B"}, "chair": True},
        ],
    ),
    "jury without members or secretariat": _set("jury", value={}),
    "member listed twice": _append_copy("jury", "members"),
    "presenter listed twice": _append_copy("presented_by"),
    "criterion listed twice": _append_copy("criteria"),
    "standing as a number": _set("citations", 0, "standing", value=1),
    "standing unknown": _set("citations", 0, "standing", value="second"),
    "two winners": _set("citations", 1, "standing", value="winner"),
    "no winner": _set("citations", 0, "standing", value="finalist"),
    "municipality cited twice": _set(
        "citations", 1, "municipality", value={"number": "5001", "name": "Trondheim"}
    ),
    "kommunenummer of three digits": _set(*_CITED, "number", value="301"),
    "kommunenummer in full-width digits": _set(*_CITED, "number", value="０３０１"),
    "kommunenummer ending in 00": _set(*_CITED, "number", value="0300"),
    "kommunenummer of no county": _set(*_CITED, "number", value="9901"),
    "kommunenummer of another year": _set(*_CITED, "number", value="1601"),
    "kommunenummer as a number": _set(*_CITED, "number", value=5001),
    "project of another municipality": _set(
        "citations", 0, "projects", 0, "municipality", value="1516"
    ),
    "project listed twice": _append_copy("citations", 0, "projects"),
    "name empty": _set(*_CITED, "name", value=""),
    "name of white space": _set(*_CITED, "name", value="   "),
    "name with a leading space": _set(*_CITED, "name", value=" Trondheim"),
    "name with a no-break space at the end": _set(*_CITED, "name", value="Trondheim\u00a0"),
    "name with a line break": _set(*_CITED, "name", value="Trond\nheim"),
    "name with a control character": _set(*_CITED, "name", value="Trond\x07heim"),
    "name with a line separator": _set(*_CITED, "name", value="Trond\u2028heim"),
    "name not in NFC": _set(*_CITED, "name", value="Tro\u0308ndheim"),
    "text with a tab": _set("citations", 0, "text", "nb", value="a\tb"),
    "text not in NFC": _set("citations", 0, "text", "nb", value="Tro\u0308ndheim"),
    "text in no language": _set("citations", 0, "text", value={}),
    "text in an unknown language": _set("citations", 0, "text", value={"de": "Preis"}),
    "orgnr with a bad check digit": _set(*_CITED, "orgnr", value="942110465"),
    "orgnr with spaces": _set(*_CITED, "orgnr", value="942 110 464"),
    "source not http": _set("sources", 0, "url", value="ftp://example.org/x"),
    "fewer municipalities than cited": _set("applicants", "municipalities", value=2),
    "fewer projects than named": _set("applicants", "projects", value=3),
    "negative count": _set("applicants", "municipalities", value=-1),
    "count too large": _set("applicants", "projects", value=100_001),
    "more_than without municipalities": _set(
        "applicants", value={"projects": 40, "more_than": True}
    ),
    "applicants without a count": _set("applicants", value={}),
}

GOOD: dict[str, Callable[[Document], None]] = {
    "the 2019 round": lambda _document: None,
    "line breaks in prose": _set("citations", 0, "text", "nb", value="Første.\n\nAndre."),
    "amount with øre": _set("amount", "amount", value="1234.50"),
    "orgnr of KMD": _set(*_CITED, "orgnr", value="942110464"),
    "optional parts left out": lambda document: [
        document.pop(key) for key in ("event", "jury", "applicants", "criteria", "sources")
    ],
}


def variants(changes: dict[str, Callable[[Document], None]]) -> Iterator[tuple[str, bytes]]:
    """Yield ``(name, JSON bytes)`` for each change applied to a fresh 2019 round."""
    for name, change in changes.items():
        document = round_2019()
        change(document)
        yield name, encode(document)
