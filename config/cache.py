"""Redis as a cache that may fail: an unreachable server is a miss, never an error.

Every cache call on a request path (content version, directory, cached pages, rate-limit
counters) goes through this backend when ``CACHE_URL`` names Redis. When Redis is down,
hung or refusing writes, reads miss and writes are dropped, so pages render from the
database instead of failing. Short socket timeouts and a pause after each failure keep
a dead server from costing more than milliseconds: for ``RETRY_AFTER`` seconds after a
failure this process does not try again. A warning is logged once per pause, not once
per call.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Seconds to answer from the database alone after Redis failed, before trying it again.
RETRY_AFTER = 2.0
# Seconds to connect and to wait for an answer: Redis answers in well under a millisecond
# when it is well; waiting longer only holds a worker thread.
SOCKET_TIMEOUT = 0.25


class _Outage:
    """When each server last failed, shared by every thread of the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._until: dict[str, float] = {}

    def active(self, server: str) -> bool:
        return time.monotonic() < self._until.get(server, 0.0)

    def begin(self, server: str, error: Exception) -> None:
        with self._lock:
            if self.active(server):
                return
            self._until[server] = time.monotonic() + RETRY_AFTER
        logger.warning(
            "Cache server unreachable (%s): serving from the database, retrying in %s s",
            type(error).__name__,
            RETRY_AFTER,
        )

    def end(self, server: str) -> None:
        if self._until.pop(server, None) is not None:
            logger.info("Cache server answers again")


OUTAGES = _Outage()


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, with misses instead of errors when the server fails."""

    def __init__(self, server, params: dict) -> None:
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        # One attempt: a retry would double the wait on a dead server, and the next
        # request tries again anyway.
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, params)
        self._server = self._servers[0]

    def _call(self, operation: Callable[..., Any], fallback: Any, *args: Any) -> Any:
        if OUTAGES.active(self._server):
            return fallback
        try:
            result = operation(*args)
        except RedisError as error:
            OUTAGES.begin(self._server, error)
            return fallback
        OUTAGES.end(self._server)
        return result

    def ping(self) -> float:
        """Seconds Redis takes to answer, whether or not it failed lately; raises if it does not."""
        started = time.perf_counter()
        self._cache.get_client(write=True).ping()
        return time.perf_counter() - started

    # Each operation as Django's, with what a miss or a dropped write answers instead.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._call(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None) -> Any:
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None) -> bool:
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None) -> dict:
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None) -> bool:
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None) -> int:
        missing = object()
        result = self._call(super().incr, missing, key, delta, version)
        if result is missing:
            # What Django's backends raise for a key they do not hold: callers handle it.
            raise ValueError(f"Key {key!r} not found (the cache server is unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        failed = list(data)
        return self._call(super().set_many, failed, data, timeout, version)

    def delete_many(self, keys, version=None) -> None:
        self._call(super().delete_many, None, keys, version)

    def clear(self) -> bool:
        return self._call(super().clear, False)
