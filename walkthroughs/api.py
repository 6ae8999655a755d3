"""The read-only JSON API: checklists for re-users, and the countries with their regions."""

import dataclasses
import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from pagecache import content_version
from pagecache.responses import cached_public
from regions.models import Country, Region

from . import published
from .addresses import checklist_url
from .checklists import PLATFORM, Checklist, Item, build_checklist, labelled
from .directory import find_country
from .models import Surface


def _json(data: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Public, read-only data: any site may fetch it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def item_json(item: Item) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "optional": item.optional,
        "applies": item.applies,
        "applies_since": _iso(item.applies_since),
        "reason": item.reason,
        "default_state": item.default_state or None,
        "choose": item.choose,
        "setting_label": item.setting_label,
        "setting_label_local": item.setting_label_local or None,
        "setting_label_confidence": item.setting_label_confidence,
        "deep_link": item.deep_link or None,
        "warnings": [warning.text for warning in item.warnings],
        "warning_kinds": [warning.kind for warning in item.warnings],
        "prior_data": item.prior_data,
        "still_used": item.still_used,
        "confidence": item.confidence,
        "unverified": item.unverified,
        "untranslated": item.untranslated,
        "outdated": item.outdated,
        "checking": item.checking,
        "place_note": item.place_note or None,
        "place_doubt": item.place_doubt or None,
        "sources_checked_on": _iso(item.sources_checked_on),
        "last_verified_on": _iso(item.last_verified_on),
        # Per surface: when its steps were last followed on a live account.
        "verified_on": {surface: _iso(day) for surface, day in item.verified_on.items()},
        "updated_at": item.updated_at.isoformat(),
        "sources": [source.url for source in item.sources if source.url],
        "citations": [dataclasses.asdict(source) for source in item.sources],
        "time_needed": item.time_needed or None,
        "done_looks_like": item.done_looks_like or None,
        "form_text": item.form_text or None,
        # Per surface: LinkedIn's labels on the way to the setting, and what is unsure.
        "label_path": {
            surface: [step.ui_label for step in labelled(steps)]
            for surface, steps in item.steps.items()
        },
        "step_checking": {surface: list(doubts) for surface, doubts in item.step_doubts.items()},
        "steps": {
            surface: [
                {
                    "position": step.position,
                    "text": step.text,
                    "ui_label": step.ui_label,
                    "ui_label_local": step.ui_label_local or None,
                    "confidence": step.confidence,
                    "outdated": step.outdated,
                    "screenshot": _screenshot_json(step.screenshot),
                }
                for step in steps
            ]
            for surface, steps in item.steps.items()
        },
    }


def _screenshot_json(shot) -> dict[str, Any] | None:
    """How the step looked, where an editor took a screenshot: addresses on this site."""
    if shot is None:
        return None
    return {
        "url": shot.address,
        "fallback_url": shot.fallback_address,
        "type": "image/webp",
        "fallback_type": "image/jpeg",
        "width": shot.width,
        "height": shot.height,
        "alt": shot.alt_text,
        "taken_on": shot.taken_on.isoformat(),
        "english_screen": shot.english_screen,
    }


def checklist_json(checklist: Checklist, version: str) -> dict[str, Any]:
    return {
        "country": {
            "code": checklist.place.code,
            "name": checklist.place.name,
            "notes": list(checklist.notices),
            "checking": list(checklist.doubts),
        },
        "platform": checklist.platform,
        "content_version": version,
        "items": [item_json(item) for item in checklist.items],
    }


def _api_checklist_url(service: str, cc: str) -> str:
    # LinkedIn's address of before stays its canonical one.
    if service == PLATFORM:
        return reverse("api:checklist", args=[cc])
    return reverse("api:service_checklist", args=[service, cc])


@require_safe
@cached_public(query={"lang": r"[a-z]{2}(-[a-z]{2,4})?"})
def checklist(request: HttpRequest, cc: str, service: str = PLATFORM) -> HttpResponse:
    """A service's checklist for a country, every surface; ``?lang=fr`` for another language."""
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        offered = ", ".join(code for code, _ in settings.LANGUAGES)
        return _json(
            {"error": "unknown-language", "message": f"lang must be one of: {offered}."},
            status=400,
        )
    if published.platform(service) is None:
        return _json(
            {"error": "unknown-platform", "message": f"No service has the slug {service!r}."},
            status=404,
        )
    place = find_country(cc, language)
    if place is None:
        return _json(
            {"error": "unknown-country", "message": f"No country has the code {cc!r}."},
            status=404,
        )
    long_form = request.resolver_match.url_name == "service_checklist"
    if place.code != cc or (long_form and service == PLATFORM):
        target = _api_checklist_url(service, place.code)
        if "lang" in request.GET:
            target += f"?lang={language}"
        return redirect(target, permanent=True)
    checklist = build_checklist(
        place,
        language=language,
        platform=service,
        actions=published.actions(tuple(Surface.values), service),
        rollouts=published.rollouts_reaching(place.code),
    )
    data = checklist_json(checklist, content_version.current())
    data["language"] = language
    return _json(data)


@require_safe
@cached_public()
def countries(request: HttpRequest) -> HttpResponse:
    all_countries = Country.objects.select_related("part_of").prefetch_related("regions")
    regions = Region.objects.all()
    return _json(
        {
            "countries": [
                {
                    "code": country.code,
                    "name": country.name,
                    "kind": country.kind,
                    "part_of": country.part_of.code if country.part_of else None,
                    "law": country.law or None,
                    "regions": sorted(region.slug for region in country.regions.all()),
                }
                for country in all_countries
            ],
            "regions": [
                {"slug": region.slug, "name": region.name, "description": region.description}
                for region in regions
            ],
        }
    )


@require_safe
@cached_public()
def platforms(request: HttpRequest) -> HttpResponse:
    """The services with a checklist, in the site's order, and where their data lives."""
    return _json(
        {
            "platforms": [
                {
                    "slug": service.slug,
                    "name": service.name,
                    "website": service.website or None,
                    "checklists": _api_checklist_url(service.slug, "CC").replace("CC", "{cc}"),
                    "pages": checklist_url("checklist", service.slug, "CC", "SURFACE")
                    .replace("CC", "{cc}")
                    .replace("SURFACE", "{surface}"),
                }
                for service in published.platforms()
            ]
        }
    )


app_name = "api"

urlpatterns = [
    path("checklists/<str:cc>/", checklist, name="checklist"),
    path("checklists/<slug:service>/<str:cc>/", checklist, name="service_checklist"),
    path("countries/", countries, name="countries"),
    path("platforms/", platforms, name="platforms"),
]
