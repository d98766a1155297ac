"""Municipality C of the dashboard tests (built by ``cworld`` in tests/dashboards/conftest.py,
whose docstring explains every figure) and its exact scorecard."""
from __future__ import annotations

LILLESTROM = "3205"


def expected_2022() -> dict:
    """The exact scorecard of C, PSU, 2022 (see tests/dashboards/conftest.py)."""
    return {
        "meetings_held": 2, "meetings_cancelled": 1, "agenda_items": 8, "substantive_items": 6,
        "climate_mentions": 3, "climate_linked": 1, "env_assessed_consequences": 1, "env_not_assessed": 6,
        "employee_seat_fill_rate": 3 / 5, "employee_voice_share": 0.5, "employee_initiatives": 2,
        "measures": 5, "measures_affecting_employees": 4, "measures_consulted_early": 2,
        "early_involvement_share": 0.5, "median_max_level": 2.0,
        # representation 0.6*20=12, voice 0.5*25=12.5, initiative min(1, 2/2)*15=15,
        # climate min(1, (3/8)/0.25)*20=20, early 0.5*20=10 -> 69.5
        "index": 69.5,
    }
