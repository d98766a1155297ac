"""The classifier on the real corpus items, each cut at the labelled case numbers and titles.

This measures the classifier apart from the importer's cutting: each labelled item gets the text
from its case number or title to the next labelled item's. The corpus is not in the repository:
set PARTSSAMARBEID_CORPUS to the directory holding ``manifest.json`` and the documents.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from meetings.climate import classify
from tests.helpers.corpus import labelled_corpus


@pytest.fixture(scope="module")
def corpus() -> tuple[Path, list[dict]]:
    return labelled_corpus()


def item_texts(text: str, items: list[dict]) -> list[str]:
    """Each labelled item's own text: from each mention of its case number or title to the next
    mention of another labelled item."""
    markers = []
    for index, item in enumerate(items):
        number = re.sub(r"^\D*", "", item["case_number"])
        patterns = [
            re.escape(item["case_number"]).replace(r"\ ", r"\s*"),
            r"(?<![\d/])" + re.escape(number) + r"(?!\d)",
        ]
        if item.get("title"):
            patterns.append(r"\W+".join(re.escape(w) for w in item["title"].split()[:5]))
        for pattern in patterns:
            markers += [(m.start(), m.end(), index) for m in re.finditer(pattern, text, re.IGNORECASE)]
    markers.sort()
    parts: list[list[str]] = [[] for _ in items]
    for k, (_start, end, index) in enumerate(markers):
        following = next((m[0] for m in markers[k + 1 :] if m[2] != index and m[0] >= end), len(text))
        parts[index].append(text[end : min(following, end + 3000)])
    return ["\n".join(dict.fromkeys(p)) for p in parts]


def flagged_by_label(corpus) -> dict[str, set[tuple[str, str]]]:
    directory, manifest = corpus
    out: dict[str, set[tuple[str, str]]] = {"related": set(), "missed": set(), "false": set(), "traps": set()}
    for entry in manifest:
        text = (directory / entry["file"]).read_text(encoding="utf-8")
        related = set(entry.get("climate_related_items") or [])
        borderline = set(entry.get("climate_borderline_items") or [])
        traps = set(entry.get("climate_trap_items") or [])
        for item, own_text in zip(entry["items"], item_texts(text, entry["items"]), strict=True):
            key = (entry["file"], item["case_number"])
            flagged = classify(item.get("title") or "", own_text).level != "none"
            if item["case_number"] in related:
                out["related" if flagged else "missed"].add(key)
            elif item["case_number"] in traps and flagged:
                out["traps"].add(key)
            elif flagged and item["case_number"] not in borderline:
                out["false"].add(key)
    return out


def test_corpus_climate_items_found_without_false_positives_or_traps(corpus):
    result = flagged_by_label(corpus)
    assert result["false"] == set()
    assert result["traps"] == set()
    found, total = len(result["related"]), len(result["related"] | result["missed"])
    # The one known miss is an OCR-damaged title ("KRFTVERK"); no rule is written for it.
    assert total >= 8 and found / total >= 0.85, sorted(result["missed"])
