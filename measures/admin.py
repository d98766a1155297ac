from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ClimateMeasure, GreenRepresentative, Involvement, ProcessAnswer, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["order", "code"]


class InvolvementFields:
    """How an involvement event's fields are edited, inline under its measure or on its own page."""

    filter_horizontal = ["unions"]
    autocomplete_fields = ["representatives"]
    readonly_fields = ["recorded_by", "recorded_by_side", "recorded_at", "source_proposal", "source_request"]


class InvolvementInline(InvolvementFields, admin.StackedInline):
    model = Involvement
    extra = 0
    raw_id_fields = ["agenda_item"]


class ProcessAnswerInline(admin.TabularInline):
    model = ProcessAnswer
    extra = 0


@admin.register(ClimateMeasure)
class ClimateMeasureAdmin(SimpleHistoryAdmin):
    list_display = ["title", "municipality", "status", "decision_date", "affects_employees"]
    list_filter = ["status", "affects_employees", "topics"]
    search_fields = ["title", "municipality__name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["topics"]
    raw_id_fields = ["decision_item", "agenda_items"]
    inlines = [InvolvementInline, ProcessAnswerInline]


@admin.register(Involvement)
class InvolvementAdmin(InvolvementFields, SimpleHistoryAdmin):
    list_display = ["measure", "date", "arena", "level", "raised_by", "position", "recorded_by_side"]
    list_filter = ["arena", "level", "position", "recorded_by_side"]
    list_select_related = ["measure"]
    raw_id_fields = ["measure", "agenda_item"]


@admin.register(GreenRepresentative)
class GreenRepresentativeAdmin(SimpleHistoryAdmin):
    list_display = ["person", "union", "municipality", "since", "until"]
    list_select_related = ["person", "union", "municipality"]
    autocomplete_fields = ["municipality", "person"]
