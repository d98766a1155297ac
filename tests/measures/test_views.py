"""Pages and forms: what each role sees and does, and the errors a person gets."""
from __future__ import annotations

import datetime

import pytest

from measures.models import ClimateMeasure, GreenRepresentative, Involvement, ProcessAnswer, Side
from meetings.models import AgendaItem

from ..helpers import invalid_fields, nb, page_text
from .pages import error_of as field_error

D = datetime.date


def measure_payload(**values):
    data = {"title": "Elsykkel for tilsette", "status": "proposed", "proposed_date": "2023-01-05",
            "topics": [], "employee_effects": []}
    data.update(values)
    return {k: v for k, v in data.items() if v is not None}


# --- the register and measures -------------------------------------------------------------------


@pytest.mark.django_db
def test_hr_creates_a_measure_and_history_says_who(mworld, client_for, users):
    from measures.models import Topic

    client = client_for("hr_a")
    energy = Topic.objects.get(code="energy")
    response = client.post(
        f"/kommuner/{mworld.a.number}/measures/new/",
        measure_payload(topics=[energy.pk], affects_employees="on", employee_effects=["commuting", "equipment"],
                        funding="climate_fund", funding_amount="250000"),
    )
    measure = ClimateMeasure.objects.get(title="Elsykkel for tilsette")
    assert response.status_code == 302 and response.url == measure.get_absolute_url()
    assert (measure.municipality, measure.employee_effects, list(measure.topics.all())) == (
        mworld.a, ["commuting", "equipment"], [energy]
    )
    assert measure.history.earliest("history_date").history_user == users["hr_a"]
    page = client.get(measure.get_absolute_url())
    assert "hr_a" in [entry.who for entry in page.context["history"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values, field, message",
    [
        ({"decision_date": "2023-01-01", "status": "decided"}, "id_decision_date",
         "The decision date cannot be before the proposal date."),
        ({"decision_date": "2023-02-01"}, "id_status",
         "A measure with a decision date is decided or later; choose another status or clear the date."),
        ({"status": "stopped"}, "id_stopped_date", "Give the date the measure was stopped."),
        ({"expected_emission_effect": "12.5"}, "id_emission_effect_source", "Give the source of the emission estimate."),
        ({"employee_effects": ["commuting"]}, "id_affects_employees",
         "Tick this when you say how the measure affects employees."),
        ({"title": "parkeringsavgift FOR tilsette"}, "id_title", "The municipality already has a measure with this title."),
    ],
)
def test_measure_form_errors_are_tied_to_fields(mworld, client_for, values, field, message):
    before = ClimateMeasure.objects.count()
    response = client_for("hr_a").post(f"/kommuner/{mworld.a.number}/measures/new/", measure_payload(**values))
    assert response.status_code == 200
    assert field_error(response, field) == nb(message)
    assert ClimateMeasure.objects.count() == before


@pytest.mark.django_db
def test_decision_item_fills_the_decision_date_and_the_links(mworld, client_for):
    w = mworld
    response = client_for("hr_a").post(
        f"/measures/{w.measure_a.pk}/edit/",
        measure_payload(title=w.measure_a.title, status="decided", proposed_date=None, decision_item=w.item_a2_next.pk,
                        agenda_items=[w.item_a2.pk], affects_employees="on", employee_effects=["commuting"]),
    )
    assert response.status_code == 302
    w.measure_a.refresh_from_db()
    assert w.measure_a.decision_date == D(2023, 3, 21)
    assert set(w.measure_a.agenda_items.all()) == {w.item_a2, w.item_a2_next}


@pytest.mark.django_db
def test_measure_form_offers_only_items_of_the_municipality(mworld, client_for):
    response = client_for("hr_a").post(
        f"/measures/{mworld.measure_a.pk}/edit/", measure_payload(title="X", agenda_items=[mworld.item_b.pk])
    )
    assert "id_agenda_items" in invalid_fields(response)


@pytest.mark.django_db
def test_register_filters_and_flag(mworld, client_for):
    client = client_for("adviser")
    url = f"/kommuner/{mworld.a.number}/measures/"
    page = client.get(url)
    assert [m.title for m in page.context["measures"]] == ["Parkeringsavgift for tilsette"]
    assert nb("Not consulted before the decision") in page_text(page)
    assert client.get(url, {"timing": "early"}).context["measures"] == []
    assert client.get(url, {"topic": "energy"}).context["measures"] == []
    assert len(client.get(url, {"topic": "nonsense", "timing": "late", "affects": "yes"}).context["measures"]) == 1


@pytest.mark.django_db
def test_measure_page_for_a_reader(mworld, client_for):
    page = client_for("adviser").get(mworld.measure_a.get_absolute_url())
    text = page_text(page)
    assert page.context["can_edit"] is False and page.context["can_record"] is False
    assert page.context["history"] is None
    assert [(e.kind, e.date) for e in page.context["timeline"]] == [
        ("event", D(2023, 1, 10)), ("decision", D(2023, 2, 1)), ("event", D(2023, 2, 7)),
    ]
    # who recorded: the side for everyone, the user name only for those who record
    assert nb("the employee side") in text and nb("the employer side") in text
    assert "(tv_a)" not in text and "(hr_a)" not in text
    assert "(tv_a)" in page_text(client_for("hr_a").get(mworld.measure_a.get_absolute_url()))


@pytest.mark.django_db
def test_measure_page_hides_linked_draft_items_from_other_municipalities(mworld, client_for):
    mworld.measure_a.agenda_items.add(mworld.item_draft_a)
    assert mworld.item_draft_a in client_for("union_rep_a").get(mworld.measure_a.get_absolute_url()).context["measure"].visible_items
    assert mworld.item_draft_a not in client_for("hr_b").get(mworld.measure_a.get_absolute_url()).context["measure"].visible_items


# --- involvement ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_union_rep_records_the_employee_sides_position(mworld, client_for, users):
    w = mworld
    client = client_for("union_rep_a")
    page = client.get(f"/measures/{w.measure_a.pk}/involvement/new/")
    assert page.context["form"].initial["unions"] == [w.org["Fagforbundet"].pk]  # their own union, preselected
    response = client.post(f"/measures/{w.measure_a.pk}/involvement/new/", {
        "date": "", "agenda_item": w.item_a2_next.pk, "arena": "psu", "raised_by": "employee", "level": "3",
        "position": "mixed", "position_text": "Ja til sykkel, nei til avgift", "unions": [w.org["Fagforbundet"].pk],
        "representatives": [w.rep.person.pk],
    })
    assert response.status_code == 302
    event = Involvement.objects.get(position_text="Ja til sykkel, nei til avgift")
    assert (event.date, event.recorded_by, event.recorded_by_side) == (D(2023, 3, 21), users["union_rep_a"], Side.EMPLOYEE)
    assert list(event.representatives.all()) == [w.rep.person]


@pytest.mark.django_db
def test_record_involvement_from_an_alert_chooses_the_item(mworld, client_for):
    w = mworld
    client = client_for("union_rep_a")
    response = client.get(f"/items/{w.item_a2.pk}/involvement/")
    assert response.url == f"/measures/{w.measure_a.pk}/involvement/new/?item={w.item_a2.pk}"
    assert client.get(response.url).context["form"].initial["agenda_item"] == w.item_a2.pk
    for odd in ("abc", "9" * 30, ""):
        page = client.get(f"/measures/{w.measure_a.pk}/involvement/new/?item={odd}")
        assert page.status_code == 200 and "agenda_item" not in page.context["form"].initial


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values, field, message, params",
    [
        ({"level": "4", "raised_by": "employer"}, "id_raised_by",
         "Level 4 means the employee side initiated it: choose the employee side.", {}),
        ({"date": ""}, "id_date", "Give the date, or choose the agenda item it happened under.", {}),
        ({"agenda_item": "ITEM", "date": "2023-02-08"}, "id_date",
         "The agenda item was handled on %(day)s: use that date, or leave the item out.", {"day": "07.02.2023"}),
    ],
)
def test_involvement_form_errors(mworld, client_for, values, field, message, params):
    data = {"date": "2023-02-10", "arena": "drofting", "raised_by": "employee", "level": "2", "position": "supports"}
    data.update({k: (mworld.item_a2.pk if v == "ITEM" else v) for k, v in values.items()})
    before = Involvement.objects.count()
    response = client_for("hr_a").post(f"/measures/{mworld.measure_a.pk}/involvement/new/", data)
    assert response.status_code == 200
    assert field_error(response, field) == nb(message, **params)
    assert Involvement.objects.count() == before


@pytest.mark.django_db
def test_no_events_after_the_measure_was_stopped(mworld, client_for):
    ClimateMeasure.objects.filter(pk=mworld.measure_a.pk).update(status="stopped", stopped_date=D(2023, 3, 1))
    data = {"date": "2023-03-02", "arena": "psu", "raised_by": "employee", "level": "1", "position": "opposes"}
    response = client_for("union_rep_a").post(f"/measures/{mworld.measure_a.pk}/involvement/new/", data)
    assert field_error(response, "id_date") == nb(
        "The measure was stopped on %(day)s; an event after that cannot be recorded.", day="01.03.2023"
    )
    data["date"] = "2023-03-01"
    assert client_for("union_rep_a").post(f"/measures/{mworld.measure_a.pk}/involvement/new/", data).status_code == 302


@pytest.mark.django_db
def test_editing_keeps_who_recorded_it(mworld, client_for, users):
    w = mworld
    response = client_for("superuser").post(f"/involvement/{w.event_rep.pk}/edit/", {
        "date": "2023-01-10", "arena": "information_meeting", "raised_by": "employer", "level": "1", "position": "opposes",
    })
    assert response.status_code == 302
    w.event_rep.refresh_from_db()
    assert (w.event_rep.position, w.event_rep.recorded_by, w.event_rep.recorded_by_side) == (
        "opposes", users["union_rep_a"], Side.EMPLOYEE
    )
    assert w.event_rep.history.latest("history_date").history_user == users["superuser"]


# --- process questions and green representatives ---------------------------------------------------


@pytest.mark.django_db
def test_process_questions_are_saved_changed_and_cleared(mworld, client_for):
    client, url = client_for("hr_a"), f"/measures/{mworld.measure_a.pk}/process/"
    assert client.post(url, {"q1_answer": "yes", "q1_note": "Klimaplanen", "q4_answer": "no"}).status_code == 302
    answers = lambda: list(ProcessAnswer.objects.filter(measure=mworld.measure_a).values_list("question", "answer", "note"))  # noqa: E731
    assert answers() == [(1, "yes", "Klimaplanen"), (4, "no", "")]
    client.post(url, {"q1_answer": "partly", "q1_note": "Klimaplanen"})
    assert answers() == [(1, "partly", "Klimaplanen")]
    response = client.post(url, {"q2_note": "Berre ein merknad"})
    assert field_error(response, "id_q2_answer") == nb("Choose an answer, or remove the note.")
    assert answers() == [(1, "partly", "Klimaplanen")]
    page = page_text(client.get(mworld.measure_a.get_absolute_url()))
    assert nb("Partly") in page and nb("Not answered") in page


@pytest.mark.django_db
def test_union_rep_names_a_green_representative(mworld, client_for):
    client, url = client_for("union_rep_a"), f"/kommuner/{mworld.a.number}/green-representatives/edit/"
    data = {"green-TOTAL_FORMS": "2", "green-INITIAL_FORMS": "0",
            "green-0-new_person": "Grete Grøn", "green-0-union": mworld.org["Fagforbundet"].pk, "green-0-since": "2023-05-01",
            "green-1-person": mworld.rep.person.pk, "green-1-since": "2023-05-01", "green-1-until": "2023-04-01"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert field_error(response, "id_green-1-until") == nb("The end date cannot be before the start date.")
    assert GreenRepresentative.objects.count() == 0
    data["green-1-until"] = ""
    assert client.post(url, data).status_code == 302
    assert sorted(GreenRepresentative.objects.values_list("person__name", flat=True)) == ["Grete Grøn", "Lina Sørbø"]
    assert "Grete Grøn" in page_text(client_for("adviser").get(f"/kommuner/{mworld.a.number}/green-representatives/"))


# --- the agenda item page and the municipality page ----------------------------------------------


@pytest.mark.django_db
def test_item_page_shows_measures_and_the_forms_to_hr_only(mworld, client_for):
    url = mworld.item_a2.get_absolute_url()
    hr = page_text(client_for("hr_a").get(url))
    assert "Parkeringsavgift for tilsette" in hr and f"/items/{mworld.item_a2.pk}/measures/new/" in hr
    rep = page_text(client_for("union_rep_a").get(url))
    assert "Parkeringsavgift for tilsette" in rep and "/measures/new/" not in rep
    # a non-climate item: no forms, a hint instead
    other = page_text(client_for("hr_a").get(mworld.item_a2_next.get_absolute_url()))
    assert "/measures/new/" not in other and nb("Set the climate relevance to make this item a measure or link it to one.") in other


@pytest.mark.django_db
def test_turn_an_item_into_a_decided_measure_in_one_step(mworld, client_for):
    from measures.models import Topic

    w = mworld
    transport = Topic.objects.get(code="transport")
    response = client_for("hr_a").post(
        f"/items/{w.item_a2.pk}/measures/new/", {"title": "Parkeringsreglar", "status": "decided", "topics": [transport.pk]}
    )
    measure = ClimateMeasure.objects.get(title="Parkeringsreglar")
    assert response.status_code == 302 and response.url == f"/measures/{measure.pk}/edit/"
    assert (measure.municipality, measure.decision_date, measure.decision_item, measure.decided_by, measure.proposed_date) == (
        w.a, D(2023, 2, 7), w.item_a2, "Administrasjonsutvalet", None
    )
    assert list(measure.agenda_items.all()) == [w.item_a2] and list(measure.topics.all()) == [transport]
    # as an idea: the meeting date is the proposal date
    client_for("hr_a").post(f"/items/{w.item_a2.pk}/measures/new/", {"title": "Sykkelidé", "status": "idea"})
    idea = ClimateMeasure.objects.get(title="Sykkelidé")
    assert (idea.proposed_date, idea.decision_date) == (D(2023, 2, 7), None)


@pytest.mark.django_db
def test_create_from_item_refuses_duplicates_and_non_climate_items(mworld, client_for):
    w = mworld
    before = ClimateMeasure.objects.count()
    client = client_for("hr_a")
    response = client.post(f"/items/{w.item_a2.pk}/measures/new/", {"title": w.measure_a.title, "status": "idea"}, follow=True)
    assert nb("The municipality already has a measure with this title.") in page_text(response)
    response = client.post(f"/items/{w.item_a2_next.pk}/measures/new/", {"title": "Trepart", "status": "idea"}, follow=True)
    assert nb("Only climate-related agenda items can be turned into or linked to measures.") in page_text(response)
    assert ClimateMeasure.objects.count() == before


@pytest.mark.django_db
def test_link_an_item_to_an_existing_measure(mworld, client_for):
    w = mworld
    other = ClimateMeasure.objects.create(municipality=w.a, title="Sykkelparkering", status="idea")
    client = client_for("hr_a")
    # not climate-related (yet): refused, back to the item with the reason
    response = client.post(f"/items/{w.item_a2_next.pk}/measures/link/", {"measure": other.pk}, follow=True)
    assert response.redirect_chain == [(w.item_a2_next.get_absolute_url(), 302)]
    assert nb("Only climate-related agenda items can be turned into or linked to measures.") in page_text(response)
    assert not other.agenda_items.exists()
    AgendaItem.objects.filter(pk=w.item_a2_next.pk).update(climate_override="mentions", climate_override_reason="Sykkel")
    assert client.post(f"/items/{w.item_a2_next.pk}/measures/link/", {"measure": other.pk}).status_code == 302
    assert list(other.agenda_items.all()) == [w.item_a2_next]
    # a measure of another municipality cannot be chosen
    client.post(f"/items/{w.item_a2_next.pk}/measures/link/", {"measure": w.measure_b.pk})
    assert not w.measure_b.agenda_items.exists()


@pytest.mark.django_db
def test_municipality_page_links_to_the_measure_pages(mworld, client_for):
    text = page_text(client_for("union_rep_a").get(mworld.a.get_absolute_url()))
    for path in ("measures/", "climate-coverage/", "measures/not-consulted/", "employee-requests/", "green-representatives/"):
        assert f'href="/kommuner/{mworld.a.number}/{path}"' in text


@pytest.mark.django_db
def test_employee_requests_and_whether_they_reached_the_agenda(mworld, client_for):
    from .. import factories as f

    f.RequestFactory(meeting=mworld.pub_a2, by_name="Ola Lærar", text="Kan vi få ei sak om matsvinn?")
    f.RequestFactory(meeting=mworld.pub_a2, by_name="Ola Lærar", text="Kva kostar parkeringa?", asks_for_agenda_item=False)
    page = client_for("union_rep_a").get(f"/kommuner/{mworld.a.number}/employee-requests/")
    assert [(r.text[:20], r.outcome) for r in page.context["requests"]] == [
        ("Kan vi få ei sak om ", "waiting"), ("Kva kostar parkering", "question"), ("Ber om at sak om tre", "on_agenda"),
    ]
    assert (page.context["asked"], page.context["reached"]) == (2, 1)


@pytest.mark.django_db
def test_not_consulted_page(mworld, client_for):
    page = client_for("adviser").get(f"/kommuner/{mworld.a.number}/measures/not-consulted/")
    assert [m.title for m in page.context["measures"]] == ["Parkeringsavgift for tilsette"]
    assert [m.title for m in client_for("adviser").get(f"/kommuner/{mworld.b.number}/measures/not-consulted/").context["measures"]] == ["Energisparing"]


@pytest.mark.django_db
def test_admin_pages(mworld, client_for):
    client = client_for("superuser")
    for url in (
        "/admin/measures/climatemeasure/", f"/admin/measures/climatemeasure/{mworld.measure_a.pk}/change/",
        "/admin/measures/involvement/", f"/admin/measures/involvement/{mworld.event_hr.pk}/change/",
        f"/admin/measures/climatemeasure/{mworld.measure_a.pk}/history/",
        "/admin/measures/greenrepresentative/add/", "/admin/measures/topic/",
    ):
        assert client.get(url).status_code == 200, url
