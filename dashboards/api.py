"""The read-only JSON API under ``/api/v1/`` (measures are served by :mod:`measures.api`).

Authentication: session or token (``Authorization: Token ...``); anonymous callers get 401/403.
Scoping: the same rules as the pages (``visible_to``: drafts only for HR staff and union
representatives of their own municipality); scorecards count published records only, for
everyone (:mod:`dashboards.scope`). Lists are paginated (``limit``/``offset``, at most
:attr:`partssamarbeid.pagination.Pagination.max_limit` per page) and filtered by query parameters, read by
the lists' FilterSets (:mod:`dashboards.filters`, :mod:`municipalities.filters`); an invalid filter
value is a 400 with the parameter named.
"""
from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from meetings.models import AgendaItem, Meeting
from municipalities.filters import BodyFilter, MunicipalityFilter
from municipalities.models import Body, Municipality
from municipalities.population import POPULATION_BAND_CHOICES
from partssamarbeid.api import KnownFilters

from . import metrics
from .filters import AgendaItemFilter, MeetingFilter, ScorecardFilter

# --- query parameters (filtered by the FilterSets of dashboards/filters.py) ---------------------------

MUNICIPALITY = OpenApiParameter("municipality", str, description="Municipality number (kommunenummer), e.g. 3205.")
FROM = OpenApiParameter("from", OpenApiTypes.DATE, description="First day (YYYY-MM-DD).")
TO = OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (YYYY-MM-DD).")
BODY = OpenApiParameter("body", int, description="Body id.")
BODY_KIND = OpenApiParameter("body_kind", str, enum=Body.Kind.values, description="Kind of body.")
SCORECARD_PARAMS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day (YYYY-MM-DD); default: four years before `to`."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (YYYY-MM-DD); default: today."),
    OpenApiParameter("body_kind", str, enum=Body.Kind.values, description="Kind of body; default PSU."),
]


@extend_schema_field(OpenApiTypes.STR)
class AbsoluteUrlField(serializers.ReadOnlyField):
    """The absolute address (on the caller's host) of the path ``path_of(obj)``: a page or an endpoint."""

    def __init__(self, path_of, **kwargs):
        self.path_of = path_of
        super().__init__(source="*", **kwargs)

    def to_representation(self, value) -> str:
        return self.context["request"].build_absolute_uri(self.path_of(value))


# --- municipalities ------------------------------------------------------------------------------------


class MunicipalitySerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField(lambda m: reverse("dashboards_api:municipality_detail", args=[m.number]))
    scorecard = AbsoluteUrlField(lambda m: reverse("dashboards_api:scorecard", args=[m.number]))

    class Meta:
        model = Municipality
        fields = ["number", "name", "kind", "county_number", "county_name", "population", "url", "scorecard"]


class MunicipalityList(KnownFilters, ListAPIView):
    """Municipalities (every register row: municipalities and county municipalities)."""

    serializer_class = MunicipalitySerializer
    filterset_class = MunicipalityFilter.only("county", "kind")
    queryset = Municipality.objects.order_by("number")

    @extend_schema(parameters=[
        OpenApiParameter("county", str, description="County number, e.g. 46."),
        OpenApiParameter("kind", str, enum=Municipality.Kind.values),
    ])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class MunicipalityDetail(KnownFilters, RetrieveAPIView):
    filters = ()
    serializer_class = MunicipalitySerializer
    queryset = Municipality.objects.all()
    lookup_field = "number"


# --- scorecards -------------------------------------------------------------------------------------------

_SCORECARD_FIELDS = {
    "municipality": serializers.CharField(),
    "from": serializers.DateField(),
    "to": serializers.DateField(),
    "body_kind": serializers.ChoiceField(choices=Body.Kind.values),
}
for _metric in metrics.METRICS:
    _SCORECARD_FIELDS[_metric.key] = (
        serializers.IntegerField(allow_null=True, help_text=str(_metric.definition))
        if _metric.kind == "count"
        else serializers.FloatField(allow_null=True, help_text=str(_metric.definition))
    )
_SCORECARD_FIELDS.update(
    index_weight_with_data=serializers.IntegerField(help_text="Weight (of 100) of the index components that have data."),
    index_components=serializers.DictField(child=serializers.DictField(), help_text="Per component: value (0-1 or null), weight (points of 100), and the numerator and denominator its value is computed from (null: no data)."),
    counts=serializers.DictField(help_text="Numerators behind the shares and the histogram of highest levels."),
    data_last_imported=serializers.DateTimeField(allow_null=True),
    data_last_changed=serializers.DateTimeField(allow_null=True),
)
ScorecardSerializer = type("ScorecardSerializer", (serializers.Serializer,), dict(_SCORECARD_FIELDS))


class ScorecardView(KnownFilters, GenericAPIView):
    """How well a municipality involves union representatives, for a period and a body kind.

    Counts and shares are null when there is no data (never zero for "no data"). Definitions:
    the methodology page (/dashboards/methodology/).
    """

    serializer_class = ScorecardSerializer
    filterset_class = ScorecardFilter.only("from", "to", "body_kind")
    queryset = Municipality.objects.all()
    pagination_class = None

    @extend_schema(parameters=SCORECARD_PARAMS, responses=ScorecardSerializer)
    def get(self, request, number: str):
        municipality = get_object_or_404(Municipality, number=number)
        chosen = self.checked_filterset(Municipality.objects.none())  # the parameters alone: no rows chosen
        card = metrics.scorecard(municipality, chosen.period, chosen.body_kind_value, request.user)
        return Response(metrics.api_dict(card))


class ScorecardList(KnownFilters, GenericAPIView):
    """Scorecards of many municipalities (the national comparison), paginated by municipality."""

    serializer_class = ScorecardSerializer
    filterset_class = ScorecardFilter.only("from", "to", "body_kind", "county", "population", "with_data")
    queryset = Municipality.objects.order_by("number")

    @extend_schema(
        parameters=[
            *SCORECARD_PARAMS,
            OpenApiParameter("county", str, description="County number, e.g. 46."),
            OpenApiParameter("population", str, enum=[c for c, _l in POPULATION_BAND_CHOICES if c]),
            OpenApiParameter("with_data", bool, description="Only municipalities with data in the period."),
        ],
        responses=ScorecardSerializer(many=True),
    )
    def get(self, request):
        chosen = self.checked_filterset(self.get_queryset())
        period, kind = chosen.period, chosen.body_kind_value
        municipalities = list(chosen.qs)
        if chosen.only_with_data:
            cards = metrics.metrics_by_municipality(None, period, kind, request.user)
            wanted = {m.number for m in municipalities}
            rows = [cards[n] for n in sorted(cards) if n in wanted and cards[n].has_data]
            page = self.paginate_queryset(rows)
        else:
            page_municipalities = self.paginate_queryset(municipalities)
            cards = metrics.metrics_by_municipality([m.number for m in page_municipalities], period, kind, request.user)
            page = [cards[m.number] for m in page_municipalities]
        return self.get_paginated_response([metrics.api_dict(card) for card in page])


# --- bodies, meetings, agenda items -------------------------------------------------------------------


class BodySerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality_id", read_only=True)
    calendar = AbsoluteUrlField(lambda body: reverse("dashboards:body_calendar", args=[body.pk]))

    class Meta:
        model = Body
        fields = ["id", "municipality", "name", "kind", "permanent", "parties", "calendar"]


class BodyList(KnownFilters, ListAPIView):
    """Bodies (PSU, AMU, ...) of every municipality."""

    serializer_class = BodySerializer
    filterset_class = BodyFilter

    def get_queryset(self):
        return Body.objects.visible_to(self.request.user).order_by("municipality_id", "name", "id")

    @extend_schema(parameters=[MUNICIPALITY, OpenApiParameter("kind", str, enum=Body.Kind.values)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class BodyDetail(KnownFilters, RetrieveAPIView):
    filters = ()
    serializer_class = BodySerializer

    def get_queryset(self):
        return Body.objects.visible_to(self.request.user)


class MeetingSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="body.municipality_id", read_only=True)
    body_kind = serializers.CharField(source="body.kind", read_only=True)
    item_count = serializers.IntegerField(read_only=True)
    html_url = AbsoluteUrlField(lambda obj: obj.get_absolute_url())

    class Meta:
        model = Meeting
        fields = [
            "id", "municipality", "body", "body_kind", "date", "start_time", "end_time", "place", "state",
            "published", "last_imported_at", "item_count", "html_url",
        ]


def _visible_meetings(user):
    """The meetings ``user`` may read, with what :class:`MeetingSerializer` reads."""
    return Meeting.objects.visible_to(user).select_related("body").annotate(item_count=Count("items"))


class MeetingList(KnownFilters, ListAPIView):
    """Meetings the caller may read (drafts only of the caller's own municipality)."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_queryset(self):
        return _visible_meetings(self.request.user).order_by("date", "start_time", "id")

    @extend_schema(parameters=[MUNICIPALITY, BODY, BODY_KIND, FROM, TO,
                               OpenApiParameter("state", str, enum=Meeting.State.values)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class MeetingDetail(KnownFilters, RetrieveAPIView):
    filters = ()
    serializer_class = MeetingSerializer

    def get_queryset(self):
        return _visible_meetings(self.request.user)


class AgendaItemSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="meeting.body.municipality_id", read_only=True)
    body = serializers.IntegerField(source="meeting.body_id", read_only=True)
    date = serializers.DateField(source="meeting.date", read_only=True)
    substantive = serializers.SerializerMethodField()
    climate_level = serializers.CharField(source="effective_climate_level", read_only=True)
    climate_level_automatic = serializers.CharField(source="climate_level", read_only=True)
    html_url = AbsoluteUrlField(lambda obj: obj.get_absolute_url())

    class Meta:
        model = AgendaItem
        fields = [
            "id", "municipality", "body", "meeting", "date", "position", "case_number", "title", "item_type",
            "procedural", "substantive", "climate_level", "climate_level_automatic", "climate_override",
            "climate_evidence", "env_assessment", "html_url",
        ]

    def get_substantive(self, obj) -> bool:
        return not obj.procedural and obj.item_type != AgendaItem.Type.RS


def _visible_items(user):
    """The agenda items ``user`` may read, with what :class:`AgendaItemSerializer` reads."""
    return AgendaItem.objects.visible_to(user).select_related("meeting__body")


class AgendaItemList(KnownFilters, ListAPIView):
    """Agenda items with their climate level (a person's override, else automatic) and evidence."""

    serializer_class = AgendaItemSerializer
    filterset_class = AgendaItemFilter

    def get_queryset(self):
        return _visible_items(self.request.user).order_by("meeting__date", "meeting_id", "position")

    @extend_schema(parameters=[
        MUNICIPALITY, BODY, BODY_KIND, FROM, TO,
        OpenApiParameter("meeting", int),
        OpenApiParameter("climate_level", str, enum=AgendaItem.ClimateLevel.values, description="Effective climate level."),
        OpenApiParameter("kind", str, enum=AgendaItem.Type.values, description="Item type."),
        OpenApiParameter("env_assessment", str, enum=AgendaItem.EnvAssessment.values),
        OpenApiParameter("substantive", bool),
    ])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AgendaItemDetail(KnownFilters, RetrieveAPIView):
    filters = ()
    serializer_class = AgendaItemSerializer

    def get_queryset(self):
        return _visible_items(self.request.user)
