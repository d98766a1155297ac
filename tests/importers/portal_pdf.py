"""PDFs laid out the way meeting portals lay them out, generated from a text with reportlab.

- a running header (the portal's name for the document) over a rule, and ``Side N av M`` at the
  bottom of every page;
- table rows (cells separated by a tab in the text) drawn as cells in columns, column by column,
  so the PDF's drawing order is not the reading order;
- pages full to the bottom margin; with ``break_before`` the first page starts lower, so that the
  line starting with it opens a page (to split a sentence over a page break as a full page does).

``as_text(text)`` is what the same document reads like as plain text (cells joined by a space).
"""
from __future__ import annotations

import io

TOP, BOTTOM, LEFT, COLUMN = 770, 70, 40, 170


def as_text(text: str) -> str:
    return text.replace("\t", " ")


def portal_pdf(text: str, *, header: str | None = None, break_before: str | None = None,
               leading: float = 14, font_size: float = 9) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = text.split("\n")
    per_page = int((TOP - BOTTOM) // leading) + 1
    y = TOP
    if break_before:
        target = next(i for i, line in enumerate(lines) if line.lstrip().startswith(break_before))
        y = TOP - (per_page - target % per_page) % per_page * leading
    pages: list[list[tuple[float, str]]] = [[]]
    for line in lines:
        if pages[-1] and y < BOTTOM:
            pages.append([])
            y = TOP
        pages[-1].append((y, line))
        y -= leading
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for number, page in enumerate(pages, start=1):
        if header:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(LEFT, 812, header)
            pdf.line(LEFT, 806, 555, 806)
        pdf.setFont("Helvetica", 8)
        pdf.drawRightString(555, 25, f"Side {number} av {len(pages)}")
        pdf.setFont("Helvetica", font_size)
        rows = [(y, line.split("\t")) for y, line in page if "\t" in line]
        for y, line in page:
            if "\t" not in line:
                pdf.drawString(LEFT, y, line)
        for column in range(max((len(cells) for _, cells in rows), default=0)):
            for y, cells in rows:
                if column < len(cells):
                    pdf.drawString(LEFT + column * COLUMN, y, cells[column])
        pdf.showPage()
    pdf.save()
    return buf.getvalue()
