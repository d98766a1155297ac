"""The national comparison page and its export (thin views in small steps: the rows, the table, the
summary, the heat map).

The page's form (:class:`dashboards.forms.NationalForm`) reads the period, body kind, county,
population, ``show_all`` and ``sort``; the municipalities are chosen by the municipality list's
FilterSet (:class:`municipalities.filters.MunicipalityFilter`), as in ``GET /api/v1/scorecards/``.
The cards come from the precomputed statistics (:mod:`dashboards.summary_cache`): for every
municipality at once when no county or population is chosen.
"""
from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from municipalities.filters import MunicipalityFilter
from municipalities.models import Body, Municipality
from partssamarbeid.filters import query

from . import cartogram, exports, organisations, presentation, queries, scope, statistics, summary_cache
from .forms import NationalForm
from .metrics import METRICS, Counts, derive, metrics_by_municipality
from .queries import ComparisonRow
from .scope import MIN_SUBSTANTIVE_ITEMS_FOR_RANKING, enough_data

PAGE_SIZE = 50
TEMPLATE = "dashboards/national.html"
#: the municipality list's filters that choose the comparison's rows
CHOICE = MunicipalityFilter.only("county", "population")


# --- the rows ------------------------------------------------------------------------------------------


def _chosen(data: dict) -> tuple[str, str]:
    return data.get("county") or "", data.get("population") or ""


def _all_rows(request, form: NationalForm) -> list[ComparisonRow]:
    """Every municipality and county municipality in the county and population filter, with its
    card (cached until the statistics change: :mod:`dashboards.summary_cache`)."""
    data = form.cleaned_data
    parts = (data["period"], data["body_kind"], *_chosen(data))
    return summary_cache.cached("rows", parts, request.user, lambda: _compute_all_rows(request, form))


def _compute_all_rows(request, form: NationalForm) -> list[ComparisonRow]:
    data = form.cleaned_data
    period, body_kind = data["period"], data["body_kind"]
    county, population = _chosen(data)
    chosen = CHOICE({"county": county, "population": population}, queryset=Municipality.objects.order_by("name", "number"))
    municipalities = list(chosen.qs)
    ids = [m.number for m in municipalities] if (county or population) else None  # None: the precomputed path
    cards = metrics_by_municipality(ids, period, body_kind, request.user)
    empty = Counts()
    return [
        ComparisonRow(m, cards.get(m.number) or derive(m.number, period, body_kind, empty))
        for m in municipalities
    ]


def _shown(rows: list[ComparisonRow], form: NationalForm) -> list[ComparisonRow]:
    """The rows the table shows, in order: those with data unless all were asked for; sorted by
    the chosen column, and by the index only among municipalities with enough data to rank."""
    data = form.cleaned_data
    if not data.get("show_all"):
        rows = [row for row in rows if row.card.has_data]
    sort = data.get("sort") or "name"
    rows = queries.sort_rows(rows, sort)
    if sort.lstrip("-") == "index":
        rows = [r for r in rows if enough_data(r.card)] + [r for r in rows if not enough_data(r.card)]
    return rows


# --- the page --------------------------------------------------------------------------------------------


def _sort_headers(sort: str) -> list[dict]:
    """The column headings: the ``sort`` each links to (``{% querystring %}`` keeps the rest)."""
    current = sort.lstrip("-") if sort else "name"
    descending = sort.startswith("-")
    labels = [("name", _("Municipality")), ("county", _("County")), ("population", _("Population"))]
    labels += [(m.key, str(m.label)) for m in METRICS]
    labels += [("data_last_imported", _("Data last imported"))]
    headers = []
    for key, label in labels:
        active = key == current
        next_sort = key if not active or descending else f"-{key}"
        if not active and key not in ("name", "county"):
            next_sort = f"-{key}"  # counts and shares read best largest first
        aria_sort = ("descending" if descending else "ascending") if active else "none"
        headers.append({"key": key, "label": label, "sort": next_sort, "aria_sort": aria_sort})
    return headers


def _table(form: NationalForm, shown: list[ComparisonRow], page_number) -> dict:
    """The table of municipalities (a page of it) and that of county municipalities."""
    params = form.params()
    rows = presentation.NationalRows(params)

    def table_row(row):
        return rows.row(row.municipality, row.card, enough_data(row.card))

    municipal = [row for row in shown if not row.municipality.is_county]
    counties = [row for row in shown if row.municipality.is_county]
    page = Paginator(municipal, PAGE_SIZE).get_page(page_number)
    return {  # the rows are built only when their HTML is rendered (not when it is cached)
        "page": page,
        "table": SimpleLazyObject(lambda: [table_row(row) for row in page]),
        "county_table": SimpleLazyObject(lambda: [table_row(row) for row in counties]),
        "has_county_rows": bool(counties),
        "shown_count": len(municipal),
        "figure_columns": len(METRICS) + 1,
        "scorecard_query": query({key: params[key] for key in ("from", "to", "body_kind")}).urlencode(),
    }


def _rows_html(request, form: NationalForm, sort: str, table: dict) -> dict:
    """Both tables' rows as HTML (the partial ``table-rows``), rendered once per statistics version,
    reader scope, language, filters, sort and page (:mod:`dashboards.summary_cache`): a page of
    rows is about 1,100 figure cells, the largest part of the page's time."""
    parts = (sorted(form.params().items()), sort, table["page"].number, get_language())

    def rendered(rows):
        return lambda: render_to_string(f"{TEMPLATE}#table-rows", {**table, "rows": rows})

    return {
        "table_html": summary_cache.cached("national-rows", parts, request.user, rendered(table["table"])),
        "county_table_html": summary_cache.cached(
            "national-county-rows", parts, request.user, rendered(table["county_table"])
        ),
    }


def _summary(request, form: NationalForm, everything: list[ComparisonRow], ids) -> dict:
    """Who reports data and since when, the tile map and the distribution of the index."""
    data = form.cleaned_data
    period, body_kind = data["period"], data["body_kind"]
    municipalities = [row for row in everything if not row.municipality.is_county]
    with_data = [row for row in municipalities if row.card.has_data]
    ranked_rows = [row for row in with_data if enough_data(row.card)]
    bin_rows, distribution = presentation.index_distribution(ranked_rows)
    county_names = {number: str(name) for number, name in form.fields["county"].choices if number}
    return {
        "municipality_count": len(municipalities),
        "with_data_count": len(with_data),
        "ranked_count": len(ranked_rows),
        "minimum_items": MIN_SUBSTANTIVE_ITEMS_FOR_RANKING,
        "since": summary_cache.cached_for_everyone(
            "since", (body_kind, ids), lambda: scope.first_published_meeting(body_kind, ids)
        ),
        "tiles": cartogram.county_tiles(everything, county_names),
        "organisations": summary_cache.cached_for_everyone(
            "organisations", (period, body_kind, ids),
            lambda: organisations.active(statistics.EVERYONE, period, body_kind, ids),
        ),
        "distribution": distribution,
        "bin_rows": bin_rows,
    }


def _heatmap(request, form: NationalForm, page, ids) -> dict:
    """Climate topics on the agenda of the municipalities of this page of the table."""
    period, body_kind = form.cleaned_data["period"], form.cleaned_data["body_kind"]
    topics = summary_cache.cached(
        "topics", (ids, period, body_kind), request.user,
        lambda: queries.topic_heatmap(request.user, period, body_kind, ids),
    )
    labels = [label for _code, label in presentation.TOPIC_COLUMNS]

    def rendered() -> tuple[list[dict], str, str]:
        heat_rows, heatmap = presentation.topic_heat(page.object_list, topics)
        return heat_rows, heatmap, render_to_string(f"{TEMPLATE}#heat-rows", {"heat_rows": heat_rows})

    # the chart and its table for the page's municipalities, made once per page like the rows
    parts = (sorted(form.params().items()), [m.municipality.number for m in page.object_list], get_language())
    heat_rows, heatmap, heat_rows_html = summary_cache.cached("national-heat", parts, request.user, rendered)
    return {"heatmap": heatmap, "heat_rows": heat_rows, "heat_rows_html": heat_rows_html, "topics": labels}


def _links(form: NationalForm, sort: str) -> dict:
    """The parameters the page's links keep (``{% querystring %}`` in the template) and the exports."""
    params = form.params()
    page_query = query({**params, "sort": sort})
    return {
        "params": params,
        "params_query": query({key: params[key] for key in ("from", "to", "body_kind")}),
        "page_query": page_query,
        "scope_query": query(params),
        "tile_query": query({k: v for k, v in params.items() if k != "county"}),
        "export_csv": f"{reverse('dashboards:national_export', args=['csv'])}?{page_query.urlencode()}",
        "export_xlsx": f"{reverse('dashboards:national_export', args=['xlsx'])}?{page_query.urlencode()}",
    }


def national(request):
    with summary_cache.pinned():
        form = NationalForm.with_data_default(request.GET)
        if not form.is_valid():
            return render(request, TEMPLATE, {"form": form}, status=400)
        return render(request, TEMPLATE, _context(request, form))


def _context(request, form: NationalForm) -> dict:
    data = form.cleaned_data
    sort = data.get("sort") or "name"
    everything = _all_rows(request, form)
    ids = [row.municipality.number for row in everything] if any(_chosen(data)) else None
    table = _table(form, _shown(everything, form), request.GET.get("page"))
    return {
        "form": form,
        "sort": sort,
        "headers": _sort_headers(sort),
        **table,
        **_rows_html(request, form, sort, table),
        **_summary(request, form, everything, ids),
        **_heatmap(request, form, table["page"], ids),
        **_links(form, sort),
        "default_from_data": form.default_from_data,
        "body_kind_label": Body.Kind(data["body_kind"]).label,
        "period": data["period"],
    }


def national_export(request, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404
    form = NationalForm.with_data_default(request.GET)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain; charset=utf-8")
    period = form.cleaned_data["period"]
    rows = _shown(_all_rows(request, form), form)
    filename = f"partssamarbeid-comparison-{form.cleaned_data['body_kind']}-{period.start}-{period.end}"
    return exports.response(fmt, filename, exports.COMPARISON, exports.comparison_rows(rows))
