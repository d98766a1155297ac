"""Hostile input and misbehaving parsers for the isolation and worker-fault tests.

The parsers are module-level so a child process (or a worker subprocess) can import them by
their dotted path.
"""
from __future__ import annotations

import os
import time
import zlib

from imports.parsers import ocr, parse_document


def parse_without_tesseract(data: bytes, filename: str = ""):
    """The parse as run in the child process of a machine without tesseract."""
    ocr.available = lambda: False
    return parse_document(data, filename)


def hostile_pdf(inflated_mb: float = 8) -> bytes:
    """A small PDF (about 25 KB for 8 MB) whose one page inflates to ``inflated_mb`` MB of text
    operators: what made a worker spend a minute and a gigabyte on a 2 MB upload."""
    operator = b"BT /F1 9 Tf 20 20 Td (Saka vert utsett) Tj ET\n"
    content = zlib.compress(operator * int(inflated_mb * 1024 * 1024 / len(operator)), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def sleeping_parse(data: bytes, filename: str = ""):
    time.sleep(60)


def allocating_parse(data: bytes, filename: str = ""):
    hoard = []
    for _ in range(2000):
        hoard.append(b"x" * (1024 * 1024))  # written, so resident memory grows by 1 MB a step
        time.sleep(0.001)
    return hoard


def crashing_parse(data: bytes, filename: str = ""):
    os._exit(3)


def parse_while_marker_exists(data: bytes, filename: str = ""):
    """Parse normally, but first wait (at most 60 s) while the file named in
    ``SLOW_PARSE_MARKER`` exists: a parse that is "in progress" for as long as a test needs."""
    marker = os.environ.get("SLOW_PARSE_MARKER", "")
    deadline = time.monotonic() + 60
    while marker and os.path.exists(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    return parse_document(data, filename)
