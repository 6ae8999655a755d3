"""Public responses cached by content version, with ETag, Last-Modified and 304s.

A content change moves the version, so every process stops serving the old pages at
once without anything to purge; old entries simply expire. A cached page is also filed
under its exact address, so that ``pagecache.middleware.CachedPageMiddleware`` can answer
it before the rest of the middleware and URL resolution run: a cached page costs little
more than a static file.
"""

import functools
import hashlib
from collections.abc import Callable

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
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
                entry = _entry(response, max_age)
                cache.set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
            # The exact address serves the middleware's fast path; only canonical ones, so
            # that made-up query strings cannot fill the cache.
            if variant is None and set(request.GET) <= set(query):
                cache.set(address_key(request, version), entry, settings.PAGE_CACHE_TIMEOUT)
            return serve(request, entry, version)

        return wrapped

    return decorator


def address_key(request: HttpRequest, version: str) -> str:
    ident = f"{version}|{request.scheme}|{request.get_host()}|{request.get_full_path()}"
    return "address:" + hashlib.sha256(ident.encode()).hexdigest()


def _entry(response: HttpResponse, max_age: int | None) -> dict:
    """What the cache keeps: the body as it is and compressed both ways browsers read."""
    content = response.content
    headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
    if not response.has_header("Content-Language"):
        headers.append(("Content-Language", translation.get_language()))
    return {
        "content": content,
        # Compressed once, here, so that a busy page costs no compression work per request.
        "encoded": {"br": brotli.compress(content, quality=11), "gzip": compress_string(content)},
        "headers": headers,
        "etag": hashlib.sha256(content).hexdigest()[:32],
        "max_age": settings.PUBLIC_CACHE_MAX_AGE if max_age is None else max_age,
    }


def _encoding(request: HttpRequest, entry: dict) -> str | None:
    accepted = request.headers.get("Accept-Encoding", "")
    for encoding in ("br", "gzip"):
        body = entry["encoded"][encoding]
        if encoding in accepted and len(body) < len(entry["content"]):
            return encoding
    return None


def serve(request: HttpRequest, entry: dict, version: str) -> HttpResponse:
    encoding = _encoding(request, entry)
    response = HttpResponse(entry["encoded"][encoding] if encoding else entry["content"])
    for header, value in entry["headers"]:
        response[header] = value
    # Each encoding is a different representation, with its own validator.
    etag = f'"{entry["etag"]}-{encoding}"' if encoding else f'"{entry["etag"]}"'
    response["ETag"] = etag
    if encoding:
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(response.content))
    patch_vary_headers(response, ["Accept-Encoding"])
    last_modified = int(content_version.changed_at(version).timestamp())
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(
        response,
        public=True,
        max_age=entry["max_age"],
        stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
    )
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
