"""The search page and its export: thin views over :mod:`search.services`."""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from dashboards import exports
from partssamarbeid.filters import query

from . import services
from .forms import SearchForm

PER_PAGE = 20
FACET_LIMIT = 12
FACET_HEADINGS = {
    "type": _("Type"), "municipality": _("Municipality"), "county": _("County"), "body_kind": _("Body kind"),
    "year": _("Year"), "climate_level": _("Climate relevance"), "topic": _("Topic"),
}


MAX_PAGE = 10_000  # far past any result set; a larger number would overflow the database's integers


def _page_number(request) -> int:
    try:
        return min(max(1, int(request.GET.get("page", "1"))), MAX_PAGE)
    except ValueError:
        return 1


def _facet_links(params: dict, facets: dict) -> list[dict]:
    """Each filter's values as links that set (or, when chosen, remove) it, keeping the rest."""
    rows = []
    for facet, values in facets.items():
        links = []
        for value in values[:FACET_LIMIT] if facet in ("municipality", "county") else values:
            chosen = dict(params)
            if facet == "year":
                chosen.pop("year_from", None)
                chosen.pop("year_to", None)
                if not value.selected:
                    chosen.update(year_from=value.value, year_to=value.value)
            elif value.selected:
                chosen.pop(facet, None)
            else:
                chosen[facet] = value.value
            links.append({"value": value, "href": "?" + urlencode(chosen)})
        rows.append({"name": facet, "heading": FACET_HEADINGS[facet], "links": links})
    return rows


def search_page(request):
    data = request.GET
    form = SearchForm(data)
    context = {"form": form}
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    params = form.params()
    page = _page_number(request)
    result = services.search(request.user, params, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
    if result.searched and result.total and (page - 1) * PER_PAGE >= result.total:
        raise Http404
    pages = max(1, -(-result.total // PER_PAGE))
    context.update(
        result=result,
        params=params,
        facets=_facet_links(params, result.facets),
        page=page,
        pages=pages,
        search_query=query(params),  # the links keep the search: {% querystring search_query page=... %}
        previous_page=page - 1 if page > 1 else None,
        next_page=page + 1 if page < pages else None,
        export_formats=exports.FORMATS,
    )
    return render(request, "search/search.html", context)


def search_export(request, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404
    form = SearchForm(request.GET)
    if not form.is_valid() or not services.has_criteria(form.params()):
        return render(request, "search/search.html", {"form": form}, status=400)
    rows = services.export_rows(request.user, form.params(), request.build_absolute_uri)
    return exports.response(fmt, "search", services.EXPORT_TABLE, rows)
