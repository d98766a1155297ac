"""Search filters and the counts per filter value (the facets).

Each filter is a condition on a column of the search index, in ORM form (:func:`filter_q`, for
the result list) and in SQL form (for the counts). :func:`rows_with_counts` reads, in one
statement, the counts per filter value with every *other* filter applied (so each list shows
what choosing another value would give), the total and one page of results;
:func:`facet_values` labels the counts.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from measures.models import Topic
from meetings.models import AgendaItem
from municipalities.models import Body, Municipality

from .models import SearchDocument

FACETS = ("type", "municipality", "county", "body_kind", "year", "climate_level", "topic")

#: Each filter as a condition on a column: the ORM form (for the result list) and the SQL form (for
#: the counts, computed over the matching documents in one statement). ``%s`` takes the value.
_FILTER_COLUMNS = {
    "type": ("kind", "exact"),
    "municipality": ("municipality_id", "exact"),
    "county": ("county_number", "exact"),
    "body_kind": ("body_kind", "exact"),
    "climate_level": ("climate_level", "exact"),
    "topic": ("topics", "contains"),
    "year_from": ("year", "gte"),
    "year_to": ("year", "lte"),
}
_SQL_OPERATORS = {"exact": "{} = %s", "contains": "{} LIKE %s", "gte": "{} >= %s", "lte": "{} <= %s"}
FILTERS = tuple(_FILTER_COLUMNS)


def _value(lookup: str, value):
    return f"% {value} %" if lookup == "contains" else value


def _active(filters: dict, skip: str | None) -> list[str]:
    skipped = {"year_from", "year_to"} if skip == "year" else {skip}
    return [name for name in FILTERS if name not in skipped and filters.get(name) not in (None, "")]


def filter_q(filters: dict, skip: str | None = None) -> Q:
    """The active filters as one condition (empty: no filter)."""
    condition = Q()
    for name in _active(filters, skip):
        column, lookup = _FILTER_COLUMNS[name]
        value = f" {filters[name]} " if lookup == "contains" else filters[name]
        condition &= Q(**{f"{column}__{lookup}": value})
    return condition


def filtered(qs: QuerySet, filters: dict, skip: str | None = None) -> QuerySet:
    return qs.filter(filter_q(filters, skip))


def _where_sql(filters: dict, skip: str | None, extra: list[tuple[str, object]] = ()) -> tuple[str, list]:
    conditions, params = [], []
    for name in _active(filters, skip):
        column, lookup = _FILTER_COLUMNS[name]
        conditions.append(_SQL_OPERATORS[lookup].format(column))
        params.append(_value(lookup, filters[name]))
    for condition, param in extra:
        conditions.append(condition)
        params.append(param)
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


def _labels() -> dict[str, dict[str, str]]:
    return {
        "type": dict(SearchDocument.Kind.choices),
        "body_kind": dict(Body.Kind.choices),
        "climate_level": dict(AgendaItem.ClimateLevel.choices),
        "topic": dict(Topic.Code.choices),
    }


_FACET_COLUMNS = {
    "type": "kind", "municipality": "municipality_id", "county": "county_number", "body_kind": "body_kind",
    "year": "year", "climate_level": "climate_level",
}
TOTAL = "__total"


#: The order of the results, as SQL over the matching documents (``m``); :func:`search.services.results`
#: says the same with the ORM for the export and the feeds.
_ORDER_SQL = {
    "relevance": "rank DESC, date DESC NULLS LAST, id",
    "date": "date DESC NULLS LAST, rank DESC, id",
}
HIT = "__hit"


def rows_with_counts(base: QuerySet, filters: dict, sort: str, offset: int, limit: int) -> list[tuple]:
    """One statement: (facet, value, count, None) for every filter value, (``__total``, None, n,
    None), and (``__hit``, id, position, rank) for the page of results.

    The matching documents are read once, with their rank (a materialised common table
    expression, on both databases); each list is then counted over them with every other filter
    applied, and the page is cut from them in order.
    """
    columns = ["id", *_FACET_COLUMNS.values(), "topics", "date", "rank"]
    base_sql, base_params = base.order_by().values(*columns).query.sql_with_params()
    selects, params = [], list(base_params)
    for facet, column in _FACET_COLUMNS.items():
        where, where_params = _where_sql(filters, facet)
        selects.append(f"SELECT %s, CAST({column} AS TEXT), COUNT(*), CAST(NULL AS REAL) FROM m{where} GROUP BY {column}")
        params += [facet, *where_params]
    for code in Topic.Code.values:
        where, where_params = _where_sql(filters, "topic", [("topics LIKE %s", f"% {code} %")])
        selects.append(f"SELECT %s, %s, COUNT(*), CAST(NULL AS REAL) FROM m{where}")
        params += ["topic", code, *where_params]
    where, where_params = _where_sql(filters, None)
    selects.append(f"SELECT %s, NULL, COUNT(*), CAST(NULL AS REAL) FROM m{where}")
    params += [TOTAL, *where_params]
    selects.append(
        f"SELECT %s, CAST(id AS TEXT), pos, CAST(rank AS REAL) FROM (SELECT id, rank, ROW_NUMBER() OVER "
        f"(ORDER BY {_ORDER_SQL[sort]}) AS pos FROM m{where}) page WHERE pos > %s AND pos <= %s"
    )
    params += [HIT, *where_params, offset, offset + limit]
    sql = f"WITH m AS MATERIALIZED ({base_sql}) " + " UNION ALL ".join(selects)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def facet_values(rows: list[tuple], filters: dict) -> dict[str, list[FacetValue]]:
    """The counts per filter value from :func:`rows_with_counts`, labelled (one query for the place names)."""
    found = _found(rows)
    names = _place_names(found)
    labels = _labels()
    result: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        facet_labels = labels.get(facet, {})
        values = [
            FacetValue(value, _label(facet, value, facet_labels, names), n, is_selected(facet, value, filters))
            for value, n in found[facet]
        ]
        result[facet] = sort_values(facet, values, facet_labels)
    return result


def _found(rows: list[tuple]) -> dict[str, list[tuple[str, int]]]:
    """(value, count) per facet from the rows, leaving out empty values and zero counts."""
    found: dict[str, list[tuple[str, int]]] = {facet: [] for facet in FACETS}
    for facet, value, n, _rank in rows:
        if facet in found and value not in (None, "") and n:
            found[facet].append((str(value), n))
    return found


def _place_names(found: dict[str, list[tuple[str, int]]]) -> dict[tuple[str, str], str]:
    """The names of the municipalities and counties found: ``("municipality" | "county", number)``."""
    numbers = [v for v, _n in found["municipality"]]
    counties = [v for v, _n in found["county"]]
    names: dict[tuple[str, str], str] = {}
    if numbers or counties:
        for number, county, kind, name in Municipality.objects.filter(
            Q(number__in=numbers) | Q(kind=Municipality.Kind.COUNTY, county_number__in=counties)
        ).values_list("number", "county_number", "kind", "name"):
            names[("county", county) if kind == Municipality.Kind.COUNTY else ("municipality", number)] = name
    return names


def _label(facet: str, value: str, facet_labels: dict[str, str], names: dict[tuple[str, str], str]) -> str:
    """A coded value's label, else a place's name, else the value itself."""
    return str(facet_labels.get(value) or names.get((facet, value)) or value)


def is_selected(facet: str, value: str, filters: dict) -> bool:
    """Whether ``value`` is the facet's chosen filter; a year only when the period is that one year."""
    if facet == "year":
        return str(filters.get("year_from") or "") == str(filters.get("year_to") or "") == value
    return str(filters.get(facet) or "") == value


def sort_values(facet: str, values: list[FacetValue], facet_labels: dict[str, str]) -> list[FacetValue]:
    """A facet's values in order: years newest first, places by count (then name), coded values
    in the order of their choices (unknown codes last)."""
    if facet == "year":
        return sorted(values, key=lambda v: v.value, reverse=True)
    if facet in ("municipality", "county"):
        return sorted(values, key=lambda v: (-v.count, v.label))
    order = list(facet_labels)
    return sorted(values, key=lambda v: order.index(v.value) if v.value in order else len(order))
