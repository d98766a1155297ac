#!/usr/bin/env python3
"""Sanity checks for the shipped reference data in this folder.

Plain Python (standard library only, no Django), so it can run anywhere:

    python3 municipalities/data/check_register.py

Exits non-zero with a message on the first failed assertion; prints the
per-county municipality counts and "register OK" when everything holds.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MUNICIPALITIES_CSV = HERE / "municipalities_2024.csv"
ORGANISATIONS_CSV = HERE / "organisations.csv"
HISTORY_CSV = HERE / "municipality_history.csv"
HISTORY_HEADER = ["old_name", "new_number", "new_name", "year"]

MUNICIPALITY_HEADER = ["number", "name", "kind", "county_number", "county_name", "population"]
ORGANISATION_HEADER = ["short_name", "name", "kind", "federation"]
ORGANISATION_KINDS = {"union", "federation", "party", "employer"}

# SSB classification 104 (fylkesinndeling) valid from 2024-01-01.
COUNTIES_2024 = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland - Nordlánnda",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag - Trööndelage",
    "55": "Troms - Romsa - Tromssa",
    "56": "Finnmark - Finnmárku - Finmarkku",
}

# Number of municipalities per county in the 2024 classification (sums to 357).
EXPECTED_COUNTS_2024 = {
    "03": 1,
    "11": 23,
    "15": 27,  # incl. Haram (1580), split from Ålesund (1508) on 2024-01-01
    "18": 41,
    "31": 12,
    "32": 21,
    "33": 18,
    "34": 46,
    "39": 6,
    "40": 17,
    "42": 25,
    "46": 43,
    "50": 38,
    "55": 21,
    "56": 18,
}

# Rows that URLs, fixtures and imports rely on.
KNOWN_ROWS = {
    "0301": "Oslo",
    "1508": "Ålesund",
    "1580": "Haram",
    "3101": "Halden",
    "3105": "Sarpsborg",
    "3205": "Lillestrøm",
    "3303": "Kongsberg",
    "3436": "Nord-Fron",
    "3442": "Østre Toten",
    "3907": "Sandefjord",
    "3909": "Larvik",
    "4601": "Bergen",
    "4628": "Vaksdal",
}


def read_csv(path: Path, header: list[str]) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: must be UTF-8 without BOM"
    text = raw.decode("utf-8")
    assert text == unicodedata.normalize("NFC", text), f"{path.name}: text must be Unicode NFC"
    reader = csv.DictReader(text.splitlines())
    assert reader.fieldnames == header, f"{path.name}: header {reader.fieldnames} != {header}"
    rows = list(reader)
    for i, row in enumerate(rows, start=2):
        for key, value in row.items():
            assert value is not None and key is not None, f"{path.name}:{i}: wrong number of columns"
            assert value == value.strip(), f"{path.name}:{i}: stray whitespace in {key}={value!r}"
    return rows


def _duplicates(values) -> list:
    return [n for n, c in Counter(values).items() if c > 1]


def check_county_row(row: dict[str, str]) -> None:
    """A county row: its SSB name, its own number as county_number and name as county_name, no population."""
    number = row["number"]
    assert row["name"] == COUNTIES_2024[number], f"county {number}: name {row['name']!r}"
    assert row["county_number"] == number, f"county {number}: county_number {row['county_number']!r}"
    assert row["county_name"] == row["name"], f"county {number}: county_name {row['county_name']!r}"


def check_municipality_row(row: dict[str, str]) -> None:
    """A municipality row: a four-digit number beginning with its county's, a name, a positive population or none."""
    number = row["number"]
    assert len(number) == 4 and number.isdigit(), f"bad municipality number {number!r}"
    assert row["name"], f"{number}: empty name"
    # Oslo 0301 -> 03 falls out of the same rule.
    assert number[:2] == row["county_number"], (
        f"{number} {row['name']}: first two digits != county_number {row['county_number']}"
    )
    assert row["county_number"] in COUNTIES_2024, f"{number}: unknown county {row['county_number']}"
    assert row["county_name"] == COUNTIES_2024[row["county_number"]], (
        f"{number}: county_name {row['county_name']!r}"
    )
    pop = row["population"]
    assert pop == "" or (pop.isdigit() and int(pop) > 0), f"{number}: bad population {pop!r}"


def _check_sizes(rows, municipalities, counties) -> None:
    kinds = {r["kind"] for r in rows}
    assert kinds == {"municipality", "county_municipality"}, f"unexpected kinds: {kinds}"
    assert len(municipalities) == 357, f"expected 357 municipalities, got {len(municipalities)}"
    assert len(counties) == 15, f"expected 15 county rows, got {len(counties)}"
    assert len(rows) == 372, f"expected 372 rows, got {len(rows)}"
    dupes = _duplicates(r["number"] for r in rows)
    assert not dupes, f"duplicate numbers: {dupes}"
    dupe_names = _duplicates(r["name"] for r in municipalities)
    assert not dupe_names, f"duplicate municipality names: {dupe_names}"


def _check_known_rows(municipalities) -> None:
    by_number = {r["number"]: r for r in municipalities}
    for number, name in KNOWN_ROWS.items():
        assert number in by_number, f"missing municipality {number} {name}"
        assert by_number[number]["name"] == name, (
            f"{number}: expected {name!r}, got {by_number[number]['name']!r}"
        )


def _check_county_counts(municipalities) -> None:
    counts = Counter(r["county_number"] for r in municipalities)
    print("Municipalities per county (2024):")
    for number in sorted(COUNTIES_2024):
        expected = EXPECTED_COUNTS_2024[number]
        flag = "" if counts[number] == expected else f"   <-- expected {expected}"
        print(f"  {number} {COUNTIES_2024[number]:<34} {counts[number]:>3}{flag}")
    print(f"  {'total':<37} {sum(counts.values()):>3}")
    assert sum(EXPECTED_COUNTS_2024.values()) == 357
    assert dict(counts) == EXPECTED_COUNTS_2024, "per-county counts differ from the 2024 classification"


def check_municipalities() -> None:
    rows = read_csv(MUNICIPALITIES_CSV, MUNICIPALITY_HEADER)
    municipalities = [r for r in rows if r["kind"] == "municipality"]
    counties = [r for r in rows if r["kind"] == "county_municipality"]
    _check_sizes(rows, municipalities, counties)

    county_rows = {r["number"]: r for r in counties}
    assert set(county_rows) == set(COUNTIES_2024), f"county numbers: {sorted(county_rows)}"
    for row in county_rows.values():
        check_county_row(row)
    for row in municipalities:
        check_municipality_row(row)
    for row in counties:
        assert len(row["number"]) == 2 and row["number"].isdigit(), f"bad county number {row['number']!r}"
        assert row["population"] == "", f"county {row['number']}: population should be empty"

    _check_known_rows(municipalities)
    _check_county_counts(municipalities)
    with_pop = sum(1 for r in municipalities if r["population"])
    print(f"Rows with population filled: {with_pop}")


def check_organisation_row(row: dict[str, str], federations: set[str]) -> None:
    """A known kind, a short and a full name; only a union belongs to a federation, a listed one."""
    assert row["kind"] in ORGANISATION_KINDS, f"{row['short_name']}: bad kind {row['kind']!r}"
    assert row["short_name"] and row["name"], f"empty name in {row}"
    if row["federation"]:
        assert row["kind"] == "union", f"{row['short_name']}: only unions belong to a federation"
        assert row["federation"] in federations, (
            f"{row['short_name']}: unknown federation {row['federation']!r}"
        )


def check_organisations() -> None:
    rows = read_csv(ORGANISATIONS_CSV, ORGANISATION_HEADER)
    short_names = [r["short_name"] for r in rows]
    dupes = _duplicates(short_names)
    assert not dupes, f"duplicate organisation short_name: {dupes}"
    federations = {r["short_name"] for r in rows if r["kind"] == "federation"}
    for row in rows:
        check_organisation_row(row, federations)
    kinds = Counter(r["kind"] for r in rows)
    print("Organisations: " + ", ".join(f"{k} {kinds[k]}" for k in sorted(kinds)))
    assert kinds["employer"] >= 1 and "KS" in short_names, "KS missing"


def check_history() -> None:
    """Every former name points to a row of today's register and is not a current name itself."""
    register = {r["number"]: r["name"] for r in read_csv(MUNICIPALITIES_CSV, MUNICIPALITY_HEADER)}
    current = {name.split(" - ")[0] for name in register.values()}
    rows = read_csv(HISTORY_CSV, HISTORY_HEADER)
    for row in rows:
        assert register.get(row["new_number"]) == row["new_name"], f"{row}: not in the 2024 register"
        assert row["old_name"] not in current, f"{row['old_name']} is still a current name"
        assert 2002 <= int(row["year"]) <= 2024, f"{row}: year out of range"
    print(f"Former names: {len({r['old_name'] for r in rows})}")


def main() -> int:
    try:
        check_municipalities()
        check_organisations()
        check_history()
    except AssertionError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print("register OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
