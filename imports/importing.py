"""Turn parsed meeting documents into reviewed records: resolve, preview, apply.

The pipeline (``imports.parsers``) knows nothing of the database. This module:

1. stores each uploaded file once, under its SHA-256 (:func:`store_document`);
2. parses it and resolves what it found against the municipality's records: the body, people
   by their seats, organisations by short name (:func:`build_preview`): a JSON-ready preview
   that a person reviews and may correct;
3. applies a (corrected) preview in one transaction (:func:`apply_preview`), matching on natural
   keys (body + date, meeting + case number), counting inserted / updated / unchanged rows, and
   never overwriting a value a person corrected by hand: the importer remembers what it last
   wrote (``import_snapshot``); a current value that differs from it was corrected, and a new
   imported value for it is reported as a conflict instead. Imported meetings are drafts unless
   the reviewer chose "publish now" for them (``entry["publish"]``).

Names that match no member are shown for review and stored as names only: no person is ever
created from a name.
"""
from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from meetings.classification import classify_item
from meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    ImportRun,
    Meeting,
    MeetingSource,
    Proposal,
    Request,
    SourceDocument,
)
from meetings.signals import send_meetings_changed
from municipalities.models import Body, Membership, Municipality, Organisation, Person, PersonAlias
from municipalities.register import FormerName, former_names

from .parsers import common
from .parsers.errors import MAX_BYTES, ProtocolImportError
from .parsers.pipeline import LINK_THRESHOLD, parse_document
from .parsers.sing import MAX_MEETINGS as MAX_MEETINGS_PER_DOCUMENT  # noqa: F401 - re-exported for the upload page
from .parsers.text import extract_text, is_ocr_warning, is_pdf

ORGANISATION_ALIASES = {
    "ap": "AP", "a": "AP", "arbeidarpartiet": "AP", "arbeiderpartiet": "AP",
    "h": "H", "høgre": "H", "høyre": "H",
    "frp": "FRP", "framstegspartiet": "FRP", "fremskrittspartiet": "FRP",
    "sp": "SP", "senterpartiet": "SP",
    "sv": "SV", "v": "V", "venstre": "V",
    "krf": "KRF", "mdg": "MDG", "r": "R", "raudt": "R", "rødt": "R",
    "nsf": "Sykepleierforbundet", "sykepleiarforbundet": "Sykepleierforbundet",
    "fagforbundet": "Fagforbundet", "utdanningsforbundet": "Utdanningsforbundet",
}


MAX_ITEMS_PER_MEETING = 500  # the parser reads at most this many agenda entries per meeting


class WrongMunicipality(ProtocolImportError):
    def __init__(self, found: str, expected: str):
        super().__init__(
            "wrong_municipality",
            _("The document is for %(found)s, not %(expected)s.") % {"found": found, "expected": expected},
        )


# --- storing -----------------------------------------------------------------------------


def store_document(data: bytes, filename: str, municipality: Municipality, user=None) -> SourceDocument:
    """Keep the file under its checksum (once per municipality). Raises for empty or oversized files."""
    if not data:
        raise ProtocolImportError("empty")
    if len(data) > MAX_BYTES:
        raise ProtocolImportError("too_large")
    digest = hashlib.sha256(data).hexdigest()
    existing = SourceDocument.objects.filter(municipality=municipality, sha256=digest).first()
    if existing:
        return existing
    document = SourceDocument(
        municipality=municipality,
        filename=filename[-255:] or "dokument",
        sha256=digest,
        size=len(data),
        kind=SourceDocument.Kind.PDF if is_pdf(data) else SourceDocument.Kind.TEXT,
        uploaded_by=user,
    )
    document.file.save(f"{digest}", ContentFile(data), save=False)
    document.save()
    return document


DISCARDABLE = (ImportRun.Status.QUEUED, ImportRun.Status.READY, ImportRun.Status.FAILED)


def discard_run(run: ImportRun) -> bool:
    """Delete an import run that saved nothing, and its files that nothing else uses."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().filter(pk=run.pk, status__in=DISCARDABLE).first()
        if run is None:
            return False
        documents = list(run.documents.all())
        run.delete()
        for document in documents:
            if not document.import_runs.exists() and not document.meetings.exists():
                document.file.delete(save=False)
                document.delete()
    return True


# --- resolving ---------------------------------------------------------------------------


def normalise(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def _municipality_matches(found: str, municipality: Municipality) -> bool:
    wanted = normalise(municipality.name)
    name = normalise(re.sub(r"\b(kommune|fylkeskommune|herad)\b", "", found, flags=re.I))
    parts = {normalise(p) for p in municipality.name.split(" - ")} | {wanted}
    return name in parts or any(part and part in name for part in parts)


def former_name(found: str, municipality: Municipality) -> FormerName | None:
    """The former name (before a merger) of ``municipality`` that ``found`` is, if any."""
    name = normalise(re.sub(r"\b(kommune|fylkeskommune|herad)\b", "", found, flags=re.I))
    for former in former_names():
        if former.new_number == municipality.number and name in {
            normalise(former.old_name),
            normalise(former.old_name.split(" (")[0]),
        }:
            return former
    return None


def check_municipality(parsed_name: str | None, municipality: Municipality) -> str | None:
    """Refuse a document whose masthead names another municipality.

    A former municipality that is now part of this one is accepted; the note returned says so.
    """
    if not parsed_name or _municipality_matches(parsed_name, municipality):
        return None
    former = former_name(parsed_name, municipality)
    if former is None:
        raise WrongMunicipality(parsed_name, municipality.name)
    return _("The document names %(old)s, which has been part of %(new)s since %(year)d.") % {
        "old": former.old_name,
        "new": municipality.name,
        "year": former.year,
    }


def resolve_body(name: str | None, municipality: Municipality, bodies: list[Body]) -> Body | None:
    """The body whose name matches (ignoring case and the nynorsk/bokmål -et/-g endings)."""
    if not name:
        return bodies[0] if len(bodies) == 1 else None

    def stem(value: str) -> str:
        return re.sub(r"(et|en|a|g|get)$", "", normalise(value).replace(" ", ""))

    wanted = stem(name)
    for body in bodies:
        if stem(body.name) == wanted:
            return body
    for body in bodies:
        if wanted and (wanted in stem(body.name) or stem(body.name) in wanted):
            return body
    return None


def organisation_lookup() -> dict[str, Organisation]:
    orgs = {normalise(o.short_name): o for o in Organisation.objects.all()}
    for alias, short in ORGANISATION_ALIASES.items():
        if normalise(short) in orgs:
            orgs.setdefault(alias, orgs[normalise(short)])
    return orgs


def resolve_organisation(name: str | None, orgs: dict[str, Organisation]) -> Organisation | None:
    return orgs.get(normalise(name)) if name else None


def _seats_by_name(body: Body | None, day: datetime.date) -> dict[str, Membership]:
    if body is None:
        return {}
    seats = Membership.objects.filter(body=body).active_on(day).select_related("person", "on_behalf_of")
    return {normalise(seat.person.name): seat for seat in seats}


def aliases_of(body: Body | None) -> dict[str, int]:
    """The names a reviewer matched to a person in this body's earlier imports: person id by name."""
    if body is None:
        return {}
    return {normalise(name): person for name, person in PersonAlias.objects.filter(body=body).values_list("name", "person")}


# --- preview -----------------------------------------------------------------------------


def build_preview(
    documents: list[SourceDocument], municipality: Municipality, body: Body | None = None, *, parse=parse_document
) -> dict:
    """Parse stored files and resolve what they hold. Raises ProtocolImportError for a bad file."""
    sources = []
    for document in documents:
        with document.file.open("rb") as handle:
            sources.append((handle.read(), document.filename, document))
    return preview_sources(sources, municipality, body, parse=parse)


def preview_sources(sources, municipality: Municipality, body: Body | None = None, *, parse=parse_document) -> dict:
    """``sources`` are ``(data, filename, SourceDocument or None)``; None when nothing may be stored.

    ``parse`` is :func:`~imports.parsers.parse_document` or its bounded twin
    :func:`~imports.parsers.isolation.parse_isolated` (same signature)."""
    bodies = list(Body.objects.filter(municipality=municipality).order_by("name"))
    orgs = organisation_lookup()
    preview: dict = {"municipality": municipality.number, "documents": [], "meetings": [], "warnings": []}
    for data, filename, document in sources:
        parsed = parse(data, filename)
        notes = {check_municipality(m.municipality_name, municipality) for m in parsed.meetings}
        parsed.warnings.extend(sorted(note for note in notes if note))
        if document is not None and (document.family, document.pages) != (parsed.family, parsed.pages):
            document.family, document.pages = parsed.family, parsed.pages
            document.save(update_fields=["family", "pages"])
        ocr = any(is_ocr_warning(w) for w in parsed.warnings)
        parsed.warnings.extend(_cut_items_warnings(parsed, data, filename, ocr))
        preview["documents"].append(
            {"id": document.pk if document else None, "filename": filename,
             "sha256": hashlib.sha256(data).hexdigest(), "family": parsed.family, "pages": parsed.pages,
             "warnings": list(parsed.warnings), "ocr": ocr}
        )
        preview["warnings"].extend(parsed.warnings)
        for index, meeting in enumerate(parsed.meetings):
            entry = _preview_meeting(meeting.to_dict(), document, index, municipality, body, bodies, orgs)
            entry["ocr"] = ocr
            entry["filename"] = filename
            preview["meetings"].append(entry)
    preview["meetings"].sort(key=preview_order)
    preview_changes(preview, municipality)
    return preview


def _cut_items_warnings(parsed, data: bytes, filename: str, ocr: bool) -> list[str]:
    """Say how many agenda items were left out when a meeting reached the items limit.

    Only a meeting with exactly the limit may have been cut, so only then is the text read again
    (not for a scan, whose OCR would have to run again) to count the case numbers it names.
    """
    if ocr or not any(len(m.items) >= MAX_ITEMS_PER_MEETING for m in parsed.meetings):
        return []
    named = {case for case, *_ in common.find_cases(extract_text(data, filename).text)}
    read = {item.case_number for m in parsed.meetings for item in m.items if item.case_number}
    if len(named - read) == 0:
        return []
    return [
        _("%(cut)d agenda items were not read: at most %(limit)d items per meeting are read, and the "
          "document names %(found)d case numbers. Split the document to import the rest.")
        % {"cut": len(named - read), "limit": MAX_ITEMS_PER_MEETING, "found": len(named)}
    ]


def preview_order(entry: dict) -> tuple[bool, str]:
    """Preview meetings by date; meetings whose date is missing come last."""
    return (entry["data"]["date"] is None, entry["data"]["date"] or "")


def undated_meetings(preview: dict) -> list[dict]:
    """Included meetings whose date is still missing: they cannot be saved."""
    return [e for e in preview["meetings"] if e.get("include", True) and not e["data"].get("date")]


def _preview_meeting(data, document, index, municipality, body, bodies, orgs) -> dict:
    data["municipality"] = municipality.number
    target = body or resolve_body(data.get("body"), municipality, bodies)
    warnings = list(data.pop("warnings", []))
    if target is None:
        warnings.append(_("No body matches “%(name)s”: choose one before saving.") % {"name": data.get("body") or "?"})
    else:
        data["body"] = target.name
    day = datetime.date.fromisoformat(data["date"]) if data.get("date") else None
    if day is None:
        warnings.append(_("The meeting date is missing: fill it in before saving."))
    seats = _seats_by_name(target, day) if day else {}
    aliases = aliases_of(target)
    for row in data["attendance"]:
        seat = seats.get(normalise(row["name"]))
        row["person_id"] = seat.person_id if seat else aliases.get(normalise(row["name"]))
        row["remembered"] = seat is None and row["person_id"] is not None
        if row["person_id"] is None and row["side"] != "other":
            warnings.append(_("“%(name)s” matches no member of the body: check the name.") % {"name": row["name"]})
    for item in data["items"]:
        for proposal in item["proposals"]:
            unknown = [p for p in proposal["proposers"] if resolve_organisation(p, orgs) is None]
            if unknown:
                warnings.append(
                    _("Unknown proposer in %(case)s: %(names)s") % {"case": item["case_number"] or item["title"], "names": ", ".join(unknown)}
                )
    existing = (
        Meeting.objects.filter(body=target, date=day).values_list("pk", flat=True).first()
        if target and day
        else None
    )
    return {
        "key": f"{document.pk if document else 'x'}-{index}",
        "document_id": document.pk if document else None,
        "body_id": target.pk if target else None,
        "existing_meeting_id": existing,
        "include": True,
        "warnings": warnings,
        "data": data,
    }


# --- applying ----------------------------------------------------------------------------


@dataclass
class ImportResult:
    """Counts and messages of one apply; ``changes`` lists every change to a saved record.

    ``rejected`` and ``forced`` hold the ids of changes the reviewer turned down, and of
    conflicts (values corrected by hand) the reviewer chose to overwrite, for the meeting being
    applied (see :func:`preview_changes`).
    """

    counts: Counter = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meeting_ids: list[int] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    rejected: set[str] = field(default_factory=set)
    forced: set[str] = field(default_factory=set)
    updating: bool = False  # the meeting being applied was saved before

    def as_dict(self) -> dict:
        return {
            "counts": {key: self.counts.get(key, 0) for key in ("inserted", "updated", "unchanged")},
            "conflicts": list(self.conflicts),
            "warnings": list(self.warnings),
            "meeting_ids": list(self.meeting_ids),
        }


def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def _merge_fields(obj, values: dict, result: ImportResult, label: str, scope: str) -> bool:
    """Update fields the importer owns; keep and report values a person corrected. True if changed.

    Every difference is recorded in ``result.changes`` under the id ``scope:field``. A change the
    reviewer rejected is not made and counts from now on as a hand correction; a conflict the
    reviewer chose to overwrite is made.
    """
    snapshot = dict(obj.import_snapshot or {})
    changed = False
    for name, new in values.items():
        current = getattr(obj, name)
        as_json = _jsonable(new)
        if _jsonable(current) == as_json:
            snapshot[name] = as_json
            continue
        change_id = f"{scope}:{name}"
        corrected = name in snapshot and snapshot[name] != _jsonable(current)
        if corrected and snapshot[name] == as_json:
            continue  # the document says what it said before; the correction stands
        result.changes.append(_field_change(obj, name, current, new, change_id, label, conflict=corrected))
        if corrected and change_id not in result.forced:
            result.conflicts.append(
                _("%(what)s: “%(field)s” was corrected by hand and was not overwritten.")
                % {"what": label, "field": obj._meta.get_field(name).verbose_name}
            )
            continue
        if not corrected and change_id in result.rejected:
            snapshot[name] = as_json  # the reviewer kept the saved value: a hand correction from now on
            continue
        setattr(obj, name, new)
        snapshot[name] = as_json
        changed = True
    if snapshot != obj.import_snapshot:
        obj.import_snapshot = snapshot
        changed = True
    return changed


def _display(obj, name: str, value) -> str:
    """A value as the review shows it: choice labels, dates as dd.mm.yyyy, times as hh:mm."""
    if value in (None, ""):
        return "–"
    model_field = obj._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _field_change(obj, name, old, new, change_id, label, *, conflict: bool) -> dict:
    return {
        "id": change_id, "kind": "conflict" if conflict else "field", "what": label,
        "field": str(obj._meta.get_field(name).verbose_name),
        "old": _display(obj, name, old), "new": _display(obj, name, new), "added": [], "removed": [],
    }


def _jsonable(value):
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat(timespec="minutes") if isinstance(value, datetime.time) else value.isoformat()
    return value


def check_preview(preview: dict, municipality: Municipality) -> None:
    """Raise what :func:`apply_preview` would refuse before writing anything: a missing date or body."""
    missing = undated_meetings(preview)
    if missing:
        raise ProtocolImportError(
            "no_date",
            _("The meeting date is missing for %(meetings)s: fill it in before saving.")
            % {"meetings": ", ".join(_meeting_label(e) for e in missing)},
        )
    bodies = set(Body.objects.filter(municipality=municipality).values_list("pk", flat=True))
    for entry in preview["meetings"]:
        if entry.get("include", True) and entry.get("body_id") not in bodies:
            raise ProtocolImportError(
                "no_body", _("Choose the body for the meeting on %(date)s.") % {"date": entry["data"]["date"]}
            )


def apply_preview(preview: dict, municipality: Municipality, user=None) -> ImportResult:
    """Write the reviewed preview: all of it or, on any error, nothing."""
    result = ImportResult()
    orgs = organisation_lookup()
    check_preview(preview, municipality)
    with transaction.atomic():
        saved: list[tuple[Meeting, dict]] = []
        added: dict[tuple[int, str], Person] = {}
        for entry in preview["meetings"]:
            if not entry.get("include", True):
                continue
            body = Body.objects.filter(municipality=municipality, pk=entry.get("body_id")).first()
            if body is None:
                raise ProtocolImportError(
                    "no_body", _("Choose the body for the meeting on %(date)s.") % {"date": entry["data"]["date"]}
                )
            _apply_people(entry, body, user, added, result)
            result.rejected, result.forced = set(entry.get("rejected", [])), set(entry.get("forced", []))
            meeting = _apply_meeting(entry, body, orgs, result)
            saved.append((meeting, entry))
            result.meeting_ids.append(meeting.pk)
            if entry.get("document_id"):
                MeetingSource.objects.update_or_create(
                    meeting=meeting, document_id=entry["document_id"], defaults={"imported_at": timezone.now()}
                )
        for meeting, entry in saved:
            _apply_requests(meeting, entry["data"].get("requests", []), orgs, result)
        link_pending_requests(municipality)
        # attendance is written with bulk_create, without model signals
        send_meetings_changed(apply_preview, municipality.number, meeting_ids=result.meeting_ids)
    return result


def _apply_people(entry: dict, body: Body, user, added: dict, result: ImportResult) -> None:
    """The reviewer's decisions on unmatched names: a new member of the body (``new_member``:
    side, role, organisation, dates), or an existing person (``matched``), remembered as an alias
    of the name in this body so that the next import matches it without asking."""
    for row in entry["data"].get("attendance", []):
        member = row.get("new_member")
        key = normalise(row["name"])
        if member:
            person = added.get((body.pk, key))
            if person is None:
                person = Person.objects.create(name=row["name"][:200], municipality=body.municipality)
                added[(body.pk, key)] = person
                result.counts["inserted"] += 1
            start = datetime.date.fromisoformat(member["start"])
            end = datetime.date.fromisoformat(member["end"]) if member.get("end") else None
            _, created = Membership.objects.get_or_create(
                person=person, body=body, start_date=start,
                defaults={"role": member["role"], "side": member["side"], "end_date": end,
                          "on_behalf_of_id": member.get("organisation_id")},
            )
            result.counts["inserted"] += int(created)
            row["person_id"] = person.pk
        elif row.get("matched") and row.get("person_id"):
            if not Person.objects.filter(pk=row["person_id"], municipality=body.municipality).exists():
                raise ProtocolImportError("bad_person", _("Choose a person of this municipality for “%(name)s”.") % {"name": row["name"]})
            PersonAlias.objects.update_or_create(
                body=body, name=row["name"][:200], defaults={"person_id": row["person_id"], "created_by": user}
            )


def _meeting_label(entry: dict) -> str:
    data = entry["data"]
    items = len(data.get("items", []))
    return f"{data.get('body') or '?'} ({items} saker)"


def _apply_meeting(entry: dict, body: Body, orgs, result: ImportResult) -> Meeting:
    data = entry["data"]
    day = datetime.date.fromisoformat(data["date"])
    values = {
        "start_time": _time(data.get("start")),
        "end_time": _time(data.get("end")),
        "place": data.get("place") or "",
        "state": data.get("state") or Meeting.State.HELD,
    }
    meeting = Meeting.objects.filter(body=body, date=day).first()
    label = _("Meeting %(date)s") % {"date": day.strftime("%d.%m.%Y")}
    publish = bool(entry.get("publish"))
    result.updating = meeting is not None
    if meeting is None:
        meeting = Meeting(body=body, date=day, published=publish, **values)
        meeting.import_snapshot = {k: _jsonable(v) for k, v in values.items()}
        meeting.last_imported_at = timezone.now()
        meeting.save()
        result.counts["inserted"] += 1
    else:
        if meeting.state == Meeting.State.HELD and values["state"] == Meeting.State.PLANNED:
            values.pop("state")  # a notice never turns a held meeting back into a planned one
        changed = _merge_fields(meeting, values, result, label, "meeting")
        if publish and not meeting.published:
            meeting.published = changed = True  # publishing is a person's choice; an import never unpublishes
        result.counts["updated" if changed else "unchanged"] += 1
        meeting.last_imported_at = timezone.now()
        # an unchanged meeting keeps its version, so nobody's open form of it turns stale
        meeting.save(update_fields=None if changed else ["last_imported_at"])
    _apply_attendance(meeting, data.get("attendance", []), orgs, result, label)
    for item_data in data.get("items", []):
        _apply_item(meeting, item_data, orgs, result)
    return meeting


def preview_changes(preview: dict, municipality: Municipality) -> None:
    """Show what confirming would change in meetings that are already saved: nothing is written.

    Each included entry that updates an existing meeting gets ``changes``: the changes the same
    code that saves (:func:`_apply_meeting`) would make, found by applying it in a transaction
    that is rolled back. Entries of new meetings get an empty list.
    """
    orgs = organisation_lookup()
    with transaction.atomic():
        for entry in preview["meetings"]:
            entry["changes"] = []
            body = Body.objects.filter(municipality=municipality, pk=entry.get("body_id")).first()
            if not entry.get("existing_meeting_id") or body is None or not entry["data"].get("date"):
                continue
            result = ImportResult()
            _apply_meeting(entry, body, orgs, result)
            entry["changes"] = result.changes
        transaction.set_rollback(True)


def _attendance_rows(meeting: Meeting, rows: list[dict], orgs) -> list[dict]:
    seats = _seats_by_name(meeting.body, meeting.date)
    people = {p.pk: p for p in Person.objects.filter(pk__in=[r.get("person_id") for r in rows if r.get("person_id")])}
    # the names of the rows as they are saved, so a substitute for a member without a registered seat
    # names that member's row exactly (the seat counts see it filled: dashboards.scope.seat_filled_q)
    saved_names = {
        normalise(row.get("name") or ""): (people[row["person_id"]].name if row.get("person_id") in people else row["name"])
        for row in rows if not row.get("present", True)
    }
    wanted = []
    for row in rows:
        person = people.get(row.get("person_id")) if row.get("person_id") else None
        seat = seats.get(normalise(person.name)) if person else None
        substitute_for = seats.get(normalise(row.get("substitute_for"))) if row.get("substitute_for") else None
        substitute_for_name = ""
        if row.get("substitute_for") and substitute_for is None:
            substitute_for_name = saved_names.get(normalise(row["substitute_for"]), row["substitute_for"])[:200]
        org = resolve_organisation(row.get("organisation"), orgs) or (seat.on_behalf_of if seat else None)
        role = row.get("role") or ""
        if row.get("substitute_for") and substitute_for is None:
            role = f"{role or 'Varamedlem'} for {row['substitute_for']}"  # imported text stays Norwegian
        wanted.append(
            {
                "person_id": person.pk if person else None,
                "name": "" if person else row["name"],
                "membership_id": seat.pk if seat else None,
                "status": Attendance.Status.PRESENT if row.get("present", True) else Attendance.Status.ABSENT,
                "substitute_for_id": substitute_for.pk if substitute_for else None,
                "substitute_for_name": substitute_for_name,
                "side": row.get("side") if row.get("side") in Attendance.Side.values else Attendance.Side.OTHER,
                "role": role[:200],
                "organisation_id": org.pk if org else None,
            }
        )
    return wanted


_ATTENDANCE_KEYS = (
    "person_id", "name", "membership_id", "status", "substitute_for_id", "substitute_for_name", "side", "role",
    "organisation_id",
)


def _canonical(rows: list[dict], keys) -> list[list]:
    return sorted([[row.get(k) for k in keys] for row in rows], key=repr)


def _apply_attendance(meeting: Meeting, rows: list[dict], orgs, result: ImportResult, label: str) -> None:
    wanted = _attendance_rows(meeting, rows, orgs)
    current_rows = list(Attendance.objects.filter(meeting=meeting).values(*_ATTENDANCE_KEYS))
    names = dict(Person.objects.filter(
        pk__in={row["person_id"] for row in wanted + current_rows if row["person_id"]}
    ).values_list("pk", "name"))

    def describe(row: dict) -> str:
        text = f"{names.get(row['person_id']) or row['name']}: {Attendance.Status(row['status']).label}"
        return f"{text}, {row['role']}" if row["role"] else text

    _replace_set(
        meeting, "attendance", wanted, current_rows, _ATTENDANCE_KEYS, result, label,
        # with history rows, like every other change to attendance (deletes send signals, so they have them)
        create=lambda rows: bulk_create_with_history([Attendance(meeting=meeting, **row) for row in rows], Attendance),
        delete=lambda: Attendance.objects.filter(meeting=meeting).delete(),
        scope="meeting", title=_("Attendance"), describe=describe,
    )


def _replace_set(owner, key, wanted, current_rows, keys, result, label, *, create, delete, scope, title, describe) -> None:
    """Replace a child set wholesale unless a person edited it since the last import.

    The lines added and removed are recorded in ``result.changes`` (id ``scope:key``); the
    reviewer may reject the change or overwrite a set edited by hand, as for fields.
    """
    new, current = _canonical(wanted, keys), _canonical(current_rows, keys)
    snapshot = owner.import_snapshot.get(key)
    change_id = f"{scope}:{key}"
    if new == current:
        result.counts["unchanged"] += len(new)
        owner.import_snapshot[key] = new
        type(owner).objects.filter(pk=owner.pk).update(import_snapshot=owner.import_snapshot)
        return
    edited = bool(current) and snapshot != current
    if edited and snapshot == new:
        return  # the document says what it said before; the hand edit stands
    added = [describe(row) for row in wanted if [row.get(k) for k in keys] not in current]
    removed = [describe(row) for row in current_rows if [row.get(k) for k in keys] not in new]
    result.changes.append({
        "id": change_id, "kind": "conflict" if edited else "set", "what": label, "field": str(title),
        "old": "", "new": "", "added": added, "removed": removed,
    })
    if edited and change_id not in result.forced:
        message = (
            _("%(what)s: %(set)s was edited by hand and was not overwritten.") if snapshot is not None
            else _("%(what)s: %(set)s was entered by hand and was not overwritten.")
        )
        result.conflicts.append(message % {"what": label, "set": key})
        return
    if not edited and change_id in result.rejected:
        owner.import_snapshot[key] = new  # the reviewer kept the saved lines: a hand edit from now on
    else:
        delete()
        create(wanted)
        kept = len([row for row in new if row in current])
        result.counts["unchanged"] += kept
        result.counts["inserted"] += len(new) - kept
        owner.import_snapshot[key] = new
    type(owner).objects.filter(pk=owner.pk).update(import_snapshot=owner.import_snapshot)


_ITEM_TYPES = set(AgendaItem.Type.values)


def _apply_item(meeting: Meeting, data: dict, orgs, result: ImportResult) -> AgendaItem | None:
    values = {
        "position": data.get("position") or 1,
        "title": (data.get("title") or "")[:500],
        "item_type": data.get("type") if data.get("type") in _ITEM_TYPES else AgendaItem.Type.PS,
        "archive_id": (data.get("archive_id") or "")[:40],
        "procedural": bool(data.get("procedural")),
        "administration_proposal": data.get("administration_proposal") or "",
        "handling": data.get("handling") or "",
        "decision": data.get("decision") or "",
        "text": data.get("text") or "",
    }
    case_number = data.get("case_number") or ""
    lookup = (
        Q(case_number=case_number, item_type=values["item_type"])
        if case_number
        else Q(case_number="", position=values["position"])
    )
    item = AgendaItem.objects.filter(lookup, meeting=meeting).first()
    label = _("Item %(case)s") % {"case": case_number or values["title"][:40]}
    scope = f"item:{values['item_type']}:{case_number}" if case_number else f"item::{values['position']}"
    created = item is None
    if item is None:
        if result.updating:
            result.changes.append({
                "id": f"{scope}:new", "kind": "new_item", "what": label, "field": str(_("New agenda item")),
                "old": "–", "new": values["title"], "added": [], "removed": [],
            })
            if f"{scope}:new" in result.rejected:
                return None
        if AgendaItem.objects.filter(meeting=meeting, position=values["position"]).exists():
            values["position"] = (max(AgendaItem.objects.filter(meeting=meeting).values_list("position", flat=True)) + 1)
        item = AgendaItem(meeting=meeting, case_number=case_number, **values)
        item.import_snapshot = dict(values)
        item.save()
        result.counts["inserted"] += 1
    else:
        values.pop("position")  # keep the order a person may have set
        if _merge_fields(item, values, result, label, scope):
            item.save()
            result.counts["updated"] += 1
        else:
            result.counts["unchanged"] += 1
    override = data.get("climate_override")
    if override in AgendaItem.ClimateLevel.values and data.get("climate_override_reason"):
        AgendaItem.objects.filter(pk=item.pk).update(
            climate_override=override, climate_override_reason=data["climate_override_reason"]
        )
    _apply_proposals(item, data.get("proposals", []), orgs, result, label, scope)
    _apply_attachments(item, data.get("attachments", []), result, label, scope)
    if created:  # a new item is one change: its proposals are part of it
        result.changes = [c for c in result.changes if not c["id"].startswith(f"{scope}:") or c["id"] == f"{scope}:new"]
    classify_item(item)
    return item


_PROPOSAL_KEYS = ("kind", "by_administration", "text", "outcome", "votes_for", "votes_against", "proposers")


def _apply_proposals(item: AgendaItem, rows: list[dict], orgs, result: ImportResult, label: str, scope: str) -> None:
    wanted = []
    for position, row in enumerate(rows, start=1):
        proposers = sorted(
            org.pk for org in (resolve_organisation(name, orgs) for name in row.get("proposers", [])) if org
        )
        wanted.append(
            {
                "position": position,
                "kind": row["kind"] if row.get("kind") in Proposal.Kind.values else Proposal.Kind.ALTERNATIVE,
                "by_administration": row.get("kind") == Proposal.Kind.ADMINISTRATION,
                "text": row.get("text") or "",
                "outcome": row["outcome"] if row.get("outcome") in Proposal.Outcome.values else Proposal.Outcome.NOT_VOTED,
                "votes_for": row.get("votes_for"),
                "votes_against": row.get("votes_against"),
                "proposers": proposers,
            }
        )
    current_rows = [
        {**{k: getattr(p, k) for k in _PROPOSAL_KEYS if k != "proposers"},
         "proposers": sorted(o.pk for o in p.proposers.all())}
        for p in item.proposals.prefetch_related("proposers")
    ]

    def create(rows):
        for row in rows:
            proposal = Proposal.objects.create(item=item, **{k: v for k, v in row.items() if k != "proposers"})
            proposal.proposers.set(row["proposers"])

    org_names = {o.pk: o.short_name for o in orgs.values()}

    def describe(row: dict) -> str:
        by = ", ".join(org_names.get(pk, "?") for pk in row["proposers"])
        votes = f" ({row['votes_for']}–{row['votes_against'] if row['votes_against'] is not None else '?'})" if row["votes_for"] is not None else ""
        return f"{Proposal.Kind(row['kind']).label}{' – ' + by if by else ''}: {Proposal.Outcome(row['outcome']).label}{votes}"

    _replace_set(
        item, "proposals", wanted, current_rows, _PROPOSAL_KEYS, result, label,
        create=create, delete=lambda: item.proposals.all().delete(),
        scope=scope, title=_("Proposals and votes"), describe=describe,
    )


_ATTACHMENT_KEYS = ("position", "title", "digest")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _apply_attachments(item: AgendaItem, rows: list[dict], result: ImportResult, label: str, scope: str) -> None:
    """The documents attached to the case paper, as the file holds them (compared by title and text)."""
    wanted = [
        {"position": position, "title": (row.get("title") or "")[:300], "text": row.get("text") or "",
         "digest": _digest(row.get("text") or "")}
        for position, row in enumerate(rows, start=1)
    ]
    current_rows = [
        {"position": a.position, "title": a.title, "digest": _digest(a.text)} for a in item.attachments.all()
    ]
    if not wanted and not current_rows and "attachments" not in item.import_snapshot:
        return  # none then, none now: nothing to remember
    _replace_set(
        item, "attachments", wanted, current_rows, _ATTACHMENT_KEYS, result, label,
        create=lambda rows: Attachment.objects.bulk_create(
            [Attachment(item=item, position=r["position"], title=r["title"], text=r["text"]) for r in rows]
        ),
        delete=lambda: item.attachments.all().delete(),
        scope=scope, title=_("Attachments"), describe=lambda row: row["title"],
    )


def _apply_requests(meeting: Meeting, rows: list[dict], orgs, result: ImportResult) -> None:
    people = {normalise(p.name): p for p in Person.objects.filter(municipality=meeting.body.municipality)}
    for row in rows:
        text = (row.get("text") or "").strip()
        if not text:
            continue
        # earlier imports kept the speaker at the start of the text ("Name (Org) ber om ...")
        existing = Request.objects.filter(meeting=meeting, text__endswith=text).first()
        resulting = None
        if row.get("resulting_case_number"):
            resulting = (
                AgendaItem.objects.filter(
                    meeting__body=meeting.body, case_number=row["resulting_case_number"], meeting__date__gte=meeting.date
                ).exclude(meeting=meeting).order_by("meeting__date").first()
            )
        if existing:
            if resulting and existing.resulting_item_id is None:
                existing.resulting_item = resulting
                existing.save(update_fields=["resulting_item"])
                result.counts["updated"] += 1
            else:
                result.counts["unchanged"] += 1
            continue
        person = people.get(normalise(row.get("by")))
        Request.objects.create(
            meeting=meeting,
            person=person,
            by_name="" if person else (row.get("by") or "?")[:200],
            organisation=resolve_organisation(row.get("organisation"), orgs),
            text=text,
            asks_for_agenda_item=bool(row.get("asks_for_agenda_item") or row.get("resulting_case_number")),
            resulting_item=resulting,
            imported=True,
        )
        result.counts["inserted"] += 1


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
        if (subject := common.request_subject(request.text))
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
        scored = [(common.subject_score(subject, title), pk) for pk, title in later[:200]]
        best = max((pair for pair in scored if pair[0] >= LINK_THRESHOLD), key=lambda pair: pair[0], default=None)
        if best:
            request.resulting_item_id = best[1]
            request.save(update_fields=["resulting_item"])
            linked += 1
    return linked
