# /// script
# requires-python = ">=3.11"
# dependencies = ["pyyaml>=6"]
# ///
"""Derive the bundled municipality registry from Statistics Norway's classification 131.

Reads two public git repositories at fixed commits (never a working tree, so the result
does not depend on what is checked out) and writes the two compact tables in
``src/innovasjonspris/registry/``:

- ``kommuner.csv``: one row for each run of years in which a number carried the same name
  on 1 January (``number,name,first_year,last_year``);
- ``endringer.csv``: every change between two years of the table
  (``date,old_number,old_name,new_number,new_name``), as SSB records it.

Sources:

- ``opisthokonta/kommuneendringer``: SSB's KLASS API output, verbatim, in ``data-raw/``:
  one file per version of classification 131 (1971 to 2024) and ``changetables.json``;
- ``statisticsnorway/kostra-kontrollprogram``: the 2024, 2025 and 2026 code lists of
  classification 131 in ``kravspesifikasjon/file_description_11CF_<year>.yaml`` and the
  change logs beside them.

The 2024 code lists of the two sources are compared, and the script stops if they differ.
A later year whose code list adds or removes numbers needs SSB's change table for it; the
script stops rather than guess. To add a year: bump ``LAST_YEAR``, point ``--kostra-commit``
at a commit that has its code list, and run

    uv run scripts/derive_registry.py --kommuneendringer DIR --kostra DIR

with DIR the git directories of clones of the two repositories.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

FIRST_YEAR = 1972
LAST_KLASS_YEAR = 2024  # the last version in the KLASS dump; later years come from KOSTRA
LAST_YEAR = 2026
KOMMUNEENDRINGER_COMMIT = "d5c6180"
KOSTRA_COMMIT = "c1f5848"
UNKNOWN = "9999"  # SSB's "Uoppgitt" (not stated), a statistical code, not a municipality
OUTPUT = Path(__file__).resolve().parent.parent / "src" / "innovasjonspris" / "registry"


@dataclass(frozen=True)
class Change:
    """One row of SSB's change table."""

    date: str
    old_number: str
    old_name: str
    new_number: str
    new_name: str


def git_show(repository: Path, commit: str, path: str) -> bytes:
    """Return the file at ``path`` in ``commit`` of the git directory ``repository``."""
    return subprocess.run(  # noqa: S603 - git, on a repository the caller names
        ["git", "--git-dir", str(repository), "show", f"{commit}:{path}"],  # noqa: S607
        check=True,
        capture_output=True,
    ).stdout


def git_files(repository: Path, commit: str, folder: str) -> list[str]:
    """List the files directly in ``folder`` at ``commit``."""
    listing = subprocess.run(  # noqa: S603 - git, on a repository the caller names
        ["git", "--git-dir", str(repository), "ls-tree", "--name-only", commit, folder],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return listing.splitlines()


def clean(name: str) -> str:
    """Return ``name`` without surrounding white space."""
    # One KLASS version writes " Borre " with spaces around it; no name has them on purpose.
    return name.strip()


def klass_years(repository: Path) -> tuple[dict[int, dict[str, str]], list[Change]]:
    """Read every KLASS version and the change table: the codes in force each 1 January."""
    versions: list[tuple[str, str | None, dict[str, str]]] = []
    for path in git_files(repository, KOMMUNEENDRINGER_COMMIT, "data-raw/"):
        if not path.startswith("data-raw/Kommuneinndeling "):
            continue
        version = json.loads(git_show(repository, KOMMUNEENDRINGER_COMMIT, path))
        codes = {
            item["code"]: clean(item["name"])
            for item in version["classificationItems"]
            if item["code"] != UNKNOWN
        }
        versions.append((version["validFrom"], version.get("validTo"), codes))
    years: dict[int, dict[str, str]] = {}
    for year in range(FIRST_YEAR, LAST_KLASS_YEAR + 1):
        day = f"{year}-01-01"
        (codes,) = [c for start, end, c in versions if start <= day and (end is None or day < end)]
        years[year] = codes
    table = json.loads(git_show(repository, KOMMUNEENDRINGER_COMMIT, "data-raw/changetables.json"))
    changes = [
        Change(
            row["changeOccurred"],
            row["oldCode"],
            clean(row["oldName"]),
            row["newCode"],
            clean(row["newName"]),
        )
        for row in table["codeChanges"]
        # Changes on 1 January 1972 lead out of 1971, which the table does not cover.
        if FIRST_YEAR < int(row["changeOccurred"][:4]) <= LAST_KLASS_YEAR
    ]
    return years, changes


def kostra_year(repository: Path, year: int) -> dict[str, str]:
    """Read classification 131's code list for ``year`` from a KOSTRA file description."""
    path = f"kravspesifikasjon/file_description_11CF_{year}.yaml"
    description = yaml.safe_load(git_show(repository, KOSTRA_COMMIT, path))
    (field,) = [f for f in description["fields"] if f["name"] == "KOMMNR_KVP_KOMM"]
    if field["codelistSource"] != "https://www.ssb.no/klass/klassifikasjoner/131":
        msg = f"{path}: the code list is not classification 131"
        raise SystemExit(msg)
    return {c["code"]: clean(c["value"]) for c in field["codeList"] if c["code"] != UNKNOWN}


def later_changes(
    repository: Path, year: int, before: dict[str, str], after: dict[str, str]
) -> list[Change]:
    """Derive the renames between two KOSTRA years, each confirmed by its change log."""
    if set(before) != set(after):
        msg = f"{year}: numbers appear or disappear; add SSB's change table for {year}"
        raise SystemExit(msg)
    log = git_show(
        repository,
        KOSTRA_COMMIT,
        f"kravspesifikasjon/changelog_for_11CF_from_{year - 1}_to_{year}.md",
    ).decode()
    renamed = [number for number in sorted(before) if before[number] != after[number]]
    for number in renamed:
        if f"`{number}` : {before[number]}" not in log or after[number] not in log:
            msg = f"{year}: the change log does not record {number}'s new name"
            raise SystemExit(msg)
    return [Change(f"{year}-01-01", n, before[n], n, after[n]) for n in renamed]


def runs(years: dict[int, dict[str, str]]) -> list[tuple[str, str, int, int]]:
    """Fold the years into runs of (number, name, first year, last year)."""
    found: list[tuple[str, str, int, int]] = []
    open_runs: dict[tuple[str, str], int] = {}
    for year in sorted(years):
        current = set(years[year].items())
        ended = [key for key in open_runs if key not in current]
        found.extend((*key, open_runs.pop(key), year - 1) for key in ended)
        for key in current:
            open_runs.setdefault(key, year)
    found.extend((*key, first, max(years)) for key, first in open_runs.items())
    return sorted(found, key=lambda run: (run[0], run[2]))


def write_csv(path: Path, header: list[str], rows: list[tuple[object, ...]]) -> None:
    """Write ``rows`` under ``header`` as UTF-8 CSV with LF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def main() -> None:
    """Derive the tables and write them next to the registry's code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommuneendringer", type=Path, required=True, help="its git directory")
    parser.add_argument("--kostra", type=Path, required=True, help="its git directory")
    arguments = parser.parse_args()

    years, changes = klass_years(arguments.kommuneendringer)
    kostra = {y: kostra_year(arguments.kostra, y) for y in range(LAST_KLASS_YEAR, LAST_YEAR + 1)}
    if kostra[LAST_KLASS_YEAR] != years[LAST_KLASS_YEAR]:
        msg = f"the two sources disagree on {LAST_KLASS_YEAR}"
        raise SystemExit(msg)
    for year in range(LAST_KLASS_YEAR + 1, LAST_YEAR + 1):
        years[year] = kostra[year]
        changes += later_changes(arguments.kostra, year, kostra[year - 1], kostra[year])

    write_csv(
        OUTPUT / "kommuner.csv",
        ["number", "name", "first_year", "last_year"],
        list(runs(years)),
    )
    write_csv(
        OUTPUT / "endringer.csv",
        ["date", "old_number", "old_name", "new_number", "new_name"],
        [
            (c.date, c.old_number, c.old_name, c.new_number, c.new_name)
            for c in sorted(changes, key=lambda c: (c.date, c.new_number, c.old_number))
        ],
    )
    for year in sorted(years):
        print(year, len(years[year]))  # noqa: T201


if __name__ == "__main__":
    main()
