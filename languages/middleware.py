"""The visitor's language: from the address prefix only, so cached pages never vary on it.

English has no prefix. A first visit to ``/`` is sent to the visitor's preferred language
when we have it; after that, the address alone decides.
"""

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.utils import translation
from django.utils.cache import patch_vary_headers

from regions.detection import accept_language_tags


def preferred_language(request: HttpRequest) -> str | None:
    """The first language in Accept-Language that we offer, if any."""
    offered = {code for code, _ in settings.LANGUAGES}
    for tag in accept_language_tags(request.headers.get("Accept-Language", "")):
        if tag == "zh" or tag.startswith("zh-"):
            # Our Chinese is Traditional; readers of Simplified read it better than English.
            return "zh-hant"
        base = tag.split("-")[0]
        if base in offered:
            return base
    return None


# A language tag as people type it in an address: en, EN, pt-br, pt_BR, zh-TW, zh-Hant-HK.
_TAG = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8}){0,2}$", re.IGNORECASE)


def _language_of_tag(tag: str) -> str | None:
    """The language we offer for a tag, the way preferred_language reads it."""
    base = tag.lower().replace("_", "-").split("-")[0]
    if base == "zh":
        return "zh-hant"  # our only Chinese
    return base if base in {code for code, _ in settings.LANGUAGES} else None


def guessed_address(path: str) -> str | None:
    """Where an address with a guessed language prefix (/en/…, /zh/…, /pt-br/…) belongs.

    None when the prefix is already ours, or is no language we offer.
    """
    segment, slash, rest = path.lstrip("/").partition("/")
    if not _TAG.match(segment):
        return None
    language = _language_of_tag(segment)
    if language is None:
        return None
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    if segment == prefix.lstrip("/"):
        return None
    return f"{prefix}/{rest}" if slash or not prefix else f"{prefix}/"


def _same_site_referrer(request: HttpRequest) -> bool:
    referrer = request.headers.get("Referer", "")
    return bool(referrer) and urlsplit(referrer).netloc == request.get_host()


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        guessed = guessed_address(request.path_info)
        if guessed is not None:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{guessed}?{query}" if query else guessed)
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            language = settings.LANGUAGE_CODE
            if request.path_info == "/" and not request.GET and not _same_site_referrer(request):
                preferred = preferred_language(request)
                if preferred and preferred != settings.LANGUAGE_CODE:
                    response = HttpResponseRedirect(f"/{preferred}/")
                    patch_vary_headers(response, ["Accept-Language"])
                    return response
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
