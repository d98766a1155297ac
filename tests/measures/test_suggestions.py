"""Involvement events suggested from the protocols of linked items, and confirming them."""
from __future__ import annotations

import datetime

import pytest

from measures import services
from measures.models import Involvement, Level, Side
from meetings.models import Proposal

from ..helpers import nb

D = datetime.date


def summary(suggestion):
    return (
        suggestion.key, suggestion.date, suggestion.arena, suggestion.level,
        [u.short_name for u in suggestion.unions], suggestion.agenda_item,
    )


@pytest.mark.django_db
def test_suggestions_from_employee_side_proposals_and_requests(mworld):
    w = mworld
    result = [summary(s) for s in services.suggestions_for(w.measure_a)]
    assert result == [
        (f"proposal-{w.proposal_union.pk}", D(2023, 2, 7), "psu", Level.CONSULTED,
         ["Fagforbundet", "Utdanningsforbundet"], w.item_a2),
        (f"request-{w.request.pk}", D(2023, 2, 7), "psu", Level.CONSULTED, ["Fagforbundet"], w.item_a2),
    ]
    proposal = services.suggestions_for(w.measure_a)[0]
    amendment = nb("Amendment")
    assert proposal.reason == nb(
        "%(kind)s from %(who)s (%(outcome)s)", kind=amendment, who="Fagforbundet, Utdanningsforbundet",
        outcome=nb("Fell").lower(),
    )
    assert proposal.position_text == f"{amendment}: Avgifta vert utsett eitt år."
    assert proposal.initial()["raised_by"] == Involvement.RaisedBy.EMPLOYEE


@pytest.mark.django_db
def test_adopted_proposal_suggests_co_development(mworld):
    Proposal.objects.filter(pk=mworld.proposal_union.pk).update(outcome=Proposal.Outcome.ADOPTED)
    assert services.suggestions_for(mworld.measure_a)[0].level == Level.CO_DEVELOPED


@pytest.mark.django_db
def test_request_that_put_a_linked_item_on_the_agenda_suggests_initiative(mworld):
    w = mworld
    w.measure_a.agenda_items.add(w.item_a2_next)
    request = next(s for s in services.suggestions_for(w.measure_a) if s.key == f"request-{w.request.pk}")
    assert (request.level, request.date, request.agenda_item) == (Level.INITIATED, D(2023, 2, 7), None)
    assert request.note == nb(
        "Led to item %(item)s on %(day)s.", item="09/2023 Kommunalt trepartssamarbeid", day="21.03.2023"
    )


@pytest.mark.django_db
def test_measure_without_items_has_no_suggestions(mworld):
    assert services.suggestions_for(mworld.measure_b) == []


@pytest.mark.django_db
def test_confirming_a_suggestion_records_it_once(mworld, client_for):
    w = mworld
    key = f"proposal-{w.proposal_union.pk}"
    client = client_for("union_rep_a")
    url = f"/measures/{w.measure_a.pk}/involvement/new/"
    page = client.get(url, {"suggestion": key})
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["level"] == Level.CONSULTED and form.initial["agenda_item"] == w.item_a2.pk
    data = {
        "suggestion": key, "date": "2023-02-07", "arena": "psu", "agenda_item": w.item_a2.pk,
        "raised_by": "employee", "level": "2", "position": "opposes", "position_text": "Ønskjer utsetjing",
        "unions": [w.org["Fagforbundet"].pk, w.org["Utdanningsforbundet"].pk],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    event = Involvement.objects.get(source_proposal=w.proposal_union)
    assert (event.recorded_by, event.recorded_by_side, event.position) == (w.users["union_rep_a"], Side.EMPLOYEE, "opposes")
    assert key not in [s.key for s in services.suggestions_for(w.measure_a)]
    # the same suggestion again: nothing new, a message instead
    again = client.post(url, data)
    assert again.status_code == 302
    assert Involvement.objects.filter(source_proposal=w.proposal_union).count() == 1


@pytest.mark.django_db
def test_suggestions_are_shown_only_to_those_who_may_record(mworld, client_for):
    url = mworld.measure_a.get_absolute_url()
    assert client_for("hr_a").get(url).context["suggestions"]
    assert client_for("adviser").get(url).context["suggestions"] == []
    assert client_for("hr_b").get(url).context["suggestions"] == []


@pytest.mark.django_db
def test_a_suggestion_that_does_not_apply_can_be_dismissed(mworld, client_for):
    from measures.models import DismissedSuggestion

    w = mworld
    key = f"request-{w.request.pk}"
    url = f"/measures/{w.measure_a.pk}/suggestions/dismiss/"
    assert client_for("hr_b").post(url, {"suggestion": key}).status_code == 403
    assert client_for("adviser").post(url, {"suggestion": key}).status_code == 403
    assert client_for("union_rep_a").post(url, {"suggestion": key}).status_code == 302
    assert [s.key for s in services.suggestions_for(w.measure_a)] == [f"proposal-{w.proposal_union.pk}"]
    assert DismissedSuggestion.objects.get().dismissed_by == w.users["union_rep_a"]
    # an unknown or already dismissed key stores nothing
    client_for("hr_a").post(url, {"suggestion": key})
    client_for("hr_a").post(url, {"suggestion": "proposal-999999"})
    assert DismissedSuggestion.objects.count() == 1
