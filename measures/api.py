"""Read-only JSON for scripts and dashboards: ``GET /api/v1/measures/?municipality=NNNN``."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from municipalities.api_fields import ReadableReferenceField
from partssamarbeid.api import KnownFilters

from . import services
from .filters import MeasureFilter
from .models import ClimateMeasure


class MeasureSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality_id", read_only=True)
    topics = serializers.SerializerMethodField()
    first_involvement_date = serializers.SerializerMethodField()
    max_level = serializers.SerializerMethodField()
    timing = serializers.SerializerMethodField()
    decision_item = ReadableReferenceField(
        help_text="The agenda item the measure was decided in; null when none is recorded or the caller may not read it."
    )

    class Meta:
        model = ClimateMeasure
        fields = [
            "id", "municipality", "title", "status", "topics", "affects_employees", "decision_date",
            "first_involvement_date", "max_level", "timing", "decision_item",
        ]

    def _summary(self, obj) -> services.InvolvementSummary:
        if not hasattr(obj, "summary"):
            obj.summary = services.summary_of(obj)
        return obj.summary

    def get_topics(self, obj) -> list[str]:
        return [topic.code for topic in obj.topics.all()]

    def get_first_involvement_date(self, obj) -> str | None:
        day = self._summary(obj).first_involvement_date
        return day.isoformat() if day else None

    def get_max_level(self, obj) -> int:
        return self._summary(obj).max_level

    def get_timing(self, obj) -> str:
        return str(self._summary(obj).timing)


class MeasureListView(KnownFilters, ListAPIView):
    """Climate measures the caller may read, with the derived involvement values.

    ``timing`` is ``early`` (consulted before the decision), ``late`` (involved, but not
    consulted before the decision) or ``never``; ``max_level`` is the highest level on the
    involvement ladder (0-4). See ``measures.services.timing_for``.
    """

    serializer_class = MeasureSerializer
    filterset_class = MeasureFilter.only("municipality")

    def get_queryset(self):
        return (
            ClimateMeasure.objects.visible_to(self.request.user)
            .with_involvement_dates()
            .select_related("decision_item__meeting__body")
            .prefetch_related("topics")
            .order_by("municipality_id", "title", "id")
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("municipality", str, description="Municipality number (kommunenummer), e.g. 3205.")
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
