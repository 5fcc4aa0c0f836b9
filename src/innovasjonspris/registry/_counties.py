"""Statistics Norway's classification of counties (Klass 104): every number since 1972."""

from __future__ import annotations

from datetime import date

import attrs

__all__ = ["COUNTIES", "COUNTY_CLASSIFICATION_SOURCE", "FIRST_YEAR", "County"]

COUNTY_CLASSIFICATION_SOURCE = "https://www.ssb.no/klass/klassifikasjoner/104"
"""Where the county numbers and their periods are published."""

FIRST_YEAR = 1972
"""The first year the registry covers: Bergen (13) became part of Hordaland in 1972."""


@attrs.frozen(kw_only=True)
class County:
    """A county (fylke) and the period its number was in use.

    ``valid_until`` is the first day on which the number no longer applied, or ``None``
    while it still does.
    """

    number: str
    name: str
    valid_from: date
    valid_until: date | None = None

    def is_valid_on(self, day: date) -> bool:
        """Tell whether this county number was in use on ``day``."""
        return self.valid_from <= day and (self.valid_until is None or day < self.valid_until)


_FIRST_KNOWN = date(FIRST_YEAR, 1, 1)
_TRONDELAG = date(2018, 1, 1)
_REFORM_2020 = date(2020, 1, 1)
_REFORM_2024 = date(2024, 1, 1)


def _period(
    start: date, end: date | None, numbered: tuple[tuple[str, str], ...]
) -> tuple[County, ...]:
    return tuple(
        County(number=number, name=name, valid_from=start, valid_until=end)
        for number, name in numbered
    )


COUNTIES: tuple[County, ...] = (
    # In use from 1972 to 2019, apart from the two Trøndelag counties, merged in 2018.
    *_period(
        _FIRST_KNOWN,
        _REFORM_2020,
        (
            ("01", "Østfold"),
            ("02", "Akershus"),
            ("04", "Hedmark"),
            ("05", "Oppland"),
            ("06", "Buskerud"),
            ("07", "Vestfold"),
            ("08", "Telemark"),
            ("09", "Aust-Agder"),
            ("10", "Vest-Agder"),
            ("12", "Hordaland"),
            ("14", "Sogn og Fjordane"),
            ("19", "Troms"),
            ("20", "Finnmark"),
        ),
    ),
    *_period(_FIRST_KNOWN, _TRONDELAG, (("16", "Sør-Trøndelag"), ("17", "Nord-Trøndelag"))),
    # Unchanged by every reform.
    *_period(
        _FIRST_KNOWN,
        None,
        (("03", "Oslo"), ("11", "Rogaland"), ("15", "Møre og Romsdal"), ("18", "Nordland")),
    ),
    *_period(_TRONDELAG, None, (("50", "Trøndelag"),)),
    *_period(
        _REFORM_2020,
        _REFORM_2024,
        (
            ("30", "Viken"),
            ("38", "Vestfold og Telemark"),
            ("54", "Troms og Finnmark"),
        ),
    ),
    *_period(
        _REFORM_2020,
        None,
        (("34", "Innlandet"), ("42", "Agder"), ("46", "Vestland")),
    ),
    *_period(
        _REFORM_2024,
        None,
        (
            ("31", "Østfold"),
            ("32", "Akershus"),
            ("33", "Buskerud"),
            ("39", "Vestfold"),
            ("40", "Telemark"),
            ("55", "Troms"),
            ("56", "Finnmark"),
        ),
    ),
)
"""Every county number from 1972 on, with the period it was in use."""
