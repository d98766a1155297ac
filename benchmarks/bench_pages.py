"""Time the dashboard pages on PostgreSQL at two sizes, and the importer.

Usage: python benchmarks/bench_pages.py      (make bench)

1. Two scratch databases on the local PostgreSQL server (BENCH_PG_URL, default
   postgres://postgres@127.0.0.1:5432; names BENCH_LARGE_DB and BENCH_SMALL_DB): ``partssamarbeid_load`` with the national synthetic dataset
   (357 municipalities x 10 years, the one ``make loadtest`` uses; reused when present) and
   ``partssamarbeid_bench_small`` (10 municipalities x 10 years). Each is migrated, generated
   (``generate_synthetic --skip-if-present``) and its statistics refreshed.
2. ``collectstatic`` (the pages run with DEBUG=0, so they need the static files manifest), then
   in a child process per database: the national comparison page (as a KS adviser), a
   municipality scorecard and the scorecard API through Django's test client, server-side time,
   p95 over BENCH_REQUESTS (default 30) requests after 3 warm-up requests, with query counts.
3. The write path (benchmarks/bench_writes.py): saving an agenda item and a meeting through
   their edit pages as HR staff (target p95 < 100 ms), and the worker's refresh of the
   statistics each save marked stale.
4. The importer benchmarks: parsing (benchmarks/bench_parser.py) and upload to review with the
   worker running, the review of a 50x500 document and OCR per page (benchmarks/bench_import.py).

BENCH_LARGE_DB and BENCH_SMALL_DB name other databases (e.g. to keep parallel runs apart);
BENCH_PAGES_ONLY=1 times the pages only; BENCH_WRITES_ONLY=1 times the write path only, on the
large database (``make bench-writes``).

The last line printed is one JSON object (see docs/deploy.md). Not part of CI.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
SIZES = {
    "large": (os.environ.get("BENCH_LARGE_DB", "partssamarbeid_load"), 357),
    "small": (os.environ.get("BENCH_SMALL_DB", "partssamarbeid_bench_small"), 10),
}
YEARS, SEED = 10, 1
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
WARMUP = 3
#: BENCH_PAGES_ONLY=1: only the pages at both sizes (no writes, no importer), with the national
#: page's budget on the last line
PAGES_ONLY = os.environ.get("BENCH_PAGES_ONLY") == "1"
#: BENCH_WRITES_ONLY=1: only the write path (step 3), on the large database
WRITES_ONLY = os.environ.get("BENCH_WRITES_ONLY") == "1"
SCORECARD_MUNICIPALITY = "0301"  # Oslo: the first municipality of every generated dataset


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def measure() -> dict:
    """In a child process with DATABASE_URL set: prepare the data and time the pages."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partssamarbeid.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from dashboards.statistics import refresh_statistics
    from meetings.models import AgendaItem, Meeting
    from municipalities.models import Profile

    municipalities = int(os.environ["BENCH_MUNICIPALITIES"])
    call_command("migrate", verbosity=0, interactive=False)
    call_command(
        "generate_synthetic", municipalities=municipalities, years=YEARS, seed=SEED,
        skip_if_present=True, clear=True, verbosity=0,
    )
    started = time.perf_counter()
    refresh_statistics()
    refresh_s = time.perf_counter() - started
    started = time.perf_counter()
    refresh_statistics([SCORECARD_MUNICIPALITY])
    refresh_one_s = time.perf_counter() - started
    user, _created = get_user_model().objects.get_or_create(username="bench-adviser")
    Profile.objects.update_or_create(user=user, defaults={"role": Profile.Role.ADVISER, "municipality": None})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    urls = {
        "national_page": "/dashboards/national/",
        "scorecard": f"/kommuner/{SCORECARD_MUNICIPALITY}/scorecard/",
        "api_scorecard": f"/api/v1/municipalities/{SCORECARD_MUNICIPALITY}/scorecard",
    }
    result: dict = {
        "municipalities": len(set(Meeting.objects.values_list("body__municipality_id", flat=True).distinct())),
        "meetings": Meeting.objects.count(),
        "agenda_items": AgendaItem.objects.count(),
        "refresh_statistics_s": round(refresh_s, 2),
        "refresh_statistics_one_municipality_s": round(refresh_one_s, 3),
    }
    for name, url in ({} if WRITES_ONLY else urls).items():
        for _ in range(WARMUP):
            assert client.get(url).status_code == 200, url
        times, queries, size = [], 0, 0
        for _ in range(REQUESTS):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
            queries, size = len(captured.captured_queries), len(response.content)
        result[f"{name}_ms_p95"] = round(p95(times), 1)
        result[f"{name}_ms_median"] = round(sorted(times)[len(times) // 2], 1)
        result[f"queries_{name}"] = queries
        result[f"{name}_bytes"] = size
        result[f"{name}_gzip_bytes"] = len(gzip.compress(response.content))
    if PAGES_ONLY:
        return result
    from bench_writes import measure_writes

    result.update(measure_writes(SCORECARD_MUNICIPALITY, REQUESTS, p95))
    from django_tasks_db.models import DBTaskResult

    # the refresh tasks the saves queued (the benchmark ran their work itself, as the worker would)
    DBTaskResult.objects.filter(task_path="dashboards.tasks.refresh_stale_statistics").delete()
    return result


def prepare_database(name: str) -> None:
    exists = subprocess.run(
        ["psql", f"{PG_URL}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", f"{PG_URL}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True)


def production_env(**extra: str) -> dict[str, str]:
    """Production-like settings (DEBUG=0) on plain HTTP loopback."""
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-not-a-secret-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def measure_in_child(script: str, env: dict[str, str], failure: str, stderr_chars: int | None = None) -> dict:
    """Run ``script --measure`` in a child process with ``env`` and return the JSON object on the
    last line it printed; when it fails, show its output (the last ``stderr_chars`` of its errors)
    and stop with ``failure``."""
    out = subprocess.run([sys.executable, script, "--measure"], env=env, cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        sys.stderr.write(out.stdout + (out.stderr[-stderr_chars:] if stderr_chars else out.stderr))
        raise SystemExit(failure)
    return json.loads(out.stdout.strip().splitlines()[-1])


def benchmark_arguments() -> argparse.Namespace:
    """A benchmark script's command line: ``--help`` prints the script's docstring and runs nothing;
    ``--measure`` (not shown) is how ``measure_in_child`` starts the child; any other argument is refused."""
    parser = argparse.ArgumentParser(
        description=sys.modules["__main__"].__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def run_benchmark(measure, main) -> None:
    """A benchmark script's entry: with ``--measure`` (the child) print what ``measure()`` found, else ``main()``."""
    if benchmark_arguments().measure:
        print(json.dumps(measure()))
    else:
        main()


def collect_static() -> None:
    """With DEBUG=0 pages name their static files through the manifest that collectstatic writes
    (a clean clone has none yet)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=production_env(), cwd=ROOT, check=True
    )


def run_size(name: str, municipalities: int) -> dict:
    prepare_database(name)
    env = production_env(DATABASE_URL=f"{PG_URL}/{name}", BENCH_MUNICIPALITIES=str(municipalities))
    return measure_in_child(__file__, env, f"benchmark on {name} failed")


def main() -> dict:
    collect_static()
    results = {}
    if WRITES_ONLY:
        name, municipalities = SIZES["large"]
        print(f"== {name}: {municipalities} municipalities x {YEARS} years, writes only", flush=True)
        result = run_size(name, municipalities)
        report = {key: value for key, value in result.items() if "write" in key}
        print(json.dumps(report))
        return report
    for size, (name, municipalities) in SIZES.items():
        print(f"== {name}: {municipalities} municipalities x {YEARS} years", flush=True)
        results[size] = run_size(name, municipalities)
        print(json.dumps(results[size]), flush=True)
    if PAGES_ONLY:
        report = {"national_page_budget": national_page_budget(results["large"], results["small"]), **{
            f"{key}_{size}": value for size, result in results.items() for key, value in result.items()
        }}
        print(json.dumps(report))
        return report
    import bench_parser

    print("== importer", flush=True)
    importer = bench_parser.main()
    import bench_import

    print("== upload to review", flush=True)
    review = bench_import.main()
    large, small = results["large"], results["small"]
    report = {
        "database": "postgresql",
        "dataset": {
            "municipalities": large["municipalities"],
            "meetings": large["meetings"],
            "agenda_items": large["agenda_items"],
        },
        "national_page_ms_p95": large["national_page_ms_p95"],
        "national_page_ms_p95_small": small["national_page_ms_p95"],
        "queries_national_page": large["queries_national_page"],
        "queries_national_page_small": small["queries_national_page"],
        "national_page_gzip_bytes": large["national_page_gzip_bytes"],
        "scorecard_ms_p95": large["scorecard_ms_p95"],
        "api_scorecard_ms_p95": large["api_scorecard_ms_p95"],
        "write_item_ms_p95": large["write_item_ms_p95"],
        "write_meeting_ms_p95": large["write_meeting_ms_p95"],
        "refresh_after_item_write_ms_p95": large["refresh_after_item_write_ms_p95"],
        "refresh_after_meeting_write_ms_p95": large["refresh_after_meeting_write_ms_p95"],
        "import_vaksdal_s": importer.get("import_vaksdal_s"),
        "import_pdf_pages_per_s": importer.get("import_pdf_pages_per_s"),
        **review,
    }
    report["national_page_budget"] = national_page_budget(large, small)
    print(json.dumps(report))
    return report


#: The national page's budget (issue 14): server time p95 at 357 municipalities, its growth over
#: the 10-municipality figure, and the compressed HTML.
NATIONAL_PAGE_MS_P95 = 60
NATIONAL_PAGE_GROWTH = 1.2
NATIONAL_PAGE_GZIP_BYTES = 150_000


def national_page_budget(large: dict, small: dict) -> dict:
    checks = {
        "ms_p95": large["national_page_ms_p95"] <= NATIONAL_PAGE_MS_P95,
        "growth": large["national_page_ms_p95"] <= NATIONAL_PAGE_GROWTH * small["national_page_ms_p95"],
        "gzip_bytes": large["national_page_gzip_bytes"] <= NATIONAL_PAGE_GZIP_BYTES,
    }
    return {**checks, "met": all(checks.values())}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "benchmarks"))
    run_benchmark(measure, main)
