"""Two server processes sharing PostgreSQL and Redis: an editor's change reaches both at once."""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from walkthroughs.models import Step
from walkthroughs.tests.factories import form_data

ROOT = Path(__file__).resolve().parents[2]
SHARED = os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get(
    "CACHE_URL", ""
).startswith("redis")

pytestmark = [
    pytest.mark.skipif(not SHARED, reason="needs DATABASE_URL=postgres… and CACHE_URL=redis…"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def servers():
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "scale-out-test-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_CONN_MAX_AGE": "0",
        # The editor signs in with a password only; the second factor is tested on its own.
        "DJANGO_ADMIN_REQUIRE_2FA": "false",
    }
    processes, bases = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind",
                 f"127.0.0.1:{port}", "config.wsgi"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        )  # fmt: skip
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            for _ in range(150):
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
        yield bases
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


class SendSecureCookies(http.cookiejar.DefaultCookiePolicy):
    """Staff cookies are Secure; these loopback servers speak plain HTTP behind no proxy."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


def get(opener, url: str) -> str:
    return opener.open(url, timeout=10).read().decode()


def test_a_change_published_through_one_process_shows_on_the_other(servers):
    editor_server, visitor_server = servers
    User.objects.create_superuser("boss", password="a-long-test-password")
    step = Step.objects.get(action__slug="ai-training", surface="web", position=3)
    visitor = urllib.request.build_opener()
    assert step.text in get(visitor, f"{visitor_server}/checklist/de/web/")  # now cached there

    jar = http.cookiejar.CookieJar(policy=SendSecureCookies())
    editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    get(editor, f"{editor_server}/admin/login/")
    token = next(c.value for c in jar if c.name == "csrftoken")
    editor.open(
        f"{editor_server}/admin/login/",
        urllib.parse.urlencode(
            {
                "username": "boss",
                "password": "a-long-test-password",
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            }
        ).encode(),
    )
    change_url = f"{editor_server}/admin/walkthroughs/step/{step.pk}/change/"
    data = form_data(get(editor, change_url), "step_form")
    data["text"] = "In the menu on the left, open Privacy."
    editor.open(change_url, urllib.parse.urlencode(data, doseq=True).encode())

    step.refresh_from_db()
    assert step.text == "In the menu on the left, open Privacy."
    assert "open Privacy." in get(visitor, f"{visitor_server}/checklist/de/web/")
    assert "open Privacy." in get(visitor, f"{visitor_server}/api/v1/checklists/de/")
