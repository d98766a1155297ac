"""Text extraction and bad input: every failure is a ProtocolImportError with a stable code."""

from __future__ import annotations

import os

import pytest
from synthetic_docs import DOCUMENTS, make_blank_pdf, make_encrypted_pdf, make_pdf

from imports.parsers.errors import MAX_BYTES, ProtocolImportError
from imports.parsers.pipeline import parse_document, parse_text
from imports.parsers.text import extract_text


def error_code(data: bytes, filename: str = "upload") -> str:
    with pytest.raises(ProtocolImportError) as info:
        parse_document(data, filename)
    assert info.value.message  # always a user-facing message
    return info.value.code


def test_empty_file():
    assert error_code(b"") == "empty"
    assert error_code(b"  \n\t ") == "empty"
    with pytest.raises(ProtocolImportError) as info:
        parse_document(b"", "tom.pdf")
    assert info.value.message == "Fila er tom."


def test_pdf_without_text_layer():
    """Without a text layer the pages are OCR'd (tests/importers/test_ocr.py); a blank page has no text."""
    with pytest.raises(ProtocolImportError) as info:
        parse_document(make_blank_pdf(), "skanna.pdf")
    assert info.value.code in {"no_text_layer", "ocr_unavailable"}


def test_encrypted_pdf():
    with pytest.raises(ProtocolImportError) as info:
        parse_document(make_encrypted_pdf(), "kryptert.pdf")
    assert info.value.code == "encrypted"
    assert info.value.message.startswith("PDF-en er kryptert")


def test_pdf_with_owner_password_only_is_read():
    data = make_pdf(DOCUMENTS["elements"], owner_password="eier")
    assert b"/Encrypt" in data
    doc = parse_document(data, "rettar.pdf")
    assert doc.family == "elements"


def test_too_large():
    with pytest.raises(ProtocolImportError) as info:
        parse_document(b"a" * (MAX_BYTES + 1), "stor.txt")
    assert (info.value.code, info.value.message) == ("too_large", "Fila er større enn 20 MB.")


@pytest.mark.parametrize("seed", range(5))
def test_binary_garbage(seed):
    import random

    data = random.Random(seed).randbytes(4000)
    with pytest.raises(ProtocolImportError) as info:
        parse_document(data, "x.pdf")
    assert (info.value.code, info.value.message) == (
        "not_a_document",
        "Fila er verken PDF eller tekst.",
    )


def test_nul_bytes_are_not_text():
    assert error_code(b"M\x00\xf8tedato: 01.01.2024" * 10) == "not_a_document"


def test_broken_pdf():
    assert error_code(b"%PDF-1.7\n" + os.urandom(2000)) == "invalid_pdf"
    assert error_code(make_pdf(DOCUMENTS["sing"])[:400]) in {"invalid_pdf", "no_text_layer"}


def test_no_meeting_found():
    assert error_code("Dette er eit brev utan møte.".encode()) == "no_meeting_found"
    with pytest.raises(ProtocolImportError) as info:
        parse_text("Møtedato: 01.01.2024\nIngen saker.")
    assert info.value.code == "no_meeting_found"


def test_pdf_detected_by_magic_bytes_not_filename():
    pdf = make_pdf(DOCUMENTS["generic"])
    assert extract_text(pdf, "protokoll.txt").kind == "pdf"
    assert extract_text(DOCUMENTS["generic"].encode(), "protokoll.pdf").kind == "text"


def test_pdf_pages_are_read_as_one_running_text():
    """Pages join without page marks: a paragraph running over a page break stays one paragraph."""
    extracted = extract_text(make_pdf(DOCUMENTS["sing"]), "x.pdf")
    assert extracted.pages == 5
    assert "\f" not in extracted.text
    assert "Møtedato: 12.03.2024" in extracted.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_text_encodings(encoding):
    extracted = extract_text(DOCUMENTS["elements"].encode(encoding), "x.txt")
    assert extracted.kind == "text"
    assert "Møtested: Kommunestyresalen, Sørfjell rådhus" in extracted.text
    assert (
        parse_document(DOCUMENTS["elements"].encode(encoding)).meetings[0].body_name
        == "Administrasjonsutvalget"
    )


def test_error_repr_and_code_on_exception():
    error = ProtocolImportError("empty")
    assert str(error) == "Fila er tom."
    assert "empty" in repr(error)
