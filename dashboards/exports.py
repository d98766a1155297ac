"""CSV and XLSX exports of the comparison table and of the records behind any figure.

CSV is streamed row by row (querysets are read in chunks), so its size is bounded only by the
data; XLSX is built in openpyxl's write-only mode and capped at :data:`XLSX_MAX_ROWS` rows (a
last row says so when the cap is reached; the CSV has everything). Column names are stable,
machine-readable English codes; values are plain (ISO dates, ``true``/``false``, empty for no
data). Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``)
is prefixed with an apostrophe. Control characters that XML cannot carry (from an imported PDF,
say) are dropped from XLSX cells, so one odd title cannot break a whole export.
"""
from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from municipalities import permissions

from .metrics import API_METRICS
from .queries import ComparisonRow, evidence_phrases

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_MAX_ROWS = 100_000
CHUNK = 1000
FORMATS = ("csv", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 4))
    if isinstance(value, str):
        return safe_text(value)
    return str(value)


def xlsx_value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, str):
        return safe_text(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


class _Echo:
    def write(self, value):
        return value


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)  # the byte-order mark makes spreadsheets read UTF-8
    for row in rows:
        yield writer.writerow([csv_value(v) for v in row])


def xlsx_bytes(header: list[str], rows: Iterable[list], sheet: str = "data") -> bytes:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    worksheet.append(header)
    for n, row in enumerate(rows):
        if n >= XLSX_MAX_ROWS:
            worksheet.append([f"Truncated after {XLSX_MAX_ROWS} rows: download the CSV for all rows."])
            break
        worksheet.append([xlsx_value(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def response(fmt: str, filename: str, header: list[str], rows: Iterable[list], sheet: str = "data"):
    if fmt == "csv":
        result = StreamingHttpResponse(csv_lines(header, rows), content_type=CSV_CONTENT_TYPE)
    else:
        result = HttpResponse(xlsx_bytes(header, rows, sheet), content_type=XLSX_CONTENT_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return result


def chunked(rows):
    """A queryset read in chunks (bounded memory), or any other iterable as it is."""
    return rows.iterator(chunk_size=CHUNK) if hasattr(rows, "iterator") else rows


# --- the tables --------------------------------------------------------------------------------------

COMPARISON_HEADER = [
    "municipality", "name", "county", "population", "body_kind", "from", "to", *API_METRICS,
    "index_weight_with_data", "data_last_imported",
]


def comparison_rows(rows: Iterable[ComparisonRow]) -> Iterator[list]:
    for row in rows:
        m, card = row.municipality, row.card
        yield [
            m.number, m.name, m.county_name, m.population, card.body_kind, card.period.start, card.period.end,
            *(card.value(key) for key in API_METRICS), card.index_weight, card.data_last_imported,
        ]


ITEM_HEADER = [
    "municipality", "municipality_name", "body", "body_kind", "meeting_id", "meeting_date", "meeting_state",
    "item_id", "position", "case_number", "title", "item_type", "procedural", "substantive", "climate_level",
    "climate_level_automatic", "climate_override", "climate_evidence", "env_assessment", "employee_proposal",
    "employee_request", "employee_statement", "url",
]


def item_rows(items, url: Callable[[str], str], user=None) -> Iterator[list]:
    for item in chunked(items):
        meeting = item.meeting
        body = meeting.body
        yield [
            body.municipality_id, body.municipality.name, body.name, body.kind, meeting.pk, meeting.date,
            meeting.state, item.pk, item.position, item.case_number, item.title, item.item_type, item.procedural,
            not item.procedural and item.item_type != "RS", item.effective_climate_level, item.climate_level,
            item.climate_override, "; ".join(evidence_phrases(item, limit=50)), item.env_assessment,
            item.employee_proposal, item.employee_request, item.employee_statement,
            url(item.get_absolute_url()),
        ]


MEETING_HEADER = [
    "municipality", "municipality_name", "body", "body_kind", "meeting_id", "date", "start_time", "end_time",
    "place", "state", "last_imported_at", "url",
]


def meeting_rows(meetings, url: Callable[[str], str], user=None) -> Iterator[list]:
    for meeting in chunked(meetings):
        body = meeting.body
        yield [
            body.municipality_id, body.municipality.name, body.name, body.kind, meeting.pk, meeting.date,
            meeting.start_time, meeting.end_time, meeting.place, meeting.state, meeting.last_imported_at,
            url(meeting.get_absolute_url()),
        ]


SEAT_HEADER = [
    "municipality", "meeting_id", "meeting_date", "attendance_id", "name", "organisation", "role", "status",
    "filled", "url",
]


def seat_rows(seats, url: Callable[[str], str], user=None) -> Iterator[list]:
    for seat in chunked(seats):
        meeting = seat.meeting
        yield [
            meeting.body.municipality_id, meeting.pk, meeting.date, seat.pk, seat.display_name,
            seat.organisation.short_name if seat.organisation_id else "", seat.role, seat.status, seat.filled,
            url(meeting.get_absolute_url()),
        ]


REQUEST_HEADER = [
    "municipality", "meeting_id", "meeting_date", "request_id", "asked_by", "organisation", "text",
    "asks_for_agenda_item", "raised_under_item_id", "resulting_item_id", "url",
]


def request_rows(requests, url: Callable[[str], str], user) -> Iterator[list]:
    for request in chunked(requests):
        meeting = request.meeting
        result = permissions.readable(user, request.resulting_item)
        yield [
            meeting.body.municipality_id, meeting.pk, meeting.date, request.pk, request.asked_by,
            request.organisation.short_name if request.organisation_id else "", request.text,
            request.asks_for_agenda_item, request.raised_under_id, result.pk if result else None,
            url(meeting.get_absolute_url()),
        ]


MEASURE_HEADER = [
    "municipality", "municipality_name", "measure_id", "title", "status", "topics", "affects_employees",
    "proposed_date", "decision_date", "reference_date", "first_involvement_date", "first_consultation_date",
    "max_level", "timing", "url",
]


def measure_rows(measures, url: Callable[[str], str], user=None) -> Iterator[list]:
    for measure in measures:
        s = measure.summary
        yield [
            measure.municipality_id, measure.municipality.name, measure.pk, measure.title, measure.status,
            " ".join(t.code for t in measure.topics.all()), measure.affects_employees, measure.proposed_date,
            measure.decision_date, measure.reference_date, s.first_involvement_date, s.first_consultation_date,
            s.max_level, str(s.timing), url(measure.get_absolute_url()),
        ]


#: kind -> (header, rows function). Each rows function takes the records, a function that makes a
#: URL absolute and the user: a reference to another record goes through ``permissions.readable``.
RECORD_TABLES = {
    "items": (ITEM_HEADER, item_rows),
    "meetings": (MEETING_HEADER, meeting_rows),
    "seats": (SEAT_HEADER, seat_rows),
    "requests": (REQUEST_HEADER, request_rows),
    "measures": (MEASURE_HEADER, measure_rows),
}

INITIATIVE_HEADER = ["record_type", "municipality", "id", "date", "text", "organisation", "url"]


def initiative_rows(requests, measures, url: Callable[[str], str]) -> Iterator[list]:
    """Employee-side initiatives: requests at meetings, then measures initiated by the employee side."""
    for request in chunked(requests):
        yield [
            "request", request.meeting.body.municipality_id, request.pk, request.meeting.date, request.text,
            request.organisation.short_name if request.organisation_id else "", url(request.meeting.get_absolute_url()),
        ]
    for measure in measures:
        yield [
            "measure", measure.municipality_id, measure.pk, measure.reference_date, measure.title, "",
            url(measure.get_absolute_url()),
        ]
