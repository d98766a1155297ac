"""The labelled corpus of real meeting documents (outside the repository: $PARTSSAMARBEID_CORPUS)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def labelled_corpus() -> tuple[Path, list[dict]]:
    """The corpus directory and its manifest's entries; skips the test when there is none."""
    directory = os.environ.get("PARTSSAMARBEID_CORPUS")
    if not directory:
        pytest.skip("PARTSSAMARBEID_CORPUS not set: directory holding the labelled corpus")
    manifest = Path(directory) / "manifest.json"
    if not manifest.is_file():
        pytest.skip(f"PARTSSAMARBEID_CORPUS has no manifest.json ({directory})")
    return Path(directory), json.loads(manifest.read_text(encoding="utf-8"))
