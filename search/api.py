"""``GET /api/v1/search/``: the search of the search page as JSON (see :mod:`search.services`).

Same parameters as the page; ``limit``/``offset`` paginate (at most :data:`MAX_LIMIT`). Hits carry
their type, municipality, body, meeting date, a snippet (HTML with ``<mark>`` around matches) and
a link; ``facets`` gives the counts per filter value. An invalid parameter is a 400 naming it.
"""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from measures.models import Topic
from meetings.models import AgendaItem
from municipalities.models import Body

from . import services
from .forms import SORT_CHOICES, SearchForm
from .models import SearchDocument

DEFAULT_LIMIT, MAX_LIMIT = 20, 100


class HitSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=SearchDocument.Kind.choices)
    id = serializers.IntegerField(help_text="Id of the agenda item, proposal, request or measure.")
    title = serializers.CharField()
    municipality = serializers.CharField()
    municipality_name = serializers.CharField()
    body = serializers.CharField(allow_null=True)
    body_kind = serializers.CharField(allow_blank=True)
    meeting_id = serializers.IntegerField(allow_null=True)
    date = serializers.DateField(allow_null=True, help_text="Meeting date; for measures the decision or proposal date.")
    climate_level = serializers.CharField(allow_blank=True)
    topics = serializers.ListField(child=serializers.CharField())
    snippet = serializers.CharField(help_text="HTML: the matching text with <mark> around matches.")
    url = serializers.URLField()
    rank = serializers.FloatField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = HitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))


def _hit(hit: services.Hit, absolute) -> dict:
    doc = hit.doc
    return {
        "type": doc.kind, "id": doc.object_id, "title": doc.label, "municipality": doc.municipality_id,
        "municipality_name": doc.municipality.name, "body": doc.body.name if doc.body_id else None,
        "body_kind": doc.body_kind, "meeting_id": doc.meeting_id, "date": doc.date,
        "climate_level": doc.climate_level, "topics": doc.topics.split(), "snippet": str(hit.snippet),
        "url": absolute(doc.path), "rank": round(float(doc.rank or 0), 6),
    }


MAX_OFFSET = 10_000_000  # past any result set; larger numbers would overflow the database's integers


def _int(params, name: str, default: int, maximum: int | None = None) -> int:
    try:
        value = int(params.get(name, default))
    except ValueError as exc:
        raise ValidationError({name: ["Give a whole number."]}) from exc
    if value < 0:
        raise ValidationError({name: ["Give a number of at least 0."]})
    return min(value, maximum) if maximum else value


class SearchView(GenericAPIView):
    """Full-text search over agenda items, proposals, requests and climate measures.

    ``q`` uses web-search syntax: words (all must match; Norwegian inflections, bokmål/nynorsk
    variants and compounds are found), ``"a phrase"``, ``OR``, ``-word``. Only records the caller
    may read are searched (drafts only inside their own municipality).
    """

    serializer_class = SearchResponseSerializer
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description='Query, e.g. parkering tilsette -sykkel, "parkering for tilsette".'),
            OpenApiParameter("type", str, enum=SearchDocument.Kind.values),
            OpenApiParameter("municipality", str, description="Municipality number, e.g. 4628."),
            OpenApiParameter("county", str, description="County number, e.g. 46."),
            OpenApiParameter("body_kind", str, enum=Body.Kind.values),
            OpenApiParameter("year_from", int),
            OpenApiParameter("year_to", int),
            OpenApiParameter("climate_level", str, enum=AgendaItem.ClimateLevel.values),
            OpenApiParameter("topic", str, enum=Topic.Code.values),
            OpenApiParameter("sort", str, enum=[c for c, _l in SORT_CHOICES]),
            OpenApiParameter("limit", int, description=f"At most {MAX_LIMIT}; default {DEFAULT_LIMIT}."),
            OpenApiParameter("offset", int),
        ],
        responses=SearchResponseSerializer,
    )
    def get(self, request):
        form = SearchForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({k: [e["message"] for e in v] for k, v in form.errors.get_json_data().items()})
        limit = _int(request.query_params, "limit", DEFAULT_LIMIT, MAX_LIMIT) or DEFAULT_LIMIT
        offset = _int(request.query_params, "offset", 0, MAX_OFFSET)
        result = services.search(request.user, form.params(), offset=offset, limit=limit)
        url = request.build_absolute_uri()
        next_url = replace_query_param(url, "offset", offset + limit) if offset + limit < result.total else None
        if offset <= 0:
            previous = None
        elif offset - limit <= 0:
            previous = remove_query_param(url, "offset")
        else:
            previous = replace_query_param(url, "offset", offset - limit)
        return Response({
            "count": result.total,
            "next": next_url,
            "previous": previous,
            "results": [_hit(h, request.build_absolute_uri) for h in result.hits],
            "facets": {
                name: [vars(v) for v in values] for name, values in result.facets.items()
            },
        })
