"""Fixtures for the dashboard tests, on top of tests/conftest.py's users and world.

``cworld`` adds a hand-built municipality C (3205 Lillestrøm) whose figures for 2022 are known
exactly (see the comments; tests/dashboards/test_metrics.py asserts them):

PSU meetings in 2022
- ``m1`` 01.05.2022, held: employee seats e1 present, e2 absent with the substitute v present,
  e3 "not recorded" (left out), e4 absent without substitute, a name-only employee row present,
  a politician present -> 4 seats, 3 filled. Items i1-i8 (below).
- ``m2`` 01.06.2022, held: v present without standing in for anyone (not a seat), e1 absent
  without substitute -> 1 seat, 0 filled. No items.
- ``m3`` 01.07.2022, cancelled, with an item (items of cancelled meetings do not count).
- ``m_draft`` 01.08.2022, held but unpublished, with a climate item (never counted).
- ``m_amu`` 01.09.2022, an AMU meeting, held, with one climate item (counted only for AMU).
- ``m_2021`` 01.12.2021, held, one item (outside 2022).

Items of m1
- i1 procedural approval; i2 RS report mentioning climate; i3 PS, automatic "none" overridden to
  "mentions", with a union proposal; i4 PS, automatic "linked" overridden to "none"; i5 PS linked,
  environmental consequences assessed, with a party's proposal only; i6 orientering with an
  employee-side statement (an involvement event with a stated position); i7 PS with an event
  without a stated position raised by the employer, assessed as having no environmental
  consequences; i8 PS with a request raised under it.
  -> 8 items, 6 substantive (i3-i8), 3 mentioning climate (i2, i3, i5), 1 linked (i5),
  1 with consequences, 6 not assessed, voice on i3, i6, i8 (3 of 6), 1 request.

Measures of C
- mA decided 01.03.2022, affects employees, consulted 01.02.2022: early, max 2.
- mB decided 01.04.2022, affects, informed 01.03.2022 and consulted 01.05.2022: late, max 2.
- mC proposed 01.06.2022 (undecided), affects, initiated by the employee side 01.06.2022: early, max 4.
- mD decided 01.08.2022, does not affect employees, no events.
- mE decided 31.12.2021: outside 2022.
- mF no dates, affects, one "not involved" event 01.09.2022 (its reference date): never, max 0.
  -> 5 measures, 4 affecting, 2 early (0.5), 1 initiated, levels 0, 2, 2, 4 (median 2).
"""
from __future__ import annotations

import datetime

import pytest
from django.test import TestCase

from measures.models import ClimateMeasure, Involvement, Level
from meetings.models import AgendaItem, Attendance
from municipalities.models import Body, Membership, Municipality, Organisation

from .. import factories as f
from ..helpers.scorecard import LILLESTROM
from . import factories as df

D = datetime.date
YEAR_2022 = (D(2022, 1, 1), D(2022, 12, 31))


@pytest.fixture
def cworld(world):
    with TestCase.captureOnCommitCallbacks(execute=True):  # the statistics refresh after the commit
        return build_cworld(world)


def build_cworld(w):
    c = Municipality.objects.get(number=LILLESTROM)
    org = {o.short_name: o for o in Organisation.objects.filter(short_name__in=["Fagforbundet", "Delta", "AP", "SP"])}
    w.c = c
    w.body_c = df.body(c, "Partssammensatt utvalg")
    w.amu_c = df.body(c, "Arbeidsmiljøutvalget", kind=Body.Kind.AMU)
    M, A = Membership, Attendance.Status
    e1, e2, e3, e4 = (df.member(w.body_c, f"Tillitsvalgt {n}", org=org["Fagforbundet"]) for n in range(1, 5))
    v = df.member(w.body_c, "Vara Varamedlem", role=M.Role.VARAMEDLEM, org=org["Delta"])
    p = df.member(w.body_c, "Pål Politiker", side=M.Side.POLITICAL, org=org["AP"])
    w.e1, w.e2, w.e3, w.e4, w.v = e1, e2, e3, e4, v

    w.m1 = df.meeting(w.body_c, D(2022, 5, 1))
    df.seat(w.m1, e1)
    df.seat(w.m1, e2, A.ABSENT)
    df.seat(w.m1, v, substitute_for=e2)
    df.seat(w.m1, e3, A.NOT_RECORDED)
    df.seat(w.m1, e4, A.ABSENT)
    df.seat(w.m1, p)
    f.AttendanceFactory(meeting=w.m1, person=None, name="Tillitsvalgt uten sete", side=Attendance.Side.EMPLOYEE,
                        status=A.PRESENT)
    w.m2 = df.meeting(w.body_c, D(2022, 6, 1))
    df.seat(w.m2, v)
    df.seat(w.m2, e1, A.ABSENT)

    L, E = AgendaItem.ClimateLevel, AgendaItem.EnvAssessment
    w.i1 = df.item(w.m1, 1, "Godkjenning av innkalling og saksliste", procedural=True)
    w.i2 = df.item(w.m1, 2, "Referatsaker: klimaregnskap", item_type=AgendaItem.Type.RS, procedural=True,
                   climate_level=L.MENTIONS)
    w.i3 = df.item(w.m1, 3, "Reiseregulativ", climate_override=L.MENTIONS, climate_override_reason="Fly mot tog")
    f.ProposalFactory(item=w.i3, proposers=[org["Fagforbundet"]])
    w.i4 = df.item(w.m1, 4, "Arbeidsmiljø i barnehagene", climate_level=L.LINKED, climate_override=L.NONE,
                   climate_override_reason="Arbeidsmiljø, ikke natur")
    w.i5 = df.item(w.m1, 5, "Parkeringsavgift for ansatte", climate_level=L.LINKED, env_assessment=E.CONSEQUENCES,
                   climate_evidence=[{"phrase": "parkeringsavgift for ansatte", "field": "title", "category": "parking"}])
    f.ProposalFactory(item=w.i5, proposers=[org["AP"]])
    w.i6 = df.item(w.m1, 6, "Orientering om omstilling", item_type=AgendaItem.Type.ORIENTERING)
    w.i7 = df.item(w.m1, 7, "Lønnspolitisk plan", env_assessment=E.NONE_FOUND)
    w.i8 = df.item(w.m1, 8, "Heltidskultur")
    w.request = f.RequestFactory(meeting=w.m1, raised_under=w.i8, by_name="Tillitsvalgt 1",
                                 organisation=org["Fagforbundet"], asks_for_agenda_item=False)

    w.m3 = df.meeting(w.body_c, D(2022, 7, 1), state=df.CANCELLED)
    df.item(w.m3, 1, "Sak i avlyst møte", climate_level=L.MENTIONS)
    w.m_draft = df.meeting(w.body_c, D(2022, 8, 1), published=False)
    w.i_draft = df.item(w.m_draft, 1, "Utkast: elbil til alle", climate_level=L.LINKED)
    w.m_amu = df.meeting(w.amu_c, D(2022, 9, 1))
    df.item(w.m_amu, 1, "Sykkelparkering", climate_level=L.MENTIONS)
    w.m_2021 = df.meeting(w.body_c, D(2021, 12, 1))
    df.item(w.m_2021, 1, "Budsjett 2022", climate_level=L.MENTIONS)

    S = ClimateMeasure.Status
    w.mA = df.MeasureFactory(municipality=c, title="mA", decision_date=D(2022, 3, 1), agenda_items=[w.i5],
                             topics=["transport"])
    df.InvolvementFactory(measure=w.mA, date=D(2022, 2, 1), level=Level.CONSULTED)
    w.mB = df.MeasureFactory(municipality=c, title="mB", decision_date=D(2022, 4, 1))
    df.InvolvementFactory(measure=w.mB, date=D(2022, 3, 1), level=Level.INFORMED)
    df.InvolvementFactory(measure=w.mB, date=D(2022, 5, 1), level=Level.CONSULTED)
    w.mC = df.MeasureFactory(municipality=c, title="mC", status=S.PROPOSED, decision_date=None,
                             proposed_date=D(2022, 6, 1))
    df.InvolvementFactory(measure=w.mC, date=D(2022, 6, 1), level=Level.INITIATED)
    w.mD = df.MeasureFactory(municipality=c, title="mD", decision_date=D(2022, 8, 1), affects_employees=False)
    w.mE = df.MeasureFactory(municipality=c, title="mE", decision_date=D(2021, 12, 31))
    w.mF = df.MeasureFactory(municipality=c, title="mF", status=S.IDEA, decision_date=None)
    df.InvolvementFactory(measure=w.mF, date=D(2022, 9, 1), level=Level.NOT_INVOLVED)
    # statements on items: i6 has a stated position, i7 only an employer-raised event without one
    df.InvolvementFactory(measure=w.mA, date=w.m1.date, level=Level.CONSULTED, agenda_item=w.i6,
                          position=Involvement.Position.SUPPORTS)
    df.InvolvementFactory(measure=w.mA, date=w.m1.date, level=Level.INFORMED, agenda_item=w.i7)
    return w
