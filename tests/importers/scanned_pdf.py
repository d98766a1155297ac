"""Image-only PDFs, as a scanner makes them: text rendered to a picture (Pillow), one per page."""
from __future__ import annotations

import io

DPI = 200
A4_PX = (1654, 2339)  # A4 at 200 dpi
LEFT, TOP, LEADING, FONT_PX, LINES_PER_PAGE = 110, 140, 42, 30, 50


def scanned_pdf(text: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    try:  # Pillow's own default font has no æøå
        font = ImageFont.truetype("DejaVuSans.ttf", FONT_PX)
    except OSError:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", FONT_PX)
    lines = text.split("\n")
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for start in range(0, max(len(lines), 1), LINES_PER_PAGE):
        image = Image.new("L", A4_PX, 255)
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(lines[start:start + LINES_PER_PAGE]):
            draw.text((LEFT, TOP + n * LEADING), line, fill=0, font=font)
        pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return buf.getvalue()
