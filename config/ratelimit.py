"""Per-client limits kept only in the shared cache, under a key no one can turn back into an IP.

The key is a keyed hash of the client address and the current time window, so even the
cache holds no address, and keys expire with their window.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    header = settings.CLIENT_IP_HEADER
    if header:
        # The proxy appends the address it saw; earlier entries are the client's own claims.
        forwarded = request.headers.get(header, "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(request: HttpRequest, scope: str, window: int) -> str:
    slot = int(time.time() // window)
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"{scope}|{slot}|{client_address(request)}".encode(),
        hashlib.sha256,
    ).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def hit(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count one attempt; False once the client has made more than `limit` in the window."""
    key = _key(request, scope, window)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # Expired between add and incr: this is the first attempt of a new window.
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def within(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Whether the client is still within the limit, without counting an attempt."""
    return (cache.get(_key(request, scope, window)) or 0) < limit
