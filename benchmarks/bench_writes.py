"""Time the write path: saving an agenda item and a meeting through their edit pages.

Called by benchmarks/bench_pages.py (make bench) on the national dataset. An HR user of the
municipality loads the edit page, posts it back with a changed title (what a browser sends:
every field of the rendered form), and the server-side time of the POST is measured. A save
only marks the statistics it touches stale; the worker's refresh of those keys after the commit
(:func:`dashboards.statistics.refresh_stale`) is timed separately, as the worker would run it.
Target: write p95 under 100 ms (docs/deploy.md).
"""
from __future__ import annotations

import contextlib
import time
from html.parser import HTMLParser
from urllib.parse import urlencode


def input_value(attrs: dict) -> str | None:
    """What an <input> submits: None for an unchecked box, a button or a file."""
    kind = (attrs.get("type") or "text").lower()
    if (kind in ("checkbox", "radio") and "checked" not in attrs) or kind in ("submit", "button", "file"):
        return None
    return attrs.get("value", "on" if kind == "checkbox" else "")


class _FormFields(HTMLParser):
    """The name/value pairs a browser would submit for each POST form of a page."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self.data: list[tuple[str, str]] = []
        self._in_form = False
        self._select: str | None = None
        self._multiple = False
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._in_form, self.data = True, []
            self.forms.append(self.data)
        if not self._in_form or not a.get("name") and tag != "option":
            return
        if tag == "input":
            value = input_value(a)
            if value is not None:
                self.data.append((a["name"], value))
        elif tag == "select":
            self._select, self._options, self._multiple = a["name"], [], "multiple" in a
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form:
            self._in_form = False
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._multiple:  # a single select sends its first option
                chosen = [value for value, _selected in self._options[:1]]
            self.data.extend((self._select, value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def form_payload(html: str, field: str) -> dict[str, list[str]]:
    """What the page's POST form that has ``field`` submits, unchanged."""
    parser = _FormFields()
    parser.feed(html)
    for data in parser.forms:
        if any(name == field for name, _value in data):
            payload: dict[str, list[str]] = {}
            for name, value in data:
                payload.setdefault(name, []).append(value)
            return payload
    raise AssertionError(f"no form with {field}")


def time_saves(client, url: str, title_field: str, rounds: int, p95, refresh) -> dict:
    """POST the edit page at ``url`` ``rounds`` times with a new title; p95 of the POST and of
    the worker's refresh that follows it (ms)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def save(n: int, captured=None):
        page = client.get(url)
        assert page.status_code == 200, url
        payload = form_payload(page.content.decode(), title_field)
        payload[title_field] = [f"{payload[title_field][0].split(' #')[0]} #{n}"]
        body = urlencode(payload, doseq=True)  # as a browser sends a form without files
        with captured if captured is not None else contextlib.nullcontext():
            started = time.perf_counter()
            response = client.post(url, body, content_type="application/x-www-form-urlencoded")
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 302, (url, response.status_code)
        return elapsed

    writes, refreshes = [], []
    for n in range(rounds + 3):
        elapsed = save(n)
        started = time.perf_counter()
        refresh()
        refreshed = (time.perf_counter() - started) * 1000
        if n >= 3:  # after warm-up
            writes.append(elapsed)
            refreshes.append(refreshed)
    captured = CaptureQueriesContext(connection)
    save(rounds + 3, captured)  # one more save, its queries counted (not timed)
    refresh()
    return {
        "ms_p95": round(p95(writes), 1), "refresh_ms_p95": round(p95(refreshes), 1),
        "queries": len(captured.captured_queries),
    }


def measure_writes(municipality: str, rounds: int, p95) -> dict:
    """Item and meeting saves through their pages, on a held published meeting of ``municipality``."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from dashboards.statistics import refresh_stale
    from meetings.models import AgendaItem, Meeting
    from municipalities.models import Profile

    user, _created = get_user_model().objects.get_or_create(username="bench-hr")
    Profile.objects.update_or_create(user=user, defaults={"role": Profile.Role.HR, "municipality_id": municipality})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    meeting = (
        Meeting.objects.filter(body__municipality_id=municipality, published=True, state=Meeting.State.HELD)
        .order_by("-date").first()
    )
    item = AgendaItem.objects.filter(meeting=meeting).order_by("position").first()
    refresh_stale()
    item_result = time_saves(client, f"/items/{item.pk}/edit/", "title", rounds, p95, refresh_stale)
    meeting_result = time_saves(client, f"/meetings/{meeting.pk}/edit/", "place", rounds, p95, refresh_stale)
    return {
        "write_item_ms_p95": item_result["ms_p95"],
        "write_meeting_ms_p95": meeting_result["ms_p95"],
        "refresh_after_item_write_ms_p95": item_result["refresh_ms_p95"],
        "refresh_after_meeting_write_ms_p95": meeting_result["refresh_ms_p95"],
        "queries_write_item": item_result["queries"],
        "queries_write_meeting": meeting_result["queries"],
        "write_items_on_meeting": AgendaItem.objects.filter(meeting=meeting).count(),
    }
