from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from walkthroughs import views
from walkthroughs.caching import cached_public
from walkthroughs.overview import overview
from walkthroughs.sitemaps import ChecklistSitemap, StartSitemap

SITEMAPS = {"start": StartSitemap, "checklists": ChecklistSitemap}

urlpatterns = [
    path("", include("walkthroughs.urls")),
    path("api/v1/", include("walkthroughs.api_urls")),
    path(
        "sitemap.xml",
        cached_public()(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        f"{settings.ADMIN_PATH}overview/", admin.site.admin_view(overview), name="editors_overview"
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]

handler404 = "walkthroughs.views.not_found"
