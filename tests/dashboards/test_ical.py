"""The iCal feed of a body's meetings: valid RFC 5545, only meetings the user may see."""
from __future__ import annotations

import datetime

import icalendar
import pytest
from django.urls import reverse

from dashboards import ical
from meetings.models import Meeting

from .. import factories as f

pytestmark = pytest.mark.django_db


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    raw = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in raw)
    assert all(len(line.encode()) <= 75 for line in raw), "lines are folded at 75 octets"
    lines: list[str] = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def events(text: str) -> list[dict[str, str]]:
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    stack, found, current = [], [], None
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                found.append(current)
                current = None
        elif current is not None:
            current[name] = value
    assert stack == []
    for event in found:
        assert {"UID", "DTSTAMP", "SUMMARY", "STATUS"} <= set(event)
        assert "DTSTART" in event or "DTSTART;VALUE=DATE" in event
    return found


def test_a_body_calendar(world, client_for):
    w = world
    cancelled = f.MeetingFactory(body=w.body_a, date=datetime.date(2023, 4, 18), state=Meeting.State.CANCELLED,
                                 published=True, place="Dale; rådhus, sal 2")
    all_day = f.MeetingFactory(body=w.body_a, date=datetime.date(2023, 6, 6), start_time=None, end_time=None,
                               state=Meeting.State.PLANNED, published=True, place="")
    response = client_for("adviser").get(reverse("dashboards:body_calendar", args=[w.body_a.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = {e["UID"]: e for e in events(response.content.decode())}
    assert list(found) == [f"meeting-{pk}@partssamarbeid" for pk in (w.pub_a.pk, w.pub_a2.pk, cancelled.pk, all_day.pk)]
    held = found[f"meeting-{w.pub_a.pk}@partssamarbeid"]
    # 07.02.2023 10:00-11:30 in Oslo (UTC+1)
    assert (held["DTSTART"], held["DTEND"], held["STATUS"]) == ("20230207T090000Z", "20230207T103000Z", "CONFIRMED")
    assert held["SUMMARY"] == "Administrasjonsutvalet (Vaksdal)" and held["LOCATION"] == "Kommunestyresalen"
    assert "05/2023 Parkeringsavgift for tilsette" in held["DESCRIPTION"]
    assert held["URL"] == f"http://testserver/meetings/{w.pub_a.pk}/"
    off = found[f"meeting-{cancelled.pk}@partssamarbeid"]
    assert (off["STATUS"], off["LOCATION"]) == ("CANCELLED", "Dale\\; rådhus\\, sal 2")
    day = found[f"meeting-{all_day.pk}@partssamarbeid"]
    assert (day["DTSTART;VALUE=DATE"], day["DTEND;VALUE=DATE"]) == ("20230606", "20230607")


@pytest.mark.parametrize("role, sees_draft", [("hr_a", True), ("union_rep_a", True), ("hr_b", False), ("adviser", False)])
def test_drafts_only_for_the_own_municipality(world, client_for, role, sees_draft):
    text = client_for(role).get(reverse("dashboards:body_calendar", args=[world.body_a.pk])).content.decode()
    uids = {e["UID"] for e in events(text)}
    assert (f"meeting-{world.draft_a.pk}@partssamarbeid" in uids) == sees_draft
    assert ("Utkast: klimabudsjett" in text) == sees_draft
    if sees_draft:
        draft = next(e for e in events(text) if e["UID"] == f"meeting-{world.draft_a.pk}@partssamarbeid")
        assert draft["STATUS"] == "TENTATIVE"


def test_another_municipality_drafts_stay_out(world, client_for):
    text = client_for("union_rep_a").get(reverse("dashboards:body_calendar", args=[world.body_b.pk])).content.decode()
    assert [e["UID"] for e in events(text)] == [f"meeting-{world.pub_b.pk}@partssamarbeid"]
    assert "reiseregulativ" not in text.lower()


def test_anonymous_is_sent_to_login(world, client):
    response = client.get(reverse("dashboards:body_calendar", args=[world.body_a.pk]))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_unknown_body_is_404(world, client_for):
    assert client_for("adviser").get(reverse("dashboards:body_calendar", args=[999999])).status_code == 404


def test_line_breaks_and_long_lines_parse_back(world):
    """Issue 11: a lone carriage return never reaches a value; long lines are folded by the library."""
    w = world
    w.item_a2.title = "Parkering\rfor tilsette; pris, " + "æ" * 80
    w.item_a2.save()
    w.pub_a.place = "Dale\r\nrådhus"
    w.pub_a.save()
    text = ical.calendar("Kalender", [w.pub_a], lambda path: f"https://example.no{path}")
    assert "\r" not in text.replace("\r\n", "")
    events(text)  # folded at 75 octets, CRLF, balanced BEGIN/END
    parsed = icalendar.Calendar.from_ical(text)
    [event] = parsed.walk("VEVENT")
    assert str(event["LOCATION"]) == "Dale\nrådhus"
    description = str(event["DESCRIPTION"])
    assert "05/2023 Parkering\nfor tilsette; pris, " + "æ" * 80 in description
    assert description.endswith(f"https://example.no/meetings/{w.pub_a.pk}/")
    assert "\r" not in description


def test_the_body_page_links_to_its_calendar(world, client_for):
    html = client_for("adviser").get(reverse("municipalities:body_detail", args=[world.body_a.pk])).content.decode()
    assert f'href="/kommuner/bodies/{world.body_a.pk}/meetings.ics"' in html
