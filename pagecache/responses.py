"""Public responses cached by content version, with ETag, Last-Modified and 304s.

A content change moves the version, so every process stops serving the old pages at
once without anything to purge; old entries simply expire. A cached page is also filed
under its exact address, so that ``pagecache.middleware.CachedPageMiddleware`` can answer
it before the rest of the middleware and URL resolution run: a cached page costs little
more than a static file.

What a visitor can vary cannot fill the cache. Pages are rendered and keyed for the
canonical host (``CANONICAL_HOST``), whatever Host and port a client sends; the key holds
only the query parameters a view reads, each only in the forms it names; an address is
filed for the early answer only as its one canonical spelling; and only successful
answers are kept, so page numbers beyond the last page, unknown countries and bad
parameters are answered but never stored.
"""

import functools
import hashlib
import re
from collections.abc import Callable, Mapping

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import compression, content_version

View = Callable[..., HttpResponse]
# Moves when what an entry holds changes shape, so a deploy never reads an older entry.
FORMAT = 2


def cached_public(
    max_age: int | None = None,
    query: Mapping[str, str] | None = None,
    variant: Callable[[HttpRequest], str | None] | None = None,
) -> Callable[[View], View]:
    """Cache a public GET view's successful answers until the content changes.

    ``query`` names the parameters the view reads, each with a pattern of the values
    that may be kept (``{"p": r"[1-9][0-9]{0,3}"}``); other parameters are ignored, and a
    request with a named one outside its pattern or repeated is answered uncached.
    ``variant`` names what else the answer depends on (the response's Vary header must
    say so too); returning None skips the cache for that request.
    """
    patterns = {name: re.compile(pattern) for name, pattern in (query or {}).items()}

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            extra = variant(request) if variant else ""
            params = _params(request, patterns)
            if (
                request.method not in ("GET", "HEAD")
                or "preview" in request.GET
                or extra is None
                or params is None
            ):
                return view(request, *args, **kwargs)
            _use_canonical_host(request)
            version = content_version.current()
            key = _key("page", version, request, f"{request.path}|{params}|{extra}")
            # The exact address serves the middleware's fast path: only its canonical
            # spelling, so that made-up query strings cannot fill the cache.
            keys = [key]
            if variant is None and request.META.get("QUERY_STRING", "") == params:
                keys.append(address_key(request, version))
            entry = cache.get(key)
            if entry is None:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                entry = _entry(response, max_age)
                timeout = settings.PAGE_CACHE_TIMEOUT
                cache.set_many({**dict.fromkeys(keys, entry), _pages_key(version): True}, timeout)
                compression.UPGRADER.submit(tuple(keys), entry, timeout)
            elif len(keys) > 1:
                cache.set(keys[1], entry, settings.PAGE_CACHE_TIMEOUT)
            return serve(request, entry, version)

        return wrapped

    return decorator


def _params(request: HttpRequest, patterns: Mapping[str, re.Pattern]) -> str | None:
    """The named parameters as the key holds them, or None when one is made up."""
    present = []
    for name, pattern in patterns.items():
        values = request.GET.getlist(name)
        if not values:
            continue
        if len(values) > 1 or not pattern.fullmatch(values[0]):
            return None
        present.append(f"{name}={values[0]}")
    return "&".join(present)


def _host(request: HttpRequest) -> str:
    return settings.CANONICAL_HOST or request.get_host()


def _use_canonical_host(request: HttpRequest) -> None:
    # The page names its own address (canonical link, sharing, feeds, sitemaps): render it
    # for the canonical host, so that whoever causes the miss cannot choose what others get.
    if settings.CANONICAL_HOST:
        request.META["HTTP_HOST"] = settings.CANONICAL_HOST


def _key(kind: str, version: str, request: HttpRequest, address: str) -> str:
    ident = f"{FORMAT}|{version}|{request.scheme}|{_host(request)}|{address}"
    return f"{kind}:" + hashlib.sha256(ident.encode()).hexdigest()


def address_key(request: HttpRequest, version: str) -> str:
    return _key("address", version, request, request.get_full_path())


def _pages_key(version: str) -> str:
    return f"pages-cached:{FORMAT}:{version}"


def holds_pages() -> bool:
    """Whether the cache holds pages of the content it last knew, to serve without the database."""
    version = content_version.cached()
    return version is not None and cache.get(_pages_key(version)) is not None


def _entry(response: HttpResponse, max_age: int | None) -> dict:
    """What the cache keeps: the body as it is and compressed both ways browsers read."""
    content = response.content
    headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
    if not response.has_header("Content-Language"):
        headers.append(("Content-Language", translation.get_language()))
    return {
        "content": content,
        # Compressed once, here, so that a busy page costs no compression work per request.
        "encoded": compression.fast(content),
        "headers": headers,
        "etag": hashlib.sha256(content).hexdigest()[:32],
        "max_age": settings.PUBLIC_CACHE_MAX_AGE if max_age is None else max_age,
    }


def _encoding(request: HttpRequest, entry: dict) -> str | None:
    accepted = request.headers.get("Accept-Encoding", "")
    for encoding in ("br", "gzip"):
        _, body = entry["encoded"][encoding]
        if encoding in accepted and len(body) < len(entry["content"]):
            return encoding
    return None


def serve(request: HttpRequest, entry: dict, version: str) -> HttpResponse:
    encoding = _encoding(request, entry)
    if encoding:
        level, body = entry["encoded"][encoding]
        # Each encoding, and each level of it, is a different representation with its own
        # validator: the body upgraded to brotli's best is not the same bytes.
        etag = f'"{entry["etag"]}-{encoding}{level}"'
    else:
        body, etag = entry["content"], f'"{entry["etag"]}"'
    response = HttpResponse(body)
    for header, value in entry["headers"]:
        response[header] = value
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
