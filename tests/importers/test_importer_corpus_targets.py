"""The importer's figures on the whole labelled corpus, as a ratchet: a regression fails CI.

The corpus (real municipal documents with hand-made labels in ``manifest.json``) is not part of
the repository: set PARTSSAMARBEID_CORPUS to its directory. The figures follow the shared scorer
(``score_import.py``): case numbers compared as (number, four-digit year), year-first where the
label says so; titles equal after normalisation, similar, or one a long enough prefix of the other.
The thresholds are the figures reached, so they only ever go up.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import pytest

from imports.parsers import ProtocolImportError, parse_text
from tests.helpers.corpus import labelled_corpus

# figures reached on the 34-document corpus (issue 10 targets: 95 %, 92 %, 85 %, < 5 %, 95 %)
MIN_PARSED = 1.0
MIN_CASE = 0.98
MIN_TITLE = 0.97
MAX_EXTRA = 0.02
MIN_DATE_IN_TEXT = 1.0


def case_key(printed: str | None, year_first: bool = False):
    nums = re.findall(r"\d+", printed or "")
    if len(nums) < 2:
        return (printed or "").strip().lower()
    a, b = nums[-2], nums[-1]
    if year_first and len(a) == 2:
        a, b = b, a
    if len(b) == 4 or int(b) >= 1900:
        return (int(a), int(b))
    if len(a) == 4 and int(a) >= 1900:
        return (int(b), int(a))
    year = int(b)
    return (int(a), year + 2000 if year < 50 else year + 1900)


def norm_title(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return " ".join(re.sub(r"[\"'«»“”‘’().,:;–—-]", " ", text).split())


def title_ok(gold: str, got: str) -> bool:
    a, b = norm_title(gold), norm_title(got)
    if not a or not b:
        return False
    if difflib.SequenceMatcher(None, a, b).ratio() >= 0.85:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and (len(short) >= 20 or len(short) >= 0.5 * len(long_))


@pytest.fixture(scope="module")
def figures() -> dict[str, list[int]]:
    directory, manifest = labelled_corpus()
    totals = {"parsed": [0, 0], "case": [0, 0], "title": [0, 0], "extra": [0, 0], "date": [0, 0]}
    for entry in manifest:
        text = (directory / entry["file"]).read_text(encoding="utf-8")
        totals["parsed"][1] += 1
        try:
            meetings = [m.to_dict() for m in parse_text(text).meetings]
        except ProtocolImportError:
            meetings = []
        else:
            totals["parsed"][0] += 1
        _score_items(entry, meetings, totals)
        if entry.get("date_in_text") and entry.get("date"):
            totals["date"][1] += 1
            totals["date"][0] += any(m["date"] == entry["date"] for m in meetings)
    return totals


def _score_items(entry: dict, meetings: list[dict], totals: dict[str, list[int]]) -> None:
    document_year_first = entry.get("case_format") == "year-first"
    got = [(case_key(i["case_number"]), i) for m in meetings for i in m["items"]]
    used: set[int] = set()
    for gold in entry["items"]:
        year_first = gold.get("case_format", "year-first" if document_year_first else None)
        key = case_key(gold["case_number"], year_first == "year-first")
        totals["case"][1] += 1
        totals["title"][1] += bool(gold.get("title"))
        match = next((j for j, (k, _i) in enumerate(got) if j not in used and k == key), None)
        if match is None:
            continue
        used.add(match)
        totals["case"][0] += 1
        if gold.get("title"):
            totals["title"][0] += title_ok(gold["title"], got[match][1]["title"])
    if not entry.get("ignore_extra_items") and not entry.get("meetings"):
        totals["extra"][0] += len(got) - len(used)
    totals["extra"][1] += len(entry["items"])


def share(pair: list[int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def test_documents_parsed(figures):
    assert share(figures["parsed"]) >= MIN_PARSED, figures["parsed"]


def test_case_numbers(figures):
    assert share(figures["case"]) >= MIN_CASE, figures["case"]


def test_titles(figures):
    assert share(figures["title"]) >= MIN_TITLE, figures["title"]


def test_few_extra_items(figures):
    assert share(figures["extra"]) <= MAX_EXTRA, figures["extra"]


def test_meeting_dates_where_the_text_has_them(figures):
    assert share(figures["date"]) >= MIN_DATE_IN_TEXT, figures["date"]
