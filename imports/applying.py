"""Apply a reviewed preview in one transaction: meetings, the reviewer's people decisions, attendance.

Matched on natural keys (body + date, meeting + case number), counting inserted / updated /
unchanged rows, and never overwriting a value a person corrected by hand (see
:mod:`imports.changes`). Imported meetings are drafts unless the reviewer chose "publish now"
for them (:attr:`~imports.preview.MeetingPreview.publish`). Items are applied by
:mod:`imports.items`, requests by :mod:`imports.linking`.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from meetings.models import Attendance, Meeting, MeetingSource
from meetings.signals import send_meetings_changed
from municipalities.models import Body, Membership, Municipality, Person, PersonAlias

from .changes import ChildSet, ImportResult, jsonable, merge_fields, replace_set
from .items import apply_item
from .linking import apply_requests, link_pending_requests
from .parsers.errors import ProtocolImportError
from .preview import AttendancePreview, MeetingPreview, Preview
from .resolving import normalise, organisation_lookup, resolve_organisation, seats_by_name


def _no_body(entry: MeetingPreview) -> ProtocolImportError:
    return ProtocolImportError("no_body", _("Choose the body for the meeting on %(date)s.") % {"date": entry.data.date})


def check_preview(preview: Preview, municipality: Municipality) -> None:
    """Raise what :func:`apply_preview` would refuse before writing anything: a missing date or body."""
    missing = preview.undated()
    if missing:
        raise ProtocolImportError(
            "no_date",
            _("The meeting date is missing for %(meetings)s: fill it in before saving.")
            % {"meetings": ", ".join(entry.label for entry in missing)},
        )
    bodies = set(Body.objects.filter(municipality=municipality).values_list("pk", flat=True))
    for entry in preview.meetings:
        if entry.include and entry.body_id not in bodies:
            raise _no_body(entry)


def apply_preview(preview: Preview, municipality: Municipality, user=None) -> ImportResult:
    """Write the reviewed preview: all of it or, on any error, nothing."""
    result = ImportResult()
    orgs = organisation_lookup()
    check_preview(preview, municipality)
    with transaction.atomic():
        saved: list[tuple[Meeting, MeetingPreview]] = []
        added: dict[tuple[int, str], Person] = {}
        for entry in preview.meetings:
            if not entry.include:
                continue
            body = Body.objects.filter(municipality=municipality, pk=entry.body_id).first()
            if body is None:
                raise _no_body(entry)
            apply_people(entry, body, user, added, result)
            result.rejected, result.forced = set(entry.rejected), set(entry.forced)
            meeting = apply_meeting(entry, body, orgs, result)
            saved.append((meeting, entry))
            result.meeting_ids.append(meeting.pk)
            if entry.document_id:
                MeetingSource.objects.update_or_create(
                    meeting=meeting, document_id=entry.document_id, defaults={"imported_at": timezone.now()}
                )
        for meeting, entry in saved:
            apply_requests(meeting, entry.data.requests, orgs, result)
        link_pending_requests(municipality)
        # attendance is written with bulk_create, without model signals
        send_meetings_changed(apply_preview, municipality.number, meeting_ids=result.meeting_ids)
    return result


def apply_people(entry: MeetingPreview, body: Body, user, added: dict, result: ImportResult) -> None:
    """The reviewer's decisions on unmatched names: a new member of the body (``new_member``:
    side, role, organisation, dates), or an existing person (``matched``), remembered as an alias
    of the name in this body so that the next import matches it without asking."""
    for row in entry.data.attendance:
        if row.new_member:
            row.person_id = _add_member(row, body, added, result).pk
        elif row.matched and row.person_id:
            if not Person.objects.filter(pk=row.person_id, municipality=body.municipality).exists():
                raise ProtocolImportError("bad_person", _("Choose a person of this municipality for “%(name)s”.") % {"name": row.name})
            PersonAlias.objects.update_or_create(
                body=body, name=row.name[:200], defaults={"person_id": row.person_id, "created_by": user}
            )


def _add_member(row: AttendancePreview, body: Body, added: dict, result: ImportResult) -> Person:
    """The person (new, once per name and body in one apply) and their membership of ``body``."""
    member, key = row.new_member, (body.pk, normalise(row.name))
    person = added.get(key)
    if person is None:
        person = added[key] = Person.objects.create(name=row.name[:200], municipality=body.municipality)
        result.counts["inserted"] += 1
    _, created = Membership.objects.get_or_create(
        person=person, body=body, start_date=datetime.date.fromisoformat(member.start),
        defaults={"role": member.role, "side": member.side, "on_behalf_of_id": member.organisation_id,
                  "end_date": datetime.date.fromisoformat(member.end) if member.end else None},
    )
    result.counts["inserted"] += int(created)
    return person


def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def apply_meeting(entry: MeetingPreview, body: Body, orgs, result: ImportResult) -> Meeting:
    data = entry.data
    day = datetime.date.fromisoformat(data.date)
    values = {
        "start_time": _time(data.start),
        "end_time": _time(data.end),
        "place": data.place or "",
        "state": data.state or Meeting.State.HELD,
    }
    meeting = Meeting.objects.filter(body=body, date=day).first()
    label = _("Meeting %(date)s") % {"date": day.strftime("%d.%m.%Y")}
    result.updating = meeting is not None
    if meeting is None:
        meeting = Meeting(body=body, date=day, published=entry.publish, **values)
        meeting.import_snapshot = {k: jsonable(v) for k, v in values.items()}
        meeting.last_imported_at = timezone.now()
        meeting.save()
        result.counts["inserted"] += 1
    else:
        _update_meeting(meeting, values, entry.publish, result, label)
    apply_attendance(meeting, data.attendance, orgs, result, label)
    for item in data.items:
        apply_item(meeting, item, orgs, result)
    return meeting


def _update_meeting(meeting: Meeting, values: dict, publish: bool, result: ImportResult, label: str) -> None:
    if meeting.state == Meeting.State.HELD and values["state"] == Meeting.State.PLANNED:
        values.pop("state")  # a notice never turns a held meeting back into a planned one
    changed = merge_fields(meeting, values, result, label, "meeting")
    if publish and not meeting.published:
        meeting.published = changed = True  # publishing is a person's choice; an import never unpublishes
    result.counts["updated" if changed else "unchanged"] += 1
    meeting.last_imported_at = timezone.now()
    # an unchanged meeting keeps its version, so nobody's open form of it turns stale
    meeting.save(update_fields=None if changed else ["last_imported_at"])


# --- attendance ------------------------------------------------------------------------------


ATTENDANCE_KEYS = (
    "person_id", "name", "membership_id", "status", "substitute_for_id", "substitute_for_name", "side", "role",
    "organisation_id",
)


@dataclass
class _Seating:
    """What the attendance rows of one meeting are resolved against."""

    seats: dict[str, Membership]  # the body's seats on the day, by member name
    people: dict[int, Person]  # the people the rows name
    saved_names: dict[str, str]  # the absent rows' names as they are saved
    orgs: dict

    @classmethod
    def of(cls, meeting: Meeting, rows: list[AttendancePreview], orgs) -> _Seating:
        people = {p.pk: p for p in Person.objects.filter(pk__in=[r.person_id for r in rows if r.person_id])}
        # the names of the rows as they are saved, so a substitute for a member without a registered seat
        # names that member's row exactly (the seat counts see it filled: dashboards.scope.seat_filled_q)
        saved_names = {
            normalise(row.name): people[row.person_id].name if row.person_id in people else row.name
            for row in rows if not row.present
        }
        return cls(seats_by_name(meeting.body, meeting.date), people, saved_names, orgs)

    def substitution(self, row: AttendancePreview) -> tuple[Membership | None, str, str]:
        """The seat a substitute fills, else the name of the member they stand in for; and the role."""
        role = row.role or ""
        if not row.substitute_for:
            return None, "", role
        seat = self.seats.get(normalise(row.substitute_for))
        if seat is not None:
            return seat, "", role
        name = self.saved_names.get(normalise(row.substitute_for), row.substitute_for)[:200]
        return None, name, f"{role or 'Varamedlem'} for {row.substitute_for}"  # imported text stays Norwegian

    def row(self, row: AttendancePreview) -> dict:
        person = self.people.get(row.person_id) if row.person_id else None
        seat = self.seats.get(normalise(person.name)) if person else None
        substitute_for, substitute_for_name, role = self.substitution(row)
        org = resolve_organisation(row.organisation, self.orgs) or (seat.on_behalf_of if seat else None)
        return {
            "person_id": person.pk if person else None,
            "name": "" if person else row.name,
            "membership_id": seat.pk if seat else None,
            "status": Attendance.Status.PRESENT if row.present else Attendance.Status.ABSENT,
            "substitute_for_id": substitute_for.pk if substitute_for else None,
            "substitute_for_name": substitute_for_name,
            "side": row.side if row.side in Attendance.Side.values else Attendance.Side.OTHER,
            "role": role[:200],
            "organisation_id": org.pk if org else None,
        }


def attendance_rows(meeting: Meeting, rows: list[AttendancePreview], orgs) -> list[dict]:
    seating = _Seating.of(meeting, rows, orgs)
    return [seating.row(row) for row in rows]


def apply_attendance(meeting: Meeting, rows: list[AttendancePreview], orgs, result: ImportResult, label: str) -> None:
    wanted = attendance_rows(meeting, rows, orgs)
    current_rows = list(Attendance.objects.filter(meeting=meeting).values(*ATTENDANCE_KEYS))
    names = dict(Person.objects.filter(
        pk__in={row["person_id"] for row in wanted + current_rows if row["person_id"]}
    ).values_list("pk", "name"))

    def describe(row: dict) -> str:
        text = f"{names.get(row['person_id']) or row['name']}: {Attendance.Status(row['status']).label}"
        return f"{text}, {row['role']}" if row["role"] else text

    replace_set(ChildSet(
        meeting, "attendance", ATTENDANCE_KEYS, wanted, current_rows,
        # with history rows, like every other change to attendance (deletes send signals, so they have them)
        create=lambda rows: bulk_create_with_history([Attendance(meeting=meeting, **row) for row in rows], Attendance),
        delete=lambda: Attendance.objects.filter(meeting=meeting).delete(),
        scope="meeting", title=_("Attendance"), describe=describe,
    ), result, label)
