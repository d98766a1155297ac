"""Constraints in the database and in the models' clean(), and change history."""
from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from measures.models import ClimateMeasure, GreenRepresentative, Involvement, Level, ProcessAnswer, Topic

from .. import factories as f
from ..helpers import nb
from .factories import GreenRepresentativeFactory, InvolvementFactory, MeasureFactory, ProcessAnswerFactory

D = datetime.date
S = ClimateMeasure.Status


def integrity_error(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def error_fields(obj) -> dict:
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


# --- topics ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_topics_are_seeded_in_order():
    assert list(Topic.objects.values_list("code", flat=True)) == [
        "transport", "energy", "procurement", "waste", "buildings",
        "food", "certification", "nature", "competence", "planning",
    ]


# --- measures: the database refuses ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values",
    [
        {"proposed_date": D(2022, 6, 2), "decision_date": D(2022, 6, 1)},  # decided before proposed
        {"status": S.PROPOSED, "decision_date": D(2022, 6, 1)},  # a proposal with a decision date
        {"status": S.STOPPED, "stopped_date": None},  # stopped without a date
        {"status": S.DECIDED, "stopped_date": D(2022, 7, 1)},  # a stop date without being stopped
        {"status": S.STOPPED, "decision_date": D(2022, 6, 1), "stopped_date": D(2022, 5, 31)},
        {"status": S.STOPPED, "decision_date": None, "proposed_date": D(2022, 6, 1), "stopped_date": D(2022, 5, 1)},
        {"expected_emission_effect": Decimal("12.5"), "emission_effect_source": ""},
    ],
)
def test_measure_check_constraints(values):
    municipality = f.MunicipalityFactory()
    base = {"municipality": municipality, "title": "Tiltak", "status": S.DECIDED, "decision_date": D(2022, 6, 1)}
    integrity_error(lambda: ClimateMeasure.objects.create(**{**base, **values}))


@pytest.mark.django_db
def test_measure_title_unique_per_municipality():
    MeasureFactory(title="Parkering")
    integrity_error(lambda: MeasureFactory(title="Parkering"))
    MeasureFactory(title="Parkering", municipality=f.MunicipalityFactory(number="3105", name="Sarpsborg"))


@pytest.mark.django_db
def test_valid_edge_dates_are_accepted():
    # decided on the day it was proposed, stopped on the day it was decided
    measure = MeasureFactory(
        status=S.STOPPED, proposed_date=D(2022, 6, 1), decision_date=D(2022, 6, 1), stopped_date=D(2022, 6, 1)
    )
    measure.full_clean()
    MeasureFactory(status=S.STOPPED, decision_date=None, stopped_date=D(2022, 1, 1)).full_clean()


# --- measures: clean() names the field -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values, field",
    [
        ({"proposed_date": D(2022, 6, 2), "decision_date": D(2022, 6, 1)}, "decision_date"),
        ({"status": S.IDEA, "decision_date": D(2022, 6, 1)}, "status"),
        ({"status": S.STOPPED, "stopped_date": None}, "stopped_date"),
        ({"stopped_date": D(2022, 7, 1)}, "stopped_date"),
        ({"status": S.STOPPED, "stopped_date": D(2022, 5, 1)}, "stopped_date"),
        ({"expected_emission_effect": Decimal("3"), "emission_effect_source": " "}, "emission_effect_source"),
        ({"affects_employees": False, "employee_effects": ["commuting"]}, "affects_employees"),
        ({"employee_effects": ["teleportation"]}, "employee_effects"),
        ({"funding_amount": 1000, "funding": ""}, "funding"),
    ],
)
def test_measure_clean_attaches_errors_to_fields(values, field):
    measure = ClimateMeasure(
        municipality=f.MunicipalityFactory(), title="Tiltak", status=S.DECIDED, decision_date=D(2022, 6, 1),
        affects_employees=True,
    )
    for name, value in values.items():
        setattr(measure, name, value)
    assert field in error_fields(measure)


@pytest.mark.django_db
def test_decision_item_must_be_in_the_municipality(world):
    measure = ClimateMeasure(municipality=world.a, title="T", status=S.DECIDED, decision_item=world.item_b)
    assert error_fields(measure) == {"decision_item": [nb("The agenda item belongs to another municipality.")]}


# --- involvement ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_level_four_must_come_from_the_employee_side_in_the_database():
    measure = MeasureFactory()
    for raised_by in (Involvement.RaisedBy.EMPLOYER, Involvement.RaisedBy.JOINT):
        integrity_error(
            lambda: Involvement.objects.create(
                measure=measure, date=D(2022, 5, 1), arena="psu", level=Level.INITIATED, raised_by=raised_by  # noqa: B023
            )
        )
    Involvement.objects.create(
        measure=measure, date=D(2022, 5, 1), arena="psu", level=Level.INITIATED, raised_by="employee"
    )


@pytest.mark.django_db
def test_level_outside_the_ladder_is_refused():
    measure = MeasureFactory()
    integrity_error(
        lambda: Involvement.objects.create(measure=measure, date=D(2022, 5, 1), arena="psu", level=5, raised_by="employee")
    )


@pytest.mark.django_db
def test_level_four_from_employer_fails_clean_on_raised_by():
    event = InvolvementFactory.build(measure=MeasureFactory(), level=Level.INITIATED, raised_by="employer")
    assert error_fields(event) == {
        "raised_by": [nb("Level 4 means the employee side initiated it: choose the employee side.")]
    }


@pytest.mark.django_db
def test_event_after_the_measure_was_stopped_is_rejected():
    measure = MeasureFactory(status=S.STOPPED, decision_date=D(2022, 6, 1), stopped_date=D(2022, 9, 30))
    late = InvolvementFactory.build(measure=measure, date=D(2022, 10, 1))
    assert error_fields(late) == {
        "date": [nb("The measure was stopped on %(day)s; an event after that cannot be recorded.", day="30.09.2022")]
    }
    InvolvementFactory.build(measure=measure, date=D(2022, 9, 30)).full_clean()  # the stop date itself is fine


@pytest.mark.django_db
def test_event_agenda_item_must_match_municipality_and_date(world):
    measure = MeasureFactory(municipality=world.a)
    other = InvolvementFactory.build(measure=measure, date=world.pub_b.date, agenda_item=world.item_b)
    assert error_fields(other) == {"agenda_item": [nb("The agenda item belongs to another municipality.")]}
    wrong_day = InvolvementFactory.build(measure=measure, date=D(2023, 2, 8), agenda_item=world.item_a2)
    assert error_fields(wrong_day) == {
        "date": [nb("The agenda item was handled on %(day)s: use that date, or leave the item out.", day="07.02.2023")]
    }
    InvolvementFactory.build(measure=measure, date=D(2023, 2, 7), agenda_item=world.item_a2).full_clean()


@pytest.mark.django_db
def test_one_event_per_source_proposal(world):
    measure = MeasureFactory(municipality=world.a)
    InvolvementFactory(measure=measure, source_proposal=world.proposal_union)
    integrity_error(lambda: InvolvementFactory(measure=measure, source_proposal=world.proposal_union))


# --- process answers and green representatives ------------------------------------------------


@pytest.mark.django_db
def test_process_answer_one_per_question_and_known_questions():
    answer = ProcessAnswerFactory(question=ProcessAnswer.Question.ANCHORING)
    integrity_error(lambda: ProcessAnswerFactory(measure=answer.measure, question=ProcessAnswer.Question.ANCHORING))
    integrity_error(lambda: ProcessAnswerFactory(measure=answer.measure, question=7))


@pytest.mark.django_db
def test_green_representative_dates_and_municipality(world):
    integrity_error(lambda: GreenRepresentativeFactory(since=D(2023, 1, 1), until=D(2022, 12, 31)))
    person_b = f.PersonFactory(municipality=world.b)
    rep = GreenRepresentative(municipality=world.a, person=person_b, union=world.org["SP"], since=D(2023, 1, 1))
    assert error_fields(rep) == {
        "person": [nb("The person belongs to another municipality.")],
        "union": [nb("Choose a union or union federation.")],
    }


@pytest.mark.django_db
def test_green_representatives_active_on_a_day_include_the_first_and_last_day():
    closed = GreenRepresentativeFactory(since=D(2023, 1, 1), until=D(2023, 6, 30))
    open_ = GreenRepresentativeFactory(since=D(2023, 3, 1), municipality=closed.municipality)
    active = GreenRepresentative.objects.in_municipality(closed.municipality).active_on
    assert set(active(D(2022, 12, 31))) == set()
    assert set(active(D(2023, 1, 1))) == {closed}
    assert set(active(D(2023, 6, 30))) == {closed, open_}
    assert set(active(D(2023, 7, 1))) == {open_}


# --- history -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_changes_are_kept_in_history(world):
    measure = MeasureFactory(municipality=world.a, topics=["energy"])
    measure.status = S.IN_IMPLEMENTATION
    measure.save()
    event = InvolvementFactory(measure=measure)
    event.unions.set([world.org["Fagforbundet"]])
    assert [h.status for h in measure.history.order_by("history_id")][-1] == S.IN_IMPLEMENTATION
    assert measure.history.count() == 3  # created, topics set, status changed
    latest = event.history.order_by("-history_id").first()
    assert [u.organisation_id for u in latest.unions.all()] == [world.org["Fagforbundet"].pk]


@pytest.mark.django_db
def test_a_measure_cannot_be_stopped_before_recorded_involvement():
    measure = MeasureFactory(decision_date=D(2022, 6, 1))
    InvolvementFactory(measure=measure, date=D(2022, 8, 1))
    measure.status, measure.stopped_date = S.STOPPED, D(2022, 7, 31)
    assert error_fields(measure) == {
        "stopped_date": [nb("Involvement is recorded after this date: a measure cannot be stopped before it.")]
    }
    measure.stopped_date = D(2022, 8, 1)
    measure.full_clean()
