from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Country, CountryAlias, Region


class CountryAliasInline(admin.TabularInline):
    model = CountryAlias
    extra = 0


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "part_of", "region_list"]
    list_filter = ["kind", "regions"]
    list_select_related = ["part_of"]
    search_fields = ["name", "code", "official_name", "aliases__alias", "law"]
    autocomplete_fields = ["part_of"]
    fields = ["code", "name", "official_name", "kind", "part_of", "law", "region_list"]
    readonly_fields = ["region_list"]
    inlines = [CountryAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("regions")

    @admin.display(description="Regions (edit them on each region)")
    def region_list(self, obj: Country) -> str:
        return ", ".join(region.name for region in obj.regions.all()) or "—"

    def has_add_permission(self, request) -> bool:
        # Countries come from ISO 3166-1; editors correct names, they do not invent countries.
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "country_count"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["countries"]

    @admin.display(description="Countries")
    def country_count(self, obj: Region) -> int:
        return obj.countries.count()


@admin.register(CountryAlias)
class CountryAliasAdmin(SimpleHistoryAdmin):
    list_display = ["alias", "country"]
    list_select_related = ["country"]
    search_fields = ["alias", "country__name"]
    autocomplete_fields = ["country"]
