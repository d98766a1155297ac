"""Turning scorecards into what the pages show: formatted figures with links to their records."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from measures.models import Topic

from . import charts, metrics
from .definitions import NO_TOPIC
from .metrics import METRIC_BY_KEY, METRICS, RECORD_METRICS, MetricDef, Scorecard


def no_data() -> str:
    return _("no data")


def format_value(metric: MetricDef, value) -> str:
    """A figure as text in the active language; "no data" for None (never zero)."""
    if value is None:
        return no_data()
    if metric.kind == "share":
        return _("%(percent)s%%") % {"percent": number_format(round(value * 100), 0)}
    if metric.kind == "level":
        return number_format(value, 1 if value != int(value) else 0)
    if metric.kind == "index":
        return number_format(value, 1)
    return number_format(value, 0, force_grouping=True)


def records_url(metric: str, params: dict, municipality: str | None = None, fmt: str | None = None) -> str:
    """The drill-down page of ``metric`` (or its export in ``fmt``) for ``params``' period and body kind."""
    query = {**params, "metric": metric}
    if municipality:
        query["municipality"] = municipality
    path = reverse("dashboards:records_export", args=[fmt]) if fmt else reverse("dashboards:records")
    return f"{path}?{urlencode(query)}"


def methodology_url(anchor: str = "") -> str:
    return reverse("dashboards:methodology") + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Figure:
    metric: MetricDef
    value: object
    text: str
    detail: str  # numerator and denominator of a share, "" otherwise
    url: str

    @property
    def key(self) -> str:
        return self.metric.key

    @property
    def has_data(self) -> bool:
        return self.value is not None


def _detail(metric: MetricDef, card: Scorecard) -> str:
    if metric.is_share and card.value(metric.key) is not None:
        return _("%(numerator)s of %(denominator)s") % {
            "numerator": number_format(getattr(card.counts, metric.numerator), 0, force_grouping=True),
            "denominator": number_format(getattr(card.counts, metric.denominator), 0, force_grouping=True),
        }
    return ""


def figure(key: str, card: Scorecard, params: dict) -> Figure:
    metric = METRIC_BY_KEY.get(key) or RECORD_METRICS[key]
    value = card.value(key)
    url = records_url(key, params, card.municipality) if metric.records else methodology_url("index")
    return Figure(metric, value, format_value(metric, value), _detail(metric, card), url)


def figures(card: Scorecard, params: dict, *, include_index: bool = False) -> list[Figure]:
    return [figure(m.key, card, params) for m in METRICS if include_index or m.kind != "index"]


def component_base(card: Scorecard, key: str) -> str:
    """The numbers a component's score is computed from ("14 of 38")."""
    numerator, denominator = metrics.component_base(card, key)
    if numerator is None or not denominator:
        return no_data()
    return _("%(numerator)s of %(denominator)s") % {
        "numerator": number_format(numerator, 0, force_grouping=True),
        "denominator": number_format(denominator, 0, force_grouping=True),
    }


def component_rows(card: Scorecard) -> list[dict]:
    rows = []
    for c in card.components:
        rows.append(
            {
                "key": c.key,
                "label": c.label,
                "weight": c.weight,
                "value": no_data() if c.value is None else _("%(percent)s%%") % {"percent": number_format(round(c.value * 100), 0)},
                "points": no_data() if c.points is None else number_format(c.points, 1),
                "base": component_base(card, c.key),
                "url": methodology_url(f"index-{c.key}"),
            }
        )
    return rows


# --- the national page's charts ------------------------------------------------------------------


def index_distribution(rows) -> tuple[list[dict], str]:
    """Bands of ten index points with their municipalities, and the histogram of the same data."""
    indexed = [(row.municipality.name, row.card.index) for row in rows if row.card.index is not None]
    bin_rows = []
    for low, high, count in charts.histogram_bins([value for _name, value in indexed]):
        last = high >= 100
        names = [name for name, value in indexed if low <= value < high or (last and value == high)]
        bin_rows.append({"label": f"{low:.0f}–{high:.0f}", "count": count, "names": names})
    chart = charts.bar_chart(
        "chart-index-distribution",
        [charts.Bar(b["label"], b["count"]) for b in bin_rows],
        title=_("Distribution of the index across municipalities"),
        desc=_(
            "Histogram: the number of municipalities in each band of ten index points, %(count)s municipalities "
            "with an index. The table below gives the same numbers and names."
        ) % {"count": len(indexed)},
        no_data=no_data(),
    )
    return bin_rows, chart


#: the columns of the topic heat map: the topics, then climate items on none of them
TOPIC_COLUMNS = (*Topic.Code.choices, (NO_TOPIC, gettext_lazy("Other climate items")))


def topic_heat(rows, heat: dict[str, dict[str, int]]) -> tuple[list[dict], str]:
    """Rows of the topic heat map (municipalities with any climate item, in table order) and its SVG."""
    codes = [code for code, _label in TOPIC_COLUMNS]
    heat_rows = [
        {
            "municipality": row.municipality,
            "values": [int(heat[row.municipality.number].get(code, 0)) for code in codes],
        }
        for row in rows
        if row.municipality.number in heat
    ]
    if not heat_rows:
        return [], ""
    chart = charts.heatmap(
        "chart-topic-heatmap",
        [r["municipality"].name for r in heat_rows],
        [str(label) for _code, label in TOPIC_COLUMNS],
        [r["values"] for r in heat_rows],
        title=_("Climate topics on the agenda across municipalities"),
        desc=_(
            "Heat map: for each municipality (rows) and topic (columns), the number of climate agenda items on the "
            "topic (by the classifier's evidence or a linked climate measure). Each cell shows its number; the "
            "table below gives the same numbers."
        ),
    )
    return heat_rows, chart


# --- the national table: the data of its rows, rendered by the partials in national.html -----------


class NationalRows:
    """The rows of the national table as plain data for the partials ``national-row`` and
    ``figure-cell`` in ``dashboards/national.html`` (which hold all the markup): every figure
    linked to its records, the index to its definition with its parts folded under it. The
    column labels and the records link are built once per page, and formatted figures are
    remembered per language (a page has up to 50 + 15 rows x 17 figures)."""

    def __init__(self, params: dict):
        query = urlencode(params)
        self.base = f"{reverse('dashboards:records')}?{query}{'&' if query else ''}metric="
        self.index_url = methodology_url("index")
        self.columns = [
            (
                m,
                m.key,
                _("how the index is computed")
                if m.kind == "index"
                else _("records behind “%(label)s”") % {"label": m.label},
            )
            for m in METRICS
        ]
        self._texts = NationalRows._texts_by_language.setdefault(get_language(), {})

    #: formatted figures per language, shared by every page: most figures repeat (counts, whole
    #: percentages), and the formatting depends only on the language and the value
    _texts_by_language: dict[str, dict] = {}

    def text(self, metric: MetricDef, value) -> str:
        """:func:`format_value`, remembered."""
        key = (metric.kind, round(value * 100) if metric.kind == "share" else value)
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) > 20_000:
                self._texts.clear()
            text = self._texts[key] = format_value(metric, value)
        return text

    def row(self, municipality, card: Scorecard, ranked: bool) -> dict:
        """One row: the municipality, its population as shown, whether it is ranked, and its
        figure cells (:meth:`cells`) when it has data."""
        return {
            "municipality": municipality,
            "card": card,
            "ranked": ranked,
            "population": (
                number_format(municipality.population, 0, force_grouping=True)
                if municipality.population is not None else None
            ),
            "cells": self.cells(card, ranked) if card.has_data else [],
        }

    @staticmethod
    def index_parts(card: Scorecard) -> list[str]:
        """The index's parts, one line each: score, weight and base (the index is never shown
        without its components)."""
        return [
            _("%(label)s: %(score)s, weight %(weight)s, %(base)s") % {
                "label": row["label"], "score": row["value"], "weight": row["weight"], "base": row["base"],
            }
            for row in component_rows(card)
        ]

    def cells(self, card: Scorecard, ranked: bool = True) -> list[dict]:
        """The figure cells of one row: a figure with its ``url`` and hidden ``label``, the index
        with its ``parts``, or none (``unranked``: an unranked row shows no index; else no data)."""
        municipality = f"&municipality={quote_plus(card.municipality)}" if card.municipality else ""
        cells = []
        for metric, key, label in self.columns:
            if key == "index" and not ranked:
                cells.append(_UNRANKED_CELL)
                continue
            value = card.value(key)
            if value is None:
                cells.append(_NO_DATA_CELL)
            elif key == "index":
                cells.append({"text": self.text(metric, value), "url": None, "parts": self.index_parts(card)})
            else:
                url = f"{self.base}{key}{municipality}" if metric.records else self.index_url
                cells.append({"text": self.text(metric, value), "url": url, "label": label})
        return cells


#: every key the partial asks for is present (a missing one costs the template an exception)
_NO_DATA_CELL = {"url": None, "parts": None, "unranked": False}
_UNRANKED_CELL = {"url": None, "parts": None, "unranked": True}
