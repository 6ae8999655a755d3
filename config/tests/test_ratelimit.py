"""Rate limits: exact under concurrency, across processes, with no double at a window's edge."""

import concurrent.futures
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from config import ratelimit
from config.models import RateLimitBucket

ROOT = Path(__file__).resolve().parents[2]
START = 1_800_000_000.0


@pytest.fixture
def clock(monkeypatch):
    """The limits' clock, moved by hand: `clock.now = …`."""

    class Clock:
        now = START

    monkeypatch.setattr(ratelimit, "now", lambda: Clock.now)
    return Clock


def allowed(count: int, limit: int = 5, window: int = 3600, subject: str = "203.0.113.5") -> int:
    return sum(ratelimit.consume("test", subject, limit, window).allowed for _ in range(count))


@pytest.mark.django_db
def test_exactly_the_limit_at_once_then_one_per_interval(clock):
    assert allowed(8) == 5
    clock.now += 719  # 5 an hour: one comes back every 720 s
    assert allowed(3) == 0
    clock.now += 1
    assert allowed(3) == 1
    clock.now += 3600
    assert allowed(8) == 5


@pytest.mark.django_db
def test_no_window_edge_lets_twice_the_limit_through(clock):
    # A fixed hourly window lets 5 through at 00:59:59 and 5 more at 01:00:00.
    clock.now = START + 3599
    assert allowed(5) == 5
    clock.now = START + 3601
    assert allowed(5) == 0
    # Over any hour that follows, the bucket gives back the limit, never more.
    clock.now = START + 3599 + 3600
    assert allowed(10) == 5


@pytest.mark.django_db
def test_a_refusal_says_when_the_next_attempt_is_allowed(clock):
    allowed(5)
    clock.now += 100
    decision = ratelimit.consume("test", "203.0.113.5", 5, 3600)
    assert not decision.allowed
    assert decision.retry_after == 620
    clock.now += 620
    assert ratelimit.consume("test", "203.0.113.5", 5, 3600).allowed


@pytest.mark.django_db
def test_clients_and_scopes_have_buckets_of_their_own(clock):
    assert allowed(6) == 5
    assert allowed(6, subject="198.51.100.7") == 5
    assert sum(ratelimit.consume("other", "203.0.113.5", 5, 3600).allowed for _ in range(6)) == 5


@pytest.mark.django_db
def test_the_table_holds_no_address():
    ratelimit.consume("report", "203.0.113.5", 5, 3600)
    (key,) = RateLimitBucket.objects.values_list("key", flat=True)
    assert "203.0.113" not in key
    assert re.fullmatch(r"report:[0-9a-f]{40}", key)


# Several processes at once, as gunicorn's workers are.

WORKER = """
import os, sys, time
import django
django.setup()
from config import ratelimit
start = float(sys.argv[1])
while time.time() < start:
    time.sleep(0.001)
print(sum(ratelimit.consume("race", "203.0.113.5", 5, 3600).allowed for _ in range(10)))
"""


def subprocess_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "rate-limit-test-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_CONN_MAX_AGE": "0",
    }


@pytest.fixture
def shared_database():
    """A database that other processes can open: PostgreSQL's test database, or a file."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.postgresql":
        # The tests that use it are marked transactional with serialized rollback: what
        # they write is committed for the other processes to see, and the content the
        # migrations loaded is put back after the flush that ends each one.
        yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}", None
        return
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{folder}/shared.sqlite3", folder


def migrate(database_url: str, *apps: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0", *apps],
        cwd=ROOT,
        env=subprocess_env(database_url),
        check=True,
        timeout=300,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_processes_sharing_the_database_let_exactly_the_limit_through(shared_database):
    url, folder = shared_database
    if folder:
        migrate(url, "config")
    start = time.time() + 3
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(start)],
            cwd=ROOT,
            env=subprocess_env(url),
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    counts = [int(worker.communicate(timeout=60)[0]) for worker in workers]
    # 60 attempts from six processes at the same moment: 5 in all, not 5 each.
    assert sum(counts) == 5, counts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reports_through_four_gunicorn_workers_are_limited_exactly(shared_database, tmp_path):
    url, folder = shared_database
    if folder:
        migrate(url)
    port = free_port()
    log = tmp_path / "gunicorn.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py",
         "--workers", "4", "--threads", "4", "--bind", f"127.0.0.1:{port}", "config.wsgi"],
        cwd=ROOT, env=subprocess_env(url),
        stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    form_url = f"http://127.0.0.1:{port}/checklist/de/ios/report/ai-training/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = urllib.request.urlopen(form_url, timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "no answer:\n" + log.read_text()[-3000:]
                time.sleep(0.1)
        cookie = page.headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode())[1]
        body = f"csrfmiddlewaretoken={token}&surface=ios&what_they_see=Looks+different".encode()

        def post(_) -> int:
            request = urllib.request.Request(form_url, body, headers={"Cookie": cookie})
            try:
                return urllib.request.urlopen(request, timeout=30).status
            except urllib.error.HTTPError as error:
                return error.code

        with concurrent.futures.ThreadPoolExecutor(12) as pool:
            statuses = list(pool.map(post, range(60)))
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses.count(200) == 5, statuses
    assert statuses.count(429) == 55
