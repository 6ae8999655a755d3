"""The admin site: sign-in under shared limits, a second factor for staff (config/signin.py)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

# The admin's index and sidebar, in the groups editors work in, rather than by app. Each
# entry is app_label.ModelName; content models not named here join the second group, and
# what only administrators use (accounts, devices, past versions) comes last.
EDITOR_GROUPS = [
    (
        "checklists",
        "Checklists",
        [
            "walkthroughs.Action",
            "walkthroughs.Step",
            "walkthroughs.Screenshot",
            "walkthroughs.ActionWarning",
            "walkthroughs.Report",
            "walkthroughs.Alert",
            "walkthroughs.ChangeNote",
        ],
    ),
    (
        "facts",
        "Facts behind the steps",
        [
            "walkthroughs.PolicyChange",
            "walkthroughs.Rollout",
            "walkthroughs.PlaceNote",
            "walkthroughs.Source",
            "walkthroughs.Platform",
        ],
    ),
    (
        "places",
        "Countries and regions",
        ["regions.Country", "regions.Region", "regions.CountryAlias"],
    ),
]
CONTENT_APPS = {"walkthroughs", "regions", "translations", "languages", "pagecache"}
RECORDS = ("records", "Records and accounts (for administrators)")


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

    def get_app_list(self, request: HttpRequest, app_label=None) -> list[dict]:
        """On the index and in the sidebar, editors' groups; an app's own page stays as is."""
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps
        place = {
            name: (slug, position)
            for slug, _title, names in EDITOR_GROUPS
            for position, name in enumerate(names)
        }
        groups: dict[str, list[tuple[int, dict]]] = {slug: [] for slug, *_ in EDITOR_GROUPS}
        groups[RECORDS[0]] = []
        for app in apps:
            for model in app["models"]:
                meta = model["model"]._meta
                name = f"{meta.app_label}.{meta.object_name}"
                if name in place:
                    slug, position = place[name]
                elif meta.app_label in CONTENT_APPS and not meta.object_name.startswith(
                    "Historical"
                ):
                    slug, position = "facts", len(place)
                else:
                    slug, position = RECORDS[0], 0
                groups[slug].append((position, model))
        titles = {slug: title for slug, title, _names in EDITOR_GROUPS} | dict([RECORDS])
        result = []
        for slug, members in groups.items():
            models = [model for _position, model in sorted(members, key=lambda m: m[0])]
            if models:
                result.append(
                    {
                        "name": titles[slug],
                        "app_label": slug,
                        "app_url": models[0]["admin_url"],
                        "has_module_perms": True,
                        "models": models,
                    }
                )
        return result

    def index(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        # Translators' style sheets live in docs/style/, one per language but English.
        style_sheets = [(code, name) for code, name in settings.LANGUAGES if code != "en"]
        return super().index(request, {"style_sheets": style_sheets, **(extra_context or {})})


class OptOutAdminConfig(AdminConfig):
    default_site = "config.admin.OptOutAdminSite"
