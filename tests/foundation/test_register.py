"""The reference register: loaded by a data migration, refreshed idempotently by ``load_register``."""
from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from municipalities.models import Municipality, Organisation
from municipalities.register import MUNICIPALITIES_CSV, ORGANISATIONS_CSV

pytestmark = pytest.mark.django_db


def run_load_register() -> list[str]:
    out = StringIO()
    call_command("load_register", stdout=out)
    return out.getvalue().splitlines()


def test_migration_loaded_357_municipalities_and_15_county_municipalities():
    assert Municipality.objects.filter(kind=Municipality.Kind.MUNICIPALITY).count() == 357
    assert Municipality.objects.filter(kind=Municipality.Kind.COUNTY).count() == 15
    assert Municipality.objects.count() == 372
    assert Municipality.objects.municipalities().count() == 357


@pytest.mark.parametrize(
    "number, name, kind, county",
    [("4628", "Vaksdal", "municipality", "46"), ("3105", "Sarpsborg", "municipality", "31"),
     ("3205", "Lillestrøm", "municipality", "32"), ("0301", "Oslo", "municipality", "03"),
     ("03", "Oslo", "county_municipality", "03"), ("46", "Vestland", "county_municipality", "46")],
)
def test_register_rows(number, name, kind, county):
    row = Municipality.objects.get(number=number)
    assert (row.name, row.kind, row.county_number) == (name, kind, county)


def test_every_municipality_belongs_to_a_registered_county():
    counties = set(Municipality.objects.filter(kind="county_municipality").values_list("number", flat=True))
    assert set(Municipality.objects.values_list("county_number", flat=True)) == counties


def test_organisations_are_loaded_with_their_federations():
    rows = ORGANISATIONS_CSV.read_text(encoding="utf-8").strip().splitlines()[1:]
    assert Organisation.objects.filter(short_name__in=[r.split(",")[0] for r in rows]).count() == len(rows) == 33
    assert Organisation.objects.get(short_name="Fagforbundet").federation.short_name == "LO Kommune"
    assert Organisation.objects.get(short_name="Naturviterne").federation.short_name == "Akademikerne"
    assert Organisation.objects.get(short_name="AP").kind == Organisation.Kind.PARTY


def test_load_register_is_idempotent():
    assert run_load_register() == [
        "municipalities: 0 inserted, 0 updated, 372 unchanged",
        "organisations: 0 inserted, 0 updated, 33 unchanged",
    ]
    assert run_load_register() == [
        "municipalities: 0 inserted, 0 updated, 372 unchanged",
        "organisations: 0 inserted, 0 updated, 33 unchanged",
    ]
    assert Municipality.objects.count() == 372


def test_load_register_repairs_changed_and_missing_rows():
    Municipality.objects.filter(number="4628").update(name="Vaksdal kommune", county_name="Hordaland")
    Municipality.objects.filter(number="1505").delete()
    Organisation.objects.filter(short_name="Delta").update(name="Feil namn")
    assert run_load_register() == [
        "municipalities: 1 inserted, 1 updated, 370 unchanged",
        "organisations: 0 inserted, 1 updated, 32 unchanged",
    ]
    assert Municipality.objects.get(number="4628").name == "Vaksdal"
    assert Municipality.objects.filter(number="1505").exists()
    assert run_load_register()[0] == "municipalities: 0 inserted, 0 updated, 372 unchanged"


def test_load_register_keeps_a_population_somebody_added():
    blank = next(
        line.split(",")[0] for line in MUNICIPALITIES_CSV.read_text(encoding="utf-8").splitlines()[1:]
        if line.endswith(",")
    )
    Municipality.objects.filter(number=blank).update(population=1234)
    assert run_load_register()[0] == "municipalities: 0 inserted, 0 updated, 372 unchanged"
    assert Municipality.objects.get(number=blank).population == 1234
