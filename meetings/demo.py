"""Demo meetings whose counts reproduce the research figures (see DOMAIN.md).

Item texts live in :mod:`meetings.demo_agenda`; their climate levels are earned from the
classifier when the items are saved, never set by hand here.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from municipalities.models import Body, Membership, Organisation

from . import demo_agenda
from .models import AgendaItem, Attendance, Meeting, Proposal, Request


@dataclass(frozen=True)
class DemoSchedule:
    municipality: str
    items: list[dict]
    first: datetime.date
    last: datetime.date
    held: int
    cancelled: int
    drafts: tuple[datetime.date, ...] = ()
    pinned: tuple[datetime.date, ...] = field(default=())


SCHEDULES = [
    # Lillestrøm PSU: 19 meetings 27.05.2020-31.05.2023 plus 5 cancelled, 38 items (Include/UiO 2023).
    DemoSchedule("3205", demo_agenda.LILLESTROM_ITEMS, datetime.date(2020, 5, 27), datetime.date(2023, 5, 31), 19, 5),
    # Sarpsborg Administrasjonsutvalget: 16 meetings Nov 2019-June 2023 plus 4 cancelled, 46 items.
    DemoSchedule(
        "3105", demo_agenda.SARPSBORG_ITEMS, datetime.date(2019, 11, 7), datetime.date(2023, 6, 15), 16, 4,
        drafts=(datetime.date(2024, 2, 8),),
    ),
    DemoSchedule(
        "4628", demo_agenda.VAKSDAL_ITEMS, datetime.date(2022, 3, 15), datetime.date(2024, 5, 14), 5, 1,
        drafts=(datetime.date(2024, 9, 10),),
    ),
    DemoSchedule("3303", demo_agenda.KONGSBERG_ITEMS, datetime.date(2021, 3, 10), datetime.date(2024, 4, 17), 5, 0),
]

START = datetime.time(10, 0)
END = datetime.time(12, 0)


def _spread(first: datetime.date, last: datetime.date, count: int) -> list[datetime.date]:
    if count == 1:
        return [first]
    step = (last - first) / (count - 1)
    return [first + step * i for i in range(count)]


def meeting_dates(schedule: DemoSchedule) -> tuple[list[datetime.date], list[datetime.date]]:
    """Held meeting dates (first and last fixed, pinned item dates included) and cancelled ones."""
    held = _spread(schedule.first, schedule.last, schedule.held)
    pinned = sorted({datetime.date.fromisoformat(i["date"]) for i in schedule.items if i.get("date")})
    for day in pinned:
        if day in held:
            continue
        inner = range(1, len(held) - 1)
        nearest = min((i for i in inner if held[i] not in pinned), key=lambda i: abs((held[i] - day).days))
        held[nearest] = day
    held.sort()
    gaps = sorted(range(len(held) - 1), key=lambda i: (held[i + 1] - held[i]).days, reverse=True)
    cancelled = sorted(held[i] + (held[i + 1] - held[i]) / 2 for i in gaps[: schedule.cancelled])
    return held, cancelled


def distribute(items: list[dict], dates: list[datetime.date]) -> dict[datetime.date, list[dict]]:
    """Pinned items go to their date; the rest fill meetings in order, as evenly as possible."""
    base, extra = divmod(len(items), len(dates))
    capacity = {day: base + (1 if i < extra else 0) for i, day in enumerate(dates)}
    placed: dict[datetime.date, list[dict]] = {day: [] for day in dates}
    for item in items:
        if item.get("date"):
            placed[datetime.date.fromisoformat(item["date"])].append(item)
    for item in items:
        if item.get("date"):
            continue
        day = next(d for d in dates if len(placed[d]) < capacity[d])
        placed[day].append(item)
    return placed


def demo_absences(regular: list, index: int) -> tuple:
    """(absent seat, seat not recorded) at the ``index``-th demo meeting of a body: the last
    employee-side seat is absent at every fourth meeting (1, 5, 9 ...), and the last seat's
    attendance is not recorded at every fifth (2, 7, 12 ...); None where nobody is."""
    employee_seats = [s for s in regular if s.side == Membership.Side.EMPLOYEE]
    absent = employee_seats[-1] if index % 4 == 1 and employee_seats else None
    not_recorded = regular[-1] if index % 5 == 2 else None
    return absent, not_recorded


def seat_status(seat, absent, not_recorded) -> str:
    """A regular seat's attendance status, given the absent seat and the seat not recorded."""
    if seat == absent:
        return Attendance.Status.ABSENT
    if seat == not_recorded:
        return Attendance.Status.NOT_RECORDED
    return Attendance.Status.PRESENT


def _attendance(meeting: Meeting, body: Body, index: int, admin_name: str) -> None:
    seats = list(
        Membership.objects.filter(body=body).select_related("person").order_by("side", "role", "person__name")
    )
    regular = [s for s in seats if s.role != Membership.Role.VARAMEDLEM]
    substitutes = {s.side: s for s in seats if s.role == Membership.Role.VARAMEDLEM}
    absent, not_recorded = demo_absences(regular, index)
    if Attendance.objects.filter(meeting=meeting).exists():
        return  # idempotent: keep what an earlier run (or a person) recorded
    for seat in regular:
        Attendance.objects.create(
            meeting=meeting, person=seat.person, membership=seat, status=seat_status(seat, absent, not_recorded),
            side=seat.side, organisation=seat.on_behalf_of, role=seat.get_role_display(),
        )
    if absent and Membership.Side.EMPLOYEE in substitutes:
        sub = substitutes[Membership.Side.EMPLOYEE]
        Attendance.objects.create(
            meeting=meeting, person=sub.person, membership=sub, status=Attendance.Status.PRESENT,
            substitute_for=absent, side=sub.side, organisation=sub.on_behalf_of, role=sub.get_role_display(),
        )
    Attendance.objects.create(
        meeting=meeting, name=admin_name, status=Attendance.Status.PRESENT, side=Attendance.Side.OTHER,
        role="Kommunedirektør",
    )


def _proposals(item: AgendaItem, spec: dict, orgs: dict[str, Organisation]) -> None:
    if item.item_type != AgendaItem.Type.PS or item.proposals.exists():
        return
    position = 1
    for extra in spec.get("proposals", []):
        proposal = Proposal.objects.create(
            item=item, position=position, kind=extra["kind"], text=extra.get("text", ""),
            outcome=extra["outcome"], votes_for=extra.get("votes_for"), votes_against=extra.get("votes_against"),
        )
        proposal.proposers.set([orgs[name] for name in extra["proposers"]])
        position += 1
    Proposal.objects.create(
        item=item, position=0, kind=Proposal.Kind.ADMINISTRATION, by_administration=True,
        text=item.administration_proposal, outcome=Proposal.Outcome.ADOPTED,
    )


def seed_meetings(bodies: dict[str, Body], classify) -> dict[str, int]:
    """Create the demo meetings for every schedule; ``classify(item)`` sets the climate fields."""
    orgs = {o.short_name: o for o in Organisation.objects.all()}
    counts = {"meetings": 0, "items": 0}
    for schedule in SCHEDULES:
        body = bodies[schedule.municipality]
        held, cancelled = meeting_dates(schedule)
        placed = distribute(schedule.items, held)
        admin_name = f"Kommunedirektøren i {body.municipality.name}"
        case_counter: dict[int, int] = {}
        for index, day in enumerate(held):
            meeting = _meeting(body, day, Meeting.State.HELD, published=True)
            _attendance(meeting, body, index, admin_name)
            for position, spec in enumerate(placed[day], start=1):
                case_counter[day.year] = case_counter.get(day.year, 0) + 1
                item = _item(meeting, position, f"{case_counter[day.year]:02d}/{day.year}", spec)
                _proposals(item, spec, orgs)
                classify(item)
                counts["items"] += 1
            counts["meetings"] += 1
        for day in cancelled:
            meeting = _meeting(body, day, Meeting.State.CANCELLED, published=True)
            counts["meetings"] += 1
        for day in schedule.drafts:
            draft = _meeting(body, day, Meeting.State.PLANNED, published=False)
            _item(draft, 1, f"01/{day.year}", {"title": "Godkjenning av innkalling og saksliste", "type": "PS", "procedural": True})
            counts["meetings"] += 1
    _requests(bodies)
    return counts


def _meeting(body: Body, day: datetime.date, state: str, *, published: bool) -> Meeting:
    meeting, _ = Meeting.objects.update_or_create(
        body=body, date=day, start_time=START,
        defaults={"end_time": END, "place": "Kommunestyresalen", "state": state, "published": published},
    )
    return meeting


def _item(meeting: Meeting, position: int, case_number: str, spec: dict) -> AgendaItem:
    text = demo_agenda.case_paper_text({"text": "", **spec})
    item, _ = AgendaItem.objects.update_or_create(
        meeting=meeting,
        position=position,
        defaults={
            "case_number": case_number,
            "title": spec["title"],
            "item_type": spec.get("type", "PS"),
            "procedural": spec.get("procedural", False),
            "text": text,
            "administration_proposal": spec.get("proposal", "Saka vert teken til orientering."),
            "decision": spec.get("decision", spec.get("proposal", "Saka vert teken til orientering.")),
        },
    )
    return item


def _requests(bodies: dict[str, Body]) -> None:
    """Employee-side requests that put an item on a later agenda."""
    for body in bodies.values():
        meetings = list(Meeting.objects.filter(body=body, state=Meeting.State.HELD).order_by("date"))
        if len(meetings) < 3:
            continue
        target = AgendaItem.objects.filter(meeting=meetings[2], procedural=False).order_by("position").first()
        asker = (
            Membership.objects.filter(body=body, side=Membership.Side.EMPLOYEE, role=Membership.Role.MEDLEM)
            .select_related("person", "on_behalf_of").order_by("person__name").first()
        )
        if not target or not asker:
            continue
        Request.objects.update_or_create(
            meeting=meetings[1],
            person=asker.person,
            defaults={
                "organisation": asker.on_behalf_of,
                "text": f"Ber om at sak om «{target.title}» blir teken med på sakslista til neste møte.",
                "asks_for_agenda_item": True,
                "resulting_item": target,
            },
        )
