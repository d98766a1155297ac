"""Import meeting documents from the command line.

    python manage.py import_protocol FILE [FILE ...] --municipality 4628 [--body NAME] [--publish] [--dry-run] [--json]

Meetings are saved as drafts unless ``--publish`` is given.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from imports.importing import (
    apply_preview,
    preview_sources,
    resolve_body,
    store_document,
    undated_meetings,
)
from imports.management.output import dumps, write_summary
from imports.parsers.errors import MAX_BYTES, ProtocolImportError
from imports.parsers.isolation import parse_isolated
from imports.tasks import parse_budget
from municipalities.models import Body, Municipality


class Command(BaseCommand):
    help = "Import meeting protocols or notices (PDF, scanned PDFs read by OCR, or text) into a municipality, as drafts."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="PDF or .txt files")
        parser.add_argument("--municipality", required=True, help="kommunenummer, e.g. 4628")
        parser.add_argument("--body", help="the body's name; created if the municipality has none by that name")
        parser.add_argument("--publish", action="store_true", help="publish the meetings (default: save them as drafts)")
        parser.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
        parser.add_argument("--json", action="store_true", help="print one JSON object and nothing else on stdout")

    def handle(self, *args, files, municipality, body, dry_run, json: bool, publish: bool = False, **options):
        target = Municipality.objects.filter(number=municipality).first()
        if target is None:
            raise CommandError(f"Unknown municipality number: {municipality}")
        sources = [(self._read(path), Path(path).name) for path in files]
        try:
            with transaction.atomic():
                chosen = self._body(target, body)
                documents = [None] * len(sources) if dry_run else [
                    store_document(data, name, target) for data, name in sources
                ]
                preview = preview_sources(
                    [(data, name, doc) for (data, name), doc in zip(sources, documents)], target, chosen,
                    parse=partial(parse_isolated, budget=parse_budget()),
                )
                for entry in preview["meetings"]:
                    entry["publish"] = publish
                if dry_run:
                    # a dry run shows undated meetings but can only try to apply the dated ones
                    for entry in undated_meetings(preview):
                        entry["include"] = False
                result = apply_preview(preview, target)
                if dry_run:
                    transaction.set_rollback(True)
        except ProtocolImportError as error:
            raise CommandError(error.message) from error
        output = _output(preview, result)
        if json:
            self.stdout.write(dumps(output))
            return
        for entry in preview["meetings"]:
            data = entry["data"]
            self.stdout.write(f"{data['date']} {data['body']}: {data['state']}, {len(data['items'])} items")
        write_summary(self, output, dry_run, "Imported:")

    def _read(self, path: str) -> bytes:
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        if file.stat().st_size > MAX_BYTES:
            raise CommandError(ProtocolImportError("too_large").message)
        return file.read_bytes()

    def _body(self, municipality: Municipality, name: str | None) -> Body | None:
        if not name:
            return None
        bodies = list(Body.objects.filter(municipality=municipality))
        found = resolve_body(name, municipality, bodies)
        if found:
            return found
        return Body.objects.create(municipality=municipality, name=name)


def _output(preview: dict, result) -> dict:
    """The --json object: the meetings as read, the counts, conflicts and warnings."""
    return {
        "meetings": [entry["data"] for entry in preview["meetings"]],
        "counts": result.as_dict()["counts"],
        "conflicts": result.conflicts,
        "warnings": preview["warnings"] + [w for entry in preview["meetings"] for w in entry["warnings"]],
    }
