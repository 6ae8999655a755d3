"""Real-browser tests: Debian's Chromium driven by Playwright against a live server.

One browser for all the tests in this folder, a fresh context (clean storage, no cookies)
per test. Without Chromium the tests skip, unless CHROMIUM_REQUIRED or CI is set: then
they fail.

Run them alone with `pytest -m browser` (the root conftest collects static files first).
"""

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop running in this thread; Django's ORM
# (which pytest-django uses to flush and restore the database between transactional
# tests) refuses to run while one is, unless told it is safe. It is: nothing here is
# actually async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    # Hooks in a conftest see every collected item: mark only the ones in this folder.
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


def _passthrough(application):
    return application


@pytest.fixture(scope="package")
def live_server(request):
    """pytest-django's live server, but with static files served by WhiteNoise.

    pytest-django wraps the app in Django's StaticFilesHandler, which serves /static/
    from the finders: it knows nothing of the hashed names that
    CompressedManifestStaticFilesStorage puts in the pages, so every stylesheet and
    script would be a 404. Production serves them with WhiteNoise from STATIC_ROOT, and
    so do these tests (the root conftest runs `collectstatic` when needed).
    """
    from django.conf import settings
    from pytest_django.live_server_helper import LiveServer

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        pytest.fail(
            f"{manifest} is missing: `collectstatic` should have made it (see conftest.py).",
            pytrace=False,
        )
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        # localhost, not 127.0.0.1: the copy button needs a secure context, and
        # http://localhost is one.
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = _passthrough
    server.start()
    yield server
    # Let the threads that served the browser's last (keep-alive) connections finish
    # first: they close their database connection on the way out.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)
    server.stop()


@pytest.fixture(scope="package")
def browser(live_server, django_db_setup, django_db_blocker):
    """Chromium, for as long as the tests of this folder run.

    Django keeps database connections in an asgiref Local that is "thread critical": while
    an asyncio loop runs in the thread, it hands out a second, separate set of
    connections. Playwright's sync API keeps its loop running from start() to stop(), so
    meanwhile the ORM in the test thread uses connections that lack the content snapshot
    that `serialized_rollback` restores after each flush: without the carry-over below,
    the countries and checklists loaded by migrations vanish after the first test. And
    Playwright stops when this folder is done (package scope), so that later tests get
    their usual connections back.

    It depends on the live server only so that it closes first, and with it every
    connection to the server.
    """
    executable = shutil.which("chromium")
    if executable is None:
        message = "Chromium is not installed (no `chromium` on PATH): browser tests cannot run."
        if os.environ.get("CHROMIUM_REQUIRED") or os.environ.get("CI"):
            pytest.fail(message + " CHROMIUM_REQUIRED or CI is set, so this fails.", pytrace=False)
        pytest.skip(message)

    from django.db import connections
    from playwright.sync_api import sync_playwright

    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    playwright = sync_playwright().start()
    try:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        # Close the loop-time connections while they can still be reached, so that none is
        # left open when the test database is dropped.
        with django_db_blocker.unblock():
            connections.close_all()
        playwright.stop()


@pytest.fixture
def new_context(browser, live_server) -> Iterator[Callable]:
    """Make a browser context (options as for Browser.new_context); closed after the test.

    Every page opened in it fails the test on an uncaught JavaScript error.
    """
    contexts = []
    errors = []

    def watch(page):
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))

    def make(**options):
        options.setdefault("base_url", live_server.url)
        options.setdefault("viewport", {"width": 1280, "height": 900})
        # English unless a test says otherwise, whatever the machine's own locale.
        options.setdefault("locale", "en-US")
        context = browser.new_context(**options)
        context.set_default_timeout(5_000)
        context.on("page", watch)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"uncaught JavaScript errors: {errors}"


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(autouse=True)
def _content_is_loaded(transactional_db):
    """The countries and checklists from the data migrations are there for every test."""
    from regions.models import Country

    assert Country.objects.filter(code="de").exists(), (
        "the content loaded by migrations is missing: was it flushed by a transactional "
        "test without serialized_rollback=True?"
    )
