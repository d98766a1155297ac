"""Server-side SVG charts: no JavaScript, no CDN, no inline CSS (the CSP allows none).

Each chart is an ``<svg role="img">`` labelled by its own ``<title>`` and ``<desc>`` (the text
alternative); pages put the same data in an HTML table next to it. Numbers are written on the
bars and cells, so nothing is told by colour alone. Colours are SVG presentation attributes,
which the Content-Security-Policy does not restrict.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
INK = "#212529"
AXIS = "#6c757d"
BAR = "#0b3d60"
#: light to dark; text on the last two is white (contrast at least 4.5:1 either way)
SHADES = ("#f1f3f5", "#d6e6f4", "#9ecae1", "#4a90c2", "#1f5f96", "#0b3d60")


def _number(value: float) -> str:
    """A number in the active language, with one decimal only when it has one."""
    value = round(value, 1)
    return number_format(value, 0 if value == int(value) else 1)


def _open(chart_id: str, width: int, height: int, title: str, desc: str, css: str = "mw-100 h-auto") -> list[str]:
    """The ``<svg>`` with its title and text alternative; ``css=""`` keeps its natural size (for a
    chart too wide to shrink onto a phone and stay readable: the page puts it in a scroll box)."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" class="{css}" role="img" aria-labelledby="{escape(chart_id)}-title '
        f'{escape(chart_id)}-desc" id="{escape(chart_id)}" {FONT} font-size="12">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>',
    ]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: no data
    text: str = ""  # what is written on the bar (defaults to the value)


def bar_chart(chart_id: str, bars: list[Bar], *, title: str, desc: str, max_value: float | None = None,
              no_data: str = "–", width: int | None = None, height: int = 220) -> SafeString:
    """Vertical bars with their values written above them; a bar without data shows ``no_data``."""
    values = [b.value for b in bars if b.value is not None]
    if max_value is not None:
        top = max_value
    else:  # counts: an even whole number, so the gridlines fall on whole numbers
        top = max(2, 2 * math.ceil(max(values, default=0) / 2))
    left, right, head, foot = 36, 8, 20, 28
    slot = 56 if len(bars) <= 12 else 36
    width = width or max(240, left + right + slot * max(len(bars), 1))
    plot_h = height - head - foot
    parts = _open(chart_id, width, height, title, desc)
    # axis and two gridlines with their values
    for fraction in (0, 0.5, 1):
        y = head + plot_h * (1 - fraction)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#dee2e6" />')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="{AXIS}">{_number(top * fraction)}</text>')
    bar_w = slot * 0.6
    for n, bar in enumerate(bars):
        x = left + slot * n + (slot - bar_w) / 2
        cx = x + bar_w / 2
        if bar.value is None:  # upright in the bar's place: a label as wide as the slot would run into the next
            parts.append(
                f'<text transform="translate({cx:.1f},{head + plot_h - 4:.1f}) rotate(-90)" dy="0.35em" '
                f'fill="{AXIS}">{escape(no_data)}</text>'
            )
        else:
            h = plot_h * min(bar.value, top) / top
            y = head + plot_h - h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{BAR}" />')
            parts.append(
                f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="{INK}">'
                f"{escape(bar.text or _number(bar.value))}</text>"
            )
        parts.append(f'<text x="{cx:.1f}" y="{height - 10}" text-anchor="middle" fill="{INK}">{escape(bar.label)}</text>')
    parts.append(f'<line x1="{left}" y1="{head + plot_h}" x2="{width - right}" y2="{head + plot_h}" stroke="{AXIS}" />')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every dynamic value above is escaped


def histogram_bins(values: list[float], *, low: float = 0, high: float = 100, bins: int = 10) -> list[tuple[float, float, int]]:
    """``(from, to, count)`` per bin; the last bin includes ``high``."""
    step = (high - low) / bins
    counts = [0] * bins
    for value in values:
        index = min(int((value - low) // step), bins - 1)
        counts[max(index, 0)] += 1
    return [(low + step * i, low + step * (i + 1), counts[i]) for i in range(bins)]


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shade(value: int, maximum: int) -> tuple[str, str]:
    """Fill and text colour for a heat-map cell (0 is the lightest, ``maximum`` the darkest)."""
    if value <= 0 or maximum <= 0:
        return SHADES[0], INK
    step = 1 + min(len(SHADES) - 2, int((value / maximum) * (len(SHADES) - 1) - 1e-9))
    return SHADES[step], ("#ffffff" if step >= len(SHADES) - 2 else INK)


def heatmap(chart_id: str, rows: list[str], columns: list[str], values: list[list[int]], *, title: str,
            desc: str) -> SafeString:
    """A grid of ``rows`` x ``columns`` with each cell's number written in it."""
    label_w, cell_w, cell_h, head = 170, 54, 22, 150
    width = label_w + cell_w * len(columns) + 150  # room for the last slanted column label
    height = head + cell_h * len(rows) + 6
    maximum = max((v for row in values for v in row), default=0)
    parts = _open(chart_id, width, height, title, desc, css="")  # full size: its page scrolls it sideways
    for c, column in enumerate(columns):
        x = label_w + cell_w * c + cell_w / 2
        parts.append(
            f'<text transform="translate({x:.1f},{head - 6}) rotate(-40)" fill="{INK}">{escape(_short(column))}</text>'
        )
    for r, row in enumerate(rows):
        y = head + cell_h * r
        parts.append(
            f'<text x="{label_w - 6}" y="{y + cell_h / 2 + 4:.1f}" text-anchor="end" fill="{INK}">{escape(row)}</text>'
        )
        for c, value in enumerate(values[r]):
            x = label_w + cell_w * c
            fill, ink = shade(value, maximum)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="{fill}" />'
                f'<text x="{x + (cell_w - 2) / 2:.1f}" y="{y + cell_h / 2 + 3:.1f}" text-anchor="middle" '
                f'fill="{ink}">{value}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every dynamic value above is escaped

