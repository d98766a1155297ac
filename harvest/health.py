"""The harvest-health of a municipality: per source its last run and its next run."""
from __future__ import annotations

from dataclasses import dataclass

from .models import HarvestRun, Source


@dataclass
class SourceHealth:
    source: Source
    last_run: HarvestRun | None
    last_good: HarvestRun | None

    @property
    def failing(self) -> bool:
        return bool(self.last_run and (self.last_run.status == HarvestRun.Status.FAILED or self.last_run.errors))


def health(sources) -> list[SourceHealth]:
    rows = []
    for source in sources:
        runs = source.runs.filter(dry_run=False)
        rows.append(SourceHealth(
            source=source,
            last_run=runs.first(),
            last_good=runs.filter(status=HarvestRun.Status.DONE).first(),
        ))
    return rows
