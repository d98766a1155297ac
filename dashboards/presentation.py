"""Turning scorecards into what the pages show: formatted figures with links to their records."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
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
            "values": (values := [heat[row.municipality.number].get(code, 0) for code in codes]),
            "cells": mark_safe("".join(f"<td>{int(value)}</td>" for value in values)),  # noqa: S308 - integers
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


# --- the national table: many rows of figures, rendered in Python ----------------------------------


class FigureCells:
    """The figure cells of the national table's rows, as ``dashboards/_figure_link.html`` renders
    them (every figure linked to its records, the index to its definition, a hidden label for
    screen readers), built with precomputed pieces: 357 rows x 17 figures are 6 000 cells."""

    def __init__(self, params: dict):
        query = urlencode(params)
        self.base = escape(f"{reverse('dashboards:records')}?{query}{'&' if query else ''}metric=")
        self.index_url = escape(methodology_url("index"))
        self.no_data = escape(no_data())
        self.too_little = escape(_("too little data"))
        self.columns = [
            (
                m,
                m.key,
                escape(
                    _("how the index is computed")
                    if m.kind == "index"
                    else _("records behind “%(label)s”") % {"label": m.label}
                ),
            )
            for m in METRICS
        ]
        self._texts = FigureCells._texts_by_language.setdefault(get_language(), {})

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
            text = self._texts[key] = escape(format_value(metric, value))
        return text

    def row(self, municipality, card: Scorecard, ranked: bool, scorecard_url: str) -> str:
        """One whole row of the national table (as ``_national_row.html`` rendered it, without a
        template per row): name, county, population, data sufficiency, figures, last import."""
        if not hasattr(self, "_words"):
            self._words = {
                key: escape(text) for key, text in (
                    ("not_recorded", _("not recorded")), ("no_data", _("no data")), ("enough", _("enough")),
                    ("never", _("never")),
                )
            }
        words = self._words
        muted = '<span class="text-body-secondary">{}</span>'
        population = (
            escape(number_format(municipality.population, 0, force_grouping=True))
            if municipality.population is not None else muted.format(words["not_recorded"])
        )
        if not card.has_data:
            sufficiency = muted.format(words["no_data"])
        else:
            sufficiency = words["enough"] if ranked else muted.format(self.too_little)
        head = (
            f'<tr><th scope="row"><a href="{escape(scorecard_url)}">{escape(municipality.name)}</a> '
            f'<span class="text-body-secondary">{escape(municipality.number)}</span></th>'
            f"<td>{escape(municipality.county_name or '')}</td><td>{population}</td>"
            f'<td class="text-nowrap">{sufficiency}</td>'
        )
        if card.has_data:
            imported = card.data_last_imported
            when = localtime(imported).strftime("%d.%m.%Y") if imported else words["never"]
            tail = f"{self(card, ranked)}<td>{when}</td>"
        else:
            tail = f'<td colspan="{len(self.columns) + 1}" class="text-body-secondary">{words["no_data"]}</td>'
        return mark_safe(f"{head}{tail}</tr>")  # noqa: S308 - every piece is escaped

    def index_cell(self, card: Scorecard, text: str) -> str:
        """The index with its parts folded under it: each part's score, weight and base, and a
        link to the definition (the index is never shown without its components)."""
        if not hasattr(self, "_index_words"):
            self._index_words = (escape(_("the index's components")), escape(_("How the index is computed")))
        parts_label, how = self._index_words
        parts = "".join(
            "<li>{}</li>".format(escape(_("%(label)s: %(score)s, weight %(weight)s, %(base)s") % {
                "label": row["label"], "score": row["value"], "weight": row["weight"], "base": row["base"],
            }))
            for row in component_rows(card)
        )
        return (
            f'<td><details class="index-parts"><summary>{text}<span class="visually-hidden"> – {parts_label}'
            f'</span></summary><ul class="list-unstyled mb-1">{parts}</ul><a href="{self.index_url}">{how}</a>'
            f"</details></td>"
        )

    def __call__(self, card: Scorecard, ranked: bool = True):
        """The cells of one row; an unranked row (too little data) shows no index."""
        municipality = f"&amp;municipality={quote_plus(card.municipality)}" if card.municipality else ""
        cells = []
        for metric, key, label in self.columns:
            if key == "index" and not ranked:
                cells.append(f'<td><span class="text-body-secondary">{self.too_little}</span></td>')
                continue
            value = card.value(key)
            if value is None:
                cells.append(f'<td><span class="text-body-secondary">{self.no_data}</span></td>')
                continue
            if key == "index":
                cells.append(self.index_cell(card, self.text(metric, value)))
                continue
            url = f"{self.base}{key}{municipality}" if metric.records else self.index_url
            cells.append(f'<td><a href="{url}">{self.text(metric, value)}<span class="visually-hidden"> – {label}</span></a></td>')
        return mark_safe("".join(cells))  # noqa: S308 - every piece is escaped above
