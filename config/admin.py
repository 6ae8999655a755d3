"""The admin site: sign-in under shared limits, a second factor for staff (config/signin.py)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse


class OptOutAdminSite(admin.AdminSite):
    site_header = "Opt-Out Guide editors"
    site_title = "Opt-Out Guide editors"
    index_title = "Content"
    login_template = "admin/sign_in.html"

    # The sign-in module needs the models, and this one is imported before they are ready.
    @property
    def login_form(self):
        from .signin import SignInForm

        return SignInForm

    def has_permission(self, request: HttpRequest) -> bool:
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        from . import signin

        enrol_url = reverse("admin:two_factor", current_app=self.name)
        if request.method == "GET" and request.user.is_authenticated:
            if signin.needs_enrolment(request):
                return HttpResponseRedirect(enrol_url)
            if settings.ADMIN_REQUIRE_2FA and not request.user.is_verified():
                # A session from before the device was set up: sign in again, with the code.
                logout(request)
        try:
            response = super().login(request, extra_context)
        except signin.Throttled as refused:
            response = TemplateResponse(
                request,
                "admin/login_throttled.html",
                {**self.each_context(request), "message": refused.message},
                status=429,
            )
            response["Retry-After"] = str(refused.retry_after)
            return response
        if response.status_code == 302 and signin.needs_enrolment(request):
            return HttpResponseRedirect(enrol_url)
        return response

    def get_urls(self):
        from . import signin

        return [
            path("two-factor/", lambda request: signin.enrol(request, self), name="two_factor"),
            path("two-factor/qr.svg", signin.enrol_qr, name="two_factor_qr"),
            *super().get_urls(),
        ]

    def index(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        # Translators' style sheets live in docs/style/, one per language but English.
        style_sheets = [(code, name) for code, name in settings.LANGUAGES if code != "en"]
        return super().index(request, {"style_sheets": style_sheets, **(extra_context or {})})


class OptOutAdminConfig(AdminConfig):
    default_site = "config.admin.OptOutAdminSite"
