"""Harvest one source: list the meetings changed since the cursor, fetch, map, save.

Each meeting is saved through the importer (:func:`imports.building.preview_sources` with the
mapped records as the "parse", then :func:`imports.applying.apply_preview`), so a harvested
meeting gets the importer's guarantees: matched on natural keys, counted, never overwriting a
value a person corrected (reported as a conflict), a draft unless the source publishes, every
item classified. One transaction per meeting holds the meeting, its eInnsyn ids
(:class:`~harvest.models.HarvestedRecord`) and the source's cursor, so a run that stops (a crash,
a lost worker, eInnsyn down) leaves whole meetings and resumes after the last one it saved.

A record that cannot be read is logged with its id, reported in the run's errors and skipped;
a request that still fails after the client's retries ends the run (the cursor stays). A meeting
whose save meets a passing database error (a lock wait that timed out, a deadlock, a dropped
connection) is tried once more on a fresh connection, without fetching from eInnsyn again; a
second failure ends the run as failed.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from django.db import connection, transaction
from django.utils import timezone

from imports.applying import apply_preview
from imports.building import preview_sources
from imports.parsers.errors import ProtocolImportError
from imports.parsers.isolation import parse_isolated
from imports.parsers.types import ParsedDocument, ParsedMeeting
from imports.preview import Preview
from imports.storing import store_document
from imports.tasks import parse_budget
from meetings.models import AgendaItem, Meeting, Proposal
from partssamarbeid.database import DATABASE_ERRORS, reconnecting

from .client import Client, EinnsynError
from .mapping import MalformedRecord, map_meeting, meeting_documents, merge
from .models import HarvestedRecord, HarvestRun, Source

logger = logging.getLogger(__name__)

#: how often one meeting is tried when the database fails under it
DATABASE_ATTEMPTS = 2


class Stop(Exception):
    """End the run now (eInnsyn failed for good); what was saved stays, the cursor too."""


@dataclass
class Outcome:
    """What one run did: the shape of ``import_protocol --json`` plus the source ids."""

    counts: Counter = field(default_factory=Counter)  # rows: inserted / updated / unchanged
    meetings: list[dict] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    skipped: int = 0

    def as_dict(self) -> dict:
        return {
            "meetings": self.meetings,
            "counts": {k: self.counts.get(k, 0) for k in ("inserted", "updated", "unchanged")},
            "conflicts": self.conflicts,
            "warnings": self.warnings,
            "errors": self.errors,
            "harvest": {"added": self.added, "updated": self.updated, "skipped": self.skipped},
        }


def checksum(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def hit_key(hit) -> tuple[str | None, str]:
    """A search hit's id and its cursor ("oppdatertDato,id")."""
    if isinstance(hit, str):
        return hit, ""
    if isinstance(hit, dict) and isinstance(hit.get("id"), str):
        updated = hit.get("oppdatertDato") if isinstance(hit.get("oppdatertDato"), str) else ""
        return hit["id"], f"{updated},{hit['id']}" if updated else ""
    return None, ""


def list_meetings(source: Source, client: Client, *, since: str | None = None, limit: int = 25,
                  starting_after: str | None = None):
    """Yield ``(hit, cursor)`` for every meeting changed since the cursor (or ``since``), page by page."""
    page = client.search_meetings(
        source.utvalg_ids, updated_from=since, starting_after=None if since else (starting_after or None), limit=limit
    )
    while True:
        yield from page.items
        if not page.next:
            return
        if not page.next.startswith(client.base_url):
            raise EinnsynError("the next page is on another server", url=page.next)
        page = client.next_page(page.next)


def preview_connection(source: Source, client: Client | None = None, limit: int = 10) -> dict:
    """What a harvest would fetch: the organisation and the first meetings. Writes nothing."""
    client = client or Client()
    enhet = client.enhet(source.enhet_id)
    meetings = []
    for hit in list_meetings(source, client, since=source.since.isoformat() if source.since else None, limit=limit):
        if isinstance(hit, dict):
            meetings.append({
                "id": hit.get("id"), "title": hit.get("offentligTittel") or "", "body": hit.get("utvalg") or "",
                "date": (hit.get("moetedato") or "")[:10], "updated": (hit.get("oppdatertDato") or "")[:10],
            })
        if len(meetings) >= limit:
            break
    return {"enhet": enhet.get("navn") if isinstance(enhet, dict) else None, "meetings": meetings}


def harvest(source: Source, run: HarvestRun, *, client: Client | None = None, since: str | None = None,
            dry_run: bool = False, renew=lambda: None, parse=None) -> Outcome:
    """Harvest ``source`` into ``run`` (saved as it goes). ``since`` ignores the cursor."""
    client = client or Client()
    parse = parse or partial(parse_isolated, budget=parse_budget())
    outcome = Outcome()
    if not since and not source.cursor and source.since:
        since = source.since.isoformat()
    try:
        for hit in list_meetings(source, client, since=since, starting_after=source.cursor):
            _harvest_hit(source, run, hit, client, parse, outcome, dry_run)
            reconnecting(renew)
    except EinnsynError as error:
        logger.warning("harvest of source %s stopped: %s", source.pk, error)
        outcome.errors.append({"id": "", "message": str(error)})
        run.status = HarvestRun.Status.FAILED
    except DATABASE_ERRORS as error:
        logger.exception("harvest of source %s stopped: the database failed", source.pk)
        outcome.errors.append({"id": "", "message": f"database: {type(error).__name__}"})
        run.status = HarvestRun.Status.FAILED
        _fresh_connection()
    else:
        run.status = HarvestRun.Status.DONE
    reconnecting(lambda: _save_run(run, outcome, finished=True))
    return outcome


def _fresh_connection() -> None:
    """Drop a connection a database error may have left unusable (outside a transaction only)."""
    if not connection.in_atomic_block:
        connection.close()


def _retrying(source: Source, step):
    """``step()``, once more on a fresh connection after a passing database error. Only the
    database steps of a meeting are retried: what was fetched from eInnsyn is not fetched again."""
    for attempt in range(1, DATABASE_ATTEMPTS + 1):
        try:
            return step()
        except DATABASE_ERRORS:
            if attempt == DATABASE_ATTEMPTS or connection.needs_rollback:  # a broken outer transaction
                raise
            logger.warning("harvest of source %s: database error, trying the step again", source.pk, exc_info=True)
            _fresh_connection()


def _harvest_hit(source, run, hit, client, parse, outcome: Outcome, dry_run: bool) -> None:
    record_id, cursor = hit_key(hit)
    if record_id is None:
        _error(outcome, "?", "a search hit without an id")
        return
    try:
        _fetch_and_save(source, record_id, cursor, client, parse, outcome, dry_run)
    except MalformedRecord as error:
        _error(outcome, error.record_id, error.message)
    except ProtocolImportError as error:
        _error(outcome, record_id, error.message)
    except (EinnsynError, *DATABASE_ERRORS):
        raise
    except Exception as error:  # noqa: BLE001 - an unexpected record must not end the run
        logger.exception("eInnsyn record %s could not be saved", record_id)
        _error(outcome, record_id, f"unexpected: {type(error).__name__}")
    _retrying(source, lambda: _advance(source, run, cursor, outcome, dry_run))


def _advance(source: Source, run: HarvestRun, cursor: str, outcome: Outcome, dry_run: bool) -> None:
    """Move the source's cursor past the meeting and save the run's progress."""
    if not dry_run and cursor:
        Source.objects.filter(pk=source.pk).update(cursor=cursor)
        source.cursor = cursor
    run.cursor_to = cursor or run.cursor_to
    _save_run(run, outcome)


def _fetch_and_save(source, record_id: str, cursor: str, client, parse, outcome: Outcome, dry_run: bool) -> None:
    known = _retrying(source, lambda: HarvestedRecord.objects.filter(
        source=source, einnsyn_id=record_id, kind="Moetemappe").select_related("meeting").first())
    updated = cursor.split(",", 1)[0] if cursor else ""
    if known and updated and known.updated == updated:
        _unchanged(outcome)
        return
    record = client.meeting(record_id)  # EinnsynError ends the run: the cursor stays
    digest = checksum(record)
    if known and known.checksum == digest:
        _unchanged(outcome)
        if not dry_run:
            _retrying(source, lambda: HarvestedRecord.objects.filter(pk=known.pk).update(
                updated=record.get("oppdatertDato") or ""))
        return
    structured, totals = map_meeting(record)
    data, stored, parsed = _document(source, record, client, parse, dry_run, outcome)
    document = _harvested_document(merge(structured, parsed), parsed)
    moved, result, preview = _retrying(
        source, lambda: _save_meeting(source, record, known, (data, stored, document), totals, digest, dry_run))
    outcome.warnings.extend(moved)
    _tally(outcome, result, preview)


def _error(outcome: Outcome, record_id: str, message: str) -> None:
    logger.warning("eInnsyn record %s skipped: %s", record_id, message)
    outcome.errors.append({"id": record_id, "message": message})


def _document(source: Source, record: dict, client: Client, parse, dry_run: bool, outcome: Outcome):
    """The meeting's protocol (else notice), downloaded, stored and parsed; None if there is none."""
    for _kind, filename, url in meeting_documents(record):
        try:
            data = client.document(url)
        except EinnsynError as error:
            outcome.warnings.append(f"{record['id']}: the document {filename} could not be fetched ({error}).")
            return None, None, None
        stored = None if dry_run else _retrying(source, partial(store_document, data, filename, source.municipality))
        return data, stored, parse(data, filename)
    return None, None, None


def _unchanged(outcome: Outcome) -> None:
    outcome.skipped += 1
    outcome.counts["unchanged"] += 1


def _harvested_document(meeting: ParsedMeeting, parsed: ParsedDocument | None) -> ParsedDocument:
    """The merged meeting as the importer's document: the parsed file's family, pages and warnings
    when there was one, else an "einnsyn" document."""
    if parsed is None:
        return ParsedDocument(meetings=[meeting], family="einnsyn", pages=0, warnings=[])
    return ParsedDocument(meetings=[meeting], family=parsed.family, pages=parsed.pages, warnings=list(parsed.warnings))


def saved_as(updating: bool, counts: dict) -> str:
    """How a saved meeting counts in the run: "added" when new, "updated" when a row was inserted
    or updated in it, else "skipped"."""
    if not updating:
        return "added"
    if counts["inserted"] or counts["updated"]:
        return "updated"
    return "skipped"


def _save_meeting(source, record, known, fetched, totals, digest: str, dry_run: bool):
    """One transaction: the meeting through the importer and its eInnsyn ids. Returns the move
    warnings, the importer's result and its preview; writes nothing to the outcome, so a retried
    save is not counted twice."""
    data, stored, document = fetched
    moved = []
    with transaction.atomic():
        if known and known.meeting.date != document.meetings[0].date:
            moved = _move(known.meeting, document.meetings[0].date)
        preview = preview_sources(
            [(data or json.dumps(record).encode(), stored.filename if stored else f"{record['id']}.json", stored)],
            source.municipality, source.body, parse=lambda *_: document,
        )
        for entry in preview.meetings:
            entry.publish = source.publish_harvested
        result = apply_preview(preview, source.municipality)
        saved = Meeting.objects.get(pk=result.meeting_ids[0])
        _abstentions(saved, totals)
        if not dry_run:
            _remember(source, record, saved, digest)
        else:
            transaction.set_rollback(True)
    return moved, result, preview


def _tally(outcome: Outcome, result, preview: Preview) -> None:
    counts = result.as_dict()["counts"]
    outcome.counts.update(counts)
    kind = saved_as(result.updating, counts)
    setattr(outcome, kind, getattr(outcome, kind) + 1)
    outcome.conflicts.extend(result.conflicts)
    outcome.warnings.extend(preview.all_warnings())
    outcome.meetings.extend(e.data.to_json() for e in preview.meetings)


def _move(meeting: Meeting, day) -> list[str]:
    """eInnsyn moved the meeting to another date: the eInnsyn id, not the date, says which it is."""
    if Meeting.objects.filter(body=meeting.body, date=day).exclude(pk=meeting.pk).exists():
        return [f"{meeting}: moved to {day:%d.%m.%Y}, where the body already has a meeting."]
    Meeting.objects.filter(pk=meeting.pk).update(date=day)
    return [f"{meeting}: moved to {day:%d.%m.%Y} in eInnsyn."]


def _abstentions(meeting: Meeting, totals: dict) -> None:
    """Blank votes (the importer's proposals carry for and against only) on the voted proposal."""
    for (kind, number), counted in totals.items():
        Proposal.objects.filter(
            item__meeting=meeting, item__item_type=kind, item__case_number=number, position=1,
            votes_for=counted["for"], votes_against=counted["against"],
        ).exclude(votes_abstaining=counted["blank"]).update(votes_abstaining=counted["blank"])


def _remember(source: Source, record: dict, meeting: Meeting, digest: str) -> None:
    """The eInnsyn ids of the meeting, its items and their decisions, and the version written."""
    def keep(einnsyn_id, kind, item=None, updated="", checksum=""):
        HarvestedRecord.objects.update_or_create(
            source=source, einnsyn_id=einnsyn_id,
            defaults={"kind": kind, "meeting": meeting, "item": item, "updated": updated, "checksum": checksum},
        )

    keep(record["id"], "Moetemappe", updated=record.get("oppdatertDato") or "", checksum=digest)
    items = {(i.item_type, i.case_number): i for i in AgendaItem.objects.filter(meeting=meeting).exclude(case_number="")}
    by_title = {i.title: i for i in AgendaItem.objects.filter(meeting=meeting)}
    structured, _totals = map_meeting(record)
    for case, item_data in zip(record.get("moetesak") or [], structured.items):
        item = items.get((item_data.type, item_data.case_number)) or by_title.get(item_data.title)
        if item is None or not isinstance(case, dict):
            continue
        keep(case["id"], "Moetesak", item=item, updated=case.get("oppdatertDato") or "")
        decision = case.get("vedtak")
        if isinstance(decision, dict) and decision.get("id"):
            keep(decision["id"], "Vedtak", item=item)


def _save_run(run: HarvestRun, outcome: Outcome, finished: bool = False) -> None:
    if run.dry_run and not run.pk:
        return
    run.added, run.updated, run.skipped = outcome.added, outcome.updated, outcome.skipped
    run.meetings = outcome.added + outcome.updated + outcome.skipped
    run.conflicts, run.warnings, run.errors = outcome.conflicts[-200:], outcome.warnings[-200:], outcome.errors[-200:]
    if finished:
        run.finished_at = timezone.now()
    if run.pk:
        run.save()
