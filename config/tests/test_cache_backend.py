"""The Redis cache backend turns a stopped or hung server into misses, quickly, and recovers."""

import logging
import time

import pytest
from django.core.cache import cache, caches
from redis.exceptions import RedisError

from config import cache as resilient
from config.tests.faults import time_limit


def test_a_stopped_redis_is_a_miss_and_a_dropped_write(redis):
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"
    redis.stop()
    assert cache.get("greeting") is None
    assert cache.get("greeting", "fallback") == "fallback"
    cache.set("greeting", "bye")
    assert cache.add("other", 1) is False
    assert cache.get_many(["greeting", "other"]) == {}
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.delete("greeting") is False
    assert cache.has_key("greeting") is False
    with pytest.raises(ValueError):
        cache.incr("counter")


def test_a_hung_redis_costs_a_fraction_of_a_second_then_nothing(redis):
    cache.set("greeting", "hello")
    redis.freeze()
    try:
        with time_limit(5):
            started = time.monotonic()
            assert cache.get("greeting") is None
            first = time.monotonic() - started
            # Within the pause after a failure, nothing waits on the server at all.
            started = time.monotonic()
            for _ in range(100):
                cache.get("greeting")
            hundred_more = time.monotonic() - started
    finally:
        redis.thaw()
    assert first < 2 * resilient.SOCKET_TIMEOUT + 0.5
    assert hundred_more < resilient.SOCKET_TIMEOUT


def test_the_cache_is_used_again_once_redis_is_back(redis, monkeypatch):
    monkeypatch.setattr(resilient, "RETRY_AFTER", 0.2)
    redis.stop()
    assert cache.get("greeting") is None
    redis.start()
    time.sleep(0.3)
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"


def test_an_outage_is_logged_once_per_pause_without_a_traceback(redis, caplog):
    redis.stop()
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        for _ in range(20):
            cache.get("greeting")
    (record,) = caplog.records
    assert "unreachable" in record.getMessage()
    assert record.exc_info is None


def test_ping_tells_a_stopped_redis_apart_from_a_miss(redis):
    backend = caches["default"]
    assert backend.ping() < 1
    redis.stop()
    with pytest.raises(RedisError):
        backend.ping()
