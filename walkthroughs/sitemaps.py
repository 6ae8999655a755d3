from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from regions.models import Country

from . import published
from .addresses import checklist_url
from .checklists import PLATFORM
from .models import Surface


class StartSitemap(Sitemap):
    priority = 1.0
    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[str]:
        return ["walkthroughs:start"]

    def location(self, item: str) -> str:
        return reverse(item)


class ChecklistSitemap(Sitemap):
    """Every country's checklist on every surface."""

    changefreq = "weekly"
    priority = 0.8
    limit = 1000
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[tuple[str, str]]:
        codes = Country.objects.values_list("code", flat=True)
        return [(code, surface) for code in codes for surface in Surface.values]

    def location(self, item: tuple[str, str]) -> str:
        return reverse("walkthroughs:checklist", args=item)


class ServiceChecklistSitemap(ChecklistSitemap):
    """Every country's checklist on every surface, for one service other than LinkedIn."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def location(self, item: tuple[str, str]) -> str:
        return checklist_url("checklist", self.service, *item)


def sections() -> dict[str, Sitemap | type[Sitemap]]:
    """The sitemap's sections: LinkedIn's checklists as before, then one per other service."""
    found: dict[str, Sitemap | type[Sitemap]] = {
        "start": StartSitemap,
        "checklists": ChecklistSitemap,
    }
    for service in published.platforms():
        if service.slug != PLATFORM:
            found[f"checklists-{service.slug}"] = ServiceChecklistSitemap(service.slug)
    return found


def index(request: HttpRequest) -> HttpResponse:
    return sitemap_views.index(request, sitemaps=sections(), sitemap_url_name="sitemap_section")


def section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, sitemaps=sections(), section=section)
