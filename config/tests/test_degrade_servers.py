"""Real servers through real outages: gunicorn with CACHE_URL naming a Redis of the test's own."""

import contextlib
import http.client
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from config.tests.faults import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]


def get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        client.request("GET", path, headers={"Host": host})
        response = client.getresponse()
        return response.status, response.read()
    finally:
        client.close()


def answers(port: int) -> bool:
    try:
        return get(port, "/healthz/live")[0] == 200
    except OSError:
        return False


pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def gunicorn(database_url: str, cache_url: str) -> Iterator[int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="degrade-test-key-not-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_CONN_MAX_AGE="0",
        DJANGO_LOG_LEVEL="CRITICAL",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "config.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        wait_until(lambda: answers(port) or process.poll() is not None, 60, "gunicorn starts")
        assert process.poll() is None, "gunicorn exited"
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def regexp(pattern: str, value) -> bool:
    return value is not None and re.search(pattern, str(value)) is not None


@pytest.fixture
def database_urls(tmp_path) -> tuple[str, str]:
    """The test database as another process reaches it, and one where nothing answers."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: copy it to a file. SQL, not
        # the backup API: a backup waits for the test's own open transaction forever.
        path = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(path)) as copy:
            # Check constraints of the schema call REGEXP, as Django's connections do.
            copy.create_function("REGEXP", 2, regexp, deterministic=True)
            copy.executescript("\n".join(connection.connection.iterdump()))
        return f"sqlite:///{path}", "sqlite:////nonexistent-folder-of-the-fault-tests/db.sqlite3"
    live = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return live, f"postgres://{db['USER']}@127.0.0.1:{free_port()}/gone"


def test_real_servers_serve_through_a_redis_outage_and_a_database_outage(redis, database_urls):
    live, dead = database_urls
    with gunicorn(live, redis.url) as site, gunicorn(dead, redis.url) as cut_off:
        status, page = get(site, "/checklist/de/web/")
        assert status == 200

        # A server without its database serves what the shared cache holds, whatever
        # port the client names, and says it can serve.
        assert get(cut_off, "/checklist/de/web/", host="127.0.0.1:9999") == (200, page)
        assert get(cut_off, "/checklist/fr/web/")[0] == 503
        status, body = get(cut_off, "/healthz")
        assert status == 200 and json.loads(body)["status"] == "degraded"

        redis.stop()
        for path in ("/checklist/de/web/", "/checklist/it/ios/", "/", "/api/v1/checklists/de/"):
            assert get(site, path)[0] == 200, path
        status, body = get(site, "/healthz/ready")
        assert status == 200
        assert json.loads(body)["cache"]["state"] == "down"

        # Neither database nor cache: not ready, and pages are 503, never 500.
        assert get(cut_off, "/healthz")[0] == 503
        assert get(cut_off, "/checklist/de/web/")[0] == 503
        assert get(cut_off, "/healthz/live")[0] == 200
