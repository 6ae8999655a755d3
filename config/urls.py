from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

from pagecache.responses import cached_public
from translations.views import style_sheet
from walkthroughs import screenshots, sitemaps, views
from walkthroughs.overview import overview, watch_feed

# Sitemap pages as the index links them; ?p=01 or ?p=+1 are answered but never kept.
PAGE_NUMBER = r"[1-9][0-9]{0,3}"

urlpatterns = [
    path("api/v1/", include("walkthroughs.api")),
    # One section per service: its sections follow the services the content holds.
    path("sitemap.xml", require_safe(cached_public()(sitemaps.index)), name="sitemap"),
    path(
        "sitemap-<section>.xml",
        require_safe(cached_public(query={"p": PAGE_NUMBER})(sitemaps.section)),
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Screenshots of steps, in any language's pages: random names, never reused.
    re_path(
        r"^screenshots/(?P<name>[0-9a-f]{20})\.(?P<extension>webp|jpg)$",
        screenshots.serve,
        name="screenshot",
    ),
    path(
        f"{settings.ADMIN_PATH}overview/", admin.site.admin_view(overview), name="editors_overview"
    ),
    path(f"{settings.ADMIN_PATH}watch/feed/<str:token>/", watch_feed, name="watch_feed"),
    path(
        f"{settings.ADMIN_PATH}style/<str:language>/",
        admin.site.admin_view(style_sheet),
        name="style_sheet",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]

urlpatterns += i18n_patterns(path("", include("walkthroughs.urls")), prefix_default_language=False)

handler404 = "walkthroughs.views.not_found"
