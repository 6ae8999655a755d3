"""The visitor's pages: the wizard, the checklist and its QR code, and the 404 page."""

import io

import segno
from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from config import ratelimit
from pagecache.responses import cached_public
from regions.detection import candidate_countries
from regions.models import Country
from translations import store as translations

from . import published
from .checklists import build_checklist
from .directory import Place, country_choices, find_country, search_countries
from .forms import ReportForm
from .models import Action, ChangeNote, Surface

MAX_SEARCH_RESULTS = 20


def _preselected(request: HttpRequest, choices: list[tuple[str, str]]) -> str:
    known = {code for code, _name in choices}
    return next((code for code in candidate_countries(request) if code in known), "")


def _surface_links(place: Place) -> list[tuple[str, str, str]]:
    """(surface, label, address of its checklist) for the place, in the usual order."""
    return [
        (value, label, reverse("walkthroughs:checklist", args=[place.code, value]))
        for value, label in Surface.choices
    ]


def _wizard_response(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    template = "walkthroughs/start.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#wizard-panel"
    response = render(request, template, context, status=status)
    vary = ["HX-Request", "Accept-Language"]
    if settings.COUNTRY_HEADER:
        vary.append(settings.COUNTRY_HEADER)
    patch_vary_headers(response, vary)
    return response


def _landing_variant(request: HttpRequest) -> str | None:
    """The bare landing page depends only on the guessed country and the htmx flavour."""
    if request.GET:
        return None
    partial = bool(request.htmx and not request.htmx.history_restore_request)
    return f"{_preselected(request, country_choices())}|{partial}"


@require_safe
@cached_public(variant=_landing_variant)
def start(request: HttpRequest) -> HttpResponse:
    """The landing page and the wizard: country first, then how LinkedIn is used."""
    choices = country_choices()
    context = {"choices": choices, "selected": _preselected(request, choices), "step": "country"}

    query = request.GET.get("q", "")
    if "q" in request.GET:
        matches = search_countries(query, MAX_SEARCH_RESULTS + 1)
        context.update(query=query[:60], matches=matches[:MAX_SEARCH_RESULTS])
        context["more_matches"] = len(matches) > MAX_SEARCH_RESULTS

    if "country" in request.GET:
        country = find_country(request.GET["country"])
        if country is None:
            context["error"] = _("Please choose your country from the list.")
            context["selected"] = ""
            return _wizard_response(request, context, status=400)
        context.update(
            step="surface",
            country=country,
            selected=country.code,
            surfaces=_surface_links(country),
        )
    return _wizard_response(request, context)


@require_safe
def choose(request: HttpRequest) -> HttpResponse:
    """Target of the switchers' GET forms: on to the canonical checklist address."""
    country = find_country(request.GET.get("country", ""))
    surface = request.GET.get("surface", Surface.WEB)
    if country is None or surface not in Surface.values:
        return not_found(request, status=400, message=_("Please choose a country and a device."))
    return redirect("walkthroughs:checklist", country.code, surface)


@require_safe
@cached_public()
def checklist(request: HttpRequest, cc: str, surface: str) -> HttpResponse:
    country = find_country(cc)
    if country is None or surface.lower() not in Surface.values:
        raise Http404("No checklist at this address.")
    if country.code != cc or surface != surface.lower():
        return redirect("walkthroughs:checklist", country.code, surface.lower(), permanent=True)

    # Only look at the session when asked to preview: reading it adds Vary: Cookie.
    preview = request.GET.get("preview") == "1" and request.user.is_staff
    result = build_checklist(
        country,
        surface,
        language=get_language(),
        preview=preview,
        actions=None if preview else published.actions((surface,)),
    )
    main = [item for item in result.applicable if not item.optional]
    optional = [item for item in result.applicable if item.optional]
    context = {
        "checklist": result,
        "country": country,
        "surface": surface,
        "surface_label": Surface(surface).label,
        "main_items": main,
        "optional_items": optional,
        "progress_total": len(main) + len(optional),
        "other_items": result.not_applicable,
        "surfaces": _surface_links(country),
        "choices": country_choices(),
        "share_title": ngettext(
            "Opt out of LinkedIn AI training in %(country)s: %(count)d step",
            "Opt out of LinkedIn AI training in %(country)s: %(count)d steps",
            len(main),
        )
        % {"country": country.in_sentence, "count": len(main)},
        "untranslated": any(item.untranslated for item in result.items),
        "not_english": get_language() != settings.LANGUAGE_CODE,
        "preview": preview,
    }
    response = render(request, "walkthroughs/checklist.html", context)
    if preview:
        # Drafts must never reach a shared cache or another visitor.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
@cached_public(max_age=24 * 60 * 60)
def checklist_qr(request: HttpRequest, cc: str, surface: str) -> HttpResponse:
    """An SVG QR code of the checklist's address, to continue on a phone."""
    country = find_country(cc)
    if country is None or surface not in Surface.values or country.code != cc:
        raise Http404("No checklist at this address.")
    url = request.build_absolute_uri(reverse("walkthroughs:checklist", args=[cc, surface]))
    svg = io.BytesIO()
    # A standalone SVG document (with its namespace), so browsers show it in an <img>.
    segno.make(url, error="m").save(
        svg, kind="svg", xmldecl=False, scale=4, dark="#000", light="#fff", title=url
    )
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, cc: str, surface: str, slug: str) -> HttpResponse:
    """'My screen looks different': a short form, loaded only when a visitor asks for it."""
    country = find_country(cc)
    action = Action.objects.published().filter(slug=slug).first()
    if country is None or action is None or surface not in Surface.values:
        raise Http404("No checklist item at this address.")
    context = {
        "country": country,
        "action": action,
        "action_title": translations.get(action, "title", get_language())[0],
        "surface": surface,
    }
    template = "walkthroughs/report.html"

    if request.method != "POST":
        form = ReportForm(initial={"surface": surface})
        return render(request, template, {**context, "form": form})

    form = ReportForm(request.POST)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    # One atomic step checks and counts, so parallel posts cannot slip past the limit.
    if not ratelimit.consume_for_client(request, "report", settings.REPORTS_PER_HOUR, 3600).allowed:
        context["error"] = _(
            "You have sent several reports in the last hour. Thank you! Please try again later."
        )
        return render(request, template, {**context, "form": form}, status=429)
    if not form.is_bot:
        report = form.save(commit=False)
        report.action = action
        report.country = Country.objects.get(code=country.code)
        report.save()
    # Bots get the same answer as people, so they learn nothing from it.
    return render(request, template, {**context, "sent": True})


@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    """The public change log of the steps."""
    notes = ChangeNote.objects.filter(is_public=True)
    page = Paginator(notes, 50).get_page(request.GET.get("page"))
    return render(request, "walkthroughs/changes.html", {"page": page})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    # The admin path is not named here: it may be secret, and it is never indexed anyway.
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def not_found(
    request: HttpRequest, exception: Exception | None = None, status: int = 404, message: str = ""
) -> HttpResponse:
    """The 404 page offers the country picker, so a broken link still leads somewhere."""
    try:
        choices = country_choices()
    except DatabaseError:  # a 404 page must render even when the database is down
        choices = []
    context = {
        "choices": choices,
        "selected": _preselected(request, choices) if choices else "",
        "message": message,
    }
    return render(request, "404.html", context, status=status)
