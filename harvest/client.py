"""A small client of eInnsyn's API (https://api.einnsyn.no): polite and robust.

- every request carries the ``API-KEY`` header (``settings.EINNSYN_API_KEY``) and goes to
  ``settings.EINNSYN_API_URL``;
- at most ``EINNSYN_REQUESTS_PER_SECOND`` requests per second per client (one client per source
  and run, so the limit is per source);
- a 429 (after its ``Retry-After``, capped), a 5xx, a timeout or a lost connection is retried
  with exponential backoff, at most ``EINNSYN_MAX_RETRIES`` times; then :class:`EinnsynError`;
- a 4xx other than 429, or a body that is not JSON, is an :class:`EinnsynError` at once.
"""
from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings

logger = logging.getLogger(__name__)

MAX_RETRY_AFTER_S = 60.0
MAX_DOCUMENT_BYTES = 30 * 1024 * 1024


class EinnsynError(Exception):
    """A request that failed for good (after retries where retrying made sense)."""

    def __init__(self, message: str, *, status: int | None = None, url: str = ""):
        super().__init__(message)
        self.status, self.url = status, url


@dataclass
class Page:
    items: list
    next: str | None


@dataclass
class Client:
    base_url: str = ""
    api_key: str = ""
    per_second: float = 0.0
    max_retries: int = 0
    backoff: float = 0.0
    timeout: float = 0.0
    requests: int = field(default=0, init=False)
    retries: int = field(default=0, init=False)
    _last: float = field(default=0.0, init=False)

    def __post_init__(self):
        self.base_url = (self.base_url or settings.EINNSYN_API_URL).rstrip("/")
        self.api_key = self.api_key or settings.EINNSYN_API_KEY
        self.per_second = self.per_second or float(settings.EINNSYN_REQUESTS_PER_SECOND)
        self.max_retries = self.max_retries or int(settings.EINNSYN_MAX_RETRIES)
        self.backoff = self.backoff or float(settings.EINNSYN_BACKOFF_SECONDS)
        self.timeout = self.timeout or float(settings.EINNSYN_TIMEOUT_SECONDS)

    # --- the API ------------------------------------------------------------------------

    def search_meetings(self, utvalg_ids: list[str], *, updated_from: str | None = None,
                        starting_after: str | None = None, limit: int = 25) -> Page:
        """One page of meetings (Moetemappe) of these bodies, oldest update first."""
        params = {
            "entity": "Moetemappe", "administrativEnhet": ",".join(utvalg_ids),
            "sortBy": "oppdatertDato", "sortOrder": "asc", "limit": str(limit),
        }
        if updated_from:
            params["oppdatertDatoFrom"] = updated_from
        if starting_after:
            params["startingAfter"] = starting_after
        body = self.get_json("/search", params)
        return Page(items=body.get("items", []) if isinstance(body, dict) else [], next=(body or {}).get("next"))

    def next_page(self, url: str) -> Page:
        body = self.get_json(url)
        return Page(items=body.get("items", []), next=body.get("next"))

    def meeting(self, moetemappe_id: str) -> dict:
        """A meeting with its agenda items, decisions, votes and documents expanded."""
        return self.get_json(f"/moetemappe/{urllib.parse.quote(moetemappe_id)}", {"expand": ",".join(MEETING_EXPAND)})

    def enhet(self, enhet_id: str) -> dict:
        return self.get_json(f"/enhet/{urllib.parse.quote(enhet_id)}")

    def document(self, url: str) -> bytes:
        """A meeting document; only from eInnsyn's own host (a record cannot send us elsewhere)."""
        if _origin(url) != _origin(self.base_url):
            raise EinnsynError("the document is not on eInnsyn's server", url=url)
        return self._request(url, accept="*/*", limit=MAX_DOCUMENT_BYTES)

    # --- the transport ------------------------------------------------------------------

    def get_json(self, path: str, params: dict | None = None):
        data = self._request(self._url(path, params), accept="application/json")
        try:
            return json.loads(data)
        except ValueError as error:
            raise EinnsynError(f"not JSON: {error}", url=path) from error

    def _url(self, path: str, params: dict | None) -> str:
        url = path if path.startswith(("http://", "https://")) else f"{self.base_url}{path}"
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params, safe=",:")
        return url

    def _wait_turn(self) -> None:
        gap = 1.0 / self.per_second if self.per_second > 0 else 0.0
        pause = self._last + gap - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last = time.monotonic()

    def _request(self, url: str, *, accept: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
        attempt = 0
        while True:
            self._wait_turn()
            self.requests += 1
            request = urllib.request.Request(url, headers={"API-KEY": self.api_key, "Accept": accept})
            retry_after = None
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (https/http only)
                    data = response.read(limit + 1)
                    if len(data) > limit:
                        raise EinnsynError("response too large", url=url)
                    return data
            except urllib.error.HTTPError as error:
                if error.code != 429 and error.code < 500:
                    raise EinnsynError(f"HTTP {error.code}", status=error.code, url=url) from error
                reason, status = f"HTTP {error.code}", error.code
                retry_after = _retry_after(error.headers.get("Retry-After"))
            except TimeoutError as error:
                reason, status = f"timeout: {error}", None
            except urllib.error.URLError as error:
                reason, status = f"connection: {error.reason}", None
            except (ConnectionError, OSError) as error:  # reset mid-body, incomplete read
                reason, status = f"connection: {error}", None
            if attempt >= self.max_retries:
                raise EinnsynError(f"{reason} (gave up after {attempt + 1} attempts)", status=status, url=url)
            pause = retry_after if retry_after is not None else self.backoff * (2 ** attempt)
            logger.info("eInnsyn %s: %s; retrying in %.2fs", url, reason, pause)
            attempt += 1
            self.retries += 1
            time.sleep(min(pause, MAX_RETRY_AFTER_S))


MEETING_EXPAND = (
    "utvalgObjekt",
    "moetesak",
    "moetesak.innstilling",
    "moetesak.vedtak",
    "moetesak.vedtak.vedtakstekst",
    "moetesak.vedtak.behandlingsprotokoll",
    "moetesak.vedtak.votering",
    "moetesak.vedtak.votering.moetedeltaker",
    "moetesak.vedtak.votering.representerer",
    "moetedokument",
    "moetedokument.dokumentbeskrivelse",
    "moetedokument.dokumentbeskrivelse.dokumentobjekt",
)


def _origin(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, parts.netloc


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
