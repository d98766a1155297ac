"""The read-only JSON API under ``/api/v1/`` (measures are served by :mod:`measures.api`).

Authentication: session or token (``Authorization: Token ...``); anonymous callers get 401/403.
Scoping: the same rules as the pages (``visible_to``: drafts only for HR staff and union
representatives of their own municipality); scorecards count published records only, for
everyone (:mod:`dashboards.scope`). Lists are paginated (``limit``/``offset``, at most
:attr:`partssamarbeid.pagination.Pagination.max_limit` per page) and filtered by query parameters; an invalid filter
value is a 400 with the parameter named.
"""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from meetings.models import AgendaItem, Meeting
from municipalities.models import Body, Municipality, kommunenummer_validator
from municipalities.population import POPULATION_BAND_CHOICES
from partssamarbeid.api import KnownFilters

from . import metrics, queries, scope
from .scope import DEFAULT_BODY_KIND, MAX_YEARS, Period

# --- query parameters --------------------------------------------------------------------------------


def _number(value: str, name: str = "municipality") -> str:
    try:
        kommunenummer_validator(value)
    except DjangoValidationError as exc:
        raise ValidationError({name: exc.messages}) from exc
    return value


MAX_ID = 2**63 - 1  # ids are 64-bit integers: a larger number cannot reach the database


def _int(value: str, name: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise ValidationError({name: ["Give a whole number."]}) from exc
    if not 0 <= number <= MAX_ID:
        raise ValidationError({name: [f"Give a whole number from 0 to {MAX_ID}."]})
    return number


def _date(value: str, name: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError({name: ["Give a date as YYYY-MM-DD."]}) from exc


def _choice(value: str, name: str, choices) -> str:
    if value not in choices:
        raise ValidationError({name: [f"Choose one of: {', '.join(choices)}."]})
    return value


def period_and_kind(params) -> tuple[Period, str]:
    default = Period.default()
    start = _date(params["from"], "from") if params.get("from") else default.start
    end = _date(params["to"], "to") if params.get("to") else default.end
    if start > end:
        raise ValidationError({"from": ["The start of the period must be before its end."]})
    if end.year - start.year >= MAX_YEARS:
        raise ValidationError({"from": [f"Choose a period of at most {MAX_YEARS} years."]})
    kind = _choice(params.get("body_kind") or DEFAULT_BODY_KIND, "body_kind", Body.Kind.values)
    return Period(start, end), kind


def _effective_level_q(level: str) -> Q:
    if level == AgendaItem.ClimateLevel.NONE:
        return ~scope.CLIMATE_Q
    return AgendaItem.effective_climate_q(level)


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


# --- municipalities ------------------------------------------------------------------------------------


class MunicipalitySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    scorecard = serializers.SerializerMethodField()

    class Meta:
        model = Municipality
        fields = ["number", "name", "kind", "county_number", "county_name", "population", "url", "scorecard"]

    def get_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(reverse("dashboards_api:municipality_detail", args=[obj.number]))

    def get_scorecard(self, obj) -> str:
        return self.context["request"].build_absolute_uri(reverse("dashboards_api:scorecard", args=[obj.number]))


class MunicipalityList(KnownFilters, ListAPIView):
    """Municipalities (every register row: municipalities and county municipalities)."""

    filters = ("county", "kind")

    serializer_class = MunicipalitySerializer

    def get_queryset(self):
        qs = Municipality.objects.order_by("number")
        params = self.request.query_params
        if params.get("county"):
            qs = qs.filter(county_number=_number(params["county"], "county"))
        if params.get("kind"):
            qs = qs.filter(kind=_choice(params["kind"], "kind", Municipality.Kind.values))
        return qs

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

    filters = ("from", "to", "body_kind")

    serializer_class = ScorecardSerializer
    pagination_class = None

    @extend_schema(parameters=SCORECARD_PARAMS, responses=ScorecardSerializer)
    def get(self, request, number: str):
        municipality = get_object_or_404(Municipality, number=number)
        period, kind = period_and_kind(request.query_params)
        card = metrics.scorecard(municipality, period, kind, request.user)
        return Response(metrics.api_dict(card))


class ScorecardList(KnownFilters, GenericAPIView):
    """Scorecards of many municipalities (the national comparison), paginated by municipality."""

    filters = ("from", "to", "body_kind", "county", "population", "with_data")

    serializer_class = ScorecardSerializer

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
        params = request.query_params
        period, kind = period_and_kind(params)
        county = _number(params["county"], "county") if params.get("county") else ""
        bands = [code for code, _label in POPULATION_BAND_CHOICES if code]
        band = _choice(params["population"], "population", bands) if params.get("population") else ""
        municipalities = queries.municipalities_for(county, band)
        if params.get("with_data") in ("1", "true", "on", "yes"):
            cards = metrics.metrics_by_municipality(None, period, kind, request.user)
            wanted = {m.number for m in municipalities}
            rows = [cards[n] for n in sorted(cards) if n in wanted and cards[n].has_data]
            page = self.paginate_queryset(rows)
        else:
            municipalities.sort(key=lambda m: m.number)
            page_municipalities = self.paginate_queryset(municipalities)
            cards = metrics.metrics_by_municipality([m.number for m in page_municipalities], period, kind, request.user)
            page = [cards[m.number] for m in page_municipalities]
        return self.get_paginated_response([metrics.api_dict(card) for card in page])


# --- bodies, meetings, agenda items -------------------------------------------------------------------


class BodySerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality_id", read_only=True)
    calendar = serializers.SerializerMethodField()

    class Meta:
        model = Body
        fields = ["id", "municipality", "name", "kind", "permanent", "parties", "calendar"]

    def get_calendar(self, obj) -> str:
        return self.context["request"].build_absolute_uri(reverse("dashboards:body_calendar", args=[obj.pk]))


class BodyList(KnownFilters, ListAPIView):
    """Bodies (PSU, AMU, ...) of every municipality."""

    filters = ("municipality", "kind")

    serializer_class = BodySerializer

    def get_queryset(self):
        qs = Body.objects.visible_to(self.request.user).order_by("municipality_id", "name", "id")
        params = self.request.query_params
        if params.get("municipality"):
            qs = qs.filter(municipality_id=_number(params["municipality"]))
        if params.get("kind"):
            qs = qs.filter(kind=_choice(params["kind"], "kind", Body.Kind.values))
        return qs

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
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id", "municipality", "body", "body_kind", "date", "start_time", "end_time", "place", "state",
            "published", "last_imported_at", "item_count", "html_url",
        ]

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


def _meeting_filters(qs, params, prefix: str = ""):
    if params.get("municipality"):
        qs = qs.filter(**{f"{prefix}body__municipality_id": _number(params["municipality"])})
    if params.get("body"):
        qs = qs.filter(**{f"{prefix}body_id": _int(params["body"], "body")})
    if params.get("body_kind"):
        qs = qs.filter(**{f"{prefix}body__kind": _choice(params["body_kind"], "body_kind", Body.Kind.values)})
    if params.get("from"):
        qs = qs.filter(**{f"{prefix}date__gte": _date(params["from"], "from")})
    if params.get("to"):
        qs = qs.filter(**{f"{prefix}date__lte": _date(params["to"], "to")})
    return qs


class MeetingList(KnownFilters, ListAPIView):
    """Meetings the caller may read (drafts only of the caller's own municipality)."""

    filters = ("municipality", "body", "body_kind", "from", "to", "state")

    serializer_class = MeetingSerializer

    def get_queryset(self):
        qs = (
            Meeting.objects.visible_to(self.request.user)
            .select_related("body")
            .annotate(item_count=Count("items"))
            .order_by("date", "start_time", "id")
        )
        params = self.request.query_params
        qs = _meeting_filters(qs, params)
        if params.get("state"):
            qs = qs.filter(state=_choice(params["state"], "state", Meeting.State.values))
        return qs

    @extend_schema(parameters=[MUNICIPALITY, BODY, BODY_KIND, FROM, TO,
                               OpenApiParameter("state", str, enum=Meeting.State.values)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class MeetingDetail(KnownFilters, RetrieveAPIView):
    filters = ()
    serializer_class = MeetingSerializer

    def get_queryset(self):
        return Meeting.objects.visible_to(self.request.user).select_related("body").annotate(item_count=Count("items"))


class AgendaItemSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="meeting.body.municipality_id", read_only=True)
    body = serializers.IntegerField(source="meeting.body_id", read_only=True)
    date = serializers.DateField(source="meeting.date", read_only=True)
    substantive = serializers.SerializerMethodField()
    climate_level = serializers.CharField(source="effective_climate_level", read_only=True)
    climate_level_automatic = serializers.CharField(source="climate_level", read_only=True)
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id", "municipality", "body", "meeting", "date", "position", "case_number", "title", "item_type",
            "procedural", "substantive", "climate_level", "climate_level_automatic", "climate_override",
            "climate_evidence", "env_assessment", "html_url",
        ]

    def get_substantive(self, obj) -> bool:
        return not obj.procedural and obj.item_type != AgendaItem.Type.RS

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class AgendaItemList(KnownFilters, ListAPIView):
    """Agenda items with their climate level (a person's override, else automatic) and evidence."""

    filters = ("municipality", "body", "body_kind", "from", "to", "meeting", "climate_level", "kind", "env_assessment", "substantive")

    serializer_class = AgendaItemSerializer

    def get_queryset(self):
        qs = (
            AgendaItem.objects.visible_to(self.request.user)
            .select_related("meeting__body")
            .order_by("meeting__date", "meeting_id", "position")
        )
        params = self.request.query_params
        qs = _meeting_filters(qs, params, "meeting__")
        if params.get("meeting"):
            qs = qs.filter(meeting_id=_int(params["meeting"], "meeting"))
        if params.get("climate_level"):
            qs = qs.filter(_effective_level_q(_choice(params["climate_level"], "climate_level", AgendaItem.ClimateLevel.values)))
        if params.get("kind"):
            qs = qs.filter(item_type=_choice(params["kind"], "kind", AgendaItem.Type.values))
        if params.get("env_assessment"):
            qs = qs.filter(env_assessment=_choice(params["env_assessment"], "env_assessment", AgendaItem.EnvAssessment.values))
        if params.get("substantive") in ("true", "false"):
            qs = qs.filter(scope.SUBSTANTIVE_Q if params["substantive"] == "true" else ~scope.SUBSTANTIVE_Q)
        return qs

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
        return AgendaItem.objects.visible_to(self.request.user).select_related("meeting__body")
