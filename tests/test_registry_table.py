"""The bundled municipality table: SSB's counts, and every change accounted for."""

from __future__ import annotations

from collections import Counter

import pytest

from fresh import run_fresh
from innovasjonspris import InvalidDataError, ValidationError, load_round, rounds
from innovasjonspris.registry import (
    FIRST_YEAR,
    LAST_YEAR,
    ChangeKind,
    FateKind,
    changes,
    fate,
    is_valid_kommunenummer,
    municipalities,
    municipalities_named,
    municipality,
    predecessors,
    successors,
    validate_kommunenummer,
)
from innovasjonspris.serialization import from_toml, to_toml

# The number of municipalities on 1 January of each year, as SSB counts them: written out
# here, not read from the table, so that a derivation that drops or adds a year fails.
SSB_COUNTS = {
    **dict.fromkeys(range(1972, 1974), 444),
    **dict.fromkeys(range(1974, 1976), 443),
    1976: 445,
    **dict.fromkeys(range(1977, 1988), 454),
    **dict.fromkeys(range(1988, 1992), 448),
    **dict.fromkeys(range(1992, 1994), 439),
    **dict.fromkeys(range(1994, 2002), 435),
    **dict.fromkeys(range(2002, 2005), 434),
    2005: 433,
    **dict.fromkeys(range(2006, 2008), 431),
    **dict.fromkeys(range(2008, 2012), 430),
    2012: 429,
    **dict.fromkeys(range(2013, 2017), 428),
    2017: 426,
    **dict.fromkeys(range(2018, 2020), 422),
    **dict.fromkeys(range(2020, 2024), 356),
    **dict.fromkeys(range(2024, 2027), 357),
}


def test_the_table_covers_every_year_it_claims() -> None:
    assert (FIRST_YEAR, LAST_YEAR) == (1972, 2026)
    assert sorted(SSB_COUNTS) == list(range(FIRST_YEAR, LAST_YEAR + 1))


@pytest.mark.parametrize(("year", "count"), sorted(SSB_COUNTS.items()))
def test_count_of_each_year_is_ssbs(year: int, count: int) -> None:
    found = municipalities(year=year)
    assert len(found) == count
    numbers = [m.number for m in found]
    assert numbers == sorted(set(numbers))
    assert all(m.is_valid_in(year) and m.county.is_valid_on(m.valid_from) for m in found)


@pytest.mark.parametrize("year", range(FIRST_YEAR + 1, LAST_YEAR + 1))
def test_every_number_that_comes_or_goes_is_explained_by_a_change(year: int) -> None:
    before = {m.number: m.name for m in municipalities(year=year - 1)}
    after = {m.number: m.name for m in municipalities(year=year)}
    recorded = changes(year=year)
    assert set(before) - set(after) <= {c.old_number for c in recorded}
    assert set(after) - set(before) <= {c.new_number for c in recorded}
    for change in recorded:
        assert (before[change.old_number], after[change.new_number]) == (
            change.old_name,
            change.new_name,
        )
        assert change.date.timetuple()[:3] == (year, 1, 1)


def test_change_kinds() -> None:
    kinds = Counter(c.kind for year in range(2018, 2025) for c in changes(year=year))
    assert set(kinds) == set(ChangeKind) - {ChangeKind.BOUNDARY}
    # Ringsaker gave land to Hamar in 1992 and kept its number: a change of boundary.
    ringsaker = {(c.new_number, c.kind) for c in changes(year=1992) if c.old_number == "0412"}
    assert ringsaker == {("0403", ChangeKind.MERGER), ("0412", ChangeKind.BOUNDARY)}
    (rindal,) = [c for c in changes(year=2019) if c.old_number == "1567"]
    assert (rindal.new_number, rindal.kind) == ("5061", ChangeKind.RENUMBERING)
    (alesund_split,) = {c.kind for c in changes(year=2024) if c.old_number == "1507"}
    assert alesund_split is ChangeKind.SPLIT
    assert {c.kind for c in changes(year=2020) if c.new_number == "4626"} == {ChangeKind.MERGER}
    oslo = [c for c in changes(year=2026) if c.old_number == "0301"]
    assert [(c.new_name, c.kind) for c in oslo] == [("Oslo - Oslove", ChangeKind.RENAME)]


def test_trondheim_and_rindal_through_the_reforms() -> None:
    assert is_valid_kommunenummer("1601", year=2017)
    assert not is_valid_kommunenummer("1601", year=2018)
    assert municipality("5001", year=2018).name == "Trondheim"
    assert municipality("1567", year=2018).name == "Rindal"
    assert not is_valid_kommunenummer("1567", year=2019)
    assert municipality("5061", year=2019).name == "Rindal"
    assert not is_valid_kommunenummer("5061", year=2018)


def test_record_fields() -> None:
    fjell = municipality("1246", year=2019)
    assert (fjell.name, fjell.names, fjell.county.name) == ("Fjell", ("Fjell",), "Hordaland")
    assert (fjell.first_year, fjell.last_year) == (1972, 2019)
    karasjok = municipality("5437", year=2021)
    assert karasjok.name == "Kárášjohka - Karasjok"
    assert karasjok.names == ("Kárášjohka", "Karasjok")
    assert karasjok.county.name == "Troms og Finnmark"
    assert municipality("0301", year=2026).names == ("Oslo", "Oslove")
    assert municipality("0301", year=2025).names == ("Oslo",)
    assert municipality("5001", year=2026).valid_until is None


@pytest.mark.parametrize(
    ("number", "year", "to_year", "expected"),
    [
        ("1662", 2017, 2018, ["5030"]),
        ("1662", 2017, 2020, ["5001"]),
        ("5030", 2018, 2020, ["5001"]),
        ("5012", 2019, 2020, ["5055", "5056", "5059"]),
        ("1507", 2023, 2024, ["1508", "1580"]),
        ("1246", 2019, 2020, ["4626"]),
        ("1246", 2019, 2026, ["4626"]),
        ("0105", 2016, 2026, ["3105"]),
        ("0105", 2016, 2020, ["3003"]),
        ("1516", 2019, 2026, ["1516"]),
        ("0128", 1991, 1992, ["0128"]),
        ("0114", 1991, 1992, ["0105", "0128"]),
        ("1246", 2019, 2019, ["1246"]),
    ],
)
def test_successors(number: str, year: int, to_year: int, expected: list[str]) -> None:
    assert [m.number for m in successors(number, year=year, to_year=to_year)] == expected


@pytest.mark.parametrize(
    ("number", "year", "from_year", "expected"),
    [
        ("5001", 2020, 2017, ["1601", "1662"]),
        ("5001", 2020, 2019, ["5001", "5030"]),
        ("4626", 2020, 2019, ["1245", "1246", "1259"]),
        ("1508", 2024, 2023, ["1507"]),
        ("1580", 2024, 2019, ["1504", "1523", "1529", "1534", "1546"]),
        ("3105", 2024, 2016, ["0105"]),
        ("0128", 1992, 1991, ["0114", "0128"]),
        ("1516", 2026, 2019, ["1516"]),
    ],
)
def test_predecessors(number: str, year: int, from_year: int, expected: list[str]) -> None:
    assert [m.number for m in predecessors(number, year=year, from_year=from_year)] == expected


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR))
def test_successors_and_predecessors_are_inverse(year: int) -> None:
    for record in municipalities(year=year):
        for after in successors(record.number, year=year, to_year=year + 1):
            back = predecessors(after.number, year=year + 1, from_year=year)
            assert record in back


def test_look_up_by_name() -> None:
    assert [m.number for m in municipalities_named("Fjell", year=2019)] == ["1246"]
    assert municipalities_named("Fjell", year=2020) == ()
    assert [m.number for m in municipalities_named("Karasjok", year=2021)] == ["5437"]
    assert [m.number for m in municipalities_named("KÁRÁŠJOHKA", year=2019)] == ["2021"]
    assert [m.number for m in municipalities_named(" oslove ", year=2026)] == ["0301"]
    assert [m.number for m in municipalities_named("Os", year=2019)] == ["0441", "1243"]
    assert [m.number for m in municipalities_named("Os (Hedmark)", year=2019)] == ["0441"]


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: municipality("1246", year=1971), "year"),
        (lambda: municipality("1246", year=10_000), "year"),
        (lambda: municipality("0999", year=2014), "number"),
        (lambda: successors("1246", year=2019, to_year=2018), "to_year"),
        (lambda: successors("1246", year=2019, to_year=10_000), "to_year"),
        (lambda: successors("1246", year=2020, to_year=2021), "number"),
        (lambda: predecessors("4626", year=2020, from_year=2021), "from_year"),
        (lambda: changes(year=1971), "year"),
        (lambda: validate_kommunenummer("9901"), "number"),
        (lambda: validate_kommunenummer("0102"), None),
    ],
)
def test_bad_input_is_a_validation_error_naming_the_field(call: object, field: str | None) -> None:
    assert callable(call)
    if field is None:
        call()
        return
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: municipality(1246, year=2019), "number must be text, not int"),  # type: ignore[arg-type]
        (lambda: municipality("1246", year="2019"), "year must be an int, not str"),  # type: ignore[arg-type]
        (lambda: municipality("1246", year=True), "year must be an int, not bool"),
        (lambda: municipalities(year=2019.0), "year must be an int, not float"),  # type: ignore[arg-type]
        (lambda: municipalities_named(None, year=2019), "name must be text, not NoneType"),  # type: ignore[arg-type]
        (lambda: predecessors("4626", year=2020, from_year="x"), "from_year must be an int"),  # type: ignore[arg-type]
    ],
)
def test_arguments_of_the_wrong_type_are_type_errors(call: object, message: str) -> None:
    assert callable(call)
    with pytest.raises(TypeError) as caught:
        call()
    assert str(caught.value).startswith(message)


def test_messages_say_what_the_registry_has() -> None:
    with pytest.raises(ValidationError, match=r"1601 .* 2018 \(it was Trondheim in 1972-2017\)"):
        municipality("1601", year=2018)
    with pytest.raises(ValidationError, match="0999 was no municipality's number in 2014, nor"):
        validate_kommunenummer("0999", year=2014)
    with pytest.raises(ValidationError, match=r"0999 .* in any year from 1972 to 2026"):
        validate_kommunenummer("0999")


def test_every_bundled_round_cites_ssbs_classification_for_its_numbers() -> None:
    for award_round in rounds():
        urls = [source.url for source in award_round.sources]
        assert any(url.startswith("https://data.ssb.no/api/klass/v1/versions/") for url in urls)
        assert not [url for url in urls if "wikipedia.org" in url or "snl.no" in url]


@pytest.mark.parametrize(
    ("number", "year", "kind", "since", "now"),
    [
        ("1246", 2019, FateKind.MERGED, 2020, ["4626"]),
        ("0217", 2017, FateKind.MERGED, 2020, ["3207"]),
        ("0105", 2016, FateKind.RENUMBERED, 2024, ["3105"]),
        ("0220", 2015, FateKind.MERGED, 2020, ["3203"]),
        ("1103", 2017, FateKind.UNCHANGED, None, ["1103"]),
        ("0412", 1991, FateKind.RENUMBERED, 2020, ["3411"]),
        ("1850", 2019, FateKind.SPLIT, 2020, ["1806", "1875"]),
        ("0616", 2019, FateKind.RENAMED, 2020, ["3322"]),
        ("0906", 2014, FateKind.RENUMBERED, 2020, ["4203"]),
        ("1601", 2014, FateKind.RENUMBERED, 2018, ["5001"]),
        ("5012", 2019, FateKind.SPLIT, 2020, ["5055", "5056", "5059"]),
        ("5001", 2019, FateKind.UNCHANGED, None, ["5001"]),
        ("1516", 2019, FateKind.UNCHANGED, None, ["1516"]),
    ],
)
def test_fate(number: str, year: int, kind: FateKind, since: int | None, now: list[str]) -> None:
    found = fate(number, year=year)
    assert (found.kind, found.since) == (kind, since)
    assert [m.number for m in found.successors] == now


def test_a_rename_without_a_merger_is_a_rename() -> None:
    borre = fate("0701", year=2002, to_year=2003)  # Borre took back the name Horten
    assert (borre.kind, borre.since, borre.successors[0].name) == (FateKind.RENAMED, 2003, "Horten")
    # Hammerfest took a parallel Sámi name in 2019: its old name is still one of its names.
    assert fate("2004", year=2018, to_year=2019).kind is FateKind.UNCHANGED


def test_importing_the_library_does_not_read_the_registry() -> None:
    code = (
        "import innovasjonspris, innovasjonspris.registry as r\n"
        "from innovasjonspris.registry import _table\n"
        "assert _table.table.cache_info().currsize == 0\n"
        "r.municipality('1246', year=2019)\n"
        "assert _table.table.cache_info().currsize == 1\n"
    )
    done = run_fresh(code)
    assert done.returncode == 0, done.stderr


def test_a_2019_file_with_fjells_number_named_bergen_is_refused_at_the_name() -> None:
    document = to_toml(load_round(2019)).replace('name = "Fjell"', 'name = "Bergen"')
    with pytest.raises(InvalidDataError) as caught:
        from_toml(document)
    assert caught.value.errors == [
        (
            "$.citations[2].municipality.name: 1246 was Fjell in 2019, not 'Bergen' "
            "(the names accepted: 'Fjell')"
        )
    ]
