"""Public responses cached by content version, with ETag, Last-Modified and 304s.

A content change moves the version, so every process stops serving the old pages at
once without anything to purge; old entries simply expire.
"""

import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string

from . import content_version

View = Callable[..., HttpResponse]


def cached_public(
    max_age: int | None = None,
    query: tuple[str, ...] = (),
    variant: Callable[[HttpRequest], str | None] | None = None,
) -> Callable[[View], View]:
    """Cache a public GET view's successful answers until the content changes.

    The cache key holds the path and only the named query parameters the view reads, so
    tracking parameters cannot fill the cache. ``variant`` names what else the answer
    depends on (the response's Vary header must say so too); returning None skips the
    cache for that request.
    """
    browser_max_age = settings.PUBLIC_CACHE_MAX_AGE if max_age is None else max_age

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            extra = variant(request) if variant else ""
            if request.method not in ("GET", "HEAD") or "preview" in request.GET or extra is None:
                return view(request, *args, **kwargs)
            version = content_version.current()
            params = "&".join(f"{name}={request.GET.get(name, '')}" for name in query)
            ident = (
                f"{version}|{request.scheme}|{request.get_host()}|{request.path}|{params}|{extra}"
            )
            key = "page:" + hashlib.sha256(ident.encode()).hexdigest()
            entry = cache.get(key)
            if entry is None:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                entry = _entry(response)
                cache.set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
            response = _response(request, entry)
            last_modified = content_version.changed_at(version).timestamp()
            response["Last-Modified"] = http_date(last_modified)
            patch_cache_control(
                response,
                public=True,
                max_age=browser_max_age,
                stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
            )
            return get_conditional_response(
                request, etag=response["ETag"], last_modified=int(last_modified), response=response
            )

        return wrapped

    return decorator


def _entry(response: HttpResponse) -> dict:
    """What the cache keeps: the body, compressed once rather than on every request."""
    content = response.content
    return {
        "content": content,
        "gzip": compress_string(content),
        "headers": [(k, v) for k, v in response.items() if k.lower() != "content-length"],
        "etag": hashlib.sha256(content).hexdigest()[:32],
    }


def _response(request: HttpRequest, entry: dict) -> HttpResponse:
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "") and len(entry["gzip"]) < len(
        entry["content"]
    )
    response = HttpResponse(entry["gzip"] if gzipped else entry["content"])
    for header, value in entry["headers"]:
        response[header] = value
    # Each encoding is a different representation, with its own validator.
    response["ETag"] = f'"{entry["etag"]}-gzip"' if gzipped else f'"{entry["etag"]}"'
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
