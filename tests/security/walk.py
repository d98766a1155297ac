"""The canary world and the walk over every URL, shared by the draft canary and the fuzz tests.

A draft meeting in A (4628 Vaksdal) with an agenda item, a proposal, a request and an attendance
row carries a marker string, and the draft records have primary keys no other row has. They are
linked from published records everybody reads: a measure decided in the draft item (and linked
to it), an involvement event in it (from the draft proposal and request), a request at a
published meeting that led to the draft item, a draft request that led to a published item.
:data:`TARGETS` names the URLs to read for every route (a test fails when a route has no row);
:func:`api_urls` reads the OpenAPI description for every API path.
"""
from __future__ import annotations

import datetime
import io
import json
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from dashboards.metrics import RECORD_METRICS
from harvest.models import HarvestRun, Source
from measures.models import ClimateMeasure, Involvement, Level, Topic
from meetings.models import AgendaItem, Attendance, ImportRun, Meeting, Proposal, Request
from municipalities.models import Organisation
from subscriptions import alerts
from subscriptions import services as calendar_tokens
from subscriptions.models import Follow

from .. import factories as f
from ..helpers import build_users, build_world, make_client

MARKER = "KANARI-7Q2X"
# primary keys no other row in the test database has (searched for as text too)
DRAFT_MEETING_ID = 7391026401
DRAFT_ITEM_ID = 7391026412
DRAFT_PROPOSAL_ID = 7391026423
DRAFT_REQUEST_ID = 7391026434
DRAFT_ATTENDANCE_ID = 7391026445
SECRETS = (MARKER, *(str(pk) for pk in (
    DRAFT_MEETING_ID, DRAFT_ITEM_ID, DRAFT_PROPOSAL_ID, DRAFT_REQUEST_ID, DRAFT_ATTENDANCE_ID
)))

INSIDERS = ("superuser", "hr_a", "union_rep_a")
OUTSIDERS = ("anonymous", "hr_b", "union_rep_b", "adviser")
YEAR = {"from": "2023-01-01", "to": "2023-12-31"}


def plant(w) -> None:
    """The draft records with the marker, and the published records that refer to them."""
    fagforbundet = w.org["Fagforbundet"]
    w.draft = Meeting.objects.create(
        pk=DRAFT_MEETING_ID, body=w.body_a, date=datetime.date(2023, 6, 13), start_time=datetime.time(10, 0),
        place=f"{MARKER} møterom", state=Meeting.State.HELD, published=False,
    )
    w.draft_item = AgendaItem.objects.create(
        pk=DRAFT_ITEM_ID, meeting=w.draft, position=1, case_number="33/2023",
        title=f"{MARKER} klimabudsjett og parkering for tilsette", decision=f"{MARKER} vedtak",
        administration_proposal=f"{MARKER} framlegg", climate_level=AgendaItem.ClimateLevel.LINKED,
        climate_evidence=[{"phrase": MARKER}],
    )
    w.draft_proposal = Proposal.objects.create(
        pk=DRAFT_PROPOSAL_ID, item=w.draft_item, position=1, kind=Proposal.Kind.AMENDMENT,
        text=f"{MARKER} endringsforslag", outcome=Proposal.Outcome.FELL,
    )
    w.draft_proposal.proposers.set([fagforbundet])
    w.draft_request = Request.objects.create(
        pk=DRAFT_REQUEST_ID, meeting=w.draft, raised_under=w.draft_item, by_name=f"{MARKER} Tillitsvald",
        organisation=fagforbundet, text=f"{MARKER} ber om sak", asks_for_agenda_item=True,
        resulting_item=w.item_a2_next,
    )
    Attendance.objects.create(
        pk=DRAFT_ATTENDANCE_ID, meeting=w.draft, name=f"{MARKER} Møtande", status=Attendance.Status.PRESENT,
        side=Attendance.Side.EMPLOYEE, organisation=fagforbundet,
    )
    # published records everyone reads, pointing at the draft
    w.request_to_draft = f.RequestFactory(
        meeting=w.pub_a, raised_under=w.item_a2, by_name="Lina Sørbø", organisation=fagforbundet,
        text="Ber om at klimabudsjettet kjem opp.", asks_for_agenda_item=True, resulting_item=w.draft_item,
    )
    w.measure = ClimateMeasure.objects.create(
        municipality=w.a, title="Kanaritiltak", status=ClimateMeasure.Status.DECIDED,
        decision_date=datetime.date(2023, 6, 13), decided_by="Kommunestyret", decision_item=w.draft_item,
        affects_employees=True, employee_effects=["commuting"],
    )
    w.measure.agenda_items.set([w.draft_item, w.item_a2])
    w.involvement = Involvement.objects.create(
        measure=w.measure, date=datetime.date(2023, 6, 13), arena=Involvement.Arena.PSU,
        raised_by=Involvement.RaisedBy.EMPLOYEE, level=Level.CONSULTED, agenda_item=w.draft_item,
        source_proposal=w.draft_proposal, source_request=w.draft_request,
    )
    w.involvement.unions.set([fagforbundet])
    w.import_run = ImportRun.objects.create(municipality=w.a, created_by=w.users["hr_a"])
    # a harvest source of A whose last run reported a conflict in the draft (HR of A only)
    w.harvest_source = Source.objects.create(
        municipality=w.a, body=w.body_a, enhet_id="enhet_01jb0kanari0000000000000",
        utvalg_ids=["enhet_01jb0kanari0utval0000000"],
    )
    HarvestRun.objects.create(
        source=w.harvest_source, status=HarvestRun.Status.DONE, updated=1,
        conflicts=[f"{MARKER}: the title was corrected by hand and was not overwritten."],
        errors=[{"id": "mm_01jb0kanari0000000000000", "message": f"{MARKER} malformed"}],
    )
    # an outsider's secret addresses and saved search: whoever opens them sees what the outsider may
    outsider = w.users["hr_b"]
    w.outsider_token = calendar_tokens.regenerate(outsider).token
    w.outsider_search = Follow.objects.create(user=outsider, kind=Follow.Kind.SEARCH, query={"q": "klimabudsjett"})
    w.outsider_follow = Follow.objects.create(user=outsider, kind=Follow.Kind.MUNICIPALITY, municipality=w.a)
    w.outsider_unsubscribe = signing.dumps({"u": outsider.pk}, salt=alerts.UNSUBSCRIBE_SALT)


def build_canary():
    """The shared world (tests/conftest.py) plus a union representative of B and the canary; one
    session per role in ``w.sessions``."""
    users = build_users()
    users["union_rep_b"] = f.UnionRepProfileFactory(
        user__username="tv_b", municipality=users["hr_b"].profile.municipality,
        organisation=Organisation.objects.get(short_name="Fagforbundet"),
    ).user
    w = build_world(users)
    plant(w)
    w.sessions = {
        role: make_client(user).cookies[settings.SESSION_COOKIE_NAME].value
        for role, user in users.items() if user is not None
    }
    return w


def schema_of(w) -> dict:
    """The OpenAPI description, as JSON."""
    return json.loads(client(w, "superuser").get(reverse("dashboards_api:schema"), {"format": "json"}).content)


def client(w, role: str) -> Client:
    c = Client()
    if role in w.sessions:
        c.cookies[settings.SESSION_COOKIE_NAME] = w.sessions[role]
    return c


# --- every URL: route name -> the URLs to read (kwargs from the canary world, query strings) -------

def _records(w, view="dashboards:records", fmt=None):
    kwargs = {"fmt": fmt} if fmt else {}
    urls = []
    for metric in RECORD_METRICS:
        for where in ({"municipality": w.a.number}, {}):
            urls.append(f"{reverse(view, kwargs=kwargs)}?{urlencode({**YEAR, 'metric': metric, **where})}")
    return urls


def _u(name, **kwargs):
    return reverse(name, kwargs=kwargs)


TARGETS = {
    "home": lambda w: [_u("home")],
    "healthz": lambda w: [_u("healthz")],
    "login": lambda w: [_u("login")],
    "logout": lambda w: [_u("logout")],
    "set_language": lambda w: [_u("set_language")],
    "municipalities:municipality_list": lambda w: [_u("municipalities:municipality_list"),
                                                   _u("municipalities:municipality_list") + "?q=Vaksdal"],
    "municipalities:municipality_detail": lambda w: [_u("municipalities:municipality_detail", number=w.a.number)],
    "municipalities:body_create": lambda w: [_u("municipalities:body_create", number=w.a.number)],
    "municipalities:body_detail": lambda w: [_u("municipalities:body_detail", pk=w.body_a.pk)],
    "municipalities:body_edit": lambda w: [_u("municipalities:body_edit", pk=w.body_a.pk)],
    "municipalities:body_members": lambda w: [_u("municipalities:body_members", pk=w.body_a.pk)],
    "meetings:meeting_create": lambda w: [_u("meetings:meeting_create", body_pk=w.body_a.pk)],
    **{name: (lambda name: lambda w: [_u(name, pk=pk) for pk in (w.draft.pk, w.pub_a.pk)])(name)
       for name in ("meetings:meeting_detail", "meetings:meeting_edit", "meetings:meeting_delete")},
    **{name: (lambda name: lambda w: [_u(name, pk=pk) for pk in (w.draft_item.pk, w.item_a2.pk, w.item_a2_next.pk)])(name)
       for name in ("meetings:item_detail", "meetings:item_edit", "meetings:item_climate_override")},
    "meetings:meeting_publish": lambda w: [_u("meetings:meeting_publish", pk=pk) for pk in (w.draft.pk, w.pub_a.pk)],
    "imports:import_upload": lambda w: [_u("imports:import_upload", number=w.a.number)],
    "harvest:source_list": lambda w: [_u("harvest:source_list", number=w.a.number)],
    "harvest:source_create": lambda w: [_u("harvest:source_create", number=w.a.number)],
    **{name: (lambda name: lambda w: [_u(name, pk=w.harvest_source.pk)])(name)
       for name in ("harvest:source_edit", "harvest:source_test", "harvest:source_run")},
    **{name: (lambda name: lambda w: [_u(name, pk=w.import_run.pk)])(name)
       for name in ("imports:import_detail", "imports:import_confirm", "imports:import_status",
                    "imports:import_discard")},
    **{name: (lambda name: lambda w: [_u(name, number=w.a.number)])(name)
       for name in ("measures:measure_list", "measures:measure_create", "measures:not_consulted", "measures:coverage",
                    "measures:employee_requests", "measures:green_representatives",
                    "measures:green_representatives_edit", "dashboards:scorecard")},
    **{name: (lambda name: lambda w: [_u(name, pk=w.measure.pk)])(name)
       for name in ("measures:measure_detail", "measures:measure_edit", "measures:process_questions",
                    "measures:involvement_create", "measures:suggestion_dismiss")},
    # every cell of the draft's year: the draft item is in one of them for an insider only
    "measures:coverage_cell": lambda w: [
        _u("measures:coverage_cell", number=w.a.number, topic=code, year=2023)
        for code in ["none", *Topic.Code.values]
    ],
    "measures:measure_unlink_item": lambda w: [_u("measures:measure_unlink_item", pk=w.measure.pk, item_pk=w.draft_item.pk)],
    **{name: (lambda name: lambda w: [_u(name, pk=w.involvement.pk)])(name)
       for name in ("measures:involvement_edit", "measures:involvement_delete")},
    **{name: (lambda name: lambda w: [_u(name, item_pk=pk) for pk in (w.draft_item.pk, w.item_a2.pk)])(name)
       for name in ("measures:measure_from_item", "measures:link_item", "measures:item_involvement")},
    "dashboards:body_calendar": lambda w: [_u("dashboards:body_calendar", pk=w.body_a.pk)],
    "dashboards:national": lambda w: [f"{_u('dashboards:national')}?{urlencode(YEAR)}"],
    "dashboards:national_export": lambda w: [f"{_u('dashboards:national_export', fmt=fmt)}?{urlencode(YEAR)}"
                                             for fmt in ("csv", "xlsx")],
    "dashboards:records": lambda w: _records(w),
    "dashboards:records_export": lambda w: _records(w, "dashboards:records_export", "csv")
    + _records(w, "dashboards:records_export", "xlsx"),
    "dashboards:methodology": lambda w: [_u("dashboards:methodology")],
    "dashboards:organisation": lambda w: [
        f"{_u('dashboards:organisation', number=w.a.number, pk=w.org['Fagforbundet'].pk)}?{urlencode(YEAR)}"
    ],
    "dashboards:organisation_export": lambda w: [
        f"{_u('dashboards:organisation_export', pk=w.org['Fagforbundet'].pk, fmt=fmt)}?{urlencode(YEAR)}"
        for fmt in ("csv", "xlsx")
    ],
    "dashboards:organisation_national": lambda w: [
        f"{_u('dashboards:organisation_national', pk=w.org['Fagforbundet'].pk)}?{urlencode(YEAR)}"
    ],
    "search:search": lambda w: [f"{_u('search:search')}?{urlencode({'q': q})}"
                                for q in ("klimabudsjett", "endringsforslag", "vedtak")],
    "search:export": lambda w: [f"{_u('search:export', fmt=fmt)}?{urlencode({'q': 'klimabudsjett'})}"
                                for fmt in ("csv", "xlsx")],
    **{name: (lambda name: lambda w: [_u(name)])(name)
       for name in ("subscriptions:calendar", "subscriptions:calendar_regenerate", "subscriptions:calendar_revoke",
                    "subscriptions:follows", "subscriptions:follow_add", "subscriptions:follow_search",
                    "subscriptions:alert_settings")},
    "subscriptions:unfollow": lambda w: [_u("subscriptions:unfollow", pk=w.outsider_search.pk)],
    "subscriptions:unsubscribe": lambda w: [_u("subscriptions:unsubscribe", token=w.outsider_unsubscribe)],
    **{name: (lambda name: lambda w: [_u(name, token=w.outsider_token, pk=w.body_a.pk)])(name)
       for name in ("subscriptions:body_feed", "subscriptions:body_atom", "subscriptions:body_rss")},
    **{name: (lambda name: lambda w: [_u(name, token=w.outsider_token, pk=w.outsider_search.pk)])(name)
       for name in ("subscriptions:search_atom", "subscriptions:search_rss")},
    "subscriptions:follows_feed": lambda w: [_u("subscriptions:follows_feed", token=w.outsider_token)],
    "subscriptions:follow_feed": lambda w: [_u("subscriptions:follow_feed", token=w.outsider_token, pk=pk)
                                            for pk in (w.outsider_search.pk, w.outsider_follow.pk)],
}
# The JSON API is walked from its OpenAPI description (see api_urls below).
API_PREFIX = "api/"


def page_urls(w) -> list[str]:
    return [url for name in sorted(TARGETS) for url in TARGETS[name](w)]


def api_urls(w, schema: dict) -> list[str]:
    """Every path of the OpenAPI description, with its path parameters set to the canary's records
    and, for lists, a filter on A and the largest page."""
    values = {
        "/api/v1/meetings/{id}/": [DRAFT_MEETING_ID, w.pub_a.pk],
        "/api/v1/agenda-items/{id}/": [DRAFT_ITEM_ID, w.item_a2.pk],
        "/api/v1/bodies/{id}/": [w.body_a.pk],
        "/api/v1/municipalities/{number}/": [w.a.number],
        "/api/v1/municipalities/{number}/scorecard": [w.a.number],
    }
    urls = [reverse("dashboards_api:schema")]
    for path in schema["paths"]:
        if "{" in path:
            assert path in values, f"an API path the canary does not fill in (add it): {path}"
            for value in values[path]:
                urls.append(path[: path.index("{")] + str(value) + path[path.index("}") + 1:])
            continue
        names = {p["name"] for p in schema["paths"][path]["get"].get("parameters", [])}
        query = {"limit": 1000} if "limit" in names else {}
        if "municipality" in names:
            query["municipality"] = w.a.number
        urls.append(path)
        if query:
            urls.append(f"{path}?{urlencode({**query, **({'from': YEAR['from'], 'to': YEAR['to']} if 'from' in names else {})})}")
    return urls


# --- reading a response as text -------------------------------------------------------------------

def text_of(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    parts = [response.get("Location", ""), response.get("Content-Disposition", "")]
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(body), read_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                parts.append(" ".join("" if v is None else str(v) for v in row))
    else:
        parts.append(body.decode("utf-8"))
    return "\n".join(parts)


def secrets_in(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]
