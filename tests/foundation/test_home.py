"""The front page per role (partssamarbeid/home.py): exact lists per role, the last-visit rule,
and a constant number of queries whatever the data."""
from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import Level
from meetings.models import AgendaItem, ImportRun, Meeting, Request
from partssamarbeid import home
from partssamarbeid.models import HomeVisit
from subscriptions.models import AlertSettings, Follow
from tests import factories as f
from tests.measures.factories import InvolvementFactory, MeasureFactory

LINKED = AgendaItem.ClimateLevel.LINKED
TODAY = datetime.date(2026, 11, 27)


def coming(w, body, days, *, state=Meeting.State.PLANNED, published=True, climate=True, title="Parkering"):
    meeting = f.MeetingFactory(body=body, date=TODAY + datetime.timedelta(days=days), start_time=None,
                               end_time=None, state=state, published=published)
    f.AgendaItemFactory(meeting=meeting, position=1, case_number="", title="Godkjenning av innkalling")
    if climate:
        f.AgendaItemFactory(meeting=meeting, position=2, case_number="", title=title, climate_level=LINKED)
    return meeting


@pytest.fixture
def rep_world(world):
    w = world
    w.soon = coming(w, w.body_a, 3, title="Parkeringsavgift for tilsette")
    w.later_draft = coming(w, w.body_a, 40, published=False, title="Elsykkel for tilsette")
    coming(w, w.body_a, 5, state=Meeting.State.CANCELLED)  # cancelled: not coming
    coming(w, w.body_a, 6, climate=False)  # no climate item
    coming(w, w.body_b, 2)  # another municipality
    w.flagged = MeasureFactory(municipality=w.a, title="Parkeringsavgift", decision_date=datetime.date(2023, 2, 1))
    InvolvementFactory(measure=w.flagged, date=datetime.date(2023, 3, 1), level=Level.CONSULTED)  # after
    early = MeasureFactory(municipality=w.a, title="Fossilfri bilpark", decision_date=datetime.date(2023, 2, 1))
    InvolvementFactory(measure=early, date=datetime.date(2023, 1, 5), level=Level.CONSULTED)
    MeasureFactory(municipality=w.a, title="Solceller", affects_employees=False)  # does not affect employees
    MeasureFactory(municipality=w.b, title="Sarpsborg-tiltak")  # another municipality
    w.waiting = f.RequestFactory(meeting=w.pub_a2, person=None, by_name="Ola Lærar", text="Ber om sak om heimekontor.",
                                 asks_for_agenda_item=True)
    f.RequestFactory(meeting=w.pub_a2, person=None, by_name="Ola Lærar", text="Eit spørsmål.", asks_for_agenda_item=False)  # a question
    f.RequestFactory(meeting=w.draft_b, person=None, by_name="Kari Tillit", text="Sarpsborg ber om sak.",
                     asks_for_agenda_item=True)  # another municipality
    Follow.objects.create(user=w.users["union_rep_a"], kind=Follow.Kind.TOPIC, topic="transport")
    return w


def test_union_rep_home_lists_exactly_what_the_representative_needs(rep_world):
    w = rep_world
    page = home.union_rep_home(w.users["union_rep_a"], today=TODAY)
    assert [(m.pk, [i.title for i in m.climate_items]) for m in page.upcoming] == [
        (w.soon.pk, ["Parkeringsavgift for tilsette"]), (w.later_draft.pk, ["Elsykkel for tilsette"]),
    ]
    assert [m.title for m in page.not_consulted] == ["Parkeringsavgift"]
    assert [r.pk for r in page.open_requests] == [w.waiting.pk]  # the world's request reached an agenda
    assert [row.label for row in page.follows] == [
        "Klimasaker i Vaksdal (tillitsvalgte følger dem med mindre de slår det av)",
        "Du følger temaet Transport og pendling (inkl. parkering)",
    ]


def test_union_rep_home_page_shows_them_and_drops_the_default_follow_when_turned_off(rep_world, client_for):
    w = rep_world
    AlertSettings.objects.create(user=w.users["union_rep_a"], municipality_climate=False)
    page = home.union_rep_home(w.users["union_rep_a"], today=TODAY)
    assert len(page.follows) == 1 and page.follows[0].follow.topic == "transport"
    html = client_for("union_rep_a").get("/").content.decode()
    for text in ("Parkeringsavgift for tilsette", "Elsykkel for tilsette", "Ber om sak om heimekontor.",
                 w.flagged.get_absolute_url(), w.soon.get_absolute_url()):
        assert text in html
    assert "Sarpsborg ber om sak." not in html and "Sarpsborg-tiltak" not in html


def test_hr_home_lists_imports_drafts_and_meetings_without_protocol(world):
    w = world
    ready = ImportRun.objects.create(municipality=w.a, created_by=w.users["hr_a"], status=ImportRun.Status.READY)
    ImportRun.objects.create(municipality=w.a, created_by=w.users["hr_a"], status=ImportRun.Status.PARSING)
    ImportRun.objects.create(municipality=w.b, created_by=w.users["hr_b"], status=ImportRun.Status.READY)
    future_draft = coming(w, w.body_a, 10, published=False)
    past_notice = f.MeetingFactory(body=w.body_a, date=TODAY - datetime.timedelta(days=3), start_time=None,
                                   end_time=None, state=Meeting.State.PLANNED, published=True)
    page = home.hr_home(w.users["hr_a"], today=TODAY)
    assert ([r.pk for r in page.imports.rows], page.imports.total) == ([ready.pk], 1)
    assert ([m.pk for m in page.drafts.rows], page.drafts.total) == ([w.draft_a.pk, future_draft.pk], 2)
    assert ([m.pk for m in page.without_protocol.rows], page.without_protocol.total) == (
        [past_notice.pk, w.draft_a.pk], 2)
    other = home.hr_home(w.users["hr_b"], today=TODAY)
    assert [m.pk for m in other.drafts.rows] == [w.draft_b.pk]
    assert [m.pk for m in other.without_protocol.rows] == [w.draft_b.pk]


def test_hr_home_counts_beyond_the_first_rows(world):
    w = world
    for days in range(1, 13):
        coming(w, w.body_a, days, published=False, climate=False)
    page = home.hr_home(w.users["hr_a"], today=TODAY)
    assert (len(page.drafts.rows), page.drafts.total, page.drafts.more) == (10, 13, 3)


# --- the KS adviser: the last visit ---------------------------------------------------------------

NOW = datetime.datetime(2026, 11, 27, 12, 0, tzinfo=datetime.UTC)


def test_next_visit_rule():
    hour = datetime.timedelta(hours=1)
    assert home.next_visit(None, NOW) == (NOW - datetime.timedelta(days=7), NOW)
    earlier = HomeVisit(seen_at=NOW - 2 * hour, since=NOW - 30 * hour)
    assert home.next_visit(earlier, NOW) == (NOW - 2 * hour, NOW)  # a new visit: since the previous one
    reload = HomeVisit(seen_at=NOW - datetime.timedelta(minutes=10), since=NOW - 30 * hour)
    assert home.next_visit(reload, NOW) == (NOW - 30 * hour, NOW)  # a reload: the same changes


def _touch(obj, when):
    type(obj).objects.filter(pk=obj.pk).update(updated_at=when)


def test_adviser_home_shows_what_changed_nationally_since_the_last_visit(world):
    w = world
    adviser = w.users["adviser"]
    w.item_a2.climate_level = LINKED
    w.item_a2.save()
    day = datetime.timedelta(days=1)
    measure = MeasureFactory(municipality=w.b, title="Energisparing")
    for obj, when in ((w.pub_a, NOW - 2 * day), (w.pub_a2, NOW - day), (w.pub_b, NOW - 10 * day),
                      (w.draft_a, NOW - day), (w.draft_b, NOW - day), (measure, NOW - 3 * day)):
        _touch(obj, when)

    first = home.adviser_home(adviser, now=NOW)
    assert (first.first_visit, first.since) == (True, NOW - 7 * day)
    assert [(m.pk, m.climate_count) for m in first.meetings.rows] == [(w.pub_a2.pk, 0), (w.pub_a.pk, 1)]
    assert (first.meetings.total, first.municipalities, first.climate_meetings) == (2, 1, 1)
    assert [m.title for m in first.measures.rows] == ["Energisparing"]

    _touch(w.pub_b, NOW + datetime.timedelta(minutes=30))
    later = NOW + datetime.timedelta(hours=1)
    second = home.adviser_home(adviser, now=later)
    assert (second.first_visit, second.since) == (False, NOW)
    assert [m.pk for m in second.meetings.rows] == [w.pub_b.pk]
    assert (second.meetings.total, second.municipalities, second.climate_meetings, second.measures.total) == (1, 1, 0, 0)
    reload = home.adviser_home(adviser, now=later + datetime.timedelta(minutes=5))
    assert reload.since == NOW and [m.pk for m in reload.meetings.rows] == [w.pub_b.pk]
    assert HomeVisit.objects.get(user=adviser).seen_at == later + datetime.timedelta(minutes=5)


def test_adviser_home_page_records_the_visit(world, client_for):
    client = client_for("adviser")
    assert not HomeVisit.objects.exists()
    html = client.get("/").content.decode()
    assert "Ditt første besøk" in html
    assert HomeVisit.objects.filter(user=world.users["adviser"]).count() == 1
    assert world.draft_a.get_absolute_url() not in html and world.pub_b.get_absolute_url() in html


# --- query counts ---------------------------------------------------------------------------------


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured.captured_queries)


def _more_of_everything(w, start: int, count: int):
    for days in range(start, start + count):
        coming(w, w.body_a, days, published=days % 2 == 0)
        coming(w, w.body_b, days, published=True)
        f.MeetingFactory(body=w.body_a, date=TODAY - datetime.timedelta(days=days), start_time=None, end_time=None,
                         state=Meeting.State.PLANNED, published=False)
        MeasureFactory(municipality=w.a if days % 2 else w.b, title=f"Tiltak {days}")
        MeasureFactory(municipality=w.a, title=f"Vedteke tiltak {days}")  # not consulted
        Request.objects.create(meeting=w.pub_a, by_name="Ola", text=f"Ber om sak {days}.", asks_for_agenda_item=True)
        ImportRun.objects.create(municipality=w.a, created_by=w.users["hr_a"], status=ImportRun.Status.READY)
    for user in w.users.values():
        if user is not None:
            Follow.objects.create(user=user, kind=Follow.Kind.MUNICIPALITY, municipality=w.b)
            Follow.objects.create(user=user, kind=Follow.Kind.BODY, body=w.body_a)
            Follow.objects.create(user=user, kind=Follow.Kind.SEARCH, query={"q": f"parkering {start}"})


@pytest.mark.parametrize("role, most", [("union_rep_a", 22), ("hr_a", 18), ("adviser", 18), ("superuser", 12)])
def test_home_pages_run_a_fixed_number_of_queries(world, client_for, role, most):
    """One row of every kind, then many more: the same queries (each list one or two, whatever its length)."""
    client = client_for(role)
    _more_of_everything(world, 1, 1)
    client.get("/")  # the first visit (adviser) and session set-up
    few = _queries(client)
    _more_of_everything(world, 2, 14)
    assert _queries(client) == few <= most
