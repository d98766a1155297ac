"""A measure's involvement events on a timeline around the decision."""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import (
    Involvement,
)


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # "event" or "decision"
    date: datetime.date
    involvement: Involvement | None = None


def timeline(involvements: Iterable[Involvement], decision_date: datetime.date | None) -> list[TimelineEntry]:
    """Events in date order with the decision placed among them.

    Events on the decision date come before the decision, as :func:`timing_for` counts them.
    """
    entries = [TimelineEntry("event", i.date, i) for i in sorted(involvements, key=attrgetter("date", "pk"))]
    if decision_date is None:
        return entries
    index = next((n for n, e in enumerate(entries) if e.date > decision_date), len(entries))
    entries.insert(index, TimelineEntry("decision", decision_date))
    return entries


# --- the timeline drawn: positions of the events and the decision on a date axis ----------------

#: the ladder's levels from the bottom of the chart to the top
LEVELS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class TimelinePoint:
    x: float
    y: float
    date: datetime.date
    level: int
    before_decision: bool  # on or before the decision date, as :func:`timeline` places it


@dataclass(frozen=True)
class TimelineTick:
    x: float
    label: str
    anchor: str  # SVG text-anchor: "start", "middle" or "end"


@dataclass(frozen=True)
class TimelineGeometry:
    """Where everything of a measure's timeline chart goes, in the chart's own units."""

    width: int
    height: int
    left: int
    right: int  # x of the plot's right edge
    top: int
    bottom: int  # y of the plot's bottom edge (level 0)
    level_y: dict[int, float]
    points: tuple[TimelinePoint, ...]
    steps: tuple[tuple[float, float], ...]  # the highest level reached so far, as a polyline
    decision_x: float | None
    decision_date: datetime.date | None
    ticks: tuple[TimelineTick, ...]


def timeline_geometry(
    entries: list[TimelineEntry], *, width: int = 360, row: int = 24, left: int = 36, right_pad: int = 24,
    top: int = 30, foot: int = 26,
) -> TimelineGeometry | None:
    """The chart of :func:`timeline`'s entries: each event a point at its level on a date axis, a
    step line for the highest level reached so far, and the decision as a vertical line.

    None when there is nothing to draw (no events and no decision). A single date is drawn in
    the middle of a month-wide axis. Year boundaries inside the axis are its ticks; without one,
    the first and last dates are.
    """
    if not entries:
        return None
    dates = [e.date for e in entries]
    start, end = min(dates), max(dates)
    if start == end:
        start, end = start - datetime.timedelta(days=15), end + datetime.timedelta(days=15)
    right = width - right_pad
    span = (end - start).days

    def x_of(day: datetime.date) -> float:
        return round(left + (right - left) * (day - start).days / span, 1)

    bottom = top + row * (len(LEVELS) - 1)
    level_y = {level: float(bottom - row * level) for level in LEVELS}
    points, steps, highest, decided = [], [], None, False
    decision_date = None
    for entry in entries:
        if entry.kind == "decision":
            decided, decision_date = True, entry.date
            continue
        level = entry.involvement.level
        x = x_of(entry.date)
        points.append(TimelinePoint(x, level_y[level], entry.date, level, not decided))
        if highest is None:
            highest = level
            steps.append((x, level_y[level]))
        elif level > highest:
            steps.append((x, level_y[highest]))
            highest = level
            steps.append((x, level_y[level]))
    if steps and steps[-1] != (float(right), level_y[highest]):
        steps.append((float(right), level_y[highest]))
    years = [datetime.date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
    if years:
        every = -(-len(years) // 5)  # at most five labels
        ticks = [TimelineTick(x_of(d), str(d.year), "middle") for d in years[::every]]
    else:
        ticks = [
            TimelineTick(float(left), start.strftime("%m.%Y"), "start"),
            TimelineTick(float(right), end.strftime("%m.%Y"), "end"),
        ]
    return TimelineGeometry(
        width=width, height=bottom + foot, left=left, right=right, top=top, bottom=bottom, level_y=level_y,
        points=tuple(points), steps=tuple(steps),
        decision_x=x_of(decision_date) if decision_date else None, decision_date=decision_date, ticks=tuple(ticks),
    )


# --- the timeline as SVG: no JavaScript, no CDN; colours as SVG attributes, which the CSP allows ---
# (the measures app sits below dashboards, so it draws this chart itself, in dashboards/charts.py's style)

FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
INK = "#212529"
AXIS = "#6c757d"
BAR = "#0b3d60"

DECISION = "#8a1c1c"


def timeline_svg(chart_id: str, geometry: TimelineGeometry, *, title: str, desc: str, decision_label: str,
                   level_axis: str) -> SafeString:
    """A measure's involvement over time (``measures.services.timeline_geometry``): the levels 0-4
    up the side, a step line for the highest level reached so far, each event a dot (a square
    after the decision, so the shape tells it as well as the position) and the decision as a
    dashed vertical line. Sized for a phone: the page lets it grow to at most 1.5 times."""
    g = geometry
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {g.width} {g.height}" class="chart-timeline" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" id="{escape(chart_id)}" '
        f'{FONT} font-size="12">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>',
        f'<text x="2" y="{g.top - 16}" fill="{AXIS}">{escape(level_axis)}</text>',
    ]
    for level, y in g.level_y.items():
        parts.append(f'<line x1="{g.left}" y1="{y}" x2="{g.right}" y2="{y}" stroke="#dee2e6" />')
        parts.append(f'<text x="{g.left - 8}" y="{y + 4}" text-anchor="end" fill="{INK}">{level}</text>')
    parts.append(f'<line x1="{g.left}" y1="{g.bottom}" x2="{g.right}" y2="{g.bottom}" stroke="{AXIS}" />')
    for tick in g.ticks:
        parts.append(f'<line x1="{tick.x}" y1="{g.bottom}" x2="{tick.x}" y2="{g.bottom + 4}" stroke="{AXIS}" />')
        parts.append(
            f'<text x="{tick.x}" y="{g.bottom + 17}" text-anchor="{tick.anchor}" fill="{INK}">{escape(tick.label)}</text>'
        )
    if g.decision_x is not None:
        anchor = "end" if g.decision_x > (g.left + g.right) / 2 else "start"
        parts.append(
            f'<line x1="{g.decision_x}" y1="{g.top - 12}" x2="{g.decision_x}" y2="{g.bottom}" stroke="{DECISION}" '
            f'stroke-width="2" stroke-dasharray="4 3" />'
            f'<text x="{g.decision_x + (-4 if anchor == "end" else 4)}" y="{g.top - 4}" text-anchor="{anchor}" '
            f'fill="{DECISION}">{escape(decision_label)}</text>'
        )
    if g.steps:
        path = " ".join(f"{x},{y}" for x, y in g.steps)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2" />')
    for p in g.points:
        if p.before_decision:
            parts.append(f'<circle cx="{p.x}" cy="{p.y}" r="5" fill="{BAR}" />')
        else:
            parts.append(f'<rect x="{p.x - 5}" y="{p.y - 5}" width="10" height="10" fill="#ffffff" stroke="{BAR}" stroke-width="2" />')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every dynamic value above is escaped or a number


def timeline_description(entries: list[TimelineEntry], timing_label: str) -> str:
    """The chart's text alternative: every event and the decision in date order, and the timing."""
    from django.utils.translation import gettext as _

    from ..models import Level

    lines = []
    for entry in entries:
        day = entry.date.strftime("%d.%m.%Y")
        if entry.kind == "decision":
            lines.append(_("%(date)s: the decision") % {"date": day})
        else:
            lines.append(
                _("%(date)s: %(level)s (%(arena)s)")
                % {"date": day, "level": Level(entry.involvement.level).label,
                   "arena": entry.involvement.get_arena_display()}
            )
    return _("Timeline of the employee side's involvement, level 0 to 4 over time. %(events)s. Timing: %(timing)s.") % {
        "events": "; ".join(lines), "timing": timing_label,
    }


def timeline_figure(entries: list[TimelineEntry], timing_label: str, measure_title: str) -> dict | None:
    """The measure page's timeline chart: ``{"title", "svg"}``, or None with nothing to draw."""
    from django.utils.translation import gettext as _

    geometry = timeline_geometry(entries)
    if geometry is None:
        return None
    title = _("Involvement over time: %(title)s") % {"title": measure_title}
    decision = next((e.date for e in entries if e.kind == "decision"), None)
    return {
        "title": title,
        "svg": timeline_svg(
            "chart-timeline", geometry, title=title, desc=timeline_description(entries, timing_label),
            decision_label=_("Decision %(date)s") % {"date": decision.strftime("%d.%m.%Y")} if decision else "",
            level_axis=_("Level"),
        ),
    }
