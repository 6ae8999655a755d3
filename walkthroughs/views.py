"""The visitor's pages: the wizard, the checklist with its QR code, calendar reminder and
feed, and the 404 page."""

import contextlib
import dataclasses
import io
from collections.abc import Callable

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
from languages.cldr import list_of, read_territory_names_soon
from pagecache.responses import cached_public
from regions.detection import candidate_countries
from regions.models import Country
from translations import store as translations

from . import published, reminders
from .addresses import ChecklistAddresses, checklist_url
from .checklists import PLATFORM, Checklist, build_checklist, build_plan
from .directory import Place, close_countries, country_choices, find_country, search_countries
from .forms import ReportForm
from .models import Action, ChangeNote, Surface

MAX_SEARCH_RESULTS = 20


def _preselected(request: HttpRequest, choices: list[tuple[str, str]]) -> str:
    known = {code for code, _name in choices}
    return next((code for code in candidate_countries(request) if code in known), "")


def _surface_links(place: Place, service: str = PLATFORM) -> list[tuple[str, str, str]]:
    """(surface, label, address of its checklist) for the place, in the usual order."""
    return [
        (value, label, checklist_url("checklist", service, place.code, value))
        for value, label in Surface.choices
    ]


def _services_step_links(place: Place) -> list[tuple[str, str, str]]:
    """(surface, label, address of the services question) for the place."""
    start = reverse("walkthroughs:start")
    return [
        (value, label, f"{start}?country={place.code}&surface={value}")
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
    # Asked on every visit to the landing page, cached or not: a visitor here may search
    # next, so have every language's country names read by then.
    read_territory_names_soon()
    if request.GET:
        return None
    partial = bool(request.htmx and not request.htmx.history_restore_request)
    return f"{_preselected(request, country_choices())}|{partial}"


@require_safe
@cached_public(variant=_landing_variant)
def start(request: HttpRequest) -> HttpResponse:
    """The landing page and the wizard: country first, then how LinkedIn is used."""
    choices = country_choices()
    context = {
        "choices": choices,
        "selected": _preselected(request, choices),
        "step": "country",
        # What the site covers besides LinkedIn, the headline.
        "other_services": list_of(
            [service.name for service in published.platforms() if service.slug != PLATFORM],
            get_language(),
        ),
    }

    query = request.GET.get("q", "")
    if "q" in request.GET:
        matches = search_countries(query, MAX_SEARCH_RESULTS + 1)
        context.update(query=query[:60], matches=matches[:MAX_SEARCH_RESULTS])
        context["more_matches"] = len(matches) > MAX_SEARCH_RESULTS
        if not matches:
            context["close_matches"] = close_countries(query, 5)
    elif context["selected"] and "country" not in request.GET:
        # A guessed country: its three checklists are one tap away on the first screen.
        guessed = find_country(context["selected"])
        context.update(guessed=guessed, guessed_surfaces=_surface_links(guessed))

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
            surfaces=_services_step_links(country),
        )
        surface = request.GET.get("surface")
        if surface is not None:
            if surface not in Surface.values:
                context["error"] = _("Please choose a device.")
                return _wizard_response(request, context, status=400)
            # LinkedIn first and ticked: the visitor came to the page whose news it is.
            context.update(
                step="services",
                surface=surface,
                surface_label=Surface(surface).label,
                services=published.platforms(),
                chosen={PLATFORM},
            )
    return _wizard_response(request, context)


@require_safe
def choose(request: HttpRequest) -> HttpResponse:
    """Target of the switchers' GET forms: on to the canonical checklist address."""
    country = find_country(request.GET.get("country", ""))
    surface = request.GET.get("surface", Surface.WEB)
    service = request.GET.get("service", PLATFORM)
    if country is None or surface not in Surface.values or published.platform(service) is None:
        return not_found(request, status=400, message=_("Please choose a country and a device."))
    return redirect(checklist_url("checklist", service, country.code, surface))


@require_safe
def checklist_country(request: HttpRequest, cc: str) -> HttpResponse:
    """A checklist address without a device: on to the device question for that country."""
    country = find_country(cc)
    if country is None:
        raise Http404("No country at this address.")
    return redirect(f"{reverse('walkthroughs:start')}?country={country.code}", permanent=True)


def _unknown_device(
    request: HttpRequest, country: Place, surface: str, service: published.Service
) -> HttpResponse:
    """A 404 that says the device is unknown, and offers the country's three checklists."""
    message = _(
        "We have no checklist for “%(device)s”. Choose how you use %(platform)s in %(country)s:"
    ) % {"device": surface[:30], "platform": service.name, "country": country.in_sentence}
    return not_found(request, message=message, surfaces=_surface_links(country, service.slug))


def _service(slug: str) -> published.Service:
    service = published.platform(slug)
    if service is None:
        raise Http404("No service at this address.")
    return service


def _checklist_or_redirect(
    request: HttpRequest, cc: str, surface: str, service: str
) -> tuple[Place, published.Service] | HttpResponse:
    """The country and service of a canonical checklist address, or the answer for any
    other address."""
    platform = _service(service)
    country = find_country(cc)
    if country is None:
        raise Http404("No checklist at this address.")
    if surface.lower() not in Surface.values:
        return _unknown_device(request, country, surface, platform)
    long_form = request.resolver_match.url_name.startswith("service_")
    if country.code != cc or surface != surface.lower() or (long_form and service == PLATFORM):
        # The same page (checklist, reminder or feed) at its canonical address; LinkedIn's
        # is the short one.
        name = request.resolver_match.url_name.removeprefix("service_")
        return redirect(checklist_url(name, service, country.code, surface.lower()), permanent=True)
    return country, platform


def ticks_key(service: str, cc: str) -> str:
    """Where the browser keeps a checklist's ticks: per service and country, not per device.

    LinkedIn's key is the one it had before other services came, so no tick is lost.
    """
    if service == PLATFORM:
        return f"opt-out-guide:ticks:{cc}"
    return f"opt-out-guide:ticks:{service}:{cc}"


def progress_sentences(essentials: int, extras: int) -> dict[str, list[str]]:
    """What the progress line says for every possible count, in the page's language.

    Rendered here, once per count, so that the script only picks one: plurals are the
    catalogue's business, not the script's.
    """
    essential_texts = []
    for done in range(essentials + 1):
        if done == essentials and essentials == 2:
            text = _("Both essentials done")
        elif done == essentials and essentials == 1:
            text = _("The essential is done")
        elif done == essentials:
            text = _("All %(total)s essentials done") % {"total": essentials}
        else:
            text = ngettext(
                "%(done)s of %(total)s essential done",
                "%(done)s of %(total)s essentials done",
                essentials,
            ) % {"done": done, "total": essentials}
        essential_texts.append(text)
    extra_texts = [
        ngettext("%(done)s of %(total)s extra", "%(done)s of %(total)s extras", extras)
        % {"done": done, "total": extras}
        for done in range(extras + 1)
    ]
    return {"essentials": essential_texts, "extras": extra_texts}


@require_safe
@cached_public()
def checklist(request: HttpRequest, cc: str, surface: str, service: str = PLATFORM) -> HttpResponse:
    found = _checklist_or_redirect(request, cc, surface, service)
    if isinstance(found, HttpResponse):
        return found
    country, platform = found

    # Only look at the session when asked to preview: reading it adds Vary: Cookie.
    preview = request.GET.get("preview") == "1" and request.user.is_staff
    result = build_checklist(
        country,
        surface,
        language=get_language(),
        preview=preview,
        platform=service,
        actions=None if preview else published.actions((surface,), service),
        rollouts=None if preview else published.rollouts_reaching(country.code),
    )
    main = result.main
    optional = result.optional
    context = {
        "checklist": result,
        "platform": platform,
        "links": ChecklistAddresses(service, country.code, surface),
        "ticks_key": ticks_key(service, country.code),
        "default_platform": PLATFORM,
        "country": country,
        "surface": surface,
        "surface_label": Surface(surface).label,
        "main_items": main,
        "optional_items": optional,
        "progress_total": len(main) + len(optional),
        "progress_sentences": progress_sentences(len(main), len(optional)),
        "other_items": result.not_applicable,
        "surfaces": _surface_links(country, service),
        "choices": country_choices(),
        "share_title": ngettext(
            "Opt out of %(platform)s AI training in %(country)s: %(count)d step",
            "Opt out of %(platform)s AI training in %(country)s: %(count)d steps",
            len(main),
        )
        % {"platform": platform.name, "country": country.in_sentence, "count": len(main)},
        "untranslated": any(item.untranslated for item in result.items),
        "outdated": any(item.outdated for item in result.items),
        "not_english": get_language() != settings.LANGUAGE_CODE,
        "preview": preview,
    }
    response = render(request, "walkthroughs/checklist.html", context)
    if preview:
        # Drafts must never reach a shared cache or another visitor.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
@cached_public()
def checklist_reminder(
    request: HttpRequest, cc: str, surface: str, service: str = PLATFORM
) -> HttpResponse:
    """A calendar file that reminds the visitor to check the settings again in three months.

    The same file for everyone who asks for this checklist on the same day: it carries
    the checklist's address and nothing about the visitor.
    """
    found = _checklist_or_redirect(request, cc, surface, service)
    if isinstance(found, HttpResponse):
        return found
    _country, platform = found
    url = request.build_absolute_uri(checklist_url("checklist", service, cc, surface))
    # LinkedIn's event names stay as they were: a calendar that imported one knows it.
    name = f"{cc}-{surface}" if service == PLATFORM else f"{service}-{cc}-{surface}"
    calendar = reminders.recheck_calendar(
        name=name,
        url=url,
        title=_("Check your %(platform)s settings again") % {"platform": platform.name},
        description=_(
            "%(platform)s sometimes adds settings or renames them. Open your checklist and "
            "check each setting again: %(url)s"
        )
        % {"platform": platform.name, "url": url},
        host=request.get_host(),
    )
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    filename = f"{service}-recheck-{cc}-{surface}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def checklist_feed(feed: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The Atom feed of one checklist's changes, at canonical addresses only, cached."""

    @require_safe
    @cached_public()
    def view(request: HttpRequest, cc: str, surface: str, service: str = PLATFORM) -> HttpResponse:
        found = _checklist_or_redirect(request, cc, surface, service)
        if isinstance(found, HttpResponse):
            return found
        return feed(request, cc=cc, surface=surface, service=service)

    return view


@require_safe
@cached_public(max_age=24 * 60 * 60)
def checklist_qr(
    request: HttpRequest, cc: str, surface: str, service: str = PLATFORM
) -> HttpResponse:
    """An SVG QR code of the checklist's address, to continue on a phone."""
    country = find_country(cc)
    long_form = request.resolver_match.url_name.startswith("service_")
    if (
        country is None
        or surface not in Surface.values
        or country.code != cc
        or published.platform(service) is None
        or (long_form and service == PLATFORM)
    ):
        raise Http404("No checklist at this address.")
    url = request.build_absolute_uri(checklist_url("checklist", service, cc, surface))
    return qr_svg(url)


def qr_svg(url: str) -> HttpResponse:
    svg = io.BytesIO()
    # A standalone SVG document (with its namespace), so browsers show it in an <img>.
    segno.make(url, error="m").save(
        svg, kind="svg", xmldecl=False, scale=4, dark="#000", light="#fff", title=url
    )
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")


def _plan_services(slugs: list[str]) -> tuple[published.Service, ...] | None:
    """The services named, once each, in the site's order; None when one is unknown."""
    known = {service.slug: service for service in published.platforms()}
    if not slugs or any(slug not in known for slug in slugs):
        return None
    return tuple(service for service in published.platforms() if service.slug in set(slugs))


def plan_url(cc: str, surface: str, services: tuple[published.Service, ...]) -> str:
    """A plan's canonical address; one service's plan is that service's checklist."""
    if len(services) == 1:
        return checklist_url("checklist", services[0].slug, cc, surface)
    joined = "+".join(service.slug for service in services)
    return reverse("walkthroughs:plan", args=[cc, surface, joined])


@require_safe
def choose_plan(request: HttpRequest) -> HttpResponse:
    """Target of the services question: on to the plan's canonical address."""
    country = find_country(request.GET.get("country", ""))
    surface = request.GET.get("surface", "")
    slugs = request.GET.getlist("service")
    if country is None or surface not in Surface.values:
        return not_found(request, status=400, message=_("Please choose a country and a device."))
    services = _plan_services(slugs)
    if services is None:
        context = {
            "choices": country_choices(),
            "selected": country.code,
            "step": "services",
            "country": country,
            "surface": surface,
            "surface_label": Surface(surface).label,
            "services": published.platforms(),
            "chosen": set(slugs),
            "error": _("Please choose at least one service from the list."),
        }
        return _wizard_response(request, context, status=400)
    return redirect(plan_url(country.code, surface, services))


def _plan_or_redirect(
    request: HttpRequest, cc: str, surface: str, services: str
) -> tuple[Place, tuple[published.Service, ...]] | HttpResponse:
    country = find_country(cc)
    chosen = _plan_services(services.lower().split("+"))
    if country is None or chosen is None:
        raise Http404("No plan at this address.")
    if surface.lower() not in Surface.values:
        return _unknown_device(request, country, surface, chosen[0])
    canonical = plan_url(country.code, surface.lower(), chosen)
    if canonical != request.path_info.removesuffix("qr.svg"):
        if request.resolver_match.url_name == "plan_qr":
            raise Http404("No plan at this address.")
        return redirect(canonical, permanent=True)
    return country, chosen


@dataclasses.dataclass(frozen=True)
class PlanSection:
    platform: published.Service
    checklist: Checklist
    links: ChecklistAddresses
    # Ids on the page are the item's slug after this: two services may share a slug.
    prefix: str
    ticks_key: str


@require_safe
@cached_public()
def plan(request: HttpRequest, cc: str, surface: str, services: str) -> HttpResponse:
    """Several services' checklists on one page, at one address that holds the choice."""
    found = _plan_or_redirect(request, cc, surface, services)
    if isinstance(found, HttpResponse):
        return found
    country, chosen = found
    slugs = tuple(service.slug for service in chosen)
    checklists = build_plan(
        country,
        surface,
        language=get_language(),
        platforms=slugs,
        actions=published.all_actions((surface,)),
    )
    sections = [
        PlanSection(
            platform=service,
            checklist=checklist,
            links=ChecklistAddresses(service.slug, country.code, surface),
            prefix=f"{service.slug}-",
            ticks_key=ticks_key(service.slug, country.code),
        )
        for service, checklist in zip(chosen, checklists, strict=True)
    ]
    count = sum(len(section.checklist.main) for section in sections)
    names = list_of([service.name for service in chosen], get_language())
    context = {
        "sections": sections,
        "country": country,
        "surface": surface,
        "surface_label": Surface(surface).label,
        "plan_path": request.path,
        "names": names,
        "main_count": count,
        "share_title": ngettext(
            "Opt out of AI training in %(country)s: %(count)d step for %(services)s",
            "Opt out of AI training in %(country)s: %(count)d steps for %(services)s",
            count,
        )
        % {"country": country.in_sentence, "count": count, "services": names},
        "surfaces": [
            (value, label, plan_url(country.code, value, chosen))
            for value, label in Surface.choices
        ],
        "untranslated": any(i.untranslated for c in checklists for i in c.items),
        "not_english": get_language() != settings.LANGUAGE_CODE,
    }
    return render(request, "walkthroughs/plan.html", context)


@require_safe
@cached_public(max_age=24 * 60 * 60)
def plan_qr(request: HttpRequest, cc: str, surface: str, services: str) -> HttpResponse:
    """An SVG QR code of the plan's address."""
    found = _plan_or_redirect(request, cc, surface, services)
    if isinstance(found, HttpResponse):
        raise Http404("No plan at this address.")
    country, chosen = found
    return qr_svg(request.build_absolute_uri(plan_url(country.code, surface, chosen)))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report(
    request: HttpRequest, cc: str, surface: str, slug: str, service: str = PLATFORM
) -> HttpResponse:
    """'My screen looks different': a short form, loaded only when a visitor asks for it."""
    country = find_country(cc)
    action = (
        Action.objects.published()
        .for_platform(service)
        .filter(slug=slug)
        .select_related("platform")
        .first()
    )
    if country is None or action is None or surface not in Surface.values:
        raise Http404("No checklist item at this address.")
    if not action.applies_in(country.code):
        # Not on this country's checklist: there are no steps there to report on.
        raise Http404("This item is not on that country's checklist.")
    language = get_language()
    context = {
        "country": country,
        "action": action,
        "platform": action.platform,
        "checklist_url": checklist_url("checklist", service, country.code, surface),
        "action_title": translations.get(action, "title", language)[0],
        "surface": surface,
    }
    template = "walkthroughs/report.html"

    if request.method != "POST":
        number = request.GET.get("step", "")
        step = (
            action.steps.filter(surface=surface, position=int(number)).first()
            if number.isdigit() and len(number) < 3
            else None
        )
        initial = {"surface": surface, "step_number": step.position if step else None}
        if step:
            context["step"] = (step.position, translations.get(step, "text", language)[0])
        form = ReportForm(initial=initial, platform=action.platform.name, action=action)
        return render(request, template, {**context, "form": form})

    form = ReportForm(request.POST, platform=action.platform.name, action=action)
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
def changes(request: HttpRequest, service: str | None = None) -> HttpResponse:
    """The public change log of the steps: every service's, or one service's."""
    notes = ChangeNote.objects.filter(is_public=True)
    platform = None
    if service is not None:
        platform = _service(service)
        notes = notes.filter(action__platform__slug=service)
    page = Paginator(notes, 50).get_page(request.GET.get("page"))
    context = {"page": page, "platform": platform, "services": published.platforms()}
    return render(request, "walkthroughs/changes.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    # The admin path is not named here: it may be secret, and it is never indexed anyway.
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def not_found(
    request: HttpRequest,
    exception: Exception | None = None,
    status: int = 404,
    message: str = "",
    surfaces: list[tuple[str, str, str]] | None = None,
) -> HttpResponse:
    """The 404 page leads on: the country's checklists when the country is known, else the
    country picker, so a broken link still leads somewhere."""
    choices: list[tuple[str, str]] = []
    if not surfaces:
        # A 404 page must render even when the database is down.
        with contextlib.suppress(DatabaseError):
            choices = country_choices()
    context = {
        "choices": choices,
        "selected": _preselected(request, choices) if choices else "",
        "message": message,
        "surfaces": surfaces or [],
    }
    return render(request, "404.html", context, status=status)
