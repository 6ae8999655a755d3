"""Rate limits that every worker and every instance share, decided in one atomic statement.

Each limit is a token bucket (the generic cell rate algorithm): `limit` attempts at once,
then one more every `window / limit` seconds, so no window edge lets twice the limit
through. Its state is one row per client or account in the database, moved by a single
`INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING` that both checks and counts: two
requests in two processes cannot both take the last attempt, on SQLite (one writer at a
time) as on PostgreSQL (the conflicting row is locked).

Why the database and not the cache: the default local-memory cache is per process, so a
limit kept there counted per worker; the database is shared by every worker on one
machine and by every instance beyond it. Limited actions (a report, a sign-in) write to
the database anyway, so a limit costs one small statement more and does not fail open or
closed with Redis. The maintained libraries keep their state in a cache (django-ratelimit:
fixed windows, Redis or Memcached), in Redis, Memcached or MongoDB (`limits`; its memory
storage is per process again), or count failures after the fact (django-axes: a check
and a later count, which parallel guesses race past, and a lockout that refuses the right
password too), so none fits the single machine without Redis.

Keys are a keyed hash of the scope and the client's address or the account name: the
table holds no address and no user name.
"""

import hashlib
import hmac
import math
import random
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connections, router
from django.http import HttpRequest

from .models import RateLimitBucket

# Buckets back to full are deleted now and then; they mean the same as no row.
_PRUNE_CHANCE = 0.01


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0  # whole seconds until one more attempt is allowed


def client_address(request: HttpRequest) -> str:
    header = settings.CLIENT_IP_HEADER
    if header:
        # The proxy appends the address it saw; earlier entries are the client's own claims.
        forwarded = request.headers.get(header, "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def now() -> float:
    """The clock the limits read (tests move it)."""
    return time.time()


def bucket_key(scope: str, subject: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{subject}".encode(), hashlib.sha256
    ).hexdigest()
    return f"{scope}:{digest[:40]}"


def consume(scope: str, subject: str, limit: int, window: int) -> Decision:
    """Take one attempt from the subject's bucket; refused, and nothing counted, when it is empty.

    Call it outside a transaction that may roll back, or the attempt is given back.
    """
    at = int(now() * 1_000_000)
    interval = math.ceil(window * 1_000_000 / max(limit, 1))
    capacity = interval * max(limit, 1)
    key = bucket_key(scope, subject)
    connection = connections[router.db_for_write(RateLimitBucket)]
    quote = connection.ops.quote_name
    table, column = quote(RateLimitBucket._meta.db_table), quote("tat")
    later = f"CASE WHEN {table}.{column} > %s THEN {table}.{column} ELSE %s END"
    sql = (
        f"INSERT INTO {table} ({quote('key')}, {column}) VALUES (%s, %s) "
        f"ON CONFLICT ({quote('key')}) DO UPDATE SET {column} = {later} + %s "
        f"WHERE {later} + %s <= %s RETURNING {column}"
    )
    params = [key, at + interval, at, at, interval, at, at, interval, at + capacity]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        allowed = cursor.fetchone() is not None
        if not allowed:
            cursor.execute(f"SELECT {column} FROM {table} WHERE {quote('key')} = %s", [key])
            full_at = cursor.fetchone()[0]
    if random.random() < _PRUNE_CHANCE:
        RateLimitBucket.objects.filter(tat__lt=at).delete()
    if allowed:
        return Decision(True)
    # One attempt is free again once the bucket has room for one more interval.
    return Decision(False, max(1, math.ceil((full_at + interval - capacity - at) / 1_000_000)))


def consume_for_client(request: HttpRequest, scope: str, limit: int, window: int) -> Decision:
    return consume(scope, client_address(request), limit, window)
