"""``manage.py harvest``: the JSON contract of ``import_protocol --json`` plus the source ids."""
from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from harvest.models import HarvestRun
from meetings.models import Meeting

from .fake_einnsyn import load


def harvest(*args) -> dict:
    out = StringIO()
    call_command("harvest", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_json_output_dry_run_then_harvest_then_nothing_changes(einnsyn, source):
    dry = harvest("--source", str(source.pk), "--dry-run")
    assert set(dry) == {"sources", "meetings", "counts", "conflicts", "warnings", "errors", "runs"}
    assert dry["sources"] == [source.pk] and len(dry["meetings"]) == 3
    assert [m["date"] for m in dry["meetings"]] == ["2025-02-04", "2025-03-11", "2025-05-20"]
    assert Meeting.objects.count() == 0
    first = harvest("--municipality", "4628")
    assert first["runs"] == [{"source": source.pk, "run": first["runs"][0]["run"], "status": "done",
                              "added": 3, "updated": 0, "skipped": 0}]
    assert first["counts"]["inserted"] > 0 and Meeting.objects.count() == 3
    again = harvest("--source", str(source.pk), "--since", "2025-01-01")
    assert again["counts"] == {"inserted": 0, "updated": 0, "unchanged": 3}
    assert again["runs"][0]["skipped"] == 3 and again["errors"] == []


def test_errors_name_the_source_and_the_record(einnsyn, source):
    einnsyn.add(load("malformed.json"))
    out = harvest()
    assert out["errors"] == [{"source": source.pk, "id": "mm_01jb0adm2025feb20ugyldig00",
                              "message": "moetedato is not a date: 'neste tysdag'"}]


def test_bad_arguments_are_clear_errors(db, source):
    with pytest.raises(CommandError, match="Unknown municipality number: 9999"):
        call_command("harvest", "--municipality", "9999")
    with pytest.raises(CommandError, match="No such source: 424242"):
        call_command("harvest", "--source", "424242")
    with pytest.raises(CommandError, match="Not a date"):
        call_command("harvest", "--since", "i går")
    assert HarvestRun.objects.count() == 0
