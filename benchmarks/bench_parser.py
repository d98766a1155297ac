"""Time the protocol importer (text extraction, parsing and climate classification).

Usage: python benchmarks/bench_parser.py
The Vaksdal corpus file is read from $PARTSSAMARBEID_CORPUS (a directory) or
../shared/corpus. A 100-page synthetic protocol PDF is generated with reportlab.
Every document of the corpus (its manifest.json) is also parsed and classified, for the average
time per document. The last line printed is JSON: {"import_vaksdal_s": ...,
"import_corpus_s_per_doc": ..., "import_pdf_pages_per_s": ...}.
Targets: import_vaksdal_s < 0.5 and import_corpus_s_per_doc < 0.1 (including classification).
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from imports.parsers.errors import ProtocolImportError  # noqa: E402 - after the sys.path line
from imports.parsers.pipeline import parse_document  # noqa: E402

CORPUS_FILE = "vaksdal-administrasjonsutvalet-2023-08-22.txt"
PAGES = 100
LINES_PER_PAGE = 55


def timed(data: bytes, name: str, runs: int) -> tuple[float, float, object]:
    """(cold seconds, median warm seconds, last result)."""
    started = time.perf_counter()
    result = parse_document(data, name)
    cold = time.perf_counter() - started
    warm = []
    for _ in range(runs):
        started = time.perf_counter()
        result = parse_document(data, name)
        warm.append(time.perf_counter() - started)
    return cold, statistics.median(warm), result


def synthetic_protocol_lines(n_lines: int) -> list[str]:
    """An Elements-style protocol (fictional) long enough for ``n_lines`` lines."""
    lines = [
        "Bjørkdal kommune",
        "Møteprotokoll",
        "Utvalg: Administrasjonsutvalget",
        "Møtested: Kommunestyresalen",
        "Møtedato: 10.06.2024",
        "Tidspunkt: 09:00 - 15:00",
        "Faste medlemmer som møtte:",
        "Navn Funksjon Representerer",
        "Kari Holt Leder AP",
        "Per Lund Nestleder H",
        "Anne Moe Medlem SP",
        "Liv Aas Medlem Fagforbundet",
        "Forfall:",
        "Navn Funksjon Representerer",
        "Odd Berg Medlem SV",
        "Varamedlemmer som møtte:",
        "Navn Møtte for Representerer",
        "Eli Dahl Odd Berg SV",
        "Fra administrasjonen møtte:",
        "Navn Stilling",
        "Tor Vang Rådmann",
        "Saksliste",
        "Saksnr Tittel",
    ]
    n_items = 60
    titles = [
        f"{['Klimatiltak', 'Sykefravær', 'Parkeringsavgift for ansatte', 'Lønnspolitikk', 'Miljøfyrtårn'][i % 5]} del {i + 1}"
        for i in range(n_items)
    ]
    lines += [f"PS {i + 1}/24 {title}" for i, title in enumerate(titles)]
    body_per_item = max(8, (n_lines - len(lines)) // n_items - 8)
    for i, title in enumerate(titles):
        lines += [
            f"PS {i + 1}/24 {title}",
            "Rådmannens innstilling",
            f"Saken {title.lower()} vedtas.",
        ]
        lines += [
            "Behandling i Administrasjonsutvalget - 10.06.2024",
            "Endringsforslag fra Fagforbundet:",
            "Saken utsettes til partene har drøftet den.",
        ]
        lines += [
            f"Linje {k}: Utvalget drøftet arbeidsmiljø, samarbeidsklima og tiltak for ansatte i sak {i + 1}."
            for k in range(body_per_item)
        ]
        lines += [
            "Endringsforslaget fra Fagforbundet fikk 3 stemmer og falt.",
            "Rådmannens innstilling fikk 6 stemmer og ble vedtatt.",
            "Vedtak i Administrasjonsutvalget - 10.06.2024",
            f"Saken {title.lower()} vedtas.",
        ]
    return lines


def make_pdf(lines: list[str], pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for page in range(pages):
        y = 800
        for line in lines[page * LINES_PER_PAGE : (page + 1) * LINES_PER_PAGE]:
            pdf.drawString(40, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def corpus_seconds_per_doc(corpus_dir: Path) -> float | None:
    """Median over three runs of the average time to import one corpus document."""
    manifest = corpus_dir / "manifest.json"
    if not manifest.exists():
        print(f"No manifest.json at {corpus_dir}; skipping the corpus timing")
        return None
    files = [(corpus_dir / e["file"]).read_bytes() for e in json.loads(manifest.read_text("utf-8"))]
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        for data in files:
            try:
                parse_document(data, "corpus.txt")
            except ProtocolImportError:
                pass
        runs.append((time.perf_counter() - started) / len(files))
    per_doc = statistics.median(runs)
    print(f"Corpus: {len(files)} documents, {per_doc * 1000:.1f} ms per document (target < 100 ms)")
    return round(per_doc, 4)


def main() -> dict:
    report: dict[str, object] = {}
    corpus_dir = Path(os.environ.get("PARTSSAMARBEID_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    corpus = corpus_dir / CORPUS_FILE
    if corpus.exists():
        cold, warm, doc = timed(corpus.read_bytes(), CORPUS_FILE, runs=7)
        report["import_vaksdal_s"] = round(warm, 4)
        report["import_vaksdal_cold_s"] = round(cold, 4)
        report["vaksdal_meetings"] = len(doc.meetings)  # type: ignore[attr-defined]
        print(f"Vaksdal corpus: cold {cold:.3f} s, warm median {warm:.3f} s (target < 0.5 s)")
    else:
        report["import_vaksdal_s"] = None
        print(f"Corpus not found at {corpus}; skipping the Vaksdal timing")
    report["import_corpus_s_per_doc"] = corpus_seconds_per_doc(corpus_dir)
    lines = synthetic_protocol_lines(PAGES * LINES_PER_PAGE)
    pdf = make_pdf(lines, PAGES)
    cold, warm, doc = timed(pdf, "synthetic.pdf", runs=2)
    report["import_pdf_pages"] = doc.pages  # type: ignore[attr-defined]
    report["import_pdf_s"] = round(warm, 3)
    report["import_pdf_pages_per_s"] = round(doc.pages / warm, 1)  # type: ignore[attr-defined]
    report["import_pdf_items"] = sum(len(m.items) for m in doc.meetings)  # type: ignore[attr-defined]
    print(f"{doc.pages}-page PDF: {warm:.2f} s, {doc.pages / warm:.0f} pages/s")  # type: ignore[attr-defined]
    print(json.dumps(report))
    return report


if __name__ == "__main__":
    from bench_pages import benchmark_arguments

    benchmark_arguments()  # --help prints the docstring above
    main()
