"""An iCalendar (RFC 5545) feed of a body's meetings.

Times are written in UTC (``...Z``), so no VTIMEZONE block is needed; meetings without a start
time are all-day events. Cancelled meetings keep their UID with ``STATUS:CANCELLED``, so a
subscribed calendar marks them instead of losing them; drafts are ``TENTATIVE``.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.utils import timezone

from meetings.models import Meeting

PRODID = "-//Partssamarbeid//Meetings//NB"
UID_DOMAIN = "partssamarbeid"


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuation lines start with a space)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _local(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time), timezone.get_default_timezone())


STATUS = {Meeting.State.CANCELLED: "CANCELLED", Meeting.State.HELD: "CONFIRMED", Meeting.State.PLANNED: "CONFIRMED"}


def event_lines(meeting: Meeting, body_name: str, url: str, stamp: datetime.datetime) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:meeting-{meeting.pk}@{UID_DOMAIN}", f"DTSTAMP:{_utc(stamp)}"]
    if meeting.start_time:
        start = _local(meeting.date, meeting.start_time)
        lines.append(f"DTSTART:{_utc(start)}")
        if meeting.end_time:
            lines.append(f"DTEND:{_utc(_local(meeting.date, meeting.end_time))}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{meeting.date + datetime.timedelta(days=1):%Y%m%d}")
    lines.append(f"SUMMARY:{escape_text(body_name)}")
    if meeting.place:
        lines.append(f"LOCATION:{escape_text(meeting.place)}")
    status = STATUS.get(meeting.state, "CONFIRMED") if meeting.published else "TENTATIVE"
    lines.append(f"STATUS:{status}")
    agenda = "\n".join(str(item) for item in meeting.items.all())
    if agenda:
        lines.append(f"DESCRIPTION:{escape_text(agenda)}")
    lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(name: str, body_name: str, meetings: Iterable[Meeting], url: Callable[[str], str]) -> str:
    """The VCALENDAR text (CRLF line endings, folded lines)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "X-WR-TIMEZONE:Europe/Oslo",
    ]
    for meeting in meetings:
        stamp = meeting.updated_at or timezone.now()
        lines.extend(event_lines(meeting, body_name, url(meeting.get_absolute_url()), stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
