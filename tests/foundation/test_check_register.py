"""The rules of the shipped register's check (``municipalities/data/check_register.py``), one
table each, and the check over the shipped files. Plain Python: no database."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "municipalities" / "data" / "check_register.py"
_SPEC = importlib.util.spec_from_file_location("check_register", _PATH)
check_register = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_register)


def _municipality(**values):
    return {"number": "4628", "name": "Vaksdal", "kind": "municipality", "county_number": "46",
            "county_name": "Vestland", "population": "3947", **values}


@pytest.mark.parametrize(("changes", "error"), [
    ({}, None),
    ({"population": ""}, None),
    ({"number": "0301", "name": "Oslo", "county_number": "03", "county_name": "Oslo"}, None),
    ({"number": "462"}, "bad municipality number '462'"),
    ({"number": "46x8"}, "bad municipality number '46x8'"),
    ({"name": ""}, "4628: empty name"),
    ({"county_number": "11"}, "4628 Vaksdal: first two digits != county_number 11"),
    ({"number": "9901", "county_number": "99"}, "9901: unknown county 99"),
    ({"county_name": "Hordaland"}, "4628: county_name 'Hordaland'"),
    ({"population": "0"}, "4628: bad population '0'"),
    ({"population": "3 947"}, "4628: bad population '3 947'"),
])
def test_municipality_row(changes, error):
    _expect(check_register.check_municipality_row, (_municipality(**changes),), error)


def _county(**values):
    return {"number": "46", "name": "Vestland", "kind": "county_municipality", "county_number": "46",
            "county_name": "Vestland", "population": "", **values}


@pytest.mark.parametrize(("changes", "error"), [
    ({}, None),
    ({"name": "Hordaland", "county_name": "Hordaland"}, "county 46: name 'Hordaland'"),
    ({"county_number": "47"}, "county 46: county_number '47'"),
    ({"county_name": "Vest"}, "county 46: county_name 'Vest'"),
])
def test_county_row(changes, error):
    _expect(check_register.check_county_row, (_county(**changes),), error)


FEDERATIONS = {"LO", "Unio"}


@pytest.mark.parametrize(("row", "error"), [
    ({"short_name": "Fagforbundet", "name": "Fagforbundet", "kind": "union", "federation": "LO"}, None),
    ({"short_name": "AP", "name": "Arbeiderpartiet", "kind": "party", "federation": ""}, None),
    ({"short_name": "X", "name": "X", "kind": "club", "federation": ""}, "X: bad kind 'club'"),
    ({"short_name": "", "name": "X", "kind": "party", "federation": ""}, "empty name in"),
    ({"short_name": "AP", "name": "Arbeiderpartiet", "kind": "party", "federation": "LO"},
     "AP: only unions belong to a federation"),
    ({"short_name": "FO", "name": "FO", "kind": "union", "federation": "YS"}, "FO: unknown federation 'YS'"),
])
def test_organisation_row(row, error):
    _expect(check_register.check_organisation_row, (row, FEDERATIONS), error)


def _expect(rule, args, error):
    if error is None:
        rule(*args)
        return
    with pytest.raises(AssertionError) as raised:
        rule(*args)
    assert str(raised.value).startswith(error), str(raised.value)


def test_the_shipped_register_passes(capsys):
    assert check_register.main() == 0
    out = capsys.readouterr().out
    assert out.endswith("register OK\n")
    assert "  total                                 357\n" in out
