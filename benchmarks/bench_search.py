"""Time the search on PostgreSQL over the national synthetic dataset.

Usage: python benchmarks/bench_search.py     (part of make bench, after bench_pages.py)

Uses the database of the page benchmark (``partssamarbeid_load``, BENCH_PG_URL; created and
generated there, reused here; BENCH_SEARCH_DB names another), builds the search index when it is
empty (``rebuild_search_index``, timed), then times ``/api/v1/search/`` and the search page for a
two-word query with one filter (``q=parkering tilsette`` in one county, and a second query in one
body kind), p95 over BENCH_REQUESTS requests after warm-up, and counts the queries per search.
Target: p95 < 150 ms. The last line printed is one JSON object.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pages import (  # noqa: E402
    PG_URL,
    REQUESTS,
    SEED,
    WARMUP,
    YEARS,
    measure_in_child,
    p95,
    prepare_database,
    production_env,
    run_benchmark,
)

DATABASE = os.environ.get("BENCH_SEARCH_DB", "partssamarbeid_load")
MUNICIPALITIES = int(os.environ.get("BENCH_SEARCH_MUNICIPALITIES", "357"))
SEARCHES = {
    "county": {"q": "parkering tilsette", "county": "46"},
    "body_kind": {"q": "klimabudsjett vedtatt", "body_kind": "PSU"},
}


def measure() -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partssamarbeid.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetings.models import AgendaItem
    from municipalities.models import Profile
    from search.models import SearchDocument

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG=0 pages need the manifest
    call_command(
        "generate_synthetic", municipalities=MUNICIPALITIES, years=YEARS, seed=SEED,
        skip_if_present=True, clear=True, verbosity=0,
    )
    result: dict = {}
    # A dataset regenerated under an old index (``generate_synthetic --clear`` deletes with plain SQL,
    # no signals) leaves documents behind: rebuild whenever they do not cover the items.
    if SearchDocument.objects.filter(kind=SearchDocument.Kind.ITEM).count() != AgendaItem.objects.count():
        started = time.perf_counter()
        call_command("rebuild_search_index", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
        result["rebuild_search_index_s"] = round(time.perf_counter() - started, 1)
    result["search_documents"] = SearchDocument.objects.count()
    user, _created = get_user_model().objects.get_or_create(username="bench-adviser")
    Profile.objects.update_or_create(user=user, defaults={"role": Profile.Role.ADVISER, "municipality": None})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    for name, params in SEARCHES.items():
        for url_name, url in (("api", "/api/v1/search/"), ("page", "/sok/")):
            for _ in range(WARMUP):
                assert client.get(url, params).status_code == 200
            times, queries = [], 0
            for _ in range(REQUESTS):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url, params)
                    times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
                queries = len(captured.captured_queries)
            result[f"search_{url_name}_{name}_ms_p95"] = round(p95(times), 1)
            result[f"queries_search_{url_name}_{name}"] = queries
        result[f"search_{name}_hits"] = client.get("/api/v1/search/", params).json()["count"]
    return result


def main() -> dict:
    prepare_database(DATABASE)
    env = production_env(DATABASE_URL=f"{PG_URL}/{DATABASE}")
    print(f"== search on {DATABASE}", flush=True)
    report = measure_in_child(__file__, env, "search benchmark failed")
    print(json.dumps(report))
    return report


if __name__ == "__main__":
    run_benchmark(measure, main)
