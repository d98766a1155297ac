"""Union and party pages (issue 14, requirement 6): exact figures for one organisation in one
municipality and nationally, names only inside the municipality, drafts never counted.

On top of the shared world (tests/helpers/world.py), in 2023, PSU, Fagforbundet has in A (Vaksdal):
- pub_a: the amendment proposed jointly with Utdanningsforbundet (fell); Lina Sørbø absent, Vera
  Varamedlem present as her substitute; the request that asked for and led to item 09/2023;
- added here, ``extra`` (published, held, 10.10.2023): an additional proposal by Fagforbundet alone
  (adopted), a request asking for an agenda item that led to the *draft* item (not "reached"),
  a question without an agenda wish, Lina Sørbø present;
- added here, ``held_draft`` (unpublished, held, 11.10.2023): a proposal, a request and an
  attendance by Fagforbundet that are never counted;
and in B (Sarpsborg): Kari Tillit present at pub_b.
"""
from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dashboards import organisations
from dashboards.scope import Period
from meetings.models import Attendance, Meeting, Proposal
from municipalities.models import Organisation

from .. import factories as f
from ..helpers import committed

D = datetime.date
YEAR = {"from": "2023-01-01", "to": "2023-12-31", "body_kind": "PSU"}
PERIOD = Period(D(2023, 1, 1), D(2023, 12, 31))


@pytest.fixture
def oworld(world):
    w = world
    fag = w.org["Fagforbundet"]
    with committed():
        w.extra = f.MeetingFactory(body=w.body_a, date=D(2023, 10, 10), start_time=datetime.time(10, 0),
                                   state=Meeting.State.HELD, published=True)
        item = f.AgendaItemFactory(meeting=w.extra, position=1, case_number="30/2023", title="Sykkelparkering")
        f.ProposalFactory(item=item, position=1, kind=Proposal.Kind.ADDITIONAL, text="Tak over stativa.",
                          outcome=Proposal.Outcome.ADOPTED, proposers=[fag])
        f.RequestFactory(meeting=w.extra, person=w.rep.person, by_name="", organisation=fag, text="Ber om sak.",
                         asks_for_agenda_item=True, resulting_item=w.item_draft_a)
        f.RequestFactory(meeting=w.extra, person=w.rep.person, by_name="", organisation=fag, text="Spørsmål.",
                         asks_for_agenda_item=False)
        f.AttendanceFactory(meeting=w.extra, person=w.rep.person, membership=w.rep, status=Attendance.Status.PRESENT,
                            side=Attendance.Side.EMPLOYEE, organisation=fag)
        w.held_draft = f.MeetingFactory(body=w.body_a, date=D(2023, 10, 11), start_time=datetime.time(10, 0),
                                        state=Meeting.State.HELD, published=False)
        secret = f.AgendaItemFactory(meeting=w.held_draft, position=1, case_number="31/2023", title="Løyndom")
        f.ProposalFactory(item=secret, position=1, kind=Proposal.Kind.AMENDMENT, text="Utkast.",
                          outcome=Proposal.Outcome.ADOPTED, proposers=[fag])
        f.RequestFactory(meeting=w.held_draft, by_name="Løynd Person", organisation=fag, text="Utkast.")
        f.AttendanceFactory(meeting=w.held_draft, person=None, name="Løynd Person", status=Attendance.Status.PRESENT,
                            side=Attendance.Side.EMPLOYEE, organisation=fag)
        f.AttendanceFactory(meeting=w.pub_b, person=w.rep_b.person, membership=w.rep_b,
                            status=Attendance.Status.PRESENT, side=Attendance.Side.EMPLOYEE, organisation=fag)
    return w


def url_a(w, org="Fagforbundet"):
    return reverse("dashboards:organisation", args=[w.a.number, w.org[org].pk])


def outcomes(report) -> list[int]:
    """Adopted, fell, withdrawn, not voted on."""
    return [n for _label, n in report.outcomes]


@pytest.mark.parametrize("role", ["superuser", "hr_a", "union_rep_a", "hr_b", "adviser"])
def test_figures_in_the_municipality_are_the_same_for_every_role(oworld, client_for, role):
    report = client_for(role).get(url_a(oworld), YEAR).context["report"]
    assert (report.proposals, report.alone, report.joint) == (2, 1, 1)
    assert outcomes(report) == [1, 1, 0, 0]
    assert [(p.organisation, p.proposals) for p in report.partners] == [("Utdanningsforbundet", 1)]
    assert (report.requests, report.asked_for_agenda, report.reached_agenda) == (3, 2, 1)
    assert (report.present, report.substitutes, report.absent) == (2, 1, 1)
    assert report.municipalities == []


@pytest.mark.parametrize("role, names", [("superuser", True), ("hr_a", True), ("union_rep_a", True),
                                         ("hr_b", False), ("adviser", False)])
def test_names_only_inside_the_municipality(oworld, client_for, role, names):
    response = client_for(role).get(url_a(oworld), YEAR)
    report = response.context["report"]
    html = response.content.decode()
    if names:
        assert [(r.name, r.present, r.absent) for r in report.representatives] == [
            ("Lina Sørbø", 1, 1), ("Vera Varamedlem", 1, 0)
        ]
        assert "Lina Sørbø" in html and 'id="organisation-representatives"' in html
    else:
        assert report.representatives is None
        assert "Lina Sørbø" not in html and "Vera Varamedlem" not in html
        assert 'id="organisation-names-note"' in html
    assert "Løynd Person" not in html


def test_national_page_gives_aggregates_per_municipality_without_names(oworld, client_for):
    response = client_for("hr_a").get(reverse("dashboards:organisation_national", args=[oworld.org["Fagforbundet"].pk]), YEAR)
    report = response.context["report"]
    assert (report.proposals, report.requests, report.present, report.absent) == (2, 3, 3, 1)
    assert report.representatives is None
    assert [(r.municipality.name, r.proposals, r.requests, r.present) for r in report.municipalities] == [
        ("Sarpsborg", 0, 0, 1), ("Vaksdal", 2, 3, 2)
    ]
    html = response.content.decode()
    assert "Kari Tillit" not in html and "Lina Sørbø" not in html
    assert reverse("dashboards:organisation", args=[oworld.b.number, oworld.org["Fagforbundet"].pk]) in html


def test_the_national_figures_export_per_municipality(oworld, client_for):
    import csv
    import io

    from openpyxl import load_workbook

    client = client_for("adviser")
    fag = oworld.org["Fagforbundet"]
    page = client.get(reverse("dashboards:organisation_national", args=[fag.pk]), YEAR).content.decode()
    url = reverse("dashboards:organisation_export", args=[fag.pk, "csv"])
    assert url in page
    response = client.get(url, YEAR)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == [
        ["Kommunenummer", "Kommune", "Organisasjon", "Type utvalg", "Fra", "Til", "Forslag",
         "Henvendelser og spørsmål", "Til stede"],
        ["3105", "Sarpsborg", "Fagforbundet", "PSU", "2023-01-01", "2023-12-31", "0", "0", "1"],
        ["4628", "Vaksdal", "Fagforbundet", "PSU", "2023-01-01", "2023-12-31", "2", "3", "2"],
    ]
    book = load_workbook(io.BytesIO(client.get(reverse("dashboards:organisation_export", args=[fag.pk, "xlsx"]), YEAR).content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[3]][-3:] == [2, 3, 2]
    assert client.get(reverse("dashboards:organisation_export", args=[fag.pk, "pdf"]), YEAR).status_code == 404
    assert client.get(reverse("dashboards:organisation_export", args=[fag.pk, "csv"]), {"from": "x"}).status_code == 400


def test_a_party_proposing_jointly_with_a_union(oworld, users):
    report = organisations.report(users["adviser"], oworld.org["Utdanningsforbundet"], PERIOD, "PSU", oworld.a)
    assert (report.proposals, report.alone, report.joint) == (1, 0, 1)
    assert [(p.organisation, p.proposals) for p in report.partners] == [("Fagforbundet", 1)]
    assert (report.present, report.absent, report.requests) == (1, 0, 0)
    sp = organisations.report(users["adviser"], oworld.org["SP"], PERIOD, "PSU", oworld.a)
    assert (sp.proposals, sp.present, sp.has_data) == (0, 1, True)


def test_the_period_applies(oworld, client_for):
    report = client_for("hr_a").get(url_a(oworld), {"from": "2023-01-01", "to": "2023-06-30"}).context["report"]
    assert (report.proposals, report.requests, report.present, report.absent) == (1, 1, 1, 1)
    assert report.partners[0].organisation == "Utdanningsforbundet"


def test_scorecard_and_national_page_link_the_organisations(oworld, client_for):
    client = client_for("adviser")
    scorecard = client.get(reverse("dashboards:scorecard", args=[oworld.a.number]), YEAR)
    assert [o.short_name for o in scorecard.context["organisations"]] == [
        "AP", "SP", "Fagforbundet", "Utdanningsforbundet"
    ]
    assert url_a(oworld) in scorecard.content.decode()
    national = client.get(reverse("dashboards:national"), YEAR)
    assert [o.short_name for o in national.context["organisations"]] == [
        "AP", "SP", "Fagforbundet", "Utdanningsforbundet"
    ]
    assert reverse("dashboards:organisation_national", args=[oworld.org["AP"].pk]) in national.content.decode()


def test_bad_input(oworld, client_for):
    client = client_for("adviser")
    assert client.get(url_a(oworld), {"from": "2024-01-01", "to": "2023-01-01"}).status_code == 400
    missing = Organisation.objects.order_by("-pk").first().pk + 1
    assert client.get(reverse("dashboards:organisation", args=[oworld.a.number, missing])).status_code == 404
    assert client.get(reverse("dashboards:organisation", args=["9999", oworld.org["AP"].pk])).status_code == 404


def test_a_fixed_number_of_queries(oworld, client_for):
    """As many queries with five more meetings, proposals and representatives in another municipality."""
    client = client_for("hr_a")
    fag = oworld.org["Fagforbundet"]
    urls = [url_a(oworld), reverse("dashboards:organisation_national", args=[fag.pk])]
    before = [queries(client, url) for url in urls]
    with committed():
        for n in range(5):
            meeting = f.MeetingFactory(body=oworld.body_b, date=D(2023, 4, 1 + n), start_time=datetime.time(10, 0),
                                       state=Meeting.State.HELD, published=True)
            item = f.AgendaItemFactory(meeting=meeting, position=1, case_number=f"{40 + n}/2023", title="Sak")
            f.ProposalFactory(item=item, position=1, kind=Proposal.Kind.AMENDMENT, text="x", proposers=[fag])
            f.AttendanceFactory(meeting=meeting, person=None, name=f"Person {n}", status=Attendance.Status.PRESENT,
                                side=Attendance.Side.EMPLOYEE, organisation=fag)
    after = [queries(client, url) for url in urls]
    assert after == before
    assert after[0] <= 13 and after[1] <= 15


def queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, YEAR).status_code == 200
    return len(captured)
