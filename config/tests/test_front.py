"""Through the shipped front: real nginx (deploy/nginx/) before a real gunicorn.

Without nginx these tests skip, unless NGINX_REQUIRED or CI is set: then they fail. Every
process is started on free ports here and stopped here, and every wait is bounded.
"""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from config.tests.servers import free_port, server_env
from deploy.front import BROTLI_STATIC, Front, Options, _stop, nginx_binary, start_nginx

ROOT = Path(__file__).resolve().parents[2]
SECURITY_HEADERS = [
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
]

pytestmark = pytest.mark.front


def require_nginx() -> None:
    if nginx_binary() is None:
        message = "nginx is not installed: the tests through the front cannot run."
        if os.environ.get("NGINX_REQUIRED") or os.environ.get("CI"):
            pytest.fail(message + " NGINX_REQUIRED or CI is set, so this fails.", pytrace=False)
        pytest.skip(message)


class Site:
    def __init__(self, port: int, env: dict[str, str], upstream_log: Path, options: Options):
        self.port, self.env, self.upstream_log, self.options = port, env, upstream_log, options

    def get(self, path: str, headers: dict[str, str] | None = None, method: str = "GET", body=None):
        """Status, headers (a Message: get_all for repeats) and body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(
                method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})}
            )
            response = connection.getresponse()
            return response.status, response.msg, response.read()
        finally:
            connection.close()

    def upstream_requests(self, path: str) -> int:
        """How many requests for this path reached gunicorn (its access log).

        gunicorn writes a line after it has answered, so the count is read until it holds.
        """
        counts = [-1]
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            text = self.upstream_log.read_text() if self.upstream_log.exists() else ""
            counts.append(sum(1 for line in text.splitlines() if f" {path} HTTP/" in line))
            if counts[-1] == counts[-2]:
                break
            time.sleep(0.25)
        return counts[-1]

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_nginx()
    work = tmp_path_factory.mktemp("front")
    upstream_log = work / "gunicorn-access.log"
    env = server_env(
        DJANGO_SECRET_KEY="front-test-key-not-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        # As if TLS ended at this nginx: it passes a client's X-Forwarded-Proto: https on.
        DJANGO_BEHIND_TLS_PROXY="true",
        DJANGO_CLIENT_IP_HEADER="X-Forwarded-For",
        DATABASE_URL=f"sqlite:///{work / 'front.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(work / "media"),
        # Each worker checks the content version every second: edits show fast.
        DJANGO_CONTENT_VERSION_TTL="1",
        DJANGO_LOG_LEVEL="WARNING",
        # Few threads, so that anything slow reaching gunicorn would block it.
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
        GUNICORN_CMD_ARGS=f"--access-logfile={upstream_log}",
    )
    site = Site(0, env, upstream_log, None)
    site.manage("migrate", "--no-input", "--verbosity", "0")
    options = Options(
        run_dir=work / "run",
        port=free_port(),
        cache_seconds=1,
        rate=1000,
        burst=1000,
        conn_per_client=1000,
        behind_tls_proxy=True,
        access_log=False,
    )
    with (work / "processes.log").open("wb") as output:
        front = Front(options, env, stdout=output, stderr=subprocess.STDOUT)
        with front:
            site.port, site.options = options.port, options
            yield site


def test_a_public_page_is_kept_and_answered_without_asking_django(site):
    path = "/checklist/fr/web/"
    first = site.get(path)
    assert first[0] == 200
    assert first[1]["X-Cache-Status"] in ("MISS", "EXPIRED")
    second = site.get(path)
    assert second[1]["X-Cache-Status"] == "HIT"
    assert second[2] == first[2]
    assert site.upstream_requests(path) == 1


def test_pages_that_are_not_public_are_never_kept(site):
    report = "/checklist/de/web/report/ai-training/"
    for _ in range(2):
        status, headers, _body = site.get(report)
        assert status == 200 and "csrftoken" in headers["Set-Cookie"]
        assert headers["X-Cache-Status"] != "HIT"
    assert site.upstream_requests(report) == 2
    for _ in range(2):
        assert site.get("/admin/login/")[0] == 200
    assert site.upstream_requests("/admin/login/") == 2


def test_a_kept_page_is_not_served_to_a_request_it_does_not_vary_for(site):
    # The landing page varies on HX-Request: the fragment must not reach a full-page visit.
    htmx = {"HX-Request": "true", "Accept-Language": "en"}
    fragment = site.get("/", htmx)
    assert fragment[0] == 200 and b"<html" not in fragment[2]
    assert "HX-Request" in fragment[1]["Vary"]
    assert site.get("/", htmx)[1]["X-Cache-Status"] == "HIT"
    page = site.get("/", {"Accept-Language": "en"})
    assert page[0] == 200 and b"<html" in page[2]


def test_an_edit_shows_through_the_front_within_seconds(site):
    path = "/checklist/at/web/"
    site.get(path)
    assert site.get(path)[1]["X-Cache-Status"] == "HIT"
    site.manage(
        "shell",
        "-c",
        "from walkthroughs.models import Step\n"
        "step = Step.objects.get(action__slug='ai-training', surface='web', position=3)\n"
        "step.text = 'In the menu on the left, open Privacy (front test).'\n"
        "step.save()\n",
    )
    edited = time.monotonic()
    while b"open Privacy (front test)." not in site.get(path)[2]:
        assert time.monotonic() - edited < 10, "the edit did not show through the front"
        time.sleep(0.2)
    print(f"edit visible through the front after {time.monotonic() - edited:.1f} s")


@pytest.mark.parametrize("hit", [False, True], ids=["miss", "hit"])
def test_security_headers_arrive_once_and_intact(site, hit):
    path = "/checklist/gb/ios/" if hit else "/checklist/gb/android/"
    https = {"X-Forwarded-Proto": "https"}
    if hit:
        site.get(path, https)
    status, headers, _body = site.get(path, https)
    assert status == 200
    assert (headers["X-Cache-Status"] == "HIT") is hit
    for name in SECURITY_HEADERS:
        assert len(headers.get_all(name) or []) == 1, f"{name}: {headers.get_all(name)}"
    assert headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]


def test_the_fronts_own_pages_carry_security_headers(site):
    status, headers, body = site.get("/static/no-such-file.css", {"X-Forwarded-Proto": "https"})
    assert status == 404 and b"Page not found" in body
    for name in SECURITY_HEADERS:
        assert len(headers.get_all(name) or []) == 1, f"{name}: {headers.get_all(name)}"
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    # Over plain HTTP, no HSTS.
    assert site.get("/static/no-such-file.css")[1]["Strict-Transport-Security"] is None


def test_static_files_are_served_by_nginx_precompressed_and_kept_a_year(site):
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    path = "/static/" + manifest["paths"]["css/site.css"]
    status, headers, _body = site.get(path, {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200
    assert headers["Content-Encoding"] == ("br" if BROTLI_STATIC.exists() else "gzip")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Vary"] == "Accept-Encoding"
    assert len(headers.get_all("X-Content-Type-Options")) == 1
    plain = site.get(path)
    assert plain[0] == 200 and plain[1]["Content-Encoding"] is None
    assert plain[2] == (ROOT / "staticfiles" / manifest["paths"]["css/site.css"]).read_bytes()
    assert site.upstream_requests(path) == 0


def test_the_static_files_manifest_is_not_served(site):
    for path in ("/static/staticfiles.json", "/static/staticfiles.json.gz"):
        status, _headers, body = site.get(path)
        assert status == 404 and b"paths" not in body
        assert site.upstream_requests(path) == 0


def test_bad_input_through_the_front(site):
    status, headers, _body = site.get("/checklist/de/web/", method="DELETE")
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    status, _headers, _body = site.get(
        "/checklist/de/web/report/ai-training/",
        {
            "Content-Type": "application/x-www-form-urlencoded; charset=latin-1",
            "Cookie": "csrftoken=" + "a" * 32,
        },
        method="POST",
        body=b"csrfmiddlewaretoken=" + b"a" * 32,
    )
    assert status == 400


# A screenshot as an editor's upload leaves it: its address is printed.
ATTACH_SCREENSHOT = """
import datetime, io
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from walkthroughs import screenshots
from walkthroughs.models import Screenshot, Step
buffer = io.BytesIO()
Image.new("RGB", (390, 844), "#0a66c2").save(buffer, "PNG")
shot = Screenshot(step=Step.objects.filter(surface="ios").first(), alt_text="A screen.",
                  taken_on=datetime.date(2026, 11, 30))
shot.store(screenshots.encode(SimpleUploadedFile("s.png", buffer.getvalue())))
shot.save()
print(shot.address)
"""


def test_screenshots_pass_through_the_front_and_are_kept(site):
    address = site.manage("shell", "-c", ATTACH_SCREENSHOT).strip().splitlines()[-1]
    https = {"X-Forwarded-Proto": "https"}
    status, headers, body = site.get(address, https)
    assert status == 200 and body.startswith(b"RIFF")
    assert headers["Content-Type"] == "image/webp"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert site.get(address, https)[1]["X-Cache-Status"] == "HIT"
    for header in SECURITY_HEADERS:
        assert len(headers.get_all(header) or []) == 1, header


def test_only_the_admin_takes_large_uploads(site):
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _headers, _body = site.get(
        "/checklist/de/web/report/ai-training/", form, method="POST", body=b"x" * 300_000
    )
    assert status == 413
    # A screenshot of a few megabytes reaches Django (which refuses it for want of a
    # CSRF token here), not nginx's 413.
    status, _headers, _body = site.get("/admin/login/", form, method="POST", body=b"x" * 4_000_000)
    assert status == 403


def _trickle(port: int, head: bytes, drip: bytes, until: float, opened: list) -> None:
    """Send a request's start, then one byte every half second until `until`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(head)
            opened.append(1)
            for byte in drip:
                if time.monotonic() > until:
                    break
                sock.sendall(bytes([byte]))
                time.sleep(0.5)
    except OSError:
        pass  # nginx may close a slow client: that is its job


def test_slow_clients_do_not_hold_up_anyone_else(site):
    port = site.port
    # Long enough that a request held up behind them would wait for many seconds.
    until = time.monotonic() + 10
    opened: list = []
    slow_body = (
        b"POST /checklist/de/web/report/ai-training/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\n"
    )
    slow_head = b"GET /changes/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    threads = [
        threading.Thread(
            target=_trickle,
            args=(port, slow_body if n % 2 else slow_head, b"X-Slow: " + b"a" * 40, until, opened),
            daemon=True,
        )
        for n in range(30)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 5
    while len(opened) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(opened) == 30
    time.sleep(1)  # the slow clients are well under way

    timings = []
    for _ in range(10):
        started = time.monotonic()
        # /changes/ is not kept by the front: every one of these reaches gunicorn.
        status, headers, _body = site.get("/changes/")
        timings.append(time.monotonic() - started)
        assert status == 200 and headers["X-Cache-Status"] != "HIT"
    for thread in threads:
        thread.join(timeout=15)
    # Behind gunicorn alone the first of them waits until the slow clients give up.
    assert max(timings) < 3, f"normal requests waited behind slow ones: {timings}"


def test_too_many_requests_get_a_clear_429_page(site, tmp_path):
    # A second nginx before the same gunicorn, with a tight limit.
    options = Options(
        run_dir=tmp_path / "limited",
        port=free_port(),
        rate=1,
        burst=2,
        access_log=False,
        upstream=f"unix:{site.options.socket}",
    )
    nginx = start_nginx(options, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        limited = Site(options.port, site.env, site.upstream_log, options)
        answers = [limited.get("/robots.txt") for _ in range(8)]
    finally:
        _stop(nginx, signal.SIGQUIT)
    statuses = [status for status, _headers, _body in answers]
    assert statuses[:3] == [200, 200, 200]
    assert 429 in statuses
    status, headers, body = next(answer for answer in answers if answer[0] == 429)
    assert b"Too many requests" in body
    assert headers["Retry-After"] == "10"
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert headers["Cache-Control"] == "no-store"
