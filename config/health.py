"""Health for load balancers and orchestrators: liveness and readiness told apart.

- ``/healthz/live``: 200 while the process answers at all. Restart the instance when
  this fails; a restart cures nothing else reported here.
- ``/healthz/ready``, and ``/healthz`` (what load balancers and the image already call):
  200 when the site can serve visitors, that is when the database answers, or when the
  cache answers and holds pages of the current content. The JSON body gives each
  dependency's state and how long it took to answer. 503 only when neither holds: one
  dependency wobbling must not make a load balancer pull every instance at once.
"""

import dataclasses
import json
import time
from collections.abc import Callable

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from redis.exceptions import RedisError

from pagecache.responses import holds_pages

from .cache import ResilientRedisCache

LIVE_PATH = "/healthz/live"
READY_PATHS = ("/healthz", "/healthz/ready")


@dataclasses.dataclass(frozen=True)
class Dependency:
    up: bool
    latency_ms: float


def _timed(check: Callable[[], object], failures: tuple[type[Exception], ...]) -> Dependency:
    started = time.perf_counter()
    try:
        check()
    except failures:
        up = False
    else:
        up = True
    return Dependency(up=up, latency_ms=round((time.perf_counter() - started) * 1000, 2))


def _select_one() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache_answers() -> None:
    backend = caches["default"]
    if isinstance(backend, ResilientRedisCache):
        # That backend turns failures into misses: ask the server itself.
        backend.ping()
    else:
        # A cache in the process's own memory answers whenever the process does.
        backend.get(LIVE_PATH)


def readiness() -> tuple[bool, dict]:
    """Whether this instance can serve visitors, and what each dependency says."""
    database = _timed(_select_one, (DatabaseError,))
    cache = _timed(_cache_answers, (RedisError, OSError))
    pages = cache.up and holds_pages()
    ready = database.up or pages
    status = "ok" if database.up and cache.up else "degraded" if ready else "unavailable"
    return ready, {
        "status": status,
        "database": {"state": "up" if database.up else "down", "latency_ms": database.latency_ms},
        "cache": {
            "state": "up" if cache.up else "down",
            "latency_ms": cache.latency_ms,
            # Cached pages keep being served without the database.
            "pages": pages,
        },
    }


def healthz(path: str) -> HttpResponse:
    if path == LIVE_PATH:
        response = HttpResponse("ok\n", content_type="text/plain")
    else:
        ready, body = readiness()
        response = HttpResponse(
            json.dumps(body) + "\n", status=200 if ready else 503, content_type="application/json"
        )
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """Answers /healthz, /healthz/live and /healthz/ready before host checks and the HTTPS redirect.

    Load balancers and container health checks call them by internal address over plain HTTP.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path.rstrip("/") or "/"
        if path == LIVE_PATH or path in READY_PATHS:
            if request.method not in ("GET", "HEAD"):
                return HttpResponseNotAllowed(["GET", "HEAD"])
            return healthz(path)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A clear 503 page, not a 500, when the database is unreachable.

    Cached public pages are answered without the database and keep working.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DatabaseError):
            return None
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = "30"
        add_never_cache_headers(response)
        return response
