"""Harvest meeting records from eInnsyn now, in this process.

    python manage.py harvest [--municipality KNR] [--source ID] [--since DATE] [--dry-run] [--json]
    python manage.py harvest --schedule     # queue the nightly run of every active source

Without ``--municipality``/``--source`` every active source is harvested. ``--since`` harvests
meetings updated since that date, whatever the cursor says. ``--json`` prints the same object as
``import_protocol --json`` plus ``sources`` (the source ids) and ``runs`` (per source: its run's
status and added/updated/skipped meetings, and the errors).
"""
from __future__ import annotations

import datetime
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from harvest.models import Source
from harvest.tasks import run_source, schedule
from imports.management.output import dumps, write_summary
from municipalities.models import Municipality


class Command(BaseCommand):
    help = "Harvest meeting records from eInnsyn for the configured sources."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="kommunenummer, e.g. 4628")
        parser.add_argument("--source", type=int, help="the id of one source")
        parser.add_argument("--since", help="harvest meetings updated since this date (YYYY-MM-DD), ignoring the cursor")
        parser.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
        parser.add_argument("--json", action="store_true", help="print one JSON object and nothing else on stdout")
        parser.add_argument("--schedule", action="store_true", help="queue the nightly run of every active source")

    def handle(self, *args, municipality=None, source=None, since=None, dry_run=False, json=False,
               schedule=False, **options):
        sources = self._sources(municipality, source)
        if schedule:
            return self._schedule(sources)
        output = harvest_sources(sources, since=_since(since) if since else None, dry_run=dry_run)
        if json:
            self.stdout.write(dumps(output))
            return
        for row in output["runs"]:
            self.stdout.write(
                f"source {row['source']}: {row['status']}, {row['added']} added, {row['updated']} updated, "
                f"{row['skipped']} unchanged"
            )
        write_summary(self, output, dry_run, "Harvested:")
        for error in output["errors"]:
            self.stderr.write(f"error: source {error['source']}: {error['id'] or '-'}: {error['message']}")

    def _sources(self, municipality, source) -> list[Source]:
        sources = Source.objects.select_related("municipality", "body").order_by("pk")
        if municipality:
            if not Municipality.objects.filter(number=municipality).exists():
                raise CommandError(f"Unknown municipality number: {municipality}")
            sources = sources.filter(municipality=municipality)
        if source is not None:
            sources = sources.filter(pk=source)
            if not sources.exists():
                raise CommandError(f"No such source: {source}")
        elif not municipality:
            sources = sources.filter(active=True)
        return list(sources)

    def _schedule(self, sources) -> None:
        for chosen in sources:
            when = schedule(chosen)
            if when:
                Source.objects.filter(pk=chosen.pk).update(next_run_at=when)
            self.stdout.write(f"source {chosen.pk}: next run {when or 'not queued (the task backend cannot defer)'}")


def _since(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from None


def harvest_sources(sources: list[Source], *, since: str | None, dry_run: bool) -> dict:
    """Run each source now; one output object for them all (a source another worker holds is "busy")."""
    output = {"sources": [s.pk for s in sources], "meetings": [], "counts": Counter(), "conflicts": [],
              "warnings": [], "errors": [], "runs": []}
    for chosen in sources:
        run = run_source(chosen.pk, since=since, dry_run=dry_run)
        if run is None:
            output["runs"].append({"source": chosen.pk, "status": "busy", "added": 0, "updated": 0, "skipped": 0})
            output["warnings"].append(f"Source {chosen.pk} is being harvested by another worker; skipped.")
            continue
        part = run.outcome.as_dict()
        output["counts"].update(part["counts"])
        for key in ("meetings", "conflicts", "warnings"):
            output[key].extend(part[key])
        output["errors"].extend({"source": chosen.pk, **error} for error in part["errors"])
        output["runs"].append({"source": chosen.pk, "run": run.pk, "status": run.status, **part["harvest"]})
    output["counts"] = {k: output["counts"].get(k, 0) for k in ("inserted", "updated", "unchanged")}
    return output
