"""A fake eInnsyn on loopback: fixtures that conform to the OpenAPI description, served the way
the API serves them (https://api.einnsyn.no; ../shared/specs/einnsyn/einnsyn.openapi.yml).

- ``GET /enhet/{id}``, ``/moetemappe/{id}``, ``/moetesak/{id}``, ... : one object; nested objects
  are given as their ids unless named in ``expand`` (dotted paths, e.g. ``moetesak.vedtak``);
- ``GET /search?entity=Moetemappe&administrativEnhet=a,b&oppdatertDatoFrom=...&sortBy=oppdatertDato
  &sortOrder=asc&limit=N&startingAfter=<oppdatertDato>,<id>``: a page of meetings of those units
  (and their sub-units) with a ``next`` URL while more remain;
- ``GET /files/<name>``: a meeting document;
- a request without the right ``API-KEY`` header is a 401.

Faults are queued per path prefix (:meth:`FakeEinnsyn.fail`): ``429`` (with ``Retry-After: 0``),
``500``, ``"slow"`` (answers after ``slow_seconds``, longer than the client's timeout) and
``"garbage"`` (a 200 whose body is not JSON). Every request is logged in ``requests``.

Run it by hand (e.g. for the browser journey or a demo):
``python -m tests.harvest.fake_einnsyn [port]`` serves the Vaksdal fixtures.
"""
from __future__ import annotations

import copy
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
API_KEY = "test-nokkel"


def load(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))["objects"]


def fixture_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (FIXTURES / "files").iterdir()}


class FakeEinnsyn:
    def __init__(self, objects: list[dict] = (), files: dict[str, bytes] | None = None, api_key: str = API_KEY,
                 slow_seconds: float = 2.0):
        self.store: dict[str, dict] = {}
        self.files = dict(files or {})
        self.api_key, self.slow_seconds = api_key, slow_seconds
        self.faults: dict[str, list] = {}
        self.requests: list[tuple[str, dict]] = []
        self.lock = threading.Lock()
        self.add(objects)
        self.server = self.thread = None
        self.url = ""

    # --- data ------------------------------------------------------------------------

    def add(self, objects) -> None:
        """Add (or replace) objects; nested objects are stored on their own, by id."""
        with self.lock:
            for obj in objects:
                self._flatten(copy.deepcopy(obj))

    def _flatten(self, value):
        if isinstance(value, list):
            return [self._flatten(v) for v in value]
        if isinstance(value, dict):
            flat = {k: self._flatten(v) for k, v in value.items()}
            if "entity" in value and isinstance(value.get("id"), str):
                self.store[value["id"]] = flat
                return value["id"]
            return flat
        return value

    def fail(self, path_prefix: str, *faults) -> None:
        with self.lock:
            self.faults.setdefault(path_prefix, []).extend(faults)

    def _fault(self, path: str):
        with self.lock:
            for prefix, queued in self.faults.items():
                if path.startswith(prefix) and queued:
                    return queued.pop(0)
        return None

    def _expand(self, value, paths: set[str]):
        """An object with the fields named by ``paths`` (dotted) expanded, the rest left as ids."""
        if isinstance(value, list):
            return [self._expand(v, paths) for v in value]
        if isinstance(value, str) and value in self.store:
            return self._expand_object(self.store[value], paths)
        return value

    def _expand_object(self, obj: dict, paths: set[str]) -> dict:
        out = {}
        for key, value in obj.items():
            below = {p.split(".", 1)[1] for p in paths if p.startswith(key + ".")}
            if key in paths or below:
                out[key] = self._expand(value, below)
            else:
                out[key] = value
            out[key] = self._with_base(out[key])
        return out

    def _with_base(self, value):
        if isinstance(value, str) and value.startswith("{base}"):
            return self.url + value[len("{base}"):]
        return value

    def search(self, query: dict) -> dict:
        units = set(_list(query.get("administrativEnhet")))
        units |= {i for i, o in self.store.items() if o.get("entity") == "Enhet" and o.get("parent") in units}
        since = _one(query.get("oppdatertDatoFrom")) or ""
        after = tuple(_list(query.get("startingAfter"))) or None
        limit = max(1, min(100, int(_one(query.get("limit")) or 25)))
        hits = sorted(
            (o for o in self.store.values()
             if o.get("entity") == "Moetemappe" and o.get("utvalgObjekt") in units
             and (o.get("oppdatertDato") or "") >= since),
            key=lambda o: (o.get("oppdatertDato") or "", o["id"]),
        )
        if after:
            hits = [o for o in hits if (o.get("oppdatertDato") or "", o["id"]) > after]
        page, rest = hits[:limit], hits[limit:]
        body = {"items": [self._expand_object(o, set()) for o in page]}
        if rest:
            last = page[-1]
            nxt = {k: _one(v) for k, v in query.items() if k != "startingAfter"}
            nxt["startingAfter"] = f"{last.get('oppdatertDato') or ''},{last['id']}"
            body["next"] = f"{self.url}/search?{urllib.parse.urlencode(nxt, safe=',:')}"
        return body

    # --- serving ---------------------------------------------------------------------

    def start(self, port: int = 0) -> FakeEinnsyn:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802
                parsed = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(parsed.query)
                with fake.lock:
                    fake.requests.append((parsed.path, {k: _one(v) for k, v in query.items()}))
                if fake.api_key and self.headers.get("API-KEY") != fake.api_key:
                    return self._send(401, {"error": "unauthorized"})
                fault = fake._fault(parsed.path)
                if fault == 429:
                    return self._send(429, {"error": "too many requests"}, {"Retry-After": "0"})
                if fault == 500:
                    return self._send(500, {"error": "internal"})
                if fault == "slow":
                    time.sleep(fake.slow_seconds)
                if fault == "garbage":
                    return self._raw(200, b"<html>Vedlikehald</html>", "text/html")
                parts = [p for p in parsed.path.split("/") if p]
                if parts[:1] == ["search"]:
                    return self._send(200, fake.search(query))
                if parts[:1] == ["files"] and len(parts) == 2 and parts[1] in fake.files:
                    return self._raw(200, fake.files[parts[1]], "text/plain; charset=utf-8")
                if len(parts) == 2 and parts[1] in fake.store and fake.store[parts[1]]["entity"].lower() == parts[0]:
                    expand = set(_list(query.get("expand")))
                    return self._send(200, fake._expand_object(fake.store[parts[1]], expand))
                return self._send(404, {"error": "not found"})

            def _send(self, status, body, headers=None):
                self._raw(status, json.dumps(body, ensure_ascii=False).encode(), "application/json", headers)

            def _raw(self, status, data, content_type, headers=None):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-einnsyn", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


def _list(values) -> list[str]:
    return [part for value in (values or []) for part in value.split(",") if part]


def _one(values):
    return values[0] if isinstance(values, list) and values else values


def scale_world(sources: int, meetings_per_source: int = 2) -> tuple[list[dict], list[tuple[str, str]]]:
    """Generated fixtures for many sources: per source a municipality unit, a body unit and meetings
    with an item and votes. Returns the objects and ``(enhet_id, utvalg_id)`` per source."""
    objects, ids = [], []
    for n in range(sources):
        kommune, utvalg = f"enhet_01jbscale{n:04d}kommune0", f"enhet_01jbscale{n:04d}utvalg00"
        ids.append((kommune, utvalg))
        for unit, name, kind in ((kommune, f"Kommune {n}", "KOMMUNE"), (utvalg, "Administrasjonsutval", "UTVALG")):
            objects.append({"id": unit, "deleted": False, "entity": "Enhet", "navn": name, "orgnummer": f"9{n:08d}",
                            "kontaktpunktEpost": "post@example.invalid", "innsynskravEpost": "innsyn@example.invalid",
                            "enhetstype": kind, **({"parent": kommune} if unit == utvalg else {})})
        for m in range(meetings_per_source):
            mid = f"mm_01jbscale{n:04d}m{m:02d}000"
            objects.append({
                "id": mid, "deleted": False, "entity": "Moetemappe", "moetenummer": f"{m + 1}/2025",
                "utvalg": "Administrasjonsutval", "utvalgObjekt": utvalg, "moetedato": f"2025-{m + 2:02d}-10T10:00:00+01:00",
                "offentligTittel": f"Møte {m + 1}", "offentligTittelSensitiv": f"Møte {m + 1}",
                "oppdatertDato": f"2025-{m + 2:02d}-12T08:00:00Z",
                "moetesak": [{
                    "id": f"ms_01jbscale{n:04d}m{m:02d}s1", "deleted": False, "entity": "Moetesak",
                    "moetesakstype": "politisk", "moetesaksaar": 2025, "moetesakssekvensnummer": m + 1,
                    "utvalgObjekt": utvalg, "offentligTittel": f"Sak {m + 1}: sykkelparkering for tilsette",
                    "offentligTittelSensitiv": f"Sak {m + 1}", "vedtak": {
                        "id": f"vedtak_01jbscale{n:04d}m{m:02d}", "deleted": False, "entity": "Vedtak", "dato": "2025-02-10",
                        "vedtakstekst": {"id": f"msb_01jbscale{n:04d}m{m:02d}", "deleted": False,
                                         "entity": "Moetesaksbeskrivelse", "tekstInnhold": "Vedteke.",
                                         "tekstFormat": "text/plain"},
                        "votering": [{"id": f"vot_01jbscale{n:04d}m{m:02d}v{v}", "deleted": False, "entity": "Votering",
                                      "stemme": "Ja" if v < 3 else "Nei",
                                      "moetedeltaker": {"id": f"md_01jbscale{n:04d}p{v}", "deleted": False,
                                                        "entity": "Moetedeltaker", "moetedeltakerNavn": f"Deltakar {v}"}}
                                     for v in range(4)],
                    },
                }],
            })
    return objects, ids


if __name__ == "__main__":  # pragma: no cover - a helper for trying the harvest by hand
    import sys

    fake = FakeEinnsyn(load("vaksdal.json"), fixture_files())
    fake.start(int(sys.argv[1]) if len(sys.argv) > 1 else 8199)
    print(f"fake eInnsyn on {fake.url} (API-KEY: {API_KEY}); Ctrl-C stops it", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()
        sys.exit(0)
