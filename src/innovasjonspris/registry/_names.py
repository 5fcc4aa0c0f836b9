"""Names across time: every municipality that has gone by a name, in any year."""

from __future__ import annotations

from innovasjonspris.registry._fate import fate_of
from innovasjonspris.registry._table import MunicipalityRecord, name_key, table

__all__ = ["namesakes"]


def namesakes(name: str) -> tuple[MunicipalityRecord, ...]:
    """Return every municipality that has gone by ``name``, each once, ordered by number.

    A name matches as in :func:`~innovasjonspris.registry.municipalities_named`, in any year
    from 1972. Each municipality comes as it was in the last year it had the name: Bø in
    Telemark until it merged in 2020, and Bø in Nordland. One that kept the name across a
    renumbering comes once, under its last number; one that merged into a namesake (Asker
    in 2020) comes apart from it.

    >>> [(m.number, m.name, m.last_year) for m in namesakes("Bø")]
    [('0821', 'Bø (Telemark)', 2019), ('1867', 'Bø', 2026)]

    Raises:
        TypeError: ``name`` is not text.
    """
    if type(name) is not str:
        msg = f"name must be text, not {type(name).__name__}"
        raise TypeError(msg)
    key = name_key(name)
    found: dict[str, MunicipalityRecord] = {}
    for record in table().records:  # a number's records come oldest first
        if key in {name_key(form) for form in record.accepted_names}:
            found[record.number] = record
    return tuple(record for _, record in sorted(found.items()) if not _goes_on_under(record, found))


def _goes_on_under(record: MunicipalityRecord, found: dict[str, MunicipalityRecord]) -> bool:
    """Tell whether ``record`` is still the same municipality, and named so, the year after."""
    if record.valid_until is None:
        return False
    after = fate_of(record, record.last_year, record.last_year + 1)
    (first, *_) = after.successors
    later = found.get(first.number)
    return after.exists and later is not None and later.first_year > record.last_year
