"""A token that changes whenever content changes.

Cached pages, ETags and the API's ``content_version`` all key on it. The database holds
the truth (one ContentRevision row, moved by every content change); the cache holds a
copy so that cached pages need no query. With a shared cache (Redis) a change reaches
every process at once; with a per-process cache (local memory) each process looks at the
database again after ``CONTENT_VERSION_TTL`` seconds. If the database is down, the last
known version keeps cached pages flowing. If the cache is down, every request reads the
version from the database (config/cache.py turns the failure into a miss).
"""

import datetime
import threading
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone

from .models import ContentRevision

CACHE_KEY = "content-version"
LAST_KNOWN_KEY = "content-version:last-known"

# Values computed from the content, kept by this process for the version they were made
# from: name -> (version, value).
_derived: dict[str, tuple[str, object]] = {}
_derived_lock = threading.Lock()


def _token(changed_at: datetime.datetime) -> str:
    return f"{int(changed_at.timestamp())}-{changed_at.microsecond:06d}"


def _remember(token: str) -> str:
    cache.set(CACHE_KEY, token, timeout=settings.CONTENT_VERSION_TTL)
    cache.set(LAST_KNOWN_KEY, token, timeout=None)
    return token


def cached() -> str | None:
    """The version the cache holds, without asking the database; None if it holds none."""
    token = cache.get(CACHE_KEY)
    return token if token is not None else cache.get(LAST_KNOWN_KEY)


def current() -> str:
    token = cache.get(CACHE_KEY)
    if token is not None:
        return token
    try:
        revision, _ = ContentRevision.objects.get_or_create(pk=1)
    except DatabaseError:
        last = cache.get(LAST_KNOWN_KEY)
        if last is None:
            raise
        return last
    return _remember(_token(revision.changed_at))


def bump() -> str:
    now = timezone.now()
    updated = ContentRevision.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now)
    if not updated:
        ContentRevision.objects.create(pk=1, number=1, changed_at=now)
    return _remember(_token(now))


def changed_at(version: str) -> datetime.datetime:
    """When the content last changed, as far as this token knows."""
    seconds, _, _ = version.partition("-")
    return datetime.datetime.fromtimestamp(int(seconds), tz=datetime.UTC)


def derived[T](name: str, build: Callable[[], T]) -> T:
    """What ``build`` makes from the content, made once per content version in this process.

    For what every miss would otherwise rebuild or unpickle (the country directory, the
    published content the engine reads): held in memory, shared by the process's threads,
    read-only, and made again as soon as the version moves. Needs no cache server.
    """
    version = current()
    made_for, value = _derived.get(name, ("", None))
    if made_for != version:
        value = build()
        with _derived_lock:
            _derived[name] = (version, value)
    return value


def forget_derived() -> None:
    """Drop every value made from the content (tests that change it behind the version's back)."""
    with _derived_lock:
        _derived.clear()
