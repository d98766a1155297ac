"""Bad and good input through the real data-entry pages, as HR staff of municipality A.

Every POST carries the full management-form data of the page unchanged, then changed the way a
person would change it. To keep the suite fast the unchanged data comes from the forms the view
builds rather than from a rendered GET; the first test checks that both are identical. A
rejected POST must show the error next to the field (linked by aria-describedby), mark exactly
the fields in error, and save NOTHING.
"""
from __future__ import annotations

import datetime

import pytest
from django.core.validators import MinValueValidator
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from meetings import services
from meetings.forms import (
    AgendaItemForm,
    AgendaItemFormSet,
    AttendanceFormSet,
    MeetingForm,
    ProposalFormSet,
    RequestFormSet,
)
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from meetings.views import _meeting_forms
from municipalities.models import Membership

from ..helpers import add_row, counts, field_error, forms_payload, invalid_fields, nb, page_payload, set_row

NOTHING_SAVED = "Nothing was saved. Correct the fields marked below."
CASE_NUMBER_MESSAGE = "Write the case number as NN/YYYY (for example 04/2023) or NNN/YY."


def django_message(message) -> str:
    with translation.override("nb"):
        return str(message)


def row_of(data: dict, prefix: str, field: str, value) -> int:
    """Index of the formset row whose ``field`` has ``value`` in the payload."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for index in range(total):
        if data.get(f"{prefix}-{index}-{field}") == str(value):
            return index
    raise AssertionError(f"no {prefix} row with {field}={value}")


@pytest.fixture
def hr(client_for):
    return client_for("hr_a")


@pytest.fixture
def create_url(world):
    return reverse("meetings:meeting_create", args=[world.body_a.pk])


def new_meeting_page_payload(body, meeting=None) -> dict:
    """What the new- (or edit-) meeting page posts unchanged, from the forms the view builds (without rendering)."""
    request = RequestFactory().get("/")
    return forms_payload(*_meeting_forms(request, body, meeting))


def item_page_payload(item) -> dict:
    """What the item page posts unchanged, from the forms as ``item_edit`` builds them (without rendering)."""
    return forms_payload(
        AgendaItemForm(None, instance=item),
        ProposalFormSet(None, instance=item, prefix="proposals"),
        RequestFormSet(None, instance=item, item=item, prefix="requests"),
    )


def test_the_unrendered_payloads_equal_what_the_pages_render(world, hr, create_url, item_url):
    """Guards the two helpers above: most tests here use them to skip a slow GET."""
    response = hr.get(create_url)
    assert response.status_code == 200
    assert page_payload(response, "form", "attendance", "items") == new_meeting_page_payload(world.body_a)
    response = hr.get(reverse("meetings:meeting_edit", args=[world.pub_a.pk]))
    assert page_payload(response, "form", "attendance", "items") == new_meeting_page_payload(world.body_a, world.pub_a)
    response = hr.get(item_url)
    assert response.status_code == 200
    assert page_payload(response, "form", "proposals", "requests") == item_page_payload(world.item_a2)


@pytest.fixture
def create_payload(world):
    """A complete, valid new-meeting POST: header, every seat's attendance, a guest and two items."""
    data = new_meeting_page_payload(world.body_a)
    data.update(date="2023-05-10", start_time="10:00", end_time="12:00", place="Rådhuset", state="held",
                published="on", notes="")
    statuses = {world.rep: "absent", world.rep2: "present", world.secretary: "present",
                world.chair: "present", world.politician: "present"}
    for seat, status in statuses.items():
        set_row(data, "attendance", row_of(data, "attendance", "membership", seat.pk), status=status)
    add_row(data, "attendance", person=world.substitute.person.pk, membership=world.substitute.pk,
            status="present", substitute_for=world.rep.pk, side="employee", role="Varamedlem")
    add_row(data, "attendance", name="Kari Kommunedirektør", status="present", side="other",
            role="Kommunedirektør")
    add_row(data, "items", position=1, case_number="01/2023", title="Godkjenning av innkalling og saksliste",
            item_type="PS", procedural=True)
    add_row(data, "items", position=2, case_number="02/2023", title="Handlingsplan for klima og miljø",
            item_type="PS", archive_id="23/1070")
    return data


def assert_rejected(response, before: dict, *, invalid: set[str]) -> None:
    """A re-rendered page with the banner, exactly ``invalid`` fields marked, and nothing saved."""
    assert response.status_code == 200
    assert nb(NOTHING_SAVED) in response.content.decode()
    assert invalid_fields(response) == invalid
    assert counts() == before


# --- the meeting header --------------------------------------------------------------------


def test_impossible_date_is_refused_next_to_the_field(hr, create_url, create_payload):
    before = counts()
    response = hr.post(create_url, {**create_payload, "date": "2023-02-30"})
    assert_rejected(response, before, invalid={"id_date"})
    assert field_error(response, "id_date") == django_message(MeetingForm.base_fields["date"].error_messages["invalid"])


def test_end_before_start_is_refused_next_to_the_end_time(hr, create_url, create_payload):
    before = counts()
    response = hr.post(create_url, {**create_payload, "start_time": "11:00", "end_time": "10:00"})
    assert_rejected(response, before, invalid={"id_end_time"})
    assert field_error(response, "id_end_time") == nb("The meeting cannot end before it starts.")


def test_end_time_without_start_time_is_refused(hr, create_url, create_payload):
    before = counts()
    response = hr.post(create_url, {**create_payload, "start_time": "", "end_time": "10:00"})
    assert_rejected(response, before, invalid={"id_start_time"})
    assert field_error(response, "id_start_time") == nb("Give a start time when you give an end time.")


def test_duplicate_meeting_is_refused_next_to_the_date(world, hr, create_url, create_payload):
    before = counts()
    response = hr.post(create_url, {**create_payload, "date": "2023-02-07", "start_time": "10:00"})
    assert_rejected(response, before, invalid={"id_date"})
    assert field_error(response, "id_date") == nb("This body already has a meeting at that date and time.")
    # control: the same date at another time is a new meeting
    response = hr.post(create_url, {**create_payload, "date": "2023-02-07", "start_time": "14:00", "end_time": ""})
    assert response.status_code == 302
    assert Meeting.objects.filter(body=world.body_a, date=datetime.date(2023, 2, 7)).count() == 2


def test_duplicate_meeting_without_start_time_is_refused(world, hr, create_url, create_payload):
    Meeting.objects.create(body=world.body_a, date=datetime.date(2023, 5, 10), start_time=None)
    before = counts()
    response = hr.post(create_url, {**create_payload, "start_time": "", "end_time": ""})
    assert_rejected(response, before, invalid={"id_date"})
    assert field_error(response, "id_date") == nb("This body already has a meeting on that date.")


def test_moving_a_meeting_onto_another_is_refused_and_changes_nothing(world, hr):
    url = reverse("meetings:meeting_edit", args=[world.pub_a2.pk])
    data = new_meeting_page_payload(world.body_a, world.pub_a2)
    before = counts()
    response = hr.post(url, {**data, "date": "2023-02-07", "place": "Flytta"})
    assert_rejected(response, before, invalid={"id_date"})
    world.pub_a2.refresh_from_db()
    assert (world.pub_a2.date, world.pub_a2.place) == (datetime.date(2023, 3, 21), "Kommunestyresalen")


# --- attendance ----------------------------------------------------------------------------


def test_substitute_for_a_member_who_is_present_is_refused(world, hr, create_url, create_payload):
    data = dict(create_payload)
    vera = row_of(data, "attendance", "membership", world.substitute.pk)
    set_row(data, "attendance", vera, substitute_for=world.rep2.pk)  # Ola Lærar is present
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_attendance-{vera}-substitute_for"})
    assert field_error(response, f"id_attendance-{vera}-substitute_for") == nb(
        "%(name)s is not recorded as absent: a substitute can only meet for an absent member.", name="Ola Lærar"
    )


def test_substitute_for_a_member_who_is_not_recorded_is_refused(world, hr, create_url, create_payload):
    data = dict(create_payload)
    set_row(data, "attendance", row_of(data, "attendance", "membership", world.rep.pk), status="not_recorded")
    vera = row_of(data, "attendance", "membership", world.substitute.pk)
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_attendance-{vera}-substitute_for"})
    assert "Lina Sørbø" in field_error(response, f"id_attendance-{vera}-substitute_for")


def test_substitute_who_is_not_present_is_refused(world, hr, create_url, create_payload):
    data = dict(create_payload)
    vera = row_of(data, "attendance", "membership", world.substitute.pk)
    set_row(data, "attendance", vera, status="absent")
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_attendance-{vera}-status"})
    assert field_error(response, f"id_attendance-{vera}-status") == nb("A substitute who meets must be marked present.")


def test_two_substitutes_for_one_seat_are_refused(world, hr, create_url, create_payload):
    data = dict(create_payload)
    second = add_row(data, "attendance", name="Ekstra Varamedlem", status="present", substitute_for=world.rep.pk,
                     side="employee")
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_attendance-{second}-substitute_for"})
    assert field_error(response, f"id_attendance-{second}-substitute_for") == nb(
        "Only one substitute can meet for the same member."
    )


def test_a_person_listed_twice_is_refused(world, hr, create_url, create_payload):
    data = dict(create_payload)
    twice = add_row(data, "attendance", person=world.rep2.person.pk, status="present", side="employee")
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_attendance-{twice}-person"})
    assert field_error(response, f"id_attendance-{twice}-person") == nb("%(name)s is listed twice.", name="Ola Lærar")


def test_a_row_with_neither_person_nor_name_is_refused(hr, create_url, create_payload):
    data = dict(create_payload)
    row = add_row(data, "attendance", status="present", side="other", role="Gjest")
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_attendance-{row}-name"})
    assert field_error(response, f"id_attendance-{row}-name") == nb("Choose a person or write a name.")


def only_seat_absent(data: dict, seat) -> None:
    """Delete every seat's attendance row in ``data`` but ``seat``'s, and mark that one absent."""
    for index in range(int(data["attendance-TOTAL_FORMS"])):
        if data[f"attendance-{index}-membership"] not in ("", str(seat.pk)):
            set_row(data, "attendance", index, DELETE=True, person="", membership="", status="not_recorded",
                    side="other", role="", organisation="")
    set_row(data, "attendance", row_of(data, "attendance", "membership", seat.pk), status="absent")


def test_substitute_for_an_absent_member_is_saved(world, hr, create_url):
    data = new_meeting_page_payload(world.body_a)
    data.update(date="2023-06-01", start_time="09:00", end_time="10:00", state="held")
    only_seat_absent(data, world.rep)
    add_row(data, "attendance", person=world.substitute.person.pk, status="present", substitute_for=world.rep.pk,
            side="employee")
    response = hr.post(create_url, data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=world.body_a, date=datetime.date(2023, 6, 1))
    assert response.url == meeting.get_absolute_url()
    rows = {(a.person.name, a.status, a.substitute_for_id) for a in Attendance.objects.filter(meeting=meeting)}
    assert rows == {("Lina Sørbø", "absent", None), ("Vera Varamedlem", "present", world.rep.pk)}


def test_a_substitute_picked_in_a_blank_row_is_saved_on_the_members_side_and_fills_the_seat(world, hr, create_url,
                                                                                             users):
    """Only the person, "present" and the seat they meet for are chosen; side and organisation stay
    at their defaults (issue 14: it was saved as "Others (administration, guests)" with no union)."""
    from django.test import TestCase

    from dashboards.metrics import scorecard
    from dashboards.scope import Period

    data = new_meeting_page_payload(world.body_a)
    data.update(date="2023-06-01", start_time="09:00", end_time="10:00", state="held", published="on")
    only_seat_absent(data, world.rep)
    add_row(data, "attendance", person=world.substitute.person.pk, status="present", substitute_for=world.rep.pk,
            side="other", organisation="")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = hr.post(create_url, data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=world.body_a, date=datetime.date(2023, 6, 1))
    vera = Attendance.objects.get(meeting=meeting, person=world.substitute.person)
    assert (vera.side, vera.organisation.short_name, vera.substitute_for_id) == ("employee", "Fagforbundet", world.rep.pk)
    day = datetime.date(2023, 6, 1)
    card = scorecard(world.body_a.municipality, Period(day, day), world.body_a.kind, users["adviser"])
    assert (card.counts.employee_seats, card.counts.employee_seats_filled) == (1, 1)


# --- agenda items in the meeting page ---------------------------------------------------------


@pytest.mark.parametrize("number", ["4/2023a", "2023", "04-2023", "1234/2023"])
def test_malformed_case_number_in_the_items_formset_is_refused(hr, create_url, create_payload, number):
    data = dict(create_payload)
    row = row_of(data, "items", "case_number", "02/2023")
    set_row(data, "items", row, case_number=number)
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_items-{row}-case_number"})
    assert field_error(response, f"id_items-{row}-case_number") == nb(CASE_NUMBER_MESSAGE)


def test_a_case_number_used_twice_in_the_items_formset_is_refused(hr, create_url, create_payload):
    data = dict(create_payload)
    row = row_of(data, "items", "case_number", "02/2023")
    set_row(data, "items", row, case_number="01/2023")
    before = counts()
    response = hr.post(create_url, data)
    assert_rejected(response, before, invalid={f"id_items-{row}-case_number"})
    assert field_error(response, f"id_items-{row}-case_number") == nb("This case number is already used in the meeting.")


def test_every_form_is_validated_so_every_error_shows_at_once(hr, create_url, create_payload):
    data = dict(create_payload)
    row = row_of(data, "items", "case_number", "02/2023")
    set_row(data, "items", row, case_number="2023")
    before = counts()
    response = hr.post(create_url, {**data, "date": "2023-02-30"})
    assert_rejected(response, before, invalid={"id_date", f"id_items-{row}-case_number"})


def test_a_failing_items_formset_leaves_the_edited_header_and_attendance_unchanged(world, hr):
    url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    data = new_meeting_page_payload(world.body_a, world.pub_a)
    data["place"] = "Endra stad"
    set_row(data, "attendance", row_of(data, "attendance", "membership", world.rep2.pk), status="absent")
    row = row_of(data, "items", "case_number", "05/2023")
    set_row(data, "items", row, case_number="04-2023", title="Endra tittel")
    before = counts()
    response = hr.post(url, data)
    assert_rejected(response, before, invalid={f"id_items-{row}-case_number"})
    world.pub_a.refresh_from_db()
    assert world.pub_a.place == "Kommunestyresalen"
    assert Attendance.objects.get(meeting=world.pub_a, membership=world.rep2).status == "present"
    assert AgendaItem.objects.get(pk=world.item_a2.pk).title == "Parkeringsavgift for tilsette"


# --- a valid meeting in one POST ----------------------------------------------------------------


def test_valid_meeting_with_attendance_and_items_is_saved_exactly(world, hr, create_url, create_payload):
    before = counts()
    response = hr.post(create_url, create_payload)
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=world.body_a, date=datetime.date(2023, 5, 10))
    assert response.url == reverse("meetings:meeting_detail", args=[meeting.pk])
    assert (meeting.start_time, meeting.end_time, meeting.place, meeting.state, meeting.published, meeting.notes) == (
        datetime.time(10, 0), datetime.time(12, 0), "Rådhuset", "held", True, ""
    )
    with translation.override("nb"):
        label = {role: str(role.label) for role in Membership.Role}
    attendance = {
        (a.person.name if a.person_id else a.name, a.membership_id, a.status, a.substitute_for_id, a.side, a.role,
         a.organisation.short_name if a.organisation_id else None)
        for a in Attendance.objects.filter(meeting=meeting).select_related("person", "organisation")
    }
    M = Membership.Role
    assert attendance == {
        ("Lina Sørbø", world.rep.pk, "absent", None, "employee", label[M.MEDLEM], "Fagforbundet"),
        ("Ola Lærar", world.rep2.pk, "present", None, "employee", label[M.MEDLEM], "Utdanningsforbundet"),
        ("Hanne Sekretær", world.secretary.pk, "present", None, "employer", label[M.SEKRETAER], None),
        ("Siri Leiarsen", world.chair.pk, "present", None, "political", label[M.LEIAR], "SP"),
        ("Per Politikar", world.politician.pk, "present", None, "political", label[M.MEDLEM], "AP"),
        ("Vera Varamedlem", world.substitute.pk, "present", world.rep.pk, "employee", "Varamedlem", "Fagforbundet"),
        ("Kari Kommunedirektør", None, "present", None, "other", "Kommunedirektør", None),
    }
    items = list(
        AgendaItem.objects.filter(meeting=meeting).order_by("position")
        .values_list("position", "case_number", "archive_id", "title", "item_type", "procedural")
    )
    assert items == [
        (1, "01/2023", "", "Godkjenning av innkalling og saksliste", "PS", True),
        (2, "02/2023", "23/1070", "Handlingsplan for klima og miljø", "PS", False),
    ]
    assert counts() == {**before, "meetings": before["meetings"] + 1, "attendance": before["attendance"] + 7,
                        "items": before["items"] + 2}


def _items_of(meeting):
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("position").values_list("pk", "position", "case_number"))


def test_swapping_two_items_saves_both(world, hr):
    url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    data = new_meeting_page_payload(world.body_a, world.pub_a)
    first, second = row_of(data, "items", "id", world.item_a1.pk), row_of(data, "items", "id", world.item_a2.pk)
    set_row(data, "items", first, position=2, case_number="05/2023")
    set_row(data, "items", second, position=1, case_number="04/2023")
    response = hr.post(url, data)
    assert response.status_code == 302
    assert _items_of(world.pub_a) == [(world.item_a2.pk, 1, "04/2023"), (world.item_a1.pk, 2, "05/2023")]


def test_moving_an_item_into_the_place_of_a_deleted_one(world, hr):
    url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    data = new_meeting_page_payload(world.body_a, world.pub_a)
    first, second = row_of(data, "items", "id", world.item_a1.pk), row_of(data, "items", "id", world.item_a2.pk)
    set_row(data, "items", first, DELETE=True)
    set_row(data, "items", second, position=1, case_number="04/2023")
    response = hr.post(url, data)
    assert response.status_code == 302
    assert _items_of(world.pub_a) == [(world.item_a2.pk, 1, "04/2023")]
    assert Proposal.objects.filter(item=world.item_a2).count() == 2


def test_editing_a_meeting_without_changes_changes_nothing(world, hr):
    url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    data = new_meeting_page_payload(world.body_a, world.pub_a)
    snapshot = lambda: (  # noqa: E731
        list(Attendance.objects.filter(meeting=world.pub_a).order_by("pk").values()),
        list(AgendaItem.objects.filter(meeting=world.pub_a).order_by("pk").values_list("position", "case_number", "title")),
    )
    before = snapshot()
    response = hr.post(url, data)
    assert response.status_code == 302
    assert snapshot() == before


# --- the agenda item page: proposals and requests ---------------------------------------------


@pytest.fixture
def item_url(world):
    return reverse("meetings:item_edit", args=[world.item_a2.pk])


@pytest.fixture
def item_payload(world):
    return item_page_payload(world.item_a2)


def proposals_of(item):
    return [
        (p.position, p.kind, p.by_administration, sorted(o.short_name for o in p.proposers.all()), p.text, p.outcome,
         p.votes_for, p.votes_against, p.votes_abstaining)
        for p in Proposal.objects.filter(item=item).order_by("position", "pk")
    ]


def requests_of(item):
    return [
        (r.meeting_id, r.person.name if r.person_id else r.by_name, r.organisation.short_name if r.organisation_id else None,
         r.text, r.asks_for_agenda_item, r.resulting_item_id)
        for r in Request.objects.filter(raised_under=item).order_by("pk").select_related("person", "organisation")
    ]


def test_editing_an_item_with_proposals_and_requests_saves_exactly(world, hr, item_url, item_payload):
    data = dict(item_payload)
    data["decision"] = "Parkeringsavgift vert innført frå 1. januar."
    union = row_of(data, "proposals", "id", world.proposal_union.pk)
    set_row(data, "proposals", union, outcome="withdrawn", votes_for="", votes_against="")
    data[f"proposals-{union}-proposers"] = [str(world.org["Fagforbundet"].pk)]
    new = add_row(data, "proposals", position=2, kind="additional", text="Inntektene går til betre busstilbod.",
                  outcome="adopted", votes_for=9, votes_against=0, votes_abstaining=1)
    data[f"proposals-{new}-proposers"] = [str(world.org["Utdanningsforbundet"].pk), str(world.org["SP"].pk)]
    add_row(data, "requests", person=world.rep2.person.pk, organisation=world.org["Utdanningsforbundet"].pk,
            text="Ber om sak om klimabudsjett.", asks_for_agenda_item=True, resulting_item=world.item_draft_a.pk)
    response = hr.post(item_url, data)
    assert response.status_code == 302
    assert response.url == world.item_a2.get_absolute_url()
    world.item_a2.refresh_from_db()
    assert world.item_a2.decision == "Parkeringsavgift vert innført frå 1. januar."
    assert proposals_of(world.item_a2) == [
        (0, "administration", True, [], "Parkeringsavgift vert innført frå 1. juni.", "adopted", 7, 2, None),
        (1, "amendment", False, ["Fagforbundet"], "Avgifta vert utsett eitt år.", "withdrawn", None, None, None),
        (2, "additional", False, ["SP", "Utdanningsforbundet"], "Inntektene går til betre busstilbod.", "adopted", 9, 0, 1),
    ]
    assert requests_of(world.item_a2) == [
        (world.pub_a.pk, "Lina Sørbø", "Fagforbundet",
         "Ber om at sak om trepartssamarbeid blir teken med på sakslista til neste møte.", True, world.item_a2_next.pk),
        (world.pub_a.pk, "Ola Lærar", "Utdanningsforbundet", "Ber om sak om klimabudsjett.", True, world.item_draft_a.pk),
    ]


@pytest.mark.parametrize("field", ["votes_for", "votes_against", "votes_abstaining"])
def test_negative_votes_in_the_proposals_formset_are_refused(world, hr, item_url, item_payload, field):
    data = dict(item_payload)
    data["decision"] = "Endra vedtak"
    union = row_of(data, "proposals", "id", world.proposal_union.pk)
    set_row(data, "proposals", union, **{field: -1})
    proposals_before = proposals_of(world.item_a2)
    response = hr.post(item_url, data)
    assert response.status_code == 200
    assert nb(NOTHING_SAVED) in response.content.decode()
    assert invalid_fields(response) == {f"id_proposals-{union}-{field}"}
    assert field_error(response, f"id_proposals-{union}-{field}") == django_message(
        MinValueValidator(0).message % {"limit_value": 0}
    )
    assert proposals_of(world.item_a2) == proposals_before
    assert AgendaItem.objects.get(pk=world.item_a2.pk).decision == "Parkeringsavgift vert innført frå 1. juni."


def test_a_proposal_without_proposer_is_refused(world, hr, item_url, item_payload):
    data = dict(item_payload)
    new = add_row(data, "proposals", position=3, kind="amendment", text="Utan forslagsstillar", outcome="fell")
    response = hr.post(item_url, data)
    assert response.status_code == 200
    assert field_error(response, f"id_proposals-{new}-proposers") == nb("Choose who proposed it, or tick the administration.")
    assert Proposal.objects.filter(item=world.item_a2).count() == 2


def test_a_request_without_asker_is_refused(world, hr, item_url, item_payload):
    data = dict(item_payload)
    new = add_row(data, "requests", text="Kven spør?")
    response = hr.post(item_url, data)
    assert response.status_code == 200
    assert field_error(response, f"id_requests-{new}-by_name") == nb("Say who asked: choose a person or write a name.")
    assert Request.objects.count() == 1


def test_malformed_case_number_on_the_item_page_is_refused(world, hr, item_url, item_payload):
    response = hr.post(item_url, {**item_payload, "case_number": "05-2023", "title": "Ny tittel"})
    assert response.status_code == 200
    assert invalid_fields(response) == {"id_case_number"}
    assert field_error(response, "id_case_number") == nb(CASE_NUMBER_MESSAGE)
    world.item_a2.refresh_from_db()
    assert (world.item_a2.case_number, world.item_a2.title) == ("05/2023", "Parkeringsavgift for tilsette")


def test_an_item_position_already_taken_is_refused(world, hr, item_url, item_payload):
    response = hr.post(item_url, {**item_payload, "position": "1"})
    assert response.status_code == 200
    assert invalid_fields(response) == {"id_position"}
    assert field_error(response, "id_position") == nb("Two items cannot have the same position.")
    assert AgendaItem.objects.get(pk=world.item_a2.pk).position == 2


def test_a_case_number_already_used_is_refused_on_the_item_page(world, hr, item_url, item_payload):
    response = hr.post(item_url, {**item_payload, "case_number": "04/2023"})
    assert response.status_code == 200
    assert field_error(response, "id_case_number") == nb("This case number is already used in the meeting.")
    assert AgendaItem.objects.get(pk=world.item_a2.pk).case_number == "05/2023"


# --- members of a body ----------------------------------------------------------------------


def test_membership_ending_before_it_starts_is_refused(world, hr):
    url = reverse("municipalities:body_members", args=[world.body_a.pk])
    response = hr.get(url)
    data = page_payload(response, None, "formset")
    row = add_row(data, "members", new_person="Nina Ny", role="medlem", side="employee",
                  on_behalf_of=world.org["Fagforbundet"].pk, voting_right=True, start_date="2023-01-01",
                  end_date="2022-12-31")
    memberships, people = Membership.objects.count(), world.a.people.count()
    response = hr.post(url, data)
    assert response.status_code == 200
    assert invalid_fields(response) == {f"id_members-{row}-end_date"}
    assert field_error(response, f"id_members-{row}-end_date") == nb("The end date cannot be before the start date.")
    assert (Membership.objects.count(), world.a.people.count()) == (memberships, people)


# --- atomic saves ---------------------------------------------------------------------------


def _bound_meeting_forms(world, create_payload):
    instance = Meeting(body=world.body_a)
    form = MeetingForm(create_payload, instance=instance, body=world.body_a)
    attendance = AttendanceFormSet(create_payload, instance=instance, body=world.body_a, prefix="attendance")
    items = AgendaItemFormSet(create_payload, instance=instance, prefix="items")
    assert services.all_valid(form, attendance, items)
    return form, attendance, items


def test_save_meeting_rolls_back_when_a_formset_fails_to_save(world, create_payload, monkeypatch):
    form, attendance, items = _bound_meeting_forms(world, create_payload)

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(items, "save", fail)
    before = counts()
    with pytest.raises(RuntimeError):
        services.save_meeting(form, attendance, items)
    assert counts() == before
    assert not Meeting.objects.filter(date=datetime.date(2023, 5, 10)).exists()


def test_save_meeting_saves_everything_when_nothing_fails(world, create_payload):
    form, attendance, items = _bound_meeting_forms(world, create_payload)
    before = counts()
    meeting = services.save_meeting(form, attendance, items)
    assert (meeting.attendances.count(), meeting.items.count()) == (7, 2)
    assert counts()["meetings"] == before["meetings"] + 1


def test_the_meeting_page_rolls_back_when_saving_the_items_fails(world, hr, create_url, create_payload, monkeypatch):
    def fail(self, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(AgendaItemFormSet, "save", fail)
    before = counts()
    with pytest.raises(RuntimeError):
        hr.post(create_url, create_payload)
    assert counts() == before


def test_save_item_rolls_back_when_the_requests_fail_to_save(world, hr, item_url, item_payload, monkeypatch):
    data = dict(item_payload)
    data["decision"] = "Endra vedtak"
    set_row(data, "proposals", row_of(data, "proposals", "id", world.proposal_union.pk), outcome="adopted")
    item = world.item_a2
    form = AgendaItemForm(data, instance=item)
    proposals = ProposalFormSet(data, instance=item, prefix="proposals")
    requests_ = RequestFormSet(data, instance=item, item=item, prefix="requests")
    assert services.all_valid(form, proposals, requests_)

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(requests_, "save", fail)
    with pytest.raises(RuntimeError):
        services.save_item(form, proposals, requests_)
    assert AgendaItem.objects.get(pk=item.pk).decision == "Parkeringsavgift vert innført frå 1. juni."
    assert Proposal.objects.get(pk=world.proposal_union.pk).outcome == "fell"
