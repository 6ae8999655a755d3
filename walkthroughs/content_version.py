"""A token that changes whenever content changes.

Cached pages, ETags and the API's ``content_version`` all key on it. It lives in the
shared cache, so one editor's save reaches every server process at once when
``CACHE_URL`` points at Redis. It starts with the time it was made, which serves as
the Last-Modified date of everything keyed on it.
"""

import datetime
import secrets
import time

from django.core.cache import cache

CACHE_KEY = "content-version"


def _new() -> str:
    return f"{int(time.time())}-{secrets.token_hex(4)}"


def current() -> str:
    version = cache.get(CACHE_KEY)
    if version is None:
        # add() so that two processes starting together agree on one token.
        cache.add(CACHE_KEY, _new(), timeout=None)
        version = cache.get(CACHE_KEY) or _new()
    return version


def bump() -> str:
    version = _new()
    cache.set(CACHE_KEY, version, timeout=None)
    return version


def changed_at(version: str) -> datetime.datetime:
    """When the content last changed, as far as this token knows."""
    seconds, _, _ = version.partition("-")
    return datetime.datetime.fromtimestamp(int(seconds), tz=datetime.UTC)
