"""CSV and XLSX exports of the comparison table and of the records behind any figure: the
tables (their columns and the rows of values in that order). One writer serves every export:
:mod:`dashboards.spreadsheet` (its names are imported from here too).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from measures.models import Topic
from measures.services import Timing
from meetings.models import AgendaItem, Attendance, Meeting
from municipalities import permissions

from .metrics import METRICS
from .queries import ComparisonRow, evidence_phrases
from .spreadsheet import FORMATS as FORMATS
from .spreadsheet import Column, Table, chunked, label
from .spreadsheet import csv_value as csv_value
from .spreadsheet import decimal_comma as decimal_comma
from .spreadsheet import response as response
from .spreadsheet import safe_text as safe_text

# --- the columns ----------------------------------------------------------------------------------------

C = Column
MUNICIPALITY = C("municipality", gettext_lazy("Municipality number"), width=12,
                 help=gettext_lazy("The municipality's four-digit number (two digits for a county municipality)."))
MUNICIPALITY_NAME = C("municipality_name", gettext_lazy("Municipality"), width=20)
BODY = C("body", gettext_lazy("Body"), help=gettext_lazy("The committee or forum that met."))
BODY_KIND = C("body_kind", gettext_lazy("Body kind"), width=10,
              help=gettext_lazy("PSU, AMU, HAMU and so on: the kind of body the figures and records are for."))
MEETING_ID = C("meeting_id", gettext_lazy("Meeting ID"), "int",
               gettext_lazy("The meeting's number in Partssamarbeid (part of its web address)."))
MEETING_DATE = C("meeting_date", gettext_lazy("Meeting date"), "date")
URL = C("url", gettext_lazy("Web address"), "url", gettext_lazy("The record's page in Partssamarbeid."))


def _metric_kind(kind: str) -> str:
    return {"share": "share", "count": "int"}.get(kind, "decimal")


COMPARISON = Table(
    gettext_lazy("Comparison"),
    (
        MUNICIPALITY, MUNICIPALITY_NAME, C("county", gettext_lazy("County"), width=16),
        C("population", gettext_lazy("Population"), "int", gettext_lazy("Inhabitants on 1 January (Statistics Norway).")),
        BODY_KIND,
        C("from", gettext_lazy("From"), "date", gettext_lazy("First day of the period.")),
        C("to", gettext_lazy("To"), "date", gettext_lazy("Last day of the period.")),
        *(C(m.key, m.label, _metric_kind(m.kind), m.definition) for m in METRICS),
        C("index_weight_with_data", gettext_lazy("Index weight with data"), "int",
          gettext_lazy("How many of the index's 100 points come from components with data.")),
        C("data_last_imported", gettext_lazy("Data last imported"), "datetime"),
    ),
)


def comparison_rows(rows: Iterable[ComparisonRow]) -> Iterator[list]:
    for row in rows:
        m, card = row.municipality, row.card
        yield [
            m.number, m.name, m.county_name, m.population, card.body_kind, card.period.start, card.period.end,
            *(card.value(metric.key) for metric in METRICS), card.index_weight, card.data_last_imported,
        ]


ITEMS = Table(
    gettext_lazy("Agenda items"),
    (
        MUNICIPALITY, MUNICIPALITY_NAME, BODY, BODY_KIND, MEETING_ID, MEETING_DATE,
        C("meeting_state", gettext_lazy("Meeting state"), width=12),
        C("item_id", gettext_lazy("Item ID"), "int", gettext_lazy("The agenda item's number in Partssamarbeid.")),
        C("position", gettext_lazy("Item no."), "int", gettext_lazy("The item's place on the agenda.")),
        C("case_number", gettext_lazy("Case number"), width=12),
        C("title", gettext_lazy("Title"), width=50),
        C("item_type", gettext_lazy("Item type"), width=10,
          help=gettext_lazy("PS: case for decision, RS: report, or information or consultation.")),
        C("procedural", gettext_lazy("Procedural"), "bool",
          gettext_lazy("Approval of the notice, agenda or minutes: not a substantive item.")),
        C("substantive", gettext_lazy("Substantive"), "bool",
          gettext_lazy("Neither procedural nor a report: counted among the substantive items.")),
        C("climate_level", gettext_lazy("Climate relevance"),
          help=gettext_lazy("A person's assessment when there is one, else the classifier's.")),
        C("climate_level_automatic", gettext_lazy("Climate relevance (automatic)"),
          help=gettext_lazy("What the classifier found in the item's text.")),
        C("climate_override", gettext_lazy("Climate relevance (set by a person)")),
        C("climate_evidence", gettext_lazy("Climate words found"), width=40,
          help=gettext_lazy("The words and phrases the classifier matched.")),
        C("env_assessment", gettext_lazy("Environmental consequences"), width=30,
          help=gettext_lazy("What the case paper says about environmental consequences.")),
        C("employee_proposal", gettext_lazy("Proposal from the employee side"), "bool"),
        C("employee_request", gettext_lazy("Request from the employee side"), "bool"),
        C("employee_statement", gettext_lazy("Statement from the employee side"), "bool"),
        URL,
    ),
)


def item_rows(items, url: Callable[[str], str], user=None) -> Iterator[list]:
    level = AgendaItem.ClimateLevel
    for item in chunked(items):
        meeting = item.meeting
        body = meeting.body
        yield [
            body.municipality_id, body.municipality.name, body.name, body.kind, meeting.pk, meeting.date,
            label(Meeting.State, meeting.state), item.pk, item.position, item.case_number, item.title,
            item.item_type, item.procedural, not item.procedural and item.item_type != "RS",
            label(level, item.effective_climate_level), label(level, item.climate_level),
            label(level, item.climate_override), "; ".join(evidence_phrases(item, limit=50)),
            label(AgendaItem.EnvAssessment, item.env_assessment), item.employee_proposal, item.employee_request,
            item.employee_statement, url(item.get_absolute_url()),
        ]


MEETINGS = Table(
    gettext_lazy("Meetings"),
    (
        MUNICIPALITY, MUNICIPALITY_NAME, BODY, BODY_KIND, MEETING_ID, C("date", gettext_lazy("Date"), "date"),
        C("start_time", gettext_lazy("Starts"), "time"), C("end_time", gettext_lazy("Ends"), "time"),
        C("place", gettext_lazy("Place")), C("state", gettext_lazy("State"), width=12),
        C("last_imported_at", gettext_lazy("Last imported"), "datetime"), URL,
    ),
)


def meeting_rows(meetings, url: Callable[[str], str], user=None) -> Iterator[list]:
    for meeting in chunked(meetings):
        body = meeting.body
        yield [
            body.municipality_id, body.municipality.name, body.name, body.kind, meeting.pk, meeting.date,
            meeting.start_time, meeting.end_time, meeting.place, label(Meeting.State, meeting.state),
            meeting.last_imported_at, url(meeting.get_absolute_url()),
        ]


SEATS = Table(
    gettext_lazy("Seats"),
    (
        MUNICIPALITY, MEETING_ID, MEETING_DATE,
        C("attendance_id", gettext_lazy("Attendance ID"), "int"), C("name", gettext_lazy("Name")),
        C("organisation", gettext_lazy("Organisation"), width=14), C("role", gettext_lazy("Role")),
        C("status", gettext_lazy("Attendance"), width=14),
        C("filled", gettext_lazy("Seat filled"), "bool",
          gettext_lazy("The member was present, or a substitute met in their place.")),
        URL,
    ),
)


def seat_rows(seats, url: Callable[[str], str], user=None) -> Iterator[list]:
    for seat in chunked(seats):
        meeting = seat.meeting
        yield [
            meeting.body.municipality_id, meeting.pk, meeting.date, seat.pk, seat.display_name,
            seat.organisation.short_name if seat.organisation_id else "", seat.role,
            label(Attendance.Status, seat.status), seat.filled, url(meeting.get_absolute_url()),
        ]


REQUESTS = Table(
    gettext_lazy("Requests"),
    (
        MUNICIPALITY, MEETING_ID, MEETING_DATE, C("request_id", gettext_lazy("Request ID"), "int"),
        C("asked_by", gettext_lazy("Asked by")), C("organisation", gettext_lazy("Organisation"), width=14),
        C("text", gettext_lazy("Text"), width=50),
        C("asks_for_agenda_item", gettext_lazy("Asks for an agenda item"), "bool"),
        C("raised_under_item_id", gettext_lazy("Raised under item ID"), "int"),
        C("resulting_item_id", gettext_lazy("Resulting item ID"), "int",
          gettext_lazy("The agenda item the request led to, if any.")),
        URL,
    ),
)


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


MEASURES = Table(
    gettext_lazy("Climate measures"),
    (
        MUNICIPALITY, MUNICIPALITY_NAME, C("measure_id", gettext_lazy("Measure ID"), "int"),
        C("title", gettext_lazy("Title"), width=50), C("status", gettext_lazy("Status"), width=14),
        C("topics", gettext_lazy("Topics"), width=30),
        C("affects_employees", gettext_lazy("Affects employees"), "bool"),
        C("proposed_date", gettext_lazy("Proposed"), "date"), C("decision_date", gettext_lazy("Decided"), "date"),
        C("reference_date", gettext_lazy("Reference date"), "date",
          gettext_lazy("The date that places the measure in a period: decision, else proposal, else first involvement.")),
        C("first_involvement_date", gettext_lazy("First involvement"), "date"),
        C("first_consultation_date", gettext_lazy("First consultation"), "date"),
        C("max_level", gettext_lazy("Highest involvement level"), "int",
          gettext_lazy("0 not involved, 1 informed, 2 consulted, 3 co-determined, 4 initiated by the employee side.")),
        C("timing", gettext_lazy("Timing"), width=30,
          help=gettext_lazy("Whether the employee side was consulted before the decision.")),
        URL,
    ),
)


def measure_rows(measures, url: Callable[[str], str], user=None) -> Iterator[list]:
    for measure in measures:
        s = measure.summary
        yield [
            measure.municipality_id, measure.municipality.name, measure.pk, measure.title,
            label(type(measure).Status, measure.status),
            "; ".join(label(Topic.Code, t.code) for t in measure.topics.all()), measure.affects_employees,
            measure.proposed_date, measure.decision_date, measure.reference_date, s.first_involvement_date,
            s.first_consultation_date, s.max_level, label(Timing, s.timing), url(measure.get_absolute_url()),
        ]


#: kind -> (table, rows function). Each rows function takes the records, a function that makes a
#: URL absolute and the user: a reference to another record goes through ``permissions.readable``.
RECORD_TABLES = {
    "items": (ITEMS, item_rows),
    "meetings": (MEETINGS, meeting_rows),
    "seats": (SEATS, seat_rows),
    "requests": (REQUESTS, request_rows),
    "measures": (MEASURES, measure_rows),
}

INITIATIVES = Table(
    gettext_lazy("Initiatives"),
    (
        C("record_type", gettext_lazy("Kind of record"), help=gettext_lazy("A request at a meeting, or a climate measure.")),
        MUNICIPALITY, C("id", gettext_lazy("ID"), "int"), C("date", gettext_lazy("Date"), "date"),
        C("text", gettext_lazy("Text"), width=50), C("organisation", gettext_lazy("Organisation"), width=14), URL,
    ),
)


def initiative_rows(requests, measures, url: Callable[[str], str]) -> Iterator[list]:
    """Employee-side initiatives: requests at meetings, then measures initiated by the employee side."""
    request_kind, measure_kind = _("Request"), _("Climate measure")
    for request in chunked(requests):
        yield [
            request_kind, request.meeting.body.municipality_id, request.pk, request.meeting.date, request.text,
            request.organisation.short_name if request.organisation_id else "", url(request.meeting.get_absolute_url()),
        ]
    for measure in measures:
        yield [
            measure_kind, measure.municipality_id, measure.pk, measure.reference_date, measure.title, "",
            url(measure.get_absolute_url()),
        ]


ORGANISATION = Table(
    gettext_lazy("Organisation"),
    (
        MUNICIPALITY, MUNICIPALITY_NAME,
        C("organisation", gettext_lazy("Organisation"), width=20),
        BODY_KIND,
        C("from", gettext_lazy("From"), "date", gettext_lazy("First day of the period.")),
        C("to", gettext_lazy("To"), "date", gettext_lazy("Last day of the period.")),
        C("proposals", gettext_lazy("Proposals"), "int",
          gettext_lazy("Proposals the organisation made, alone or jointly, in published meetings.")),
        C("requests", gettext_lazy("Requests and questions"), "int",
          gettext_lazy("Requests and questions raised by the organisation in published meetings.")),
        C("present", gettext_lazy("Present"), "int",
          gettext_lazy("Attendances of the organisation's representatives, substitutes included.")),
    ),
)


def organisation_rows(report, body_kind: str) -> Iterator[list]:
    """The per-municipality rows of a national organisation page (dashboards.organisations)."""
    for row in report.municipalities:
        yield [
            row.municipality.number, row.municipality.name, report.organisation.short_name, body_kind,
            report.period.start, report.period.end, row.proposals, row.requests, row.present,
        ]
