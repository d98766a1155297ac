"""Generating a dataset and summarising it."""
from __future__ import annotations

import datetime
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from dashboards.statistics import refresh_statistics
from municipalities.models import Body, Municipality

from ..models import SyntheticDataset
from .builder import MunicipalityBuilder
from .chunk import Chunk, Reference
from .config import BATCH_SIZE, CHUNK, GENERATOR_VERSION
from .writer import Writer, write_chunk

# --- results ----------------------------------------------------------------------------------


@dataclass
class Result:
    dataset: SyntheticDataset | None
    counts: dict[str, int]
    seconds: float
    skipped: bool = False


def default_end_year(today: datetime.date | None = None) -> int:
    """The last complete calendar year: every generated meeting lies in the past."""
    return (today or timezone.localdate()).year - 1


def generate(
    *,
    municipalities: int,
    years: int,
    seed: int,
    end_year: int | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str], None] | None = None,
) -> Result:
    """Generate a dataset in one transaction (the caller checks for real and earlier data)."""
    started = time.monotonic()
    end_year = end_year or default_end_year()
    if years < 1:
        raise ValueError("years must be at least 1")
    if end_year > default_end_year():
        raise ValueError(f"end_year must be {default_end_year()} or earlier: every meeting is in the past")
    chosen = list(Municipality.objects.filter(kind=Municipality.Kind.MUNICIPALITY).order_by("number")[:municipalities])
    if len(chosen) < municipalities:
        raise ValueError(f"The register holds {len(chosen)} municipalities, not {municipalities} (run migrate).")
    ref = Reference()
    taken = set(Body.objects.values_list("municipality_id", "name"))
    counts: Counter = Counter()
    writer = Writer(batch_size)
    with transaction.atomic():
        dataset = SyntheticDataset.objects.create(
            seed=seed, municipalities=municipalities, years=years, end_year=end_year,
            generator_version=GENERATOR_VERSION,
        )
        for start in range(0, len(chosen), CHUNK):
            chunk = Chunk()
            for municipality in chosen[start:start + CHUNK]:
                MunicipalityBuilder(municipality, seed, years, end_year, ref, chunk, taken).build()
            write_chunk(chunk, dataset, writer, counts)
            if progress:
                done = min(start + CHUNK, len(chosen))
                progress(f"{done}/{len(chosen)} municipalities, {counts['meetings']} meetings, "
                         f"{counts['agenda_items']} agenda items ({time.monotonic() - started:.1f} s)")
        seconds = time.monotonic() - started
        dataset.counts = dict(counts)
        dataset.seconds = round(seconds, 2)
        dataset.save(update_fields=["counts", "seconds"])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # the rows were written without signals: rebuild the dashboards' statistics for them
    refresh_statistics([m.number for m in chosen])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE dashboards_meetingdaystatistics")
            cursor.execute("ANALYZE dashboards_topicdaystatistics")
    return Result(dataset, dict(counts), time.monotonic() - started)


def summary(result: Result) -> str:
    return json.dumps({"seconds": round(result.seconds, 2), **result.counts}, ensure_ascii=False)

