"""What the pages show: meeting and item detail, history, lists scoped by role, health check, language."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting

from .. import factories as f
from ..helpers import make_client, nb, page_payload


class _Tables(HTMLParser):
    """Rows of cell texts for every table, keyed by the table's caption."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: list[str] | None = None
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows, self._caption = [], []
        elif tag == "caption":
            self._current = self._caption
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []
            self._current = self._cell

    def handle_endtag(self, tag):
        if tag == "caption":
            self._current = None
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(re.sub(r"\s+", " ", "".join(self._cell)).strip())
            self._cell = self._current = None
        elif tag == "table" and self._rows is not None:
            caption = re.sub(r"\s+", " ", "".join(self._caption)).strip()
            self.tables[caption] = [row for row in self._rows if row]
            self._rows = None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)


def tables(response) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser.tables


def visible_text(response) -> str:
    """The page as text: tags become spaces, entities are decoded, whitespace is squashed."""
    text = re.sub(r"<(script|style|template)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def meeting_links(response) -> set[int]:
    return {int(pk) for pk in re.findall(r'href="/meetings/(\d+)/"', response.content.decode())}


# --- the meeting page ----------------------------------------------------------------------------


def test_meeting_page_shows_attendance_with_substitutes(world, client_for):
    response = client_for("union_rep_a").get(world.pub_a.get_absolute_url())
    assert response.status_code == 200
    present = nb("Present")
    assert tables(response)[nb("Attendance")] == [
        [nb("Name"), nb("Side"), nb("Organisation"), nb("Role"), nb("Attendance")],
        # politicians first, then the employee side, then others present
        ["Siri Leiarsen", nb("Political"), "SP", nb("Chair"), present],
        ["Per Politikar", nb("Political"), "AP", nb("Member"), present],
        ["Lina Sørbø", nb("Employee"), "Fagforbundet", nb("Member"), nb("Absent (forfall)")],
        ["Ola Lærar", nb("Employee"), "Utdanningsforbundet", nb("Member"), present],
        ["Vera Varamedlem", nb("Employee"), "Fagforbundet", "Varamedlem",
         f"{present} – " + nb("substitute for %(name)s", name="Lina Sørbø")],
        ["Kari Kommunedirektør", nb("Other (administration, guests)"), "–", "Kommunedirektør", present],
    ]


def test_meeting_page_shows_items_proposals_and_requests(world, client_for):
    response = client_for("adviser").get(world.pub_a.get_absolute_url())
    text = visible_text(response)
    assert "Administrasjonsutvalet, 07.02.2023" in text
    assert "04/2023 Godkjenning av innkalling og saksliste" in text
    assert "05/2023 Parkeringsavgift for tilsette" in text
    assert (
        f"{nb('The administration' + chr(39) + 's proposal')} {nb('from the administration')} – {nb('Adopted')} "
        f"({nb('%(f)s for, %(a)s against', f=7, a=2)})"
    ) in text
    assert (
        f"{nb('Amendment')} {nb('from')} Fagforbundet, Utdanningsforbundet – {nb('Fell')} "
        f"({nb('%(f)s for, %(a)s against', f=2, a=7)})"
    ) in text
    assert (
        "Lina Sørbø (Fagforbundet): Ber om at sak om trepartssamarbeid blir teken med på sakslista til neste møte. "
        "→ 09/2023 Kommunalt trepartssamarbeid (21.03.2023)"
    ) in text
    assert f'href="{world.item_a2_next.get_absolute_url()}"' in response.content.decode()
    # items link to their pages, in agenda order
    body = response.content.decode()
    assert body.index(world.item_a1.get_absolute_url()) < body.index(world.item_a2.get_absolute_url())


def test_item_page_shows_proposals_requests_and_where_a_request_led(world, client_for):
    client = client_for("union_rep_a")
    text = visible_text(client.get(world.item_a2.get_absolute_url()))
    assert f"{nb('Amendment')} {nb('from')} Fagforbundet, Utdanningsforbundet – {nb('Fell')}" in text
    assert "Avgifta vert utsett eitt år." in text
    assert "→ 09/2023 Kommunalt trepartssamarbeid (21.03.2023)" in text
    # the item the request led to says why it is on the agenda
    text = visible_text(client.get(world.item_a2_next.get_absolute_url()))
    assert nb("On the agenda because the employee side asked") in text
    assert "07.02.2023 : Lina Sørbø (Fagforbundet) – Ber om at sak om trepartssamarbeid" in text


def test_draft_is_marked_as_draft(world, client_for):
    text = visible_text(client_for("hr_a").get(world.draft_a.get_absolute_url()))
    assert nb("Draft (not published)") in text


@pytest.mark.parametrize(
    "role, edit_controls", [("superuser", True), ("hr_a", True), ("hr_b", False), ("union_rep_a", False), ("adviser", False)]
)
def test_edit_and_delete_controls_only_for_editors(world, client_for, role, edit_controls):
    body = client_for(role).get(world.pub_a.get_absolute_url()).content.decode()
    assert (reverse("meetings:meeting_edit", args=[world.pub_a.pk]) in body) is edit_controls
    assert (reverse("meetings:meeting_delete", args=[world.pub_a.pk]) in body) is edit_controls


# --- change history ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, sees_history", [("superuser", True), ("hr_a", True), ("hr_b", False), ("union_rep_a", False), ("adviser", False)]
)
def test_history_is_shown_to_editors_of_the_municipality_only(world, client_for, role, sees_history):
    response = client_for(role).get(world.pub_a.get_absolute_url())
    assert (nb("Change history") in tables(response)) is sees_history
    assert (nb("Change history") in response.content.decode()) is sees_history


def test_history_shows_who_changed_which_field(world, client_for):
    hr = client_for("hr_a")
    url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    data = page_payload(hr.get(url), "form", "attendance", "items")
    response = hr.post(url, {**data, "place": "Bergen rådhus"})
    assert response.status_code == 302
    for role in ("hr_a", "superuser"):
        rows = tables(client_for(role).get(world.pub_a.get_absolute_url()))[nb("Change history")]
        by_hr = [row[1:] for row in rows[1:] if row[1] == "hr_a"]
        assert by_hr == [["hr_a", f"{nb('meeting').capitalize()}: 07.02.2023", f"{nb('changed')}: {nb('place')}"]]
        # everything the world created was written outside a request
        assert {row[1] for row in rows[1:]} == {"hr_a", nb("system")}


def test_history_records_changes_to_proposers(world, client_for):
    hr = client_for("hr_a")
    url = reverse("meetings:item_edit", args=[world.item_a2.pk])
    data = page_payload(hr.get(url), "form", "proposals", "requests")
    for index in range(int(data["proposals-TOTAL_FORMS"])):
        if data.get(f"proposals-{index}-id") == str(world.proposal_union.pk):
            data[f"proposals-{index}-proposers"] = [str(world.org["Fagforbundet"].pk)]
    assert hr.post(url, data).status_code == 302
    rows = tables(hr.get(world.pub_a.get_absolute_url()))[nb("Change history")]
    assert [row[1:] for row in rows[1:] if row[1] == "hr_a"] == [
        ["hr_a", f"{nb('proposal').capitalize()}: {nb('Amendment')}", f"{nb('changed')}: {nb('proposers')}"]
    ]


# --- queries ----------------------------------------------------------------------------------------


def _meeting_with_items(body, day, count: int) -> Meeting:
    meeting = f.MeetingFactory(body=body, date=day)
    union, party = f.OrganisationFactory(short_name="Fagforbundet"), f.OrganisationFactory(short_name="AP")
    for seat in body.memberships.all():
        f.AttendanceFactory(meeting=meeting, person=seat.person, membership=seat, side=seat.side)
    for position in range(1, count + 1):
        item = f.AgendaItemFactory(meeting=meeting, position=position)
        f.ProposalFactory(item=item, kind="administration", by_administration=True, position=0)
        proposal = f.ProposalFactory(item=item, proposers=[union])
        proposal.proposers.add(party)  # a change to proposers: history with an M2M diff
        proposal.votes_for = 3
        proposal.save()
        f.RequestFactory(meeting=meeting, raised_under=item, resulting_item=item)
    return meeting


# Session, user and profile (3), the meeting with its attendance, items, proposals, proposers and
# requests (6), navigation and source documents (2); HR also gets the change history (7).
@pytest.mark.parametrize("role, limit", [("hr_a", 18), ("union_rep_a", 11)])
def test_meeting_page_queries_do_not_grow_with_the_agenda(world, client_for, django_assert_max_num_queries, role, limit):
    import datetime

    client = client_for(role)
    client.get("/")  # warm the session
    counts = []
    for day, items in ((datetime.date(2024, 1, 10), 2), (datetime.date(2024, 2, 10), 10)):
        meeting = _meeting_with_items(world.body_a, day, items)
        with django_assert_max_num_queries(limit), CaptureQueriesContext(connection) as queries:
            response = client.get(meeting.get_absolute_url())
        assert response.status_code == 200
        assert response.content.decode().count(f"<strong>{nb('Amendment')}</strong>") == items
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# --- lists show what the role may see ------------------------------------------------------------


@pytest.mark.parametrize(
    "role, expected",
    [("superuser", {"pub_a", "pub_a2", "draft_a"}), ("hr_a", {"pub_a", "pub_a2", "draft_a"}),
     ("union_rep_a", {"pub_a", "pub_a2", "draft_a"}), ("hr_b", {"pub_a", "pub_a2"}), ("adviser", {"pub_a", "pub_a2"})],
)
def test_municipality_and_body_pages_list_only_visible_meetings(world, client_for, role, expected):
    client = client_for(role)
    wanted = {getattr(world, name).pk for name in expected}
    assert meeting_links(client.get(world.a.get_absolute_url())) == wanted
    assert meeting_links(client.get(world.body_a.get_absolute_url())) == wanted


@pytest.mark.parametrize(
    "role, expected",
    [("superuser", {"pub_a", "pub_a2", "draft_a", "pub_b", "draft_b"}), ("hr_a", {"pub_a", "pub_a2", "draft_a"}),
     ("hr_b", {"pub_b", "draft_b"}), ("union_rep_a", {"pub_a", "pub_a2", "draft_a"}),
     ("adviser", {"pub_a", "pub_a2", "pub_b"})],
)
def test_home_page_lists_recent_meetings_the_role_may_see(world, client_for, role, expected):
    assert meeting_links(client_for(role).get("/")) == {getattr(world, name).pk for name in expected}


@pytest.mark.parametrize("role, vaksdal, sarpsborg", [("hr_a", "3", "1"), ("hr_b", "2", "2"), ("adviser", "2", "1")])
def test_municipality_list_counts_visible_meetings(world, client_for, role, vaksdal, sarpsborg):
    client = client_for(role)
    for number, name, meetings in (("4628", "Vaksdal", vaksdal), ("3105", "Sarpsborg", sarpsborg)):
        response = client.get(reverse("municipalities:municipality_list") + f"?q={number}")
        rows = next(iter(tables(response).values()))[1:]
        assert [row[1:2] + row[3:] for row in rows] == [[name, "1", meetings]]


def test_municipality_list_filters_by_name_number_and_county(world, client_for):
    client = client_for("adviser")
    names = lambda response: [row[1] for row in next(iter(tables(response).values()))[1:]]  # noqa: E731
    assert names(client.get(reverse("municipalities:municipality_list") + "?q=4628")) == ["Vaksdal"]
    assert names(client.get(reverse("municipalities:municipality_list") + "?q=sarpsb")) == ["Sarpsborg"]
    listed = names(client.get(reverse("municipalities:municipality_list") + "?county=46"))
    assert "Vaksdal" in listed and "Sarpsborg" not in listed


# --- health check and language ------------------------------------------------------------------


def test_healthz_answers_ok_without_login(db):
    response = make_client(None).get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]


def test_default_language_is_norwegian_bokmal(world, client_for):
    assert '<html lang="nb">' in client_for("hr_a").get("/").content.decode()
    assert '<html lang="nb">' in make_client(None).get(reverse("login")).content.decode()


def test_language_switch_to_english(world, client_for):
    client = client_for("hr_a")
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert (response.status_code, response.url) == (302, "/")
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert '<option value="en" lang="en" selected>' in body
    client.post(reverse("set_language"), {"language": "nb", "next": "/"})
    assert '<html lang="nb">' in client.get("/").content.decode()


def test_language_switch_works_on_the_login_page(db):
    client = make_client(None)
    login = reverse("login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login})
    assert (response.status_code, response.url) == (302, login)
    assert '<html lang="en">' in client.get(login).content.decode()


def test_unsupported_language_is_ignored(world, client_for):
    client = client_for("hr_a")
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert '<html lang="nb">' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "role, sees_draft_title",
    [("hr_a", True), ("union_rep_a", True), ("superuser", True), ("hr_b", False), ("adviser", False)],
)
def test_a_request_never_leaks_the_title_of_a_draft_item(world, client_for, role, sees_draft_title):
    """A published meeting's request may point to an item in a draft: only those who may read the
    draft see its title (on the meeting page, the item page and the employee-requests page)."""
    f.RequestFactory(
        meeting=world.pub_a, raised_under=world.item_a2, person=world.rep.person, by_name="",
        text="Ber om sak om klimabudsjett.", asks_for_agenda_item=True, resulting_item=world.item_draft_a,
    )
    client = client_for(role)
    for url in (
        world.pub_a.get_absolute_url(),
        world.item_a2.get_absolute_url(),
        reverse("measures:employee_requests", args=[world.a.number]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert ("Utkast: klimabudsjett" in response.content.decode()) is sees_draft_title, url


def test_edit_pages_load_select_options_once_whatever_the_number_of_rows(world, client_for):
    """Each select's options are fetched once per formset, not once per row."""
    client = client_for("hr_a")
    urls = [
        reverse("meetings:meeting_edit", args=[world.pub_a.pk]),
        reverse("meetings:item_edit", args=[world.item_a2.pk]),
        reverse("municipalities:body_members", args=[world.body_a.pk]),
    ]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    before = counts()
    for index in range(6):
        person = f.PersonFactory(name=f"Ekstra Deltakar {index}", municipality=world.a)
        f.AttendanceFactory(meeting=world.pub_a, person=person, status="present", side="other")
        f.ProposalFactory(item=world.item_a2, position=10 + index, kind="alternative", proposers=[world.org["AP"]])
        f.MembershipFactory(body=world.body_a, person=person, role="medlem", side="political", on_behalf_of=world.org["AP"])
    assert counts() == before
