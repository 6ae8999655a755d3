"""The early answer: a cached public page leaves before URL resolution and the rest."""

from collections.abc import Callable

from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

from . import content_version
from .responses import address_key, serve


class CachedPageMiddleware:
    """Answers a request for a cached public page before URL resolution and the rest."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and "preview" not in request.GET:
            try:
                version = content_version.current()
            except DatabaseError:
                return self.get_response(request)  # nothing cached to go on: the 503 page
            entry = cache.get(address_key(request, version))
            if entry is not None:
                return serve(request, entry, version)
        return self.get_response(request)
