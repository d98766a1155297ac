#!/usr/bin/env python3
"""make restore-check: a backup made with pg_dump restores into an empty database, row for row.

By default everything happens in scratch databases on the local PostgreSQL server:

1. ``partssamarbeid_restore_src`` is created, migrated and filled with a small synthetic dataset
   (``generate_synthetic --municipalities 5 --years 2``) plus the demo data (``seed_demo``: users,
   profiles and change history, so those tables are not empty);
2. it is dumped with ``pg_dump --format=custom`` (the format docs/deploy.md recommends);
3. ``partssamarbeid_restore_dst`` is created and the dump restored into it with ``pg_restore
   --single-transaction --exit-on-error --no-owner``;
4. both are compared: the same tables, the same number of rows in every table and the same
   content (an md5 over each table's rows in a fixed order), the same sequence positions, the
   same indexes and constraints; and Django finds no unapplied migration in the restored one;
5. both scratch databases and the dump are removed (``--keep`` keeps them).

``--source URL`` checks a backup of an existing database instead of step 1 (read-only there:
the dump and the counts come from one exported snapshot, so writes during the check do not
matter). The restore always goes into the scratch database ``--target-name`` on the same server.

Exit status 0 when everything matches, 1 on any difference, 2 when a step fails.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("RESTORE_CHECK_PG_URL", "postgres://postgres@127.0.0.1:5432")


def with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def run(command: list[str], env: dict | None = None) -> None:
    started = time.monotonic()
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, **(env or {})})
    print(f"  ({time.monotonic() - started:.1f} s)", flush=True)


def admin(server: str):
    return psycopg.connect(with_db(server, "postgres"), autocommit=True)


def recreate(server: str, name: str) -> None:
    connection = admin(server)  # CREATE/DROP DATABASE cannot run inside a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def drop(server: str, name: str) -> None:
    connection = admin(server)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def inventory(cursor) -> dict:
    """Tables with row counts and content digests, sequences, indexes and constraints (schema public)."""
    cursor.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
    )
    tables = {}
    for (table,) in cursor.fetchall():
        cursor.execute(
            sql.SQL("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {} AS t")
            .format(sql.Identifier(table))
        )
        tables[table] = cursor.fetchone()
    cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")
    sequences = dict(cursor.fetchall())
    cursor.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2")
    indexes = {(t, i): d for t, i, d in cursor.fetchall()}
    cursor.execute(
        # by name and type: PostgreSQL may deparse a CHECK expression differently after a restore
        # (the same expression with the casts written out), so the text is not compared
        "SELECT conrelid::regclass::text, conname, contype FROM pg_constraint "
        "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2"
    )
    constraints = {(t, c): d for t, c, d in cursor.fetchall()}
    return {"tables": tables, "sequences": sequences, "indexes": indexes, "constraints": constraints}


def compare(source: dict, target: dict) -> list[str]:
    problems = []
    for kind in ("tables", "sequences", "indexes", "constraints"):
        a, b = source[kind], target[kind]
        for key in sorted(set(a) | set(b), key=str):
            if key not in b:
                problems.append(f"{kind[:-1]} {key} missing after restore")
            elif key not in a:
                problems.append(f"{kind[:-1]} {key} appeared after restore")
            elif a[key] != b[key]:
                if kind == "tables":
                    (n1, _), (n2, _) = a[key], b[key]
                    what = f"{n1} rows before, {n2} after" if n1 != n2 else "same row count, different content"
                    problems.append(f"table {key}: {what}")
                else:
                    problems.append(f"{kind[:-1]} {key}: {a[key]!r} before, {b[key]!r} after")
    return problems


def parse_args(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", help="check a dump of this database instead of a scratch one (read-only there)")
    parser.add_argument("--server", default=SERVER, help="PostgreSQL server for the scratch databases")
    parser.add_argument("--source-name", default="partssamarbeid_restore_src")
    parser.add_argument("--target-name", default="partssamarbeid_restore_dst")
    parser.add_argument("--municipalities", type=int, default=5)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the scratch databases and the dump")
    args = parser.parse_args(argv)
    for name in (args.target_name,) + (() if args.source else (args.source_name,)):
        if "restore" not in name and "scratch" not in name:
            parser.error(f"{name}: scratch database names must contain 'restore' or 'scratch'")
    return args


def fill_scratch_source(args, source_url: str) -> None:
    """A scratch source: migrated, a small synthetic dataset and the demo data."""
    python = sys.executable
    print(f"== scratch source database {args.source_name}")
    recreate(args.server, args.source_name)
    env = {"DATABASE_URL": source_url, "DEBUG": "1"}
    run([python, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([python, "manage.py", "generate_synthetic", "--municipalities", str(args.municipalities),
         "--years", str(args.years), "--seed", "1", "-v0"], env)
    run([python, "manage.py", "seed_demo"], env)


def dump_and_count(source_url: str, dump: Path) -> dict:
    """pg_dump from one snapshot, and the inventory of that same snapshot."""
    print("== dump (pg_dump --format=custom) from one snapshot, counted in the same snapshot")
    source = psycopg.connect(source_url)
    try:
        source.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        source.read_only = True
        with source.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={dump}", source_url])
            before = inventory(cursor)
    finally:
        source.rollback()
        source.close()
    print(f"  dump: {dump.stat().st_size / 1024:.0f} KiB")
    return before


def restore_and_count(args, target_url: str, dump: Path) -> dict:
    """pg_restore into a fresh target, its inventory, and no migration missing there."""
    print(f"== restore into {args.target_name}")
    recreate(args.server, args.target_name)
    run(["pg_restore", "--single-transaction", "--exit-on-error", "--no-owner", f"--dbname={target_url}", str(dump)])
    target = psycopg.connect(target_url)
    try:
        with target.cursor() as cursor:
            after = inventory(cursor)
    finally:
        target.close()
    run([sys.executable, "manage.py", "migrate", "--check", "--noinput", "-v0"], {"DATABASE_URL": target_url, "DEBUG": "1"})
    return after


def report(before: dict, after: dict) -> int:
    """Print the comparison; 0 when the restore has every row, 1 when it differs."""
    problems = compare(before, after)
    rows = sum(n for n, _digest in before["tables"].values())
    filled = sum(1 for n, _digest in before["tables"].values() if n)
    print(f"== compared {len(before['tables'])} tables ({filled} with rows, {rows} rows), "
          f"{len(before['sequences'])} sequences, {len(before['indexes'])} indexes, "
          f"{len(before['constraints'])} constraints")
    for table, (n, _digest) in sorted(before["tables"].items(), key=lambda kv: -kv[1][0])[:8]:
        print(f"  {table:45s} {n:8d} rows")
    if problems:
        print(f"RESTORE CHECK FAILED: {len(problems)} differences")
        for problem in problems[:50]:
            print(f"  {problem}")
        return 1
    print(f"restore-check passed: every table has the same rows after restore ({rows} rows).")
    return 0


def clean_up(args, dump: Path, workdir: Path) -> None:
    if args.keep:
        print(f"kept: {args.target_name}, {'' if args.source else args.source_name + ', '}{dump}")
        return
    drop(args.server, args.target_name)
    if not args.source:
        drop(args.server, args.source_name)
    dump.unlink(missing_ok=True)
    workdir.rmdir()


def main(argv=None) -> int:
    args = parse_args(argv)
    source_url = args.source or with_db(args.server, args.source_name)
    target_url = with_db(args.server, args.target_name)
    workdir = Path(tempfile.mkdtemp(prefix="partssamarbeid-restore-"))
    dump = workdir / "partssamarbeid.dump"
    status = 2
    try:
        if not args.source:
            fill_scratch_source(args, source_url)
        before = dump_and_count(source_url, dump)
        after = restore_and_count(args, target_url, dump)
        status = report(before, after)
    except subprocess.CalledProcessError as exc:
        print(f"restore-check: step failed: {' '.join(map(str, exc.cmd))} (exit {exc.returncode})", file=sys.stderr)
        status = 2
    finally:
        clean_up(args, dump, workdir)
    return status


if __name__ == "__main__":
    sys.exit(main())
