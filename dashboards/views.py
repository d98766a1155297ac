"""Dashboard pages and exports: thin views that parse filters, call metrics/queries and render
(the national comparison is in :mod:`dashboards.comparison`).

Every logged-in role may read every page here (login is required by the middleware). Figures
count published records only (see :mod:`dashboards.scope`); lists of meetings shown next to
them and the calendar feeds use the models' ``visible_to``, like every other page.
"""
from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from measures.services import coverage_for
from measures.topics import topic_rules
from municipalities.access import get_visible_or_404
from municipalities.models import Body, Municipality, Organisation
from partssamarbeid.filters import query

from . import charts, exports, ical, organisations, presentation, queries
from .forms import RecordsForm, ScopeForm
from .metrics import (
    INDEX_WEIGHTS,
    METRICS,
    RECORD_METRICS,
    metrics_by_municipality,
    scorecard_with_trend,
)
from .research import research_periods
from .scope import MIN_SUBSTANTIVE_ITEMS_FOR_RANKING

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
        params_query=query(params),
        latest_meetings=queries.latest_meetings(request.user, municipality),
        bodies=list(Body.objects.visible_to(request.user).filter(municipality=municipality).order_by("name")),
        body_kind_label=Body.Kind(body_kind).label,
        exports=_export_links(params, municipality.number),
        default_from_data=form.default_from_data,
        research=[
            {"study": r.study, "period": r.period, "query": query(r.params()), "current": r.params() == params}
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
        page_query=query(params),
        export_csv=presentation.records_url(metric.key, params, municipality.number if municipality else None, "csv"),
        export_xlsx=presentation.records_url(metric.key, params, municipality.number if municipality else None, "xlsx"),
        scorecard_query=query({k: v for k, v in params.items() if k not in ("metric", "municipality")}),
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
    context = {"organisation": organisation, "municipality": municipality, "form": form, "query": QueryDict()}
    if not form.is_valid():
        return render(request, "dashboards/organisation.html", context, status=400)
    period, body_kind = form.cleaned_data["period"], form.cleaned_data["body_kind"]
    scope_query = query(form.params())
    context.update(
        report=organisations.report(request.user, organisation, period, body_kind, municipality),
        body_kind_label=Body.Kind(body_kind).label,
        query=scope_query,
        national_url=f"{reverse('dashboards:organisation_national', args=[organisation.pk])}?{scope_query.urlencode()}",
        exports=[
            {"format": fmt.upper(),
             "url": f"{reverse('dashboards:organisation_export', args=[organisation.pk, fmt])}?{scope_query.urlencode()}"}
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
