"""Periods that published research covered, so a scorecard can show the study's figures in one click.

The periods ship as data (``dashboards/data/research_periods.csv``: municipality, body kind,
from, to and the study); see DOMAIN.md for the figures the studies report.
"""
from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .scope import Period

RESEARCH_PERIODS_CSV = Path(__file__).resolve().parent / "data" / "research_periods.csv"


@dataclass(frozen=True)
class ResearchPeriod:
    municipality: str
    body_kind: str
    period: Period
    study: str

    def params(self) -> dict[str, str]:
        return {**self.period.as_params(), "body_kind": self.body_kind}


@cache
def _all() -> tuple[ResearchPeriod, ...]:
    with RESEARCH_PERIODS_CSV.open(encoding="utf-8", newline="") as handle:
        return tuple(
            ResearchPeriod(
                row["municipality"], row["body_kind"],
                Period(datetime.date.fromisoformat(row["from"]), datetime.date.fromisoformat(row["to"])), row["study"],
            )
            for row in csv.DictReader(handle)
        )


def research_periods(number: str) -> list[ResearchPeriod]:
    return [r for r in _all() if r.municipality == number]
