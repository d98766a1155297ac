"""Load the shipped reference data: the municipality register and the organisations."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
MUNICIPALITIES_CSV = DATA_DIR / "municipalities_2024.csv"
ORGANISATIONS_CSV = DATA_DIR / "organisations.csv"
WRITTEN_STANDARD_CSV = DATA_DIR / "written_standard.csv"
HISTORY_CSV = DATA_DIR / "municipality_history.csv"


@dataclass
class LoadReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_municipalities(Municipality) -> LoadReport:
    """Insert or update every register row, keyed on the municipality number (idempotent)."""
    report = LoadReport()
    existing = {m.number: m for m in Municipality.objects.all()}
    # the written standard exists from migration 0003 on; 0002 loads the register without it
    standards = _written_standards() if _has_field(Municipality, "written_standard") else None
    for row in _read(MUNICIPALITIES_CSV):
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "county_number": row["county_number"],
            "county_name": row["county_name"],
            "population": int(row["population"]) if row["population"] else None,
        }
        if standards is not None:
            values["written_standard"] = standards.get(row["number"], "nb")
        current = existing.get(row["number"])
        if current is None:
            Municipality.objects.create(number=row["number"], **values)
            report.inserted += 1
            continue
        if values["population"] is None:
            values["population"] = current.population  # keep a figure somebody added
        changed = {k: v for k, v in values.items() if getattr(current, k) != v}
        if changed:
            Municipality.objects.filter(pk=current.pk).update(**changed)
            report.updated += 1
        else:
            report.unchanged += 1
    return report


def _has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


def _written_standards() -> dict[str, str]:
    """Municipality number -> written standard (målform) for those listed; the rest write bokmål."""
    return {row["number"]: row["written_standard"] for row in _read(WRITTEN_STANDARD_CSV)}


def load_written_standards(Municipality) -> int:
    """Set the written standard (målform) of the listed municipalities (migration 0003). Returns
    how many rows were changed."""
    changed = 0
    for number, standard in _written_standards().items():
        changed += Municipality.objects.filter(number=number).exclude(written_standard=standard).update(
            written_standard=standard
        )
    return changed


def load_organisations(Organisation) -> LoadReport:
    report = LoadReport()
    rows = _read(ORGANISATIONS_CSV)
    for row in rows:  # federations first, so unions can point to them
        obj, created = Organisation.objects.get_or_create(
            short_name=row["short_name"], defaults={"name": row["name"], "kind": row["kind"]}
        )
        if created:
            report.inserted += 1
        elif (obj.name, obj.kind) != (row["name"], row["kind"]):
            obj.name, obj.kind = row["name"], row["kind"]
            obj.save(update_fields=["name", "kind"])
            report.updated += 1
        else:
            report.unchanged += 1
    by_short = {o.short_name: o for o in Organisation.objects.all()}
    for row in rows:
        federation = by_short.get(row["federation"]) if row["federation"] else None
        org = by_short[row["short_name"]]
        if org.federation_id != (federation.pk if federation else None):
            org.federation = federation
            org.save(update_fields=["federation"])
    return report


@dataclass(frozen=True)
class FormerName:
    """A municipality or county name that a merger (2002-2024) replaced."""

    old_name: str
    new_number: str
    new_name: str
    year: int


@lru_cache(maxsize=1)
def former_names() -> tuple[FormerName, ...]:
    """Former municipality and county names and the register row that holds them today."""
    return tuple(
        FormerName(row["old_name"], row["new_number"], row["new_name"], int(row["year"]))
        for row in _read(HISTORY_CSV)
    )
