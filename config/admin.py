"""The admin site, with login attempts throttled per client against password guessing."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from . import ratelimit


class OptOutAdminSite(admin.AdminSite):
    site_header = "Opt-Out Guide editors"
    site_title = "Opt-Out Guide editors"
    index_title = "Content"

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        limit, window = settings.ADMIN_LOGIN_ATTEMPTS, settings.ADMIN_LOGIN_WINDOW
        if request.method == "POST":
            if not ratelimit.within(request, "admin-login", limit, window):
                return TemplateResponse(
                    request,
                    "admin/login_throttled.html",
                    {**self.each_context(request), "minutes": window // 60},
                    status=429,
                )
            response = super().login(request, extra_context)
            if response.status_code != 302:  # a failed attempt renders the form again
                ratelimit.hit(request, "admin-login", limit, window)
            return response
        return super().login(request, extra_context)

    def index(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        # Translators' style sheets live in docs/style/, one per language but English.
        style_sheets = [(code, name) for code, name in settings.LANGUAGES if code != "en"]
        return super().index(request, {"style_sheets": style_sheets, **(extra_context or {})})


class OptOutAdminConfig(AdminConfig):
    default_site = "config.admin.OptOutAdminSite"
