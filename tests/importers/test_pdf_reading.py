"""The PDF reader reads as a person does: reading order, no running headers, joined hyphens.

Every PDF here is generated (reportlab, :mod:`portal_pdf`) the way meeting portals lay out
pages. The proof that matters: a document imported as PDF yields exactly the records the same
document yields as text.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from portal_pdf import as_text, portal_pdf
from synthetic_docs import ELEMENTS

from imports.parsers.layout import is_page_number, join_hyphenated
from imports.parsers.pipeline import parse_document
from imports.parsers.text import extract_text

HEADER = "Sørfjell kommune - Møteprotokoll - Administrasjonsutvalget 14.03.2024"


def records(data: bytes) -> list[dict]:
    return [meeting.to_dict() for meeting in parse_document(data, "x").meetings]


def test_table_cells_drawn_column_by_column_are_read_row_by_row():
    text = "Medlemmer\tParti\tRolle\nOla Fjordheim\tSP\tLeiar\nKari Nesvik\tAP\tMedlem\nStein Vatne\tFagforbundet\tMedlem"
    pdf = portal_pdf(text)
    assert extract_text(pdf).text == (
        "Medlemmer Parti Rolle\nOla Fjordheim SP Leiar\nKari Nesvik AP Medlem\nStein Vatne Fagforbundet Medlem"
    )


def test_running_header_and_page_numbers_are_removed_and_paragraphs_kept():
    body = [f"Linje {n} i saka om sykkelparkering." for n in range(1, 121)]
    body[10] = ""  # a paragraph break
    pdf = portal_pdf("\n".join(body), header=HEADER)
    extracted = extract_text(pdf)
    assert extracted.pages == 3
    assert extracted.text == "\n".join(body)


def test_a_line_like_a_case_number_at_a_page_top_is_not_a_page_number():
    assert [is_page_number(t) for t in ("Side 2 av 18", "side 3", "2 / 18", "- 4 -", "10/2024", "07/2024 Referatsaker")] == [
        True, True, True, True, False, False,
    ]


def test_hyphenated_line_ends_are_joined_where_a_reader_would_join_them():
    text = "Saka gjeld trepartssam-\narbeid i kommunen, HMS-\ngruppa og helse-\nog omsorgstenesta. Sjå ned-\nst."
    expected = "Saka gjeld trepartssamarbeid\ni kommunen, HMS-\ngruppa og helse-\nog omsorgstenesta. Sjå nedst."
    assert join_hyphenated(text) == expected
    assert extract_text(portal_pdf(text)).text == expected
    assert extract_text(text.encode()).text == expected  # plain text reads the same


def _elements_as_portal_text() -> str:
    """ELEMENTS with its attendance as tables and a vote sentence split over lines and pages."""
    lines, section = [], None
    for line in ELEMENTS.split("\n"):
        if line.endswith(":") and not line.startswith(("Rådmannens", "Votering")):
            section = line
        elif not line.strip():
            section = None
        elif section in ("Faste medlemmer som møtte:", "Forfall:") and not line.startswith("Navn"):
            line = "\t".join(line.rsplit(" ", 2))
        elif section == "Varamedlemmer som møtte:" and not line.startswith("Navn"):
            words = line.split()
            line = "\t".join([" ".join(words[:2]), " ".join(words[2:4]), words[4]])
        lines.append(line)
    return "\n".join(lines).replace(
        "Endringsforslaget fra Fagforbundet fikk 3 stemmer og falt.\nRådmannens innstilling fikk 6 stemmer og ble vedtatt.",
        "Endringsforslaget fra Fagforbundet fikk 1 stemme\n(FRP) og falt. Rådmannens innstilling fikk 8 stemmer og\nble vedtatt.",
    )


def test_portal_pdf_yields_the_records_of_the_text_with_a_vote_broken_over_a_page():
    text = _elements_as_portal_text()
    pdf = portal_pdf(text, header=HEADER, break_before="(FRP) og falt.")
    assert extract_text(pdf).text.split("\n").index("(FRP) og falt. Rådmannens innstilling fikk 8 stemmer og") > 0
    from_pdf, from_text = records(pdf), records(as_text(text).encode())
    assert from_pdf == from_text
    item = next(i for i in from_pdf[0]["items"] if i["case_number"] == "04/2024")
    assert [(p["kind"], p["proposers"], p["outcome"], p["votes_for"], p["votes_against"]) for p in item["proposals"]] == [
        ("administration", [], "adopted", 8, 1), ("amendment", ["Fagforbundet"], "fell", 1, 8), ("additional", ["H"], "adopted", None, None),
    ]
    attendance = [(a["name"], a["present"], a["substitute_for"]) for a in from_pdf[0]["attendance"]]
    assert attendance[6:10] == [("Tone Dahl", False, None), ("Jonas Berg", False, None), ("Eva Moen", True, "Tone Dahl"), ("Lars Holm", True, "Jonas Berg")]


CORPUS_FILE = "vaksdal-administrasjonsutvalet-2023-08-22.txt"


def test_vaksdal_as_a_portal_pdf_yields_the_records_of_the_text():
    directory = os.environ.get("PARTSSAMARBEID_CORPUS")
    if not directory or not (Path(directory) / CORPUS_FILE).exists():
        pytest.skip("PARTSSAMARBEID_CORPUS not set: directory holding the Vaksdal corpus file")
    data = (Path(directory) / CORPUS_FILE).read_bytes()
    text = data.decode("utf-8").replace("\t", " ")  # reportlab cannot draw a tab
    # the sentence "... fekk 1 stemme / (FRP) og falt" is split over a page break
    pdf = portal_pdf(text, header="Vaksdal kommune - Administrasjonsutvalet", break_before="(FRP) og falt")
    from_pdf, from_text = records(pdf), records(data)
    assert from_pdf == from_text
    protocol = next(m for m in from_pdf if m["date"] == "2023-02-07")
    item = next(i for i in protocol["items"] if i["case_number"] == "05/2023")
    assert ("administration", "fell", 1) in [(p["kind"], p["outcome"], p["votes_for"]) for p in item["proposals"]]
