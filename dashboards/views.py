"""Dashboard pages and exports: thin views that parse filters, call metrics/queries and render.

Every logged-in role may read every page here (login is required by the middleware). Figures
count published records only (see :mod:`dashboards.scope`); lists of meetings shown next to
them and the calendar feeds use the models' ``visible_to``, like every other page.
"""
from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from measures.services import coverage_for
from measures.topics import topic_rules
from municipalities.access import get_visible_or_404
from municipalities.models import Body, Municipality, Organisation

from . import cartogram, charts, exports, ical, organisations, presentation, queries, scope, statistics, summary_cache
from .forms import NationalForm, RecordsForm, ScopeForm
from .metrics import (
    INDEX_WEIGHTS,
    METRICS,
    RECORD_METRICS,
    Counts,
    derive,
    metrics_by_municipality,
    scorecard_with_trend,
)
from .queries import ComparisonRow
from .research import research_periods
from .scope import MIN_SUBSTANTIVE_ITEMS_FOR_RANKING, enough_data

# --- the municipality scorecard --------------------------------------------------------------------

def scorecard(request, number: str):
    municipality = get_object_or_404(Municipality, number=number)
    form = ScopeForm.with_data_default(request.GET, [municipality.number])
    context = {"municipality": municipality, "form": form}
    if not form.is_valid():
        return render(request, "dashboards/scorecard.html", context, status=400)
    period, body_kind = form.cleaned_data["period"], form.cleaned_data["body_kind"]
    params = form.params()
    card, trend = scorecard_with_trend(municipality, period, body_kind, request.user)
    years = list(trend)
    trend_rows = [
        {
            "metric": metric,
            "cells": [
                presentation.figure(metric.key, trend[year], {**trend[year].period.as_params(), "body_kind": body_kind})
                for year in years
            ],
        }
        for metric in METRICS
    ]
    no_data = presentation.no_data()
    index_title = _("Index per year, %(name)s") % {"name": municipality.name}
    climate_title = _("Agenda items mentioning climate per year, %(name)s") % {"name": municipality.name}
    index_chart = {"title": index_title, "svg": charts.bar_chart(
        "chart-index-trend",
        [charts.Bar(str(year), trend[year].index) for year in years],
        title=index_title,
        desc=_("Bar chart of the index (0–100) per year; the table below gives the same values with their components."),
        max_value=100,
        no_data=no_data,
    )}
    climate_chart = {"title": climate_title, "svg": charts.bar_chart(
        "chart-climate-trend",
        [charts.Bar(str(year), trend[year].climate_mentions) for year in years],
        title=climate_title,
        desc=_("Bar chart of the number of agenda items mentioning climate per year; the table below gives the same values."),
        no_data=no_data,
    )}
    context.update(
        card=card,
        params=params,
        figures=presentation.figures(card, params),
        index=presentation.figure("index", card, params),
        components=presentation.component_rows(card),
        years=years,
        trend_rows=trend_rows,
        index_chart=index_chart,
        climate_chart=climate_chart,
        coverage=coverage_for(request.user, municipality),
        organisations=organisations.active(request.user, period, body_kind, [municipality.number]),
        params_query=urlencode(params),
        latest_meetings=queries.latest_meetings(request.user, municipality),
        bodies=list(Body.objects.visible_to(request.user).filter(municipality=municipality).order_by("name")),
        body_kind_label=Body.Kind(body_kind).label,
        exports=_export_links(params, municipality.number),
        default_from_data=form.default_from_data,
        research=[
            {"study": r.study, "period": r.period, "url": f"?{urlencode(r.params())}",
             "current": r.params() == params}
            for r in research_periods(municipality.number)
        ],
    )
    return render(request, "dashboards/scorecard.html", context)


def _export_links(params: dict, municipality: str | None) -> list[dict]:
    links = []
    for metric, label in (("agenda_items", _("Agenda items")), ("measures", _("Climate measures"))):
        for fmt in exports.FORMATS:
            links.append(
                {
                    "label": label,
                    "format": fmt.upper(),
                    "url": presentation.records_url(metric, params, municipality, fmt),
                }
            )
    return links


# --- the national comparison ---------------------------------------------------------------------------

def _all_rows(request, form: NationalForm) -> list[ComparisonRow]:
    """Every municipality and county municipality in the county and population filter, with its
    card (cached until the statistics change: :mod:`dashboards.summary_cache`)."""
    data = form.cleaned_data
    parts = (data["period"], data["body_kind"], data.get("county") or "", data.get("population") or "")
    return summary_cache.cached("rows", parts, request.user, lambda: _compute_all_rows(request, form))


def _compute_all_rows(request, form: NationalForm) -> list[ComparisonRow]:
    data = form.cleaned_data
    period, body_kind = data["period"], data["body_kind"]
    municipalities = queries.municipalities_for(data.get("county") or "", data.get("population") or "")
    filtered = bool(data.get("county") or data.get("population"))
    ids = [m.number for m in municipalities] if filtered else None
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


def _comparison(request, form: NationalForm) -> list[ComparisonRow]:
    return _shown(_all_rows(request, form), form)


def _sort_headers(form: NationalForm, sort: str) -> list[dict]:
    current = sort.lstrip("-") if sort else "name"
    descending = sort.startswith("-")
    base = form.params()
    headers = []
    labels = [("name", _("Municipality")), ("county", _("County")), ("population", _("Population"))]
    labels += [(m.key, str(m.label)) for m in METRICS]
    labels += [("data_last_imported", _("Data last imported"))]
    for key, label in labels:
        active = key == current
        next_sort = key if not active or descending else f"-{key}"
        # counts and shares read best largest first
        if not active and key not in ("name", "county"):
            next_sort = f"-{key}"
        query = urlencode({**base, "sort": next_sort})
        headers.append(
            {
                "key": key,
                "label": label,
                "url": f"?{query}",
                "aria_sort": ("descending" if descending else "ascending") if active else "none",
            }
        )
    return headers


NATIONAL_PAGE_SIZE = 50


def national(request):
    with summary_cache.pinned():
        return _national(request)


def _national(request):
    form = NationalForm.with_data_default(request.GET)
    context = {"form": form}
    if not form.is_valid():
        return render(request, "dashboards/national.html", context, status=400)
    data = form.cleaned_data
    period, body_kind = data["period"], data["body_kind"]
    params = form.params()
    sort = data.get("sort") or "name"
    everything = _all_rows(request, form)
    shown = _shown(everything, form)
    municipal = [row for row in shown if not row.municipality.is_county]
    county_rows = [row for row in shown if row.municipality.is_county]
    page = Paginator(municipal, NATIONAL_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = presentation.NationalRows(params)
    params_query = urlencode({key: params[key] for key in ("from", "to", "body_kind")})

    def table_row(row):
        return rows.row(row.municipality, row.card, enough_data(row.card))

    municipalities = [row for row in everything if not row.municipality.is_county]
    with_data = [row for row in municipalities if row.card.has_data]
    ranked_rows = [row for row in with_data if enough_data(row.card)]
    bin_rows, distribution = presentation.index_distribution(ranked_rows)
    ids = [row.municipality.number for row in everything] if (data.get("county") or data.get("population")) else None
    heat_rows, heatmap = presentation.topic_heat(page.object_list, summary_cache.cached(
        "topics", (ids, period, body_kind), request.user, lambda: queries.topic_heatmap(request.user, period, body_kind, ids)
    ))
    county_names = {number: str(name) for number, name in form.fields["county"].choices if number}
    base_query = {k: v for k, v in params.items() if k != "county"}
    tiles = cartogram.county_tiles(
        everything, county_names, lambda number: f"?{urlencode({**base_query, 'county': number, 'sort': sort})}"
    )
    page_query = urlencode({**params, "sort": sort})
    context.update(
        params=params,
        params_query=params_query,
        page_query=page_query,
        sort=sort,
        headers=_sort_headers(form, sort),
        table=[table_row(row) for row in page],
        page=page,
        county_table=[table_row(row) for row in county_rows],
        figure_columns=len(METRICS) + 1,
        shown_count=len(municipal),
        municipality_count=len(municipalities),
        with_data_count=len(with_data),
        ranked_count=len(ranked_rows),
        minimum_items=MIN_SUBSTANTIVE_ITEMS_FOR_RANKING,
        since=summary_cache.cached_for_everyone(
            "since", (body_kind, ids), lambda: scope.first_published_meeting(body_kind, ids)
        ),
        default_from_data=form.default_from_data,
        tiles=tiles,
        organisations=summary_cache.cached_for_everyone(
            "organisations", (period, body_kind, ids), lambda: organisations.active(statistics.EVERYONE, period, body_kind, ids)
        ),
        distribution=distribution,
        bin_rows=bin_rows,
        heatmap=heatmap,
        heat_rows=heat_rows,
        topics=[label for _code, label in presentation.TOPIC_COLUMNS],
        body_kind_label=Body.Kind(body_kind).label,
        period=period,
        export_csv=f"{reverse('dashboards:national_export', args=['csv'])}?{page_query}",
        export_xlsx=f"{reverse('dashboards:national_export', args=['xlsx'])}?{page_query}",
    )
    return render(request, "dashboards/national.html", context)


def national_export(request, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404
    form = NationalForm.with_data_default(request.GET)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain; charset=utf-8")
    period = form.cleaned_data["period"]
    rows = _comparison(request, form)
    filename = f"partssamarbeid-comparison-{form.cleaned_data['body_kind']}-{period.start}-{period.end}"
    return exports.response(fmt, filename, exports.COMPARISON, exports.comparison_rows(rows))


# --- the records behind a figure ---------------------------------------------------------------------


def _records_scope(request):
    form = RecordsForm(request.GET)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    municipality = data.get("municipality")
    ids = [municipality.number] if municipality else None
    records = queries.records_for(data["metric"], request.user, data["period"], data["body_kind"], ids)
    return form, records


def records(request):
    form, found = _records_scope(request)
    context = {"form": form}
    if found is None:
        return render(request, "dashboards/records.html", context, status=400)
    data = form.cleaned_data
    metric = RECORD_METRICS[data["metric"]]
    municipality = data.get("municipality")
    params = form.params()
    page = Paginator(found.rows, 100).get_page(request.GET.get("page"))
    card = None
    if municipality:
        card = metrics_by_municipality([municipality.number], data["period"], data["body_kind"], request.user)[
            municipality.number
        ]
    context.update(
        metric=metric,
        municipality=municipality,
        period=data["period"],
        body_kind_label=Body.Kind(data["body_kind"]).label,
        records=found,
        page=page,
        figure=presentation.figure(metric.key, card, params) if card else None,
        page_query=urlencode(params),
        export_csv=presentation.records_url(metric.key, params, municipality.number if municipality else None, "csv"),
        export_xlsx=presentation.records_url(metric.key, params, municipality.number if municipality else None, "xlsx"),
        scorecard_url=(
            f"{reverse('dashboards:scorecard', args=[municipality.number])}?"
            f"{urlencode({k: v for k, v in params.items() if k not in ('metric', 'municipality')})}"
            if municipality else ""
        ),
        show_municipality=municipality is None,
    )
    return render(request, "dashboards/records.html", context)


def records_export(request, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404
    form, found = _records_scope(request)
    if found is None:
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain; charset=utf-8")
    data = form.cleaned_data
    municipality = data.get("municipality")
    period = data["period"]
    filename = (
        f"partssamarbeid-{data['metric']}-{municipality.number if municipality else 'all'}-"
        f"{data['body_kind']}-{period.start}-{period.end}"
    )
    url = request.build_absolute_uri
    if found.second_kind:
        rows = exports.initiative_rows(found.rows, found.second_rows, url)
        table = exports.INITIATIVES
    else:
        table, make_rows = exports.RECORD_TABLES[found.kind]
        rows = make_rows(found.rows, url, request.user)
    return exports.response(fmt, filename, table, rows)


# --- union and party pages ---------------------------------------------------------------------------


def organisation(request, number: str, pk: int):
    municipality = get_object_or_404(Municipality, number=number)
    return _organisation(request, get_object_or_404(Organisation, pk=pk), municipality)


def organisation_national(request, pk: int):
    return _organisation(request, get_object_or_404(Organisation, pk=pk), None)


def _organisation(request, organisation, municipality):
    form = ScopeForm.with_data_default(request.GET, [municipality.number] if municipality else None)
    context = {"organisation": organisation, "municipality": municipality, "form": form}
    if not form.is_valid():
        return render(request, "dashboards/organisation.html", context, status=400)
    period, body_kind = form.cleaned_data["period"], form.cleaned_data["body_kind"]
    query = urlencode(form.params())
    context.update(
        report=organisations.report(request.user, organisation, period, body_kind, municipality),
        body_kind_label=Body.Kind(body_kind).label,
        query=query,
        national_url=f"{reverse('dashboards:organisation_national', args=[organisation.pk])}?{query}",
        exports=[
            {"format": fmt.upper(), "url": f"{reverse('dashboards:organisation_export', args=[organisation.pk, fmt])}?{query}"}
            for fmt in exports.FORMATS
        ] if municipality is None else [],
    )
    return render(request, "dashboards/organisation.html", context)


def organisation_export(request, pk: int, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404
    organisation = get_object_or_404(Organisation, pk=pk)
    form = ScopeForm.with_data_default(request.GET)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain; charset=utf-8")
    period, body_kind = form.cleaned_data["period"], form.cleaned_data["body_kind"]
    report = organisations.report(request.user, organisation, period, body_kind)
    filename = f"partssamarbeid-organisation-{organisation.pk}-{body_kind}-{period.start}-{period.end}"
    return exports.response(fmt, filename, exports.ORGANISATION, exports.organisation_rows(report, body_kind))


# --- methodology and calendars -----------------------------------------------------------------------


def methodology(request):
    from . import metrics as m

    return render(
        request,
        "dashboards/methodology.html",
        {
            "metrics": METRICS,
            "extra_metrics": [RECORD_METRICS["employee_requests"], RECORD_METRICS["measures_initiated"]],
            "weights": [
                {"key": key, "label": m.INDEX_COMPONENT_LABELS[key], "weight": weight}
                for key, weight in INDEX_WEIGHTS.items()
            ],
            "climate_full": round(m.CLIMATE_SHARE_FOR_FULL_SCORE * 100),
            "initiatives_full": f"{m.INITIATIVES_PER_MEETING_FOR_FULL_SCORE:g}",
            "minimum_weight": m.MINIMUM_INDEX_WEIGHT,
            "minimum_items": MIN_SUBSTANTIVE_ITEMS_FOR_RANKING,
            "topic_rules": topic_rules(),
        },
    )


def body_calendar(request, pk: int):
    body = get_visible_or_404(Body.objects.select_related("municipality"), request.user, pk=pk)
    name = f"{body.name} ({body.municipality.name})"
    text = ical.calendar(
        name, queries.visible_body_meetings(request.user, body), request.build_absolute_uri, summary=lambda m: name
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="meetings-{body.pk}.ics"'
    return response
