"""factory_boy factories for the measures app (extending tests/factories.py)."""
from __future__ import annotations

import datetime

import factory

from measures.models import ClimateMeasure, GreenRepresentative, Involvement, Level, ProcessAnswer, Topic

from ..factories import MunicipalityFactory, OrganisationFactory, PersonFactory, many_to_many  # noqa: F401


def topic(code: str) -> Topic:
    """Topics are reference rows loaded by migration 0002."""
    return Topic.objects.get(code=code)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClimateMeasure
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Klimatiltak {n:03d}")
    status = ClimateMeasure.Status.DECIDED
    proposed_date = None
    decision_date = datetime.date(2022, 6, 1)
    affects_employees = True
    employee_effects = factory.LazyAttribute(lambda o: ["commuting"] if o.affects_employees else [])

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set([topic(code) if isinstance(code, str) else code for code in extracted])

    agenda_items = many_to_many("agenda_items")


class InvolvementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Involvement
        skip_postgeneration_save = True

    measure = factory.SubFactory(MeasureFactory)
    date = datetime.date(2022, 5, 1)
    arena = Involvement.Arena.PSU
    raised_by = factory.LazyAttribute(
        lambda o: Involvement.RaisedBy.EMPLOYEE if o.level == Level.INITIATED else Involvement.RaisedBy.EMPLOYER
    )
    level = Level.CONSULTED
    position = Involvement.Position.NOT_STATED

    unions = many_to_many("unions")


class ProcessAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcessAnswer

    measure = factory.SubFactory(MeasureFactory)
    question = ProcessAnswer.Question.PURPOSE
    answer = ProcessAnswer.Answer.YES


class GreenRepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GreenRepresentative

    municipality = factory.SubFactory(MunicipalityFactory)
    person = factory.SubFactory(PersonFactory, municipality=factory.SelfAttribute("..municipality"))
    union = factory.SubFactory(OrganisationFactory)
    since = datetime.date(2022, 1, 1)
    until = None
