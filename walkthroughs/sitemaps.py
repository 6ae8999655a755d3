from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from regions.models import Country

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
