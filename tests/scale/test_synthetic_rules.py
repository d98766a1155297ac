"""The small rules of the synthetic generator (:mod:`partssamarbeid.synthetic`), one table each: pure, no database."""
from __future__ import annotations

import datetime
import random

import pytest

from measures.models import ClimateMeasure, Involvement
from municipalities.models import Membership
from partssamarbeid.synthetic.draws import period_index, periods, weighted
from partssamarbeid.synthetic.items import assessment_weights, procedural_proposal
from partssamarbeid.synthetic.measures import decided_weights, states_position
from partssamarbeid.synthetic.people import amu_chairs, rank_role
from partssamarbeid.synthetic.texts import fmt_title

D = datetime.date
M = Membership.Role
S = ClimateMeasure.Status


@pytest.mark.parametrize(("index", "role"), [(0, M.LEIAR), (1, M.NESTLEIAR), (2, M.MEDLEM), (8, M.MEDLEM)])
def test_rank_role(index, role):
    assert rank_role(index) == role


@pytest.mark.parametrize(("period", "chairs"), [
    (0, (M.LEIAR, M.NESTLEIAR)), (1, (M.NESTLEIAR, M.LEIAR)), (2, (M.LEIAR, M.NESTLEIAR)), (5, (M.NESTLEIAR, M.LEIAR)),
])
def test_amu_chairs_alternate_between_the_sides(period, chairs):
    assert amu_chairs(period) == chairs


@pytest.mark.parametrize(("practice", "level", "weights"), [
    ("strict", "none", (22, 68, 10)),
    ("strict", "mentions", (88, 68, 10)),
    ("partial", "linked", (40, 30, 60)),
    ("partial", "none", (10, 30, 60)),
    ("rare", "mentions", (12, 7, 90)),
])
def test_assessment_weights(practice, level, weights):
    assert assessment_weights(practice, level) == weights


@pytest.mark.parametrize(("item_type", "title", "proposal"), [
    ("RS", "Referatsaker", ("Referatsakene tas til orientering.", "Referatsakene vert tekne til orientering.")),
    ("PS", "Godkjenning av innkalling og saksliste",
     ("Innkalling og saksliste godkjennes.", "Innkalling og sakliste vert godkjend.")),
    ("PS", "Godkjenning av innkalling og sakliste",
     ("Innkalling og saksliste godkjennes.", "Innkalling og sakliste vert godkjend.")),
    ("PS", "Godkjenning av protokoll fra møte 01.02.2023", ("Protokollen godkjennes.", "Protokollen vert godkjend.")),
])
def test_procedural_proposal(item_type, title, proposal):
    assert procedural_proposal(item_type, title) == proposal


@pytest.mark.parametrize(("age", "first"), [
    (0, S.DECIDED), (365, S.DECIDED), (366, S.IN_IMPLEMENTATION), (3 * 365, S.IN_IMPLEMENTATION),
    (3 * 365 + 1, S.IMPLEMENTED), (5000, S.IMPLEMENTED),
])
def test_decided_weights_by_age(age, first):
    assert decided_weights(age)[0][0] == first


@pytest.mark.parametrize(("level", "raised_by", "states"), [
    (0, Involvement.RaisedBy.EMPLOYER, False),
    (1, Involvement.RaisedBy.EMPLOYER, False),
    (2, Involvement.RaisedBy.EMPLOYER, True),
    (4, Involvement.RaisedBy.EMPLOYEE, True),
    (1, Involvement.RaisedBy.EMPLOYEE, True),
    (1, Involvement.RaisedBy.JOINT, True),
])
def test_states_position(level, raised_by, states):
    assert states_position(level, raised_by) is states


SPANS = periods(D(2016, 1, 1), D(2025, 12, 31))  # 2015-2019, 2019-2023, 2023-


@pytest.mark.parametrize(("day", "index"), [
    (D(2016, 1, 1), 0), (D(2019, 10, 14), 0), (D(2019, 10, 15), 1), (D(2023, 10, 14), 1), (D(2023, 10, 15), 2),
    (D(2025, 12, 31), 2),
])
def test_period_index(day, index):
    assert period_index(SPANS, day) == index


class Fixed(random.Random):
    def __init__(self, x):
        super().__init__(0)
        self.x = x

    def random(self):
        return self.x


@pytest.mark.parametrize(("x", "value"), [(0.0, "a"), (0.19, "a"), (0.2, "b"), (0.69, "b"), (0.7, "c"), (0.999, "c")])
def test_weighted(x, value):
    assert weighted(Fixed(x), [("a", 2), ("b", 5), ("c", 3)]) == value


@pytest.mark.parametrize(("template", "title"), [
    ("Sykefravær", "Sykefravær"),
    ("Budsjett {y}", "Budsjett 2023"),
    ("Klimaregnskap {p}", "Klimaregnskap 2022"),
    ("Handlingsplan {n}-{n3}", "Handlingsplan 2024-2027"),
    ("Protokoll fra møte {d}", "Protokoll fra møte 14.03.2023"),
])
def test_fmt_title(template, title):
    assert fmt_title(template, D(2023, 3, 14)) == title
