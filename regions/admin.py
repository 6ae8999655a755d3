from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from translations.admin import TranslationsAdminMixin

from .models import Country, CountryAlias, Region


class CountryAliasInline(admin.TabularInline):
    model = CountryAlias
    extra = 0


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "official_name"]
    search_fields = ["name", "code", "official_name", "aliases__alias"]
    inlines = [CountryAliasInline]

    def has_add_permission(self, request) -> bool:
        # Countries come from ISO 3166-1; editors correct names, they do not invent countries.
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(Region)
class RegionAdmin(TranslationsAdminMixin, SimpleHistoryAdmin):
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
