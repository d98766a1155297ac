"""Recognise the text of scanned PDF pages (OCR) with Debian's tesseract.

Pages are rendered with pypdfium2 and read by ``tesseract`` (packages ``tesseract-ocr`` and
``tesseract-ocr-nor``; ``make ocr`` installs them), which returns each word with its box. The
words go through the same layout rebuilding as a PDF's text layer (:mod:`.layout`), so a scan
reads like the same document with a text layer.

Progress is reported through :data:`progress`, a context variable a caller (the background
worker) may set to ``callback(pages_done, pages_total)``.
"""
from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from .errors import ProtocolImportError
from .layout import Page, Word, group_lines

LANGUAGES = "nor+eng"
DPI = 250
PAGE_TIMEOUT_S = 120
PACKAGES = ("tesseract-ocr", "tesseract-ocr-nor")

progress: ContextVar[Callable[[int, int], None] | None] = ContextVar("ocr_progress", default=None)


@contextlib.contextmanager
def reporting_progress(callback: Callable[[int, int], None]) -> Iterator[None]:
    """Call ``callback(pages_done, pages_total)`` while pages are recognised inside the block."""
    token = progress.set(callback)
    try:
        yield
    finally:
        progress.reset(token)


def available() -> bool:
    """True if tesseract and its Norwegian language data are installed."""
    binary = shutil.which("tesseract")
    if not binary:
        return False
    try:
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "nor" in (listed.stdout + listed.stderr).split()


def recognise(pdf, indexes: list[int], deadline: float) -> list[Page]:
    """OCR the pages ``indexes`` of an open pypdfium2 document; one Page per index, in order."""
    if not available():
        raise ProtocolImportError("ocr_unavailable")
    report = progress.get()
    pages = []
    with tempfile.TemporaryDirectory(prefix="ocr-") as directory:
        for done, index in enumerate(indexes, start=1):
            if time.monotonic() > deadline:
                raise ProtocolImportError("too_slow")
            pages.append(_recognise_page(pdf[index], os.path.join(directory, f"{index}.png")))
            if report:
                report(done, len(indexes))
    return pages


def _recognise_page(page, path: str) -> Page:
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    image = bitmap.to_pil()
    image.save(path)
    height = image.height
    page.close()
    try:
        done = subprocess.run(
            ["tesseract", path, "stdout", "-l", LANGUAGES, "--psm", "3", "tsv"],
            capture_output=True, text=True, timeout=PAGE_TIMEOUT_S,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired as exc:
        raise ProtocolImportError("too_slow") from exc
    if done.returncode != 0:
        raise ProtocolImportError("internal", detail=done.stderr[-200:])
    return Page(lines=group_lines(tsv_words(done.stdout)), height=height)


def tsv_words(tsv: str) -> list[Word]:
    """The words of tesseract's TSV output (level 5 rows with text), with their boxes."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(Word(text, left, left + int(row["width"]), top, top + int(row["height"])))
    return words
