from django.contrib import admin

from .models import Body, Membership, Municipality, Organisation, Person, PersonAlias, Profile


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "kind", "county_name", "population", "written_standard"]
    list_filter = ["kind", "written_standard", "county_name"]
    search_fields = ["number", "name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "kind", "federation"]
    list_filter = ["kind"]
    search_fields = ["short_name", "name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "title"]
    search_fields = ["name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "kind", "permanent"]
    list_filter = ["kind"]
    search_fields = ["name", "municipality__name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]
    inlines = [MembershipInline]


@admin.register(PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "body", "created_by", "created_at"]
    list_select_related = ["person", "body__municipality", "created_by"]
    search_fields = ["name", "person__name", "body__name"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "municipality", "organisation"]
    list_filter = ["role"]
    autocomplete_fields = ["municipality"]
