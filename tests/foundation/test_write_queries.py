"""Query-count guards on the write paths: saving a meeting, an item, classifying a meeting's items,
linking pending requests on an import's confirmation and the import review form all take the
same number of queries however many rows they carry (issue 11, issue 15).

Each test builds a small and a large case and compares the queries of the same write; the count
is the request's own (what the worker does after the commit is not part of the request).
"""
from __future__ import annotations

import copy
import datetime

from django.db import connection
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imports.linking import link_pending_requests
from meetings.classification import classify_items
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Membership, Organisation

from .. import factories as f
from ..helpers import make_client, page_payload, set_row
from .test_forms import row_of

# A ceiling for the whole request, so a guard also fails when every size gets slower the same way.
ITEM_SAVE_QUERIES = 80
# The meeting save's exact queries (issue 11): the session, the user and their profile, the meeting;
# the form's clash check and its constraint check (in a savepoint); the attendance rows and the
# records their selects chose (person, seat, organisation, substitute's seat), the item rows; then
# in one transaction (a savepoint under the test's): the version claim, the meeting's statistics
# keys before and after its update, its history row and stale mark, its search documents' publish
# flag, and the meetings_changed signal's keys and stale mark.
MEETING_SAVE_HEADER_QUERIES = 25
# With one attendance row, one item row and the header changed, exactly this many (whatever the
# number of rows): the above, the changed rows' model validation (the records they chose and
# their constraints), the item's version claim, each changed row's statistics keys, update,
# history row and stale mark, the changed item's search documents (rebuilt at once: SQLite writes
# its full-text table, PostgreSQL its vocabulary) and the reclassification of that item alone (it,
# its proposals and its attachments).
MEETING_SAVE_QUERIES = {"sqlite": 66, "postgresql": 68}


def queries_of(action) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = action()
    return len(captured.captured_queries), result


def grow_meeting(world, rows: int, day: int | None = None) -> Meeting:
    """A published meeting of A's body with ``rows`` attendance rows (members present, one
    absent with a substitute) and ``rows`` agenda items, each item with a proposal."""
    meeting = f.MeetingFactory(
        body=world.body_a, date=datetime.date(2024, 5, 2) + datetime.timedelta(days=rows if day is None else day), start_time=datetime.time(9, 0),
        state=Meeting.State.HELD, published=True, place="Rådhuset",
    )
    fagforbundet = world.org["Fagforbundet"]
    for n in range(rows):
        seat = f.MembershipFactory(body=world.body_a, side=Membership.Side.EMPLOYEE, on_behalf_of=fagforbundet)
        f.AttendanceFactory(
            meeting=meeting, person=seat.person, membership=seat, side=seat.side, organisation=fagforbundet,
            role="Medlem", status=Attendance.Status.ABSENT if n == 0 else Attendance.Status.PRESENT,
        )
        item = f.AgendaItemFactory(meeting=meeting, position=n + 1, case_number=f"{n + 1:02d}/2024", title=f"Sak {n + 1}")
        f.ProposalFactory(item=item, position=0, kind=Proposal.Kind.ADMINISTRATION, by_administration=True, text="Vedtak.")
    first = Attendance.objects.filter(meeting=meeting, status=Attendance.Status.ABSENT).get()
    substitute = f.MembershipFactory(
        body=world.body_a, role=Membership.Role.VARAMEDLEM, side=Membership.Side.EMPLOYEE, on_behalf_of=fagforbundet
    )
    f.AttendanceFactory(
        meeting=meeting, person=substitute.person, membership=substitute, side=substitute.side,
        organisation=fagforbundet, role="Varamedlem", status=Attendance.Status.PRESENT, substitute_for=first.membership,
    )
    return meeting


def save_meeting_queries(world, users, rows: int) -> int:
    meeting = grow_meeting(world, rows)
    client = make_client(users["hr_a"])
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    data = page_payload(client.get(url), "form", "attendance", "items")
    data["place"] = "Kommunestyresalen"
    set_row(data, "items", row_of(data, "items", "position", "1"), title="Sak 1: endra tittel")
    set_row(data, "attendance", 1, status=Attendance.Status.ABSENT)
    count, response = queries_of(lambda: client.post(url, data))
    assert response.status_code == 302, response.context and response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.place == "Kommunestyresalen"
    assert AgendaItem.objects.get(meeting=meeting, position=1).title == "Sak 1: endra tittel"
    assert Attendance.objects.filter(meeting=meeting, status=Attendance.Status.ABSENT).count() == 2
    # the history and the version stay: one history row per changed record
    assert Meeting.history.filter(id=meeting.pk).count() == 2
    assert meeting.version == 2
    return count


def assert_constant_queries(queries, world, users, small_rows: int, large_rows: int, budget: int) -> None:
    """As many queries with ``large_rows`` as with ``small_rows``, and within ``budget``."""
    small = queries(world, users, small_rows)
    large = queries(world, users, large_rows)
    assert large == small
    assert small <= budget


def test_saving_a_meeting_takes_as_many_queries_with_50_rows_as_with_5(world, users):
    small = save_meeting_queries(world, users, 5)
    large = save_meeting_queries(world, users, 50)
    assert large == small == MEETING_SAVE_QUERIES[connection.vendor]


def save_header_queries(world, users, rows: int) -> int:
    """Only the meeting's place changed: no row is saved, validated against the model or
    reclassified, and only the meeting gets a history row."""
    meeting = grow_meeting(world, rows)
    client = make_client(users["hr_a"])
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    data = page_payload(client.get(url), "form", "attendance", "items")
    data["place"] = "Kommunestyresalen"
    AgendaItem.objects.filter(meeting=meeting).update(climate_level=AgendaItem.ClimateLevel.LINKED)
    before = {
        model: model.history.count() for model in (Meeting, Attendance, AgendaItem, Proposal)
    }
    count, response = queries_of(lambda: client.post(url, data))
    assert response.status_code == 302, response.context and response.context["form"].errors
    meeting.refresh_from_db()
    assert (meeting.place, meeting.version) == ("Kommunestyresalen", 2)
    after = {model: model.history.count() for model in before}
    assert after == {**before, Meeting: before[Meeting] + 1}
    # an unchanged item is not reclassified (its level, set here by hand, stays)
    assert set(AgendaItem.objects.filter(meeting=meeting).values_list("climate_level", flat=True)) == {
        AgendaItem.ClimateLevel.LINKED
    }
    return count


def test_saving_only_a_meetings_header_takes_as_many_queries_with_50_rows_as_with_5(world, users):
    assert save_header_queries(world, users, 5) == save_header_queries(world, users, 50) == MEETING_SAVE_HEADER_QUERIES


def test_rendering_the_meeting_form_takes_as_many_queries_with_50_rows_as_with_5(world, users):
    client = make_client(users["hr_a"])

    def render(rows: int) -> int:
        meeting = grow_meeting(world, rows)
        count, response = queries_of(lambda: client.get(reverse("meetings:meeting_edit", args=[meeting.pk])))
        assert response.status_code == 200
        assert len(response.context["attendance"].forms) == rows + 1 + 2  # and the substitute, and two empty rows
        return count

    assert render(5) == render(50)


def save_item_queries(world, users, rows: int) -> int:
    meeting = grow_meeting(world, 1, day=100 + rows)
    item = AgendaItem.objects.get(meeting=meeting)
    later = f.MeetingFactory(body=world.body_a, date=meeting.date + datetime.timedelta(days=30), published=True)
    for n in range(rows):
        f.ProposalFactory(
            item=item, position=n + 1, kind=Proposal.Kind.AMENDMENT, text=f"Framlegg {n}",
            proposers=[world.org["Fagforbundet"], world.org["AP"]],
        )
        resulting = f.AgendaItemFactory(meeting=later, position=n + 1, case_number=f"{n + 40}/2024", title=f"Oppfølging {n}")
        f.RequestFactory(
            meeting=meeting, raised_under=item, person=world.rep.person, by_name="", organisation=world.org["Fagforbundet"],
            text=f"Ber om sak {n}", asks_for_agenda_item=True, resulting_item=resulting,
        )
    client = make_client(users["hr_a"])
    url = reverse("meetings:item_edit", args=[item.pk])
    data = page_payload(client.get(url), "form", "proposals", "requests")
    data["title"] = "Endra tittel"
    set_row(data, "proposals", 1, outcome=Proposal.Outcome.ADOPTED)
    count, response = queries_of(lambda: client.post(url, data))
    assert response.status_code == 302, response.context and response.context["form"].errors
    item.refresh_from_db()
    assert (item.title, item.version) == ("Endra tittel", 2)
    assert Proposal.objects.filter(item=item, outcome=Proposal.Outcome.ADOPTED).count() == 1
    assert Request.objects.filter(raised_under=item, resulting_item__isnull=False).count() == rows
    return count


def test_saving_an_item_takes_as_many_queries_with_10_proposals_and_requests_as_with_2(world, users):
    assert_constant_queries(save_item_queries, world, users, 2, 10, ITEM_SAVE_QUERIES)


def test_classifying_a_meetings_items_reads_them_and_their_proposals_once(world):
    def classify(rows: int) -> int:
        meeting = grow_meeting(world, rows)
        count, _changed = queries_of(lambda: classify_items(AgendaItem.objects.filter(meeting=meeting)))
        return count

    # the items, their proposals, their attachments, and one bulk update of those whose level
    # changed (here none)
    assert classify(2) == classify(12) == 3


SUBJECTS = [
    "kantinedrift", "sykkelparkering", "arbeidstidsordningar", "lønnspolitikk", "seniorpolitikk",
    "heimekontor", "sjukefråvær", "lærlingplassar", "vernerunde", "pensjonsordning",
]


def pending_requests(world, subjects: list[str], first_day: int = 0) -> None:
    """Requests in A that ask for a case about each subject, one meeting each (no item yet)."""
    for n, subject in enumerate(subjects):
        meeting = f.MeetingFactory(
            body=world.body_a, date=datetime.date(2022, 1, 1) + datetime.timedelta(days=first_day + n), published=True
        )
        f.RequestFactory(
            meeting=meeting, person=world.rep.person, by_name="", organisation=world.org["Fagforbundet"],
            text=f"Ber om at sak om {subject} blir teken opp i utvalet.", asks_for_agenda_item=True,
        )


def test_linking_pending_requests_takes_as_many_queries_for_10_as_for_2(world):
    pending_requests(world, SUBJECTS[:2])
    small, linked = queries_of(lambda: link_pending_requests(world.a))
    assert linked == 0
    pending_requests(world, SUBJECTS[2:], first_day=2)
    large, linked = queries_of(lambda: link_pending_requests(world.a))
    assert linked == 0
    assert large == small == 2  # the pending requests, and the candidate items of their bodies


def test_a_pending_request_is_linked_to_the_later_item_it_asked_for(world):
    pending_requests(world, SUBJECTS[:3])
    asked = Request.objects.get(text__contains="sykkelparkering")
    item = f.AgendaItemFactory(meeting=world.pub_a, position=9, case_number="30/2023", title="Sykkelparkering for tilsette")
    assert link_pending_requests(world.a) == 1
    asked.refresh_from_db()
    assert asked.resulting_item == item
    assert list(Request.objects.filter(resulting_item__isnull=False, text__endswith="blir teken opp i utvalet.")) == [asked]
    # the link is in the history
    assert asked.history.latest("history_date").resulting_item_id == item.pk


def review_preview(world, meetings: int):
    """An import preview of ``meetings`` meetings of A's body, each with an unknown member."""
    entry = {
        "include": True, "publish": False, "body_id": world.body_a.pk, "changes": [],
        "data": {
            "date": "2024-02-06", "place": "Rådhuset", "state": "held",
            "attendance": [{"name": "Ukjend Person", "side": "employee", "person_id": None}],
            "items": [{
                "case_number": "01/2024", "position": 1, "title": "Sak", "climate": {"evidence": []},
                "climate_override": "", "climate_override_reason": "",
            }],
            "requests": [],
        },
    }
    from imports.preview import Preview

    return Preview.from_json({"municipality": world.a.number, "meetings": [copy.deepcopy(entry) for _ in range(meetings)]})


def test_the_review_form_reads_bodies_and_people_once_for_any_number_of_meetings(world):
    from imports.forms import ReviewForm

    def render_and_validate(meetings: int) -> int:
        preview = review_preview(world, meetings)
        data = {f"m{m}_{name}": value for m in range(meetings) for name, value in (
            ("include", "on"), ("body", str(world.body_a.pk)), ("date", "2024-02-06"), ("place", "Rådhuset"),
            ("state", "held"), ("a0_person", str(world.rep.person.pk)), ("i0_case_number", "01/2024"), ("i0_title", "Sak"),
        )}

        def work():
            form = ReviewForm(preview=preview, municipality=world.a)
            html = "".join(str(field) for field in form)
            bound = ReviewForm(data, preview=preview, municipality=world.a)
            assert bound.is_valid(), bound.errors
            corrected = bound.corrected_preview().meetings
            assert [entry.body_id for entry in corrected] == [world.body_a.pk] * meetings
            assert [entry.data.attendance[0].person_id for entry in corrected] == [world.rep.person.pk] * meetings
            return html

        count, html = queries_of(work)
        assert html.count(f'<option value="{world.body_a.pk}" selected>') == meetings
        return count

    # the bodies, the people and the organisations (for unmatched names): once each to render,
    # plus the organisations once to preselect a named one; once each to validate
    assert render_and_validate(1) == render_and_validate(5) == 7


def test_the_review_form_refuses_a_body_of_another_municipality(world):
    from imports.forms import ReviewForm

    preview = review_preview(world, 1)
    data = {"m0_include": "on", "m0_body": str(world.body_b.pk), "m0_date": "2024-02-06", "m0_state": "held",
            "m0_i0_title": "Sak"}
    form = ReviewForm(data, preview=preview, municipality=world.a)
    assert not form.is_valid()
    assert form.errors["m0_body"][0] == str(ModelChoiceField.default_error_messages["invalid_choice"])


def test_a_row_choosing_a_record_outside_its_select_is_refused(world, users):
    """The records chosen in all rows are read in one query, still from each select's own queryset:
    a person of another municipality, or an employer as proposer, is an invalid choice."""
    client = make_client(users["hr_a"])
    url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    data = page_payload(client.get(url), "form", "attendance", "items")
    set_row(data, "attendance", 0, person=world.rep_b.person.pk, membership="")
    response = client.post(url, data)
    assert response.status_code == 200
    invalid = str(ModelChoiceField.default_error_messages["invalid_choice"])
    assert response.context["attendance"].forms[0].errors["person"] == [invalid]
    assert not Attendance.objects.filter(person=world.rep_b.person).exists()

    item_url = reverse("meetings:item_edit", args=[world.item_a2.pk])
    data = page_payload(client.get(item_url), "form", "proposals", "requests")
    employer = Organisation.objects.filter(kind=Organisation.Kind.EMPLOYER).first()
    assert employer is not None
    row = row_of(data, "proposals", "id", world.proposal_union.pk)
    set_row(data, "proposals", row, proposers=[world.org["Fagforbundet"].pk, employer.pk])
    response = client.post(item_url, data)
    assert response.status_code == 200
    errors = response.context["proposals"].forms[row].errors["proposers"]
    assert errors[0] == str(ModelMultipleChoiceField.default_error_messages["invalid_choice"]) % {"value": employer.pk}
    assert set(Proposal.objects.get(pk=world.proposal_union.pk).proposers.all()) == {
        world.org["Fagforbundet"], world.org["Utdanningsforbundet"]
    }
