from django.contrib import admin

from .models import HarvestedRecord, HarvestRun, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["body", "municipality", "enhet_id", "active", "publish_harvested", "next_run_at", "leased_by"]
    list_filter = ["active", "publish_harvested"]
    search_fields = ["municipality__name", "body__name", "enhet_id"]
    readonly_fields = ["cursor", "next_run_at", "leased_by", "leased_until"]


@admin.register(HarvestRun)
class HarvestRunAdmin(admin.ModelAdmin):
    list_display = ["source", "started_at", "status", "added", "updated", "skipped", "worker"]
    list_filter = ["status", "dry_run"]
    date_hierarchy = "started_at"


@admin.register(HarvestedRecord)
class HarvestedRecordAdmin(admin.ModelAdmin):
    list_display = ["einnsyn_id", "kind", "source", "meeting", "item", "updated"]
    list_filter = ["kind"]
    search_fields = ["einnsyn_id"]
    raw_id_fields = ["meeting", "item"]
