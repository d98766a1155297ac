"""Any input either parses or raises ProtocolImportError, quickly."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic_docs import DOCUMENTS, make_pdf

from imports.parsers.errors import ProtocolImportError
from imports.parsers.pipeline import parse_document, parse_text
from imports.parsers.types import ParsedDocument

LABELS = [
    "MØTEPROTOKOLL\nADMINISTRASJONSUTVALET\nMøtedato: 01.02.2024\n",
    "MØTEINNKALLING ADMINISTRASJONSUTVALET Møtedato: 31.12.2024 ",
    "Saksnr Utval Type Dato 05/2024 Administrasjonsutvalet PS 12.03.2024 ",
    "Sakshandsamar Arkiv ArkivsakID Kari 24/1 ",
    "Kommunedirektøren sitt framlegg til vedtak:",
    "Rådmannens innstilling",
    "Behandling:",
    "Behandling i Administrasjonsutvalget - 14.03.2024",
    "Vedtak i Administrasjonsutvalget - 14.03.2024",
    "ADM - sak 03/2024 Vedtak/Tilråding:",
    "Endringsforslag frå Fagforbundet:",
    "Fellesforslag frå SV, SP og H:",
    "fekk 3 stemmer og falt.",
    "vart samrøystes vedteke.",
    "trekk sine tilleggsforslag.",
    "Forfall Parti Møtande varamedlem",
    "Faste medlemmer som møtte:",
    "Varamedlemmer som møtte:",
    "Andre møtande:",
    "Saksliste",
    "SAKSNR TITTEL",
    "01/2024:",
    "PS 9/24",
    "Kari Nordby (Fagforbundet) ber om at sak om klima blir sett opp på sakslista.",
    "Miljømessige konsekvenser:",
    "((((",
    "))))",
    "-----",
    "\f",
]
SOURCES = list(DOCUMENTS.values())
PDF_BYTES = make_pdf(DOCUMENTS["elements"])


def check(data: bytes) -> None:
    try:
        result = parse_document(data, "upload")
    except ProtocolImportError as error:
        assert error.code and error.message
        return
    assert isinstance(result, ParsedDocument)
    assert result.meetings
    result.to_dict()


@st.composite
def mutated_documents(draw) -> str:
    text = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(["truncate", "delete", "duplicate", "flatten", "insert", "swapcase"])
        )
        n = len(text)
        a = draw(st.integers(0, max(0, n)))
        b = draw(st.integers(a, min(n, a + 400)))
        if op == "truncate":
            text = text[:a]
        elif op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] * draw(st.integers(1, 3)) + text[b:]
        elif op == "flatten":
            text = " ".join(text.split())
        elif op == "insert":
            text = text[:a] + " " + draw(st.sampled_from(LABELS)) + " " + text[a:]
        else:
            text = text[:a] + text[a:b].swapcase() + text[b:]
    return text


FAST = settings(
    max_examples=60,
    deadline=2000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    check(data)


@FAST
@given(st.text(max_size=3000))
def test_random_text(text):
    check(text.encode("utf-8"))


@settings(
    max_examples=150, deadline=2000, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(mutated_documents())
def test_mutated_documents(text):
    check(text.encode("utf-8"))
    try:
        parse_text(text)
    except ProtocolImportError:
        pass


@settings(
    max_examples=25, deadline=3000, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.integers(0, len(PDF_BYTES)), st.integers(0, 200), st.binary(max_size=50))
def test_mutated_pdf(cut, gap, junk):
    check(PDF_BYTES[:cut] + junk + PDF_BYTES[cut + gap :])


PATHOLOGICAL = {
    "one huge word": "a" * 2_000_000,
    "case numbers": "01/2023 " * 200_000,
    "headers": "MØTEPROTOKOLL ADMINISTRASJONSUTVALET Møtedato: 07.02.2023 " * 20_000,
    "names": "Medlemmer Parti Rolle " + "Kari Ola Per Anne " * 100_000,
    "parentheses": "Kari Nordby (" * 100_000,
    "proposals": "Endringsforslag frå Fagforbundet: " * 50_000,
    "newlines": "Møtedato: 01.01.2024\n" + "\n" * 1_000_000 + "01/2024 Sak",
    "labels": "Behandling: Vedtak: Saksliste Forfall: " * 50_000,
    "agenda": "Møtedato: 01.01.2024 Saksliste "
    + " ".join(f"{i % 900 + 1}/2024 Tittel" for i in range(60_000)),
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_inputs_are_bounded(name):
    """Linear, not catastrophic: bounded in this process's CPU time (wall time depends on the host's load)."""
    data = PATHOLOGICAL[name].encode("utf-8")
    started = time.process_time()
    check(data)
    assert time.process_time() - started < 10, name
