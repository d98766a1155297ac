#!/usr/bin/env python3
"""A bounded load test against a running Partssamarbeid server on loopback (standard library only).

N simulated users (default 100) each log in through the login form (GET the form, POST it with the
CSRF token), then browse a weighted mix of pages for a fixed time (default 60 s), waiting a random
"think time" between requests. Prints requests per second, p50/p95/p99 and errors per page kind
and overall, and one JSON object as the last line. Exits non-zero on any error, or when the overall
p95 reaches the budget.

- Bounded: a fixed number of users and a fixed duration; every request has a timeout.
- Loopback only: the base URL must point at 127.0.0.1, ::1 or localhost.
- The server runs with DEBUG=0, so its cookies are marked Secure; this client keeps and sends
  them over plain HTTP itself (a browser would not), which is what a loopback test needs.
- Logins are timed and reported separately (password hashing is deliberately slow); the
  browsing phase starts when every user has logged in, and its timings are the ones budgeted.
- Latency is measured by the client: queueing in gunicorn's backlog is included.

The pages are the table below. During warm-up one request per kind is made; a kind that answers
404 is left out with a note (a page not built yet), anything else but 200 stops the test.

    LOADTEST_PASSWORD=... python loadtest/run.py --base-url http://127.0.0.1:8765 --targets targets.json
"""
from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from http.cookies import SimpleCookie

# name, weight, path ({municipality} and {meeting} are drawn from the targets file)
PAGES = [
    ("national", 10, "/dashboards/national/"),
    ("scorecard", 25, "/kommuner/{municipality}/scorecard/"),
    ("meeting", 30, "/meetings/{meeting}/"),
    ("api_scorecard", 20, "/api/v1/municipalities/{municipality}/scorecard"),
    ("api_meetings", 15, "/api/v1/meetings/?municipality={municipality}"),
]
LOGIN_PATH = "/accounts/login/"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
TIMEOUT = 30.0
#: a login hashes a password (slow by design): 100 users logging in on a busy host queue behind
#: each other, which is not what the test measures, so a login may take longer than a page
LOGIN_TIMEOUT = 120.0
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken"\s+value="([^"]+)"')


class Session:
    """One simulated user's connection state: a cookie jar and a fresh HTTP connection per request
    (gunicorn's sync workers close the connection after each response anyway)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None,
                timeout: float = TIMEOUT):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            all_headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "partssamarbeid-loadtest"}
            if self.cookies:
                all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            all_headers.update(headers or {})
            started = time.perf_counter()
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            content = response.read()
            elapsed_ms = (time.perf_counter() - started) * 1000
            for header in response.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                for key, morsel in jar.items():
                    if morsel["max-age"] == "0" or morsel.value == "":
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
            return response.status, content, elapsed_ms, response.headers
        finally:
            connection.close()

    def login(self, username: str, password: str) -> tuple[bool, float, str]:
        """Log in through the form; returns (ok, milliseconds for the POST, message)."""
        status, content, _ms, _h = self.request("GET", LOGIN_PATH, timeout=LOGIN_TIMEOUT)
        match = CSRF_INPUT.search(content.decode("utf-8", "replace"))
        if status != 200 or not match:
            return False, 0.0, f"login form: HTTP {status}"
        body = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": match.group(1)}
        )
        status, _c, ms, headers = self.request("POST", LOGIN_PATH, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{self.host}:{self.port}{LOGIN_PATH}",
        }, timeout=LOGIN_TIMEOUT)
        if status != 302 or "sessionid" not in self.cookies:
            return False, ms, f"login POST: HTTP {status}"
        return True, ms, ""


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def pause(seconds: float, deadline: float) -> None:
    """Think time, cut short at the end of the window."""
    time.sleep(max(0.0, min(seconds, deadline - time.monotonic())))


def fill(path: str, targets: dict, rng: random.Random) -> str:
    return path.format(
        municipality=rng.choice(targets["municipalities"]),
        meeting=rng.choice(targets["meetings"]),
    )


class Stop(Exception):
    """The test cannot go on: the message goes to stderr and the exit status is 2."""


def parse_args(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--targets", required=True, help="JSON from manage.py loadtest_setup")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of browsing")
    parser.add_argument("--ramp-up", type=float, default=None,
                        help="seconds over which the users log in (default: one login every 0.2 s, at least 10 s)")
    parser.add_argument("--think-min", type=float, default=1.0)
    parser.add_argument("--think-max", type=float, default=3.0)
    parser.add_argument("--p95-budget-ms", type=float, default=500.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--exclude", default="", help="page kinds to leave out, comma-separated (for diagnosis)")
    args = parser.parse_args(argv)
    if args.ramp_up is None:
        args.ramp_up = max(10.0, args.users / 5)
    args.url = urllib.parse.urlsplit(args.base_url)
    if args.url.scheme != "http" or args.url.hostname not in LOOPBACK:
        parser.error("--base-url must be http:// on loopback (127.0.0.1, ::1 or localhost)")
    if not 1 <= args.users <= 200 or not 1 <= args.duration <= 600:
        parser.error("at most 200 users and 600 seconds")
    args.password = os.environ.get("LOADTEST_PASSWORD", "")
    if not args.password:
        parser.error("set LOADTEST_PASSWORD")
    args.error = parser.error
    return args


def excluded_kinds(text: str) -> set[str]:
    """The page kinds of ``--exclude``; an unknown one is an error."""
    excluded = {name.strip() for name in text.split(",") if name.strip()}
    unknown = excluded - {p[0] for p in PAGES}
    if unknown:
        raise ValueError(f"unknown page kinds: {', '.join(sorted(unknown))}")
    return excluded


def warm_up(probe: Session, args, targets: dict, rng: random.Random) -> list[tuple[str, int, str]]:
    """One logged-in session tries every kind of page; returns the kinds to browse."""
    ok, _ms, message = probe.login(targets["users"][0], args.password)
    if not ok:
        raise Stop(f"Warm-up login failed: {message}")
    try:
        excluded = excluded_kinds(args.exclude)
    except ValueError as error:
        args.error(str(error))
    pages = []
    for name, weight, path in PAGES:
        if name in excluded:
            print(f"note: {name} left out (--exclude)")
            continue
        for _ in range(2):
            status, _c, ms, _h = probe.request("GET", fill(path, targets, rng))
        if status == 404:
            print(f"note: {name} ({path}) answers 404: left out (not built yet?)")
            continue
        if status != 200:
            raise Stop(f"Warm-up: {name} ({path}) answers HTTP {status}; stopping.")
        print(f"warm-up: {name:14s} {ms:8.1f} ms")
        pages.append((name, weight, path))
    if not pages:
        raise Stop("No page answered 200.")
    return pages


class Load:
    """The simulated users: log in during the ramp-up, then browse inside one shared window."""

    def __init__(self, args, targets: dict, pages: list[tuple[str, int, str]]):
        self.args, self.targets = args, targets
        self.host, self.port = args.url.hostname, args.url.port or 80
        self.names = [p[0] for p in pages]
        self.weights = [p[1] for p in pages]
        self.paths = {p[0]: p[2] for p in pages}
        self.lock = threading.Lock()
        self.results: list[tuple[str, float, int]] = []  # (kind, ms, status)
        self.errors: list[str] = []
        self.logins: list[float] = []
        self.window: dict[str, float] = {}
        self.logged_in = threading.Barrier(args.users + 1, action=self.open_window)
        self.login_seconds = 0.0
        self.elapsed = 0.0

    def open_window(self) -> None:  # run by the last thread through the barrier, before any continues
        self.window["start"] = time.monotonic()
        self.window["end"] = self.window["start"] + self.args.duration

    def run(self) -> None:
        args = self.args
        threads = [threading.Thread(target=self.user, args=(i,), daemon=True) for i in range(args.users)]
        login_started = time.monotonic()
        for thread in threads:
            thread.start()
        try:
            self.logged_in.wait(timeout=args.ramp_up + 2 * LOGIN_TIMEOUT)
        except threading.BrokenBarrierError:
            raise Stop("Not every user got past the login phase in time.") from None
        self.login_seconds = self.window["start"] - login_started
        for thread in threads:
            thread.join(timeout=args.duration + 2 * TIMEOUT + args.think_max + 5)
        self.elapsed = time.monotonic() - self.window["start"]

    def user(self, index: int) -> None:
        try:
            self.browse(index)
        except Exception as exc:  # noqa: BLE001 - a crashed simulated user is an error too
            with self.lock:
                self.errors.append(f"user {index}: {exc.__class__.__name__}: {exc}")

    def login(self, session: Session, index: int) -> bool:
        users = self.targets["users"]
        try:
            ok, ms, message = session.login(users[index % len(users)], self.args.password)
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            ok, ms, message = False, 0.0, f"login: {exc.__class__.__name__}: {exc}"
        with self.lock:
            self.logins.append(ms)
            if not ok:
                self.errors.append(f"user {index}: {message}")
        return ok

    def browse(self, index: int) -> None:
        args = self.args
        r = random.Random(args.seed * 1000 + index)
        session = Session(self.host, self.port)
        time.sleep(args.ramp_up * index / args.users)
        ok = self.login(session, index)
        try:
            self.logged_in.wait(timeout=args.ramp_up + 2 * LOGIN_TIMEOUT)
        except threading.BrokenBarrierError:
            return
        if not ok:
            return
        deadline = self.window["end"]
        pause(r.uniform(0, args.think_max), deadline)  # spread the first requests
        while time.monotonic() < deadline:
            self.visit(session, r)
            pause(r.uniform(args.think_min, args.think_max), deadline)

    def visit(self, session: Session, r: random.Random) -> None:
        kind = r.choices(self.names, self.weights)[0]
        path = fill(self.paths[kind], self.targets, r)
        try:
            status, _c, ms, _h = session.request("GET", path)
        except Exception as exc:  # noqa: BLE001
            status, ms = 0, TIMEOUT * 1000
            message = f"{kind} {path}: {exc.__class__.__name__}: {exc}"
        else:
            message = f"{kind} {path}: HTTP {status}" if status != 200 else ""
        with self.lock:  # every request started inside the window counts
            self.results.append((kind, ms, status))
            if message:
                self.errors.append(message)


def summarise(load: Load) -> dict:
    args, results, logins = load.args, load.results, load.logins
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, ms, _status in results:
        by_kind[kind].append(ms)
    all_ms = [ms for _k, ms, _s in results]
    return {
        "users": args.users,
        "duration_s": round(load.elapsed, 1),
        "requests": len(results),
        "rps": round(len(results) / args.duration, 1),
        "p50_ms": _r(percentile(all_ms, 50)),
        "p95_ms": _r(percentile(all_ms, 95)),
        "p99_ms": _r(percentile(all_ms, 99)),
        "errors": len(load.errors),
        "logins": len(logins),
        "login_p95_ms": _r(percentile(logins, 95)),
        "login_phase_s": round(load.login_seconds, 1),
        "pages": {
            kind: {"requests": len(values), "p50_ms": _r(percentile(values, 50)),
                   "p95_ms": _r(percentile(values, 95)), "p99_ms": _r(percentile(values, 99))}
            for kind, values in sorted(by_kind.items())
        },
        "left_out": [p[0] for p in PAGES if p[0] not in load.names],
        "p95_budget_ms": args.p95_budget_ms,
    }


def report(summary: dict, load: Load) -> None:
    args = load.args
    print("")
    print(f"{'page':14s} {'requests':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s}")
    for kind, row in summary["pages"].items():
        print(f"{kind:14s} {row['requests']:8d} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['p99_ms']:8.1f}")
    print(f"{'all':14s} {summary['requests']:8d} {summary['p50_ms'] or 0:8.1f} {summary['p95_ms'] or 0:8.1f} "
          f"{summary['p99_ms'] or 0:8.1f}")
    print(f"{summary['rps']} requests/s over {args.duration:g} s with {args.users} users; "
          f"{summary['errors']} errors; {len(load.logins)} logins in {summary['login_phase_s']} s "
          f"(p95 {summary['login_p95_ms']} ms)")
    for message in load.errors[:20]:
        print(f"  error: {message}")


def main(argv=None) -> int:
    args = parse_args(argv)
    with open(args.targets, encoding="utf-8") as handle:
        targets = json.load(handle)
    try:
        pages = warm_up(Session(args.url.hostname, args.url.port or 80), args, targets, random.Random(args.seed))
        load = Load(args, targets, pages)
        load.run()
    except Stop as stop:
        print(stop, file=sys.stderr)
        return 2
    summary = summarise(load)
    report(summary, load)
    failed = bool(load.errors) or not load.results or (summary["p95_ms"] or 0) >= args.p95_budget_ms
    summary["passed"] = not failed
    print(json.dumps(summary))
    return 1 if failed else 0


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


if __name__ == "__main__":
    sys.exit(main())
