"""Requests raised in a meeting, and the later agenda items they produced.

A request is matched on its text (earlier imports kept the speaker at its start); one that asked
for a case is linked to the item it produced, named by case number in the document or found
later by subject (:func:`link_pending_requests`).
"""
from __future__ import annotations

import datetime

from meetings.models import AgendaItem, Meeting, Request
from municipalities.models import Municipality, Person

from .changes import ImportResult
from .parsers.agenda_requests import request_subject, subject_score
from .parsers.pipeline import LINK_THRESHOLD
from .preview import RequestPreview
from .resolving import normalise, resolve_organisation


def _resulting_item(meeting: Meeting, case_number: str | None) -> AgendaItem | None:
    """The item of a later meeting of the body with the case number the request names."""
    if not case_number:
        return None
    return (
        AgendaItem.objects.filter(meeting__body=meeting.body, case_number=case_number, meeting__date__gte=meeting.date)
        .exclude(meeting=meeting).order_by("meeting__date").first()
    )


def apply_requests(meeting: Meeting, rows: list[RequestPreview], orgs, result: ImportResult) -> None:
    people = {normalise(p.name): p for p in Person.objects.filter(municipality=meeting.body.municipality)}
    for row in rows:
        text = row.text.strip()
        if not text:
            continue
        # earlier imports kept the speaker at the start of the text ("Name (Org) ber om ...")
        existing = Request.objects.filter(meeting=meeting, text__endswith=text).first()
        resulting = _resulting_item(meeting, row.resulting_case_number)
        if existing:
            _link_existing(existing, resulting, result)
            continue
        person = people.get(normalise(row.by))
        Request.objects.create(
            meeting=meeting,
            person=person,
            by_name="" if person else (row.by or "?")[:200],
            organisation=resolve_organisation(row.organisation, orgs),
            text=text,
            asks_for_agenda_item=bool(row.asks_for_agenda_item or row.resulting_case_number),
            resulting_item=resulting,
            imported=True,
        )
        result.counts["inserted"] += 1


def _link_existing(existing: Request, resulting: AgendaItem | None, result: ImportResult) -> None:
    if resulting and existing.resulting_item_id is None:
        existing.resulting_item = resulting
        existing.save(update_fields=["resulting_item"])
        result.counts["updated"] += 1
    else:
        result.counts["unchanged"] += 1


def link_pending_requests(municipality: Municipality) -> int:
    """Link requests that asked for a case to the later item they produced, once it exists.

    Uses the same subject matching as the parser does within one document, so a request in one
    file finds its item when a later file is imported. The candidates of every body with pending
    requests are read in one query (not one per request); each request looks at the first 200
    non-procedural items of its body after its meeting, in date and agenda order.
    """
    pending = [
        (request, subject)
        for request in Request.objects.filter(
            meeting__body__municipality=municipality, asks_for_agenda_item=True, resulting_item__isnull=True
        ).select_related("meeting")
        if (subject := request_subject(request.text))
    ]
    if not pending:
        return 0
    candidates: dict[int, list[tuple[datetime.date, int, str]]] = {}
    for pk, title, body_id, day in (
        AgendaItem.objects.filter(
            meeting__body_id__in={request.meeting.body_id for request, _subject in pending},
            meeting__date__gt=min(request.meeting.date for request, _subject in pending),
            procedural=False,
        )
        .order_by("meeting__date", "position")
        .values_list("pk", "title", "meeting__body_id", "meeting__date")
    ):
        candidates.setdefault(body_id, []).append((day, pk, title))
    linked = 0
    for request, subject in pending:
        later = [(pk, title) for day, pk, title in candidates.get(request.meeting.body_id, []) if day > request.meeting.date]
        scored = [(subject_score(subject, title), pk) for pk, title in later[:200]]
        best = max((pair for pair in scored if pair[0] >= LINK_THRESHOLD), key=lambda pair: pair[0], default=None)
        if best:
            request.resulting_item_id = best[1]
            request.save(update_fields=["resulting_item"])
            linked += 1
    return linked
