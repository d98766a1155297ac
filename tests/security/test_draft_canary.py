"""Canary: no draft reaches anyone outside its municipality, through any page, export, feed or API.

The canary (tests/security/walk.py): a draft meeting in A (4628 Vaksdal) with an agenda item, a
proposal, a request and an attendance row carrying a marker string and primary keys no other row
has, linked from published records everybody reads: a measure decided in the draft item (and
linked to it), an involvement event in it (from the draft proposal and request), a request at a
published meeting that led to the draft item, a draft request that led to a published item.

Every URL the resolver knows (each route name must have a row in ``TARGETS``, with the dashboards'
figures and exports for every metric) and every path of the OpenAPI description is read with GET
as every role. Outsiders (HR and union representative of B, the KS adviser, anonymous) must never
get the marker or a draft id, in HTML, CSV, XLSX cells, iCal or JSON, nor in a redirect. Insiders
(HR and union representative of A, superusers) do get it where :func:`insider_sees` says, so the
test is known to look in the places where drafts would show.
"""
from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import get_resolver, resolve, reverse

from ..foundation.test_routes import SKIPPED_PREFIXES, _named_patterns
from .walk import (
    API_PREFIX,
    DRAFT_ITEM_ID,
    DRAFT_MEETING_ID,
    INSIDERS,
    MARKER,
    OUTSIDERS,
    TARGETS,
    YEAR,
    _u,
    api_urls,
    client,
    page_urls,
    schema_of,
    secrets_in,
    text_of,
)


def read_everything(w, role: str) -> dict[str, list[str]]:
    """URL -> the secrets its response carries, for every page, export, feed and API path."""
    c = client(w, role)
    found = {}
    for url in page_urls(w) + api_urls(w, schema_of(w)):
        response = c.get(url)
        assert response.status_code < 500, f"GET {url} as {role}: {response.status_code}"
        # a "not found" page may repeat the path that was asked for: that is not a leak
        found[url] = secrets_in(text_of(response).replace(url.split("?")[0], ""))
    return found


# --- the tests -----------------------------------------------------------------------------------

def test_every_route_is_walked():
    names = {name for route, name, _ in _named_patterns(get_resolver().url_patterns)
             if not route.startswith(SKIPPED_PREFIXES) and not route.startswith(API_PREFIX)}
    assert names - set(TARGETS) == set(), "routes the canary does not read (add them to TARGETS)"
    assert set(TARGETS) - names == {"set_language"}  # under i18n/, which the route tables skip


@pytest.mark.django_db
def test_every_api_route_is_walked(canary):
    names = {name for route, name, _ in _named_patterns(get_resolver().url_patterns) if route.startswith(API_PREFIX)}
    walked = {f"{match.namespace}:{match.url_name}" for match in
              (resolve(url.partition("?")[0]) for url in api_urls(canary, schema_of(canary)))}
    assert names - walked == set(), "API routes missing from the OpenAPI description"


@pytest.mark.django_db
@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_never_see_a_draft(canary, role):
    leaks = {url: secrets for url, secrets in read_everything(canary, role).items() if secrets}
    assert leaks == {}


# Where an insider must meet the canary: the proof that the walk looks where drafts would show.
def insider_sees(w) -> dict[str, set[str]]:
    csv = f"{reverse('dashboards:records_export', kwargs={'fmt': 'csv'})}?" + urlencode(
        {**YEAR, "metric": "employee_requests", "municipality": w.a.number}
    )
    records = f"{reverse('dashboards:records')}?" + urlencode(
        {**YEAR, "metric": "employee_requests", "municipality": w.a.number}
    )
    return {
        _u("meetings:meeting_detail", pk=w.draft.pk): {MARKER, str(DRAFT_ITEM_ID)},
        _u("meetings:item_detail", pk=w.item_a2_next.pk): {MARKER},  # the draft request that led to it
        _u("measures:measure_detail", pk=w.measure.pk): {MARKER, str(DRAFT_ITEM_ID)},
        _u("measures:employee_requests", number=w.a.number): {MARKER, str(DRAFT_ITEM_ID)},
        _u("meetings:meeting_detail", pk=w.pub_a.pk): {MARKER, str(DRAFT_ITEM_ID)},
        _u("dashboards:body_calendar", pk=w.body_a.pk): {MARKER},
        records: {MARKER, str(DRAFT_ITEM_ID)},
        csv: {str(DRAFT_ITEM_ID)},
        f"/api/v1/measures/?{urlencode({'limit': 1000, 'municipality': w.a.number})}": {str(DRAFT_ITEM_ID)},
        f"/api/v1/meetings/?{urlencode({'limit': 1000, 'municipality': w.a.number, **YEAR})}": {str(DRAFT_MEETING_ID)},
        f"/api/v1/agenda-items/{DRAFT_ITEM_ID}/": {MARKER, str(DRAFT_ITEM_ID), str(DRAFT_MEETING_ID)},
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", INSIDERS)
def test_insiders_see_the_canary_where_it_belongs(canary, role):
    found = read_everything(canary, role)
    expected = insider_sees(canary)
    assert {url: set(found[url]) & secrets for url, secrets in expected.items()} == expected

