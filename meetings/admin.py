from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgendaItem, Attachment, Attendance, Meeting, Proposal, Request


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    fk_name = "meeting"


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "case_number", "title", "item_type", "procedural"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["body", "date", "start_time", "state", "published"]
    list_filter = ["state", "published", "body__kind"]
    search_fields = ["body__name", "body__municipality__name"]
    list_select_related = ["body__municipality"]
    date_hierarchy = "date"
    inlines = [AttendanceInline, AgendaItemInline]


class ProposalInline(admin.StackedInline):
    model = Proposal
    extra = 0
    filter_horizontal = ["proposers"]


class AttachmentInline(admin.StackedInline):
    model = Attachment
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["case_number", "title", "meeting", "item_type", "climate_level", "climate_override"]
    list_filter = ["item_type", "climate_level", "env_assessment"]
    search_fields = ["title", "case_number"]
    list_select_related = ["meeting__body__municipality"]
    inlines = [ProposalInline, AttachmentInline]


@admin.register(Request)
class RequestAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "asked_by", "organisation", "asks_for_agenda_item", "resulting_item"]
    list_select_related = ["meeting__body", "person", "organisation", "resulting_item"]
