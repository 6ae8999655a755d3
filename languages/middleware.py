"""The visitor's language: from the address prefix only, so cached pages never vary on it.

English has no prefix. A first visit to ``/`` is sent to the visitor's preferred language
when we have it; after that, the address alone decides.
"""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
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


def _same_site_referrer(request: HttpRequest) -> bool:
    referrer = request.headers.get("Referer", "")
    return bool(referrer) and urlsplit(referrer).netloc == request.get_host()


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
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
