"""Each rule of a climate measure (measures/rules.py) on its own, table-driven, without a database."""
from datetime import date as D
from decimal import Decimal

import pytest

from measures import rules
from measures.models import ClimateMeasure

S = ClimateMeasure.Status


def measure(**values) -> ClimateMeasure:
    base = {"title": "Tiltak", "status": S.DECIDED, "decision_date": D(2023, 3, 1), "employee_effects": []}
    return ClimateMeasure(**{**base, **values})


def fields(rule, **values) -> list[str]:
    return [field for field, _message in rule(measure(**values))]


@pytest.mark.parametrize(
    ("rule", "values", "expected"),
    [
        (rules.decided_after_proposed, {"proposed_date": D(2023, 1, 1)}, []),
        (rules.decided_after_proposed, {"proposed_date": D(2023, 4, 1)}, ["decision_date"]),
        (rules.decided_after_proposed, {"proposed_date": None}, []),
        (rules.decision_date_means_decided, {"status": S.PROPOSED}, ["status"]),
        (rules.decision_date_means_decided, {"status": S.IDEA, "decision_date": None}, []),
        (rules.decision_date_means_decided, {"status": S.IMPLEMENTED}, []),
        (rules.stopped_has_stop_date, {"status": S.STOPPED}, ["stopped_date"]),
        (rules.stopped_has_stop_date, {"status": S.STOPPED, "stopped_date": D(2023, 5, 1)}, []),
        (rules.stopped_has_stop_date, {"stopped_date": D(2023, 5, 1)}, ["stopped_date"]),
        (rules.stopped_after_decided_or_proposed, {"stopped_date": D(2023, 2, 1)}, ["stopped_date"]),
        (rules.stopped_after_decided_or_proposed,
         {"decision_date": None, "proposed_date": D(2023, 3, 1), "stopped_date": D(2023, 2, 1)}, ["stopped_date"]),
        (rules.stopped_after_decided_or_proposed, {"stopped_date": D(2023, 3, 1)}, []),
        (rules.no_involvement_after_stop, {"stopped_date": D(2023, 5, 1)}, []),  # unsaved: no events yet
        (rules.emission_estimate_has_source, {"expected_emission_effect": Decimal("1.5")}, ["emission_effect_source"]),
        (rules.emission_estimate_has_source,
         {"expected_emission_effect": Decimal("1.5"), "emission_effect_source": "Miljørapport"}, []),
        (rules.emission_estimate_has_source, {"expected_emission_effect": None}, []),
        (rules.employee_effects_known_and_ticked, {"employee_effects": ["teleport"]}, ["employee_effects"]),
        (rules.employee_effects_known_and_ticked, {"employee_effects": "commuting"}, ["employee_effects"]),
        (rules.employee_effects_known_and_ticked, {"employee_effects": ["commuting"]}, ["affects_employees"]),
        (rules.employee_effects_known_and_ticked, {"employee_effects": ["commuting"], "affects_employees": True}, []),
        (rules.funding_amount_has_source, {"funding_amount": Decimal("100000")}, ["funding"]),
        (rules.funding_amount_has_source, {"funding_amount": Decimal("100000"), "funding": "Klimasats"}, []),
        (rules.decision_item_in_the_municipality, {}, []),  # no decision item
    ],
)
def test_each_rule(rule, values, expected):
    assert fields(rule, **values) == expected


def test_problems_gathers_every_rule_by_field():
    broken = measure(status=S.PROPOSED, stopped_date=D(2023, 2, 1), funding_amount=Decimal("5"))
    assert {field: len(messages) for field, messages in rules.problems(broken).items()} == {
        "status": 1, "stopped_date": 2, "funding": 1,
    }
    assert rules.problems(measure()) == {}
