"""The benchmark scripts' command line: ``--help`` explains and runs nothing, a wrong argument is refused."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ["bench_import.py", "bench_pages.py", "bench_parser.py", "bench_search.py"]


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    # no database server is named: a script that started its benchmark would fail, not print help
    env = {"PATH": "/usr/bin:/bin", "BENCH_PG_URL": "postgres://nobody@127.0.0.1:1", "DATABASE_URL": "sqlite:///:memory:"}
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_prints_the_docstring_and_runs_nothing(script):
    out = run(script, "--help")
    first_line = (ROOT / "benchmarks" / script).read_text().splitlines()[0].strip('"')
    assert (out.returncode, out.stdout.splitlines()[0], out.stdout.splitlines()[2]) == (
        0, f"usage: {script} [-h]", first_line,
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_an_unknown_argument_is_refused(script):
    out = run(script, "--bogus")
    assert (out.returncode, out.stderr.splitlines()[-1]) == (2, f"{script}: error: unrecognized arguments: --bogus")
