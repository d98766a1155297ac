"""Scanned protocols: a PDF without a text layer is read by OCR (tesseract), then parsed."""
from __future__ import annotations

import pytest
from scanned_pdf import scanned_pdf
from synthetic_docs import ELEMENTS, make_blank_pdf

from imports.parsers import ocr
from imports.parsers.errors import ProtocolImportError
from imports.parsers.pipeline import parse_document
from imports.parsers.text import is_ocr_warning

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="tesseract-ocr and tesseract-ocr-nor are not installed (make ocr installs them)"
)


@needs_tesseract
def test_a_scanned_protocol_yields_the_meeting_of_its_text():
    scanned = scanned_pdf(ELEMENTS)
    calls = []
    with ocr.reporting_progress(lambda done, total: calls.append((done, total))):
        doc = parse_document(scanned, "skannet.pdf")
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert [w for w in doc.warnings if is_ocr_warning(w)] == [
        "Teksten er lest med tekstgjenkjenning (OCR) fra 3 skannede sider: kontroller navn, datoer og stemmetall mot originalen."
    ]
    [meeting] = doc.meetings
    [expected] = parse_document(ELEMENTS.encode(), "tekst.txt").meetings
    assert (meeting.date, meeting.start, meeting.end, meeting.body_name) == (expected.date, expected.start, expected.end, expected.body_name)
    assert [(i.case_number, i.title) for i in meeting.items] == [(i.case_number, i.title) for i in expected.items]
    assert [a.name for a in meeting.attendance] == [a.name for a in expected.attendance]
    votes = [[(p.kind, p.outcome, p.votes_for) for p in i.proposals] for i in meeting.items]
    assert votes == [[(p.kind, p.outcome, p.votes_for) for p in i.proposals] for i in expected.items]


@needs_tesseract
def test_a_page_without_any_text_even_by_ocr_is_refused():
    with pytest.raises(ProtocolImportError) as info:
        parse_document(make_blank_pdf(), "tom.pdf")
    assert (info.value.code, info.value.message) == (
        "no_text_layer", "Fant ingen tekst i PDF-en, heller ikke med tekstgjenkjenning (OCR) av sidene."
    )


def test_without_tesseract_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(ProtocolImportError) as info:
        parse_document(make_blank_pdf(), "skannet.pdf")
    assert info.value.code == "ocr_unavailable"
    assert "Debian-pakkene tesseract-ocr og tesseract-ocr-nor" in info.value.message


def test_tesseract_tsv_words_keep_their_boxes():
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t100\t50\t300\t30\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t100\t50\t120\t30\t96\tMøtedato:\n"
        "5\t1\t1\t1\t1\t2\t230\t52\t150\t28\t95\t14.03.2024\n"
        "5\t1\t1\t1\t1\t3\t400\t52\t10\t28\t95\t \n"
    )
    assert [(w.text, w.x0, w.x1, w.top, w.bottom) for w in ocr.tsv_words(tsv)] == [
        ("Møtedato:", 100, 220, 50, 80), ("14.03.2024", 230, 380, 52, 80),
    ]
