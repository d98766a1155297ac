"""Concurrent edits: two HR users open the same form and save in turn.

The first save is kept; the second is refused with a message naming who changed what and when,
the second person's input stays on the page, and saving again (after reading the message) is a
deliberate overwrite that goes through.
"""
from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import ClimateMeasure
from meetings.models import AgendaItem, Meeting

from .. import factories as f
from ..helpers import make_client, nb, page_payload, page_text, set_row
from ..measures.factories import MeasureFactory

SAVE_AGAIN = "Nothing was saved: your input is kept below. Check their change, then save again to replace it with yours."


@pytest.fixture
def second_hr(world):
    return f.HRProfileFactory(user__username="hr_a_kollega", municipality=world.a).user


def expected_conflict(record, what: str, fields: str) -> str:
    """The message for the last change of ``record`` (a historical row), as the page shows it."""
    when = timezone.localtime(record.history_date)
    return nb(
        "%(who)s changed the %(what)s on %(date)s at %(time)s (%(fields)s) after you opened the form.",
        who=record.history_user.get_username(), what=what, date=when.strftime("%d.%m.%Y"),
        time=when.strftime("%H:%M"), fields=fields,
    ) + " " + nb(SAVE_AGAIN)


def test_second_meeting_save_is_refused_and_names_the_first(world, users, second_hr):
    first, second = make_client(users["hr_a"]), make_client(second_hr)
    url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    page_1 = page_payload(first.get(url), "form", "attendance", "items")
    page_2 = page_payload(second.get(url), "form", "attendance", "items")
    version = Meeting.objects.get(pk=world.pub_a.pk).version

    assert first.post(url, {**page_1, "place": "Rådhuset, møterom 2"}).status_code == 302
    response = second.post(url, {**page_2, "notes": "Referent: Ola Nordmann"})

    assert response.status_code == 409
    meeting = Meeting.objects.get(pk=world.pub_a.pk)
    assert (meeting.place, meeting.notes, meeting.version) == ("Rådhuset, møterom 2", "", version + 1)
    record = Meeting.history.filter(id=meeting.pk).latest("history_date")
    message = expected_conflict(record, f"{nb('meeting')} 07.02.2023", nb("place"))
    assert response.context["form"].non_field_errors() == [message]
    assert message in page_text(response)
    assert "Referent: Ola Nordmann" in page_text(response)  # the second person's input is kept

    # saving again after reading the message replaces the first change, knowingly
    again = page_payload(response, "form", "attendance", "items")
    assert again["version"] == str(version + 1)
    assert second.post(url, again).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.notes, meeting.version) == ("Kommunestyresalen", "Referent: Ola Nordmann", version + 2)


def test_item_rows_of_the_meeting_form_are_checked_against_the_item_page(world, users, second_hr):
    meeting_url = reverse("meetings:meeting_edit", args=[world.pub_a.pk])
    item_url = reverse("meetings:item_edit", args=[world.item_a2.pk])
    first, second = make_client(users["hr_a"]), make_client(second_hr)
    meeting_page = page_payload(first.get(meeting_url), "form", "attendance", "items")
    item_page = page_payload(second.get(item_url), "form", "proposals", "requests")

    assert second.post(item_url, {**item_page, "title": "Parkeringsavgift for alle tilsette"}).status_code == 302
    row = next(i for i in range(3) if meeting_page.get(f"items-{i}-id") == str(world.item_a2.pk))
    set_row(meeting_page, "items", row, title="Parkering for tilsette")
    response = first.post(meeting_url, meeting_page)

    assert response.status_code == 409
    assert AgendaItem.objects.get(pk=world.item_a2.pk).title == "Parkeringsavgift for alle tilsette"
    record = AgendaItem.history.filter(id=world.item_a2.pk).latest("history_date")
    message = expected_conflict(record, f"{nb('agenda item')} 05/2023 Parkeringsavgift for alle tilsette", nb("title"))
    assert response.context["form"].non_field_errors() == [message]
    assert "Parkering for tilsette" in page_text(response)


def test_second_item_save_is_refused(world, users, second_hr):
    url = reverse("meetings:item_edit", args=[world.item_a2.pk])
    first, second = make_client(users["hr_a"]), make_client(second_hr)
    page_1 = page_payload(first.get(url), "form", "proposals", "requests")
    page_2 = page_payload(second.get(url), "form", "proposals", "requests")

    assert second.post(url, {**page_2, "decision": "Saka vert utsett."}).status_code == 302
    response = first.post(url, {**page_1, "handling": "Fagforbundet bad om utsetjing."})

    assert response.status_code == 409
    item = AgendaItem.objects.get(pk=world.item_a2.pk)
    assert (item.decision, item.handling) == ("Saka vert utsett.", "")
    record = AgendaItem.history.filter(id=item.pk).latest("history_date")
    message = expected_conflict(record, f"{nb('agenda item')} 05/2023 Parkeringsavgift for tilsette", nb("decision"))
    assert message in page_text(response)
    assert "Fagforbundet bad om utsetjing." in page_text(response)


def test_second_measure_save_is_refused(world, users, second_hr):
    measure = MeasureFactory(municipality=world.a, title="Sykkelparkering", topics=["transport"])
    url = reverse("measures:measure_edit", args=[measure.pk])
    first, second = make_client(users["hr_a"]), make_client(second_hr)
    page_1 = page_payload(first.get(url))
    page_2 = page_payload(second.get(url))

    assert first.post(url, {**page_1, "responsible_unit": "Eigedom"}).status_code == 302
    response = second.post(url, {**page_2, "description": "Overbygd sykkelparkering ved rådhuset."})

    assert response.status_code == 409
    measure.refresh_from_db()
    assert (measure.responsible_unit, measure.description) == ("Eigedom", "")
    record = ClimateMeasure.history.filter(id=measure.pk).latest("history_date")
    message = expected_conflict(record, f"{nb('climate measure')} Sykkelparkering", nb("responsible unit"))
    assert response.context["form"].non_field_errors() == [message]
    assert "Overbygd sykkelparkering ved rådhuset." in page_text(response)


def test_an_unchanged_reimport_does_not_make_open_forms_stale(world):
    meeting = Meeting.objects.get(pk=world.pub_a.pk)
    version = meeting.version
    meeting.save(update_fields=["last_imported_at"])
    meeting.refresh_from_db()
    assert meeting.version == version
    meeting.save()
    meeting.refresh_from_db()
    assert meeting.version == version + 1
