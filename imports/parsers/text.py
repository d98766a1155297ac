"""Turn uploaded bytes into text: PDF (by magic bytes) or plain text.

A PDF's text layer is read with pypdfium2 character by character with positions, and the text
is rebuilt as a person reads it (:mod:`.layout`: lines, paragraphs, no running headers or page
numbers, hyphenated words joined). pdfplumber gives the same positions but read a 100-page
reportlab PDF at about 6 pages/s; pypdfium2's characters are read at well over 100 pages/s.
Plain text has hyphenated line ends joined the same way, so a document reads alike either way.
A PDF without a text layer (a scan) is read by OCR (:mod:`.ocr`) and then rebuilt the same way.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Literal

from . import ocr
from .errors import MAX_BYTES, ProtocolImportError
from .layout import Page, Word, group_lines, join_hyphenated, pages_text

MAX_PAGES = 2000
PDF_TIME_BUDGET_S = 60.0
MIN_TEXT_CHARS = 20
OCR_TIME_BUDGET_S_PER_PAGE = 60.0
OCR_WARNING = (
    "Teksten er lest med tekstgjenkjenning (OCR) fra %(n)d skannede sider: "
    "kontroller navn, datoer og stemmetall mot originalen."
)


@dataclass
class ExtractedText:
    """Text of a document; ``pages`` is 1 for plain text."""

    text: str
    pages: int
    kind: Literal["pdf", "text"]
    warnings: tuple[str, ...] = ()
    ocr_pages: int = 0  # pages whose text was recognised by OCR


def is_pdf(data: bytes) -> bool:
    """PDF by magic bytes (the header may follow a little junk, as readers allow)."""
    return b"%PDF-" in data[:1024]


def extract_text(data: bytes, filename: str = "") -> ExtractedText:
    """Extract text from ``data``; ``filename`` is only used in messages."""
    if not data or not data.strip():
        raise ProtocolImportError("empty")
    if len(data) > MAX_BYTES:
        raise ProtocolImportError("too_large")
    if is_pdf(data):
        return _pdf_text(data)
    text = decode_text(data)
    if not text.strip():
        raise ProtocolImportError("empty")
    return ExtractedText(text=join_hyphenated(text), pages=1, kind="text")


def decode_text(data: bytes) -> str:
    """Decode plain text (UTF-8 with or without BOM, UTF-16 with BOM, cp1252/latin-1)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ProtocolImportError("not_a_document") from exc
        return _check_text(text)
    if b"\x00" in data:
        raise ProtocolImportError("not_a_document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return _check_text(text)


_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACE_RE = re.compile(r"\s+")
_NON_LETTER_RE = re.compile(r"[\W\d_]+")


def _check_text(text: str) -> str:
    """Reject decoded data that is mostly control characters or has no letters."""
    sample = text[:200_000]
    visible = len(_SPACE_RE.sub("", sample))
    if not visible:
        return text
    controls = len(_CONTROL_RE.findall(sample))
    letters = len(_NON_LETTER_RE.sub("", sample))
    if controls > max(2, len(sample) * 0.01) or letters / visible < 0.4:
        raise ProtocolImportError("not_a_document")
    return text


def _pdf_text(data: bytes) -> ExtractedText:
    pdf = open_pdf(data)
    try:
        n_pages = len(pdf)
        if n_pages > MAX_PAGES:
            raise ProtocolImportError("too_many_pages")
        deadline = time.monotonic() + PDF_TIME_BUDGET_S
        pages: list[Page] = []
        for index in range(n_pages):
            if time.monotonic() > deadline:
                raise ProtocolImportError("too_slow")
            try:
                pages.append(_pdf_page(pdf, index))
            except Exception:  # noqa: BLE001 - one unreadable page should not sink the file
                pages.append(Page(lines=[], height=1.0))
        warnings: list[str] = []
        ocr_pages = 0
        if _visible_chars(pages) < MIN_TEXT_CHARS:
            # a scan: recognise the text of every page (slow, so with its own time budget)
            pages = ocr.recognise(pdf, list(range(n_pages)), time.monotonic() + OCR_TIME_BUDGET_S_PER_PAGE * n_pages)
            ocr_pages = n_pages
            warnings.append(OCR_WARNING % {"n": n_pages})
    finally:
        pdf.close()
    empty_pages = sum(1 for page in pages if not page.lines)
    text = pages_text(pages)
    if sum(1 for ch in text if not ch.isspace()) < MIN_TEXT_CHARS:
        raise ProtocolImportError("no_text_layer")
    if empty_pages:
        warnings.append(f"{empty_pages} av {n_pages} sider har ikke tekstlag og ble hoppet over.")
    return ExtractedText(text=text, pages=n_pages, kind="pdf", warnings=tuple(warnings), ocr_pages=ocr_pages)


def _visible_chars(pages: list[Page]) -> int:
    return sum(len(word.text) for page in pages for line in page.lines for word in line.words)


def is_ocr_warning(warning: str) -> bool:
    """True for the warning that says a document's text was recognised by OCR."""
    return warning.startswith(OCR_WARNING.split("%")[0])


def open_pdf(data: bytes):
    """A pypdfium2 document; refuses broken files and files that need a password to open."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise ProtocolImportError("encrypted", detail=str(exc)[:200]) from exc
        raise ProtocolImportError("invalid_pdf", detail=str(exc)[:200]) from exc


def _pdf_page(pdf, index: int) -> Page:
    """The positioned words of one page's text layer, grouped into lines."""
    import pypdfium2.raw as raw

    page = pdf[index]
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        words = _pdf_words(textpage, height, raw)
    finally:
        textpage.close()
        page.close()
    return Page(lines=group_lines(words), height=height)


def _pdf_words(textpage, height: float, raw) -> list[Word]:
    """Characters in stream order become words: a space, a jump or a new baseline ends a word."""
    box = raw.FS_RECTF()
    words: list[Word] = []
    chars: list[str] = []
    x0 = x1 = top = bottom = 0.0

    def flush():
        if chars:
            words.append(Word("".join(chars), x0, x1, top, bottom))
            chars.clear()

    for i, char in enumerate(_page_chars(textpage, raw)):
        if char in _HIDDEN_HYPHENS:
            char = "-"  # pdfium hides a hyphen at a line end; layout.join_hyphenated decides
        elif char.isspace() or char in _NOT_TEXT:
            flush()
            continue
        if not raw.FPDFText_GetLooseCharBox(textpage, i, box):
            flush()
            continue
        c_top, c_bottom = height - box.top, height - box.bottom
        size = max(c_bottom - c_top, 1.0)
        if chars and (box.left < x1 - size * 0.5 or box.left - x1 > size * 0.25 or abs(c_top - top) > size * 0.3):
            flush()
        if not chars:
            x0, top, bottom = box.left, c_top, c_bottom
        chars.append(char)
        x1 = box.right
        bottom = max(bottom, c_bottom)
    flush()
    return words


_HIDDEN_HYPHENS = {"\ufffe", "\x02"}
_NOT_TEXT = {"\x00", "\uffff"}


def _page_chars(textpage, raw) -> str:
    """One character per pdfium character index (read in one call; per character if that fails)."""
    import ctypes

    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    return "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0) for i in range(count))
