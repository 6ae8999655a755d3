"""A token that changes whenever published content changes.

Caches, ETags and the API's ``content_version`` all key on it. It lives in the
shared cache, so one editor's save reaches every server process at once when
``CACHE_URL`` points at Redis.
"""

import secrets

from django.core.cache import cache

CACHE_KEY = "content-version"


def current() -> str:
    version = cache.get(CACHE_KEY)
    if version is None:
        # add() so that two processes starting together agree on one token.
        cache.add(CACHE_KEY, secrets.token_hex(6), timeout=None)
        version = cache.get(CACHE_KEY)
    return version


def bump() -> str:
    version = secrets.token_hex(6)
    cache.set(CACHE_KEY, version, timeout=None)
    return version
