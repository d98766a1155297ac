"""An iCalendar (RFC 5545) feed of meetings, built with the ``icalendar`` library.

Times are written in UTC (``...Z``), so no VTIMEZONE block is needed; meetings without a start
time are all-day events. Cancelled meetings keep their UID with ``STATUS:CANCELLED``, so a
subscribed calendar marks them instead of losing them; drafts are ``TENTATIVE``. Each event
carries the agenda in its description and a link back to the meeting. Escaping and line folding
are the library's; line breaks in our text (``\\r\\n``, a lone ``\\r``) become ``\\n`` first, so no
carriage return reaches a value.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from meetings.models import Meeting

PRODID = "-//Partssamarbeid//Meetings//NB"
UID_DOMAIN = "partssamarbeid"
STATUS = {Meeting.State.CANCELLED: "CANCELLED", Meeting.State.HELD: "CONFIRMED", Meeting.State.PLANNED: "CONFIRMED"}


def clean_text(value: str) -> str:
    """One kind of line break (``\\n``) and no other control characters."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c == "\n" or c == "\t" or ord(c) >= 32)


def _utc(day: datetime.date, time: datetime.time) -> datetime.datetime:
    local = timezone.make_aware(datetime.datetime.combine(day, time), timezone.get_default_timezone())
    return local.astimezone(datetime.UTC)


def event(meeting: Meeting, summary: str, url: str, stamp: datetime.datetime) -> Event:
    item = Event()
    item.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
    item.add("dtstamp", stamp.astimezone(datetime.UTC))
    if meeting.start_time:
        item.add("dtstart", _utc(meeting.date, meeting.start_time))
        if meeting.end_time:
            item.add("dtend", _utc(meeting.date, meeting.end_time))
    else:
        item.add("dtstart", meeting.date)
        item.add("dtend", meeting.date + datetime.timedelta(days=1))
    item.add("summary", clean_text(summary))
    if meeting.place:
        item.add("location", clean_text(meeting.place))
    item.add("status", STATUS.get(meeting.state, "CONFIRMED") if meeting.published else "TENTATIVE")
    agenda = "\n".join(clean_text(str(i)) for i in meeting.items.all())
    item.add("description", f"{agenda}\n\n{url}" if agenda else url)
    item.add("url", url)
    return item


def calendar(name: str, meetings: Iterable[Meeting], url: Callable[[str], str],
             summary: Callable[[Meeting], str] | None = None) -> str:
    """The VCALENDAR text (CRLF line endings, folded lines). ``summary`` names each event (default: the body)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_text(name))
    cal.add("x-wr-timezone", "Europe/Oslo")
    for meeting in meetings:
        title = summary(meeting) if summary else f"{meeting.body.name} ({meeting.body.municipality.name})"
        cal.add_component(event(meeting, title, url(meeting.get_absolute_url()), meeting.updated_at or timezone.now()))
    return cal.to_ical().decode("utf-8")
