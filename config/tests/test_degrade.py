"""Degrade, never fail: without the cache server pages come from the database, without the
database cached pages keep coming, and /healthz tells a load balancer which is which."""

import json
import re

import pytest

from config.tests.faults import database_down, time_limit

pytestmark = pytest.mark.django_db

REPORT = "/checklist/de/ios/report/ai-training/"
PUBLIC = [
    "/",
    "/?country=de",
    "/fr/",
    "/checklist/de/web/",
    "/fr/checklist/be/android/",
    "/checklist/de/web/qr.svg",
    "/api/v1/checklists/de/",
    "/api/v1/checklists/jp/?lang=pl",
    "/api/v1/countries/",
    "/changes/",
    "/changes/feed/",
    "/sitemap.xml",
    "/robots.txt",
    REPORT,
]


def health(client, path: str = "/healthz") -> tuple[int, dict]:
    """The status code and what the body says of each dependency, latencies aside."""
    response = client.get(path)
    assert "no-cache" in response["Cache-Control"]
    body = json.loads(response.content)
    for dependency in ("database", "cache"):
        assert body[dependency].pop("latency_ms") >= 0
    return response.status_code, body


def without_nonce(response) -> bytes:
    # Each rendering gets its own CSP nonce; everything else must be the same.
    return re.sub(rb'nonce="[^"]*"', b"", response.content)


def test_every_public_page_renders_from_the_database_when_redis_stops(client, redis):
    before = {path: without_nonce(client.get(path)) for path in PUBLIC}
    redis.stop()
    for path in PUBLIC:
        response = client.get(path)
        assert response.status_code == 200, path
        if path != REPORT:  # its form carries a fresh CSRF token each time
            assert without_nonce(response) == before[path], path


def test_a_report_is_received_while_redis_is_down(client, redis):
    redis.stop()
    response = client.post(REPORT, {"surface": "ios", "what_they_see": "A Privacy menu."})
    assert response.status_code == 200
    assert "Thank you." in response.content.decode()


def test_pages_render_while_redis_hangs(client, redis):
    client.get("/checklist/de/web/")
    redis.freeze()
    try:
        with time_limit(20):
            answers = [client.get(path).status_code for path in PUBLIC]
    finally:
        redis.thaw()
    assert answers == [200] * len(PUBLIC)


def test_healthz_is_ready_but_degraded_when_redis_is_down(client, redis):
    assert health(client) == (
        200,
        {
            "status": "ok",
            "database": health(client)[1]["database"],
            "cache": health(client)[1]["cache"],
        },
    )
    redis.stop()
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["database"]["state"] == "up" and body["cache"]["state"] == "down"
    assert client.get("/healthz/live").status_code == 200


def test_cached_pages_keep_being_served_when_the_database_stops(client):
    warm = client.get("/checklist/de/web/")
    api = client.get("/api/v1/checklists/de/")
    with database_down():
        assert client.get("/checklist/de/web/").content == warm.content
        assert client.get("/api/v1/checklists/de/").content == api.content
        # A page never served yet is made from the content this process keeps...
        assert client.get("/checklist/fr/web/").status_code == 200
        # ...and one that needs what it does not keep (the Android steps) waits.
        down = client.get("/checklist/fr/android/")
        assert down.status_code == 503
        assert "Back in a moment" in down.content.decode()
        # Not ready would pull an instance that still serves every cached page.
        ready = (
            200,
            {
                "status": "degraded",
                "database": {"state": "down"},
                "cache": {"state": "up", "pages": True},
            },
        )
        assert health(client) == ready
        assert health(client, "/healthz/ready") == ready
    assert client.get("/checklist/fr/web/").status_code == 200


def test_not_ready_when_the_database_is_down_and_nothing_is_cached(client):
    with database_down():
        assert health(client, "/healthz/ready") == (
            503,
            {
                "status": "unavailable",
                "database": {"state": "down"},
                "cache": {"state": "up", "pages": False},
            },
        )
        assert client.get("/healthz/live").status_code == 200
        assert client.get("/checklist/de/web/").status_code == 503


def test_with_both_down_pages_are_503_not_500(client, redis):
    client.get("/checklist/de/web/")
    redis.stop()
    with database_down():
        assert health(client)[0] == 503
        for path in ("/checklist/de/web/", "/api/v1/checklists/de/", "/"):
            assert client.get(path).status_code == 503, path
