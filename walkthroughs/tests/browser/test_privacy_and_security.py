"""What the site promises in its footer: no cookies, nothing fetched from elsewhere; and a
Content Security Policy that the pages themselves never break."""

import pytest
from playwright.sync_api import expect

from .journey import full_journey

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Every report of a violated directive reaches Python, whichever document raised it.
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', event => {
  window.__reportCsp(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
    + ` at ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""


def _journey_with_search(page) -> None:
    full_journey(page)
    page.goto("/")
    page.locator("#country-query").press_sequentially("switz", delay=30)
    match = page.locator("#country-matches").get_by_role("link", name="Switzerland", exact=True)
    match.click()
    page.wait_for_url("**/?country=ch")
    page.go_back()
    page.wait_for_url("**/")


def test_no_cookies_and_no_requests_to_other_sites(context, page, live_server):
    requests = []
    failures = []
    context.on("request", lambda request: requests.append(request.url))
    context.on(
        "response",
        lambda response: (
            response.status >= 400 and failures.append(f"{response.status} {response.url}")
        ),
    )
    context.on(
        "requestfailed",
        lambda request: (
            # A request cut short by the next navigation is not a failure of the site.
            "ERR_ABORTED" not in (request.failure or "")
            and failures.append(f"{request.failure} {request.url}")
        ),
    )

    _journey_with_search(page)
    page.goto("/checklist/de/ios/")
    page.get_by_role("button", name="Clear my ticks").click()
    page.get_by_role("button", name="Yes, clear them").click()
    page.goto("/checklist/gb/android/")
    page.goto("/?q=land")
    page.goto("/checklist/de/web/")
    page.wait_for_load_state("networkidle")

    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""

    origin = live_server.url + "/"
    foreign = [url for url in requests if not url.startswith((origin, "data:"))]
    assert not foreign, f"requests to other origins: {foreign}"
    # The recording did see the page's own assets, and none of them was missing.
    assert any("/static/" in url and url.endswith(".js") for url in requests)
    assert any("/static/" in url and url.endswith(".css") for url in requests)
    assert any(url.endswith("/qr.svg") for url in requests)
    assert not failures, f"failed requests: {failures}"

    # Not even a missing page sets one.
    assert page.goto("/checklist/zz/web/").status == 404
    assert context.cookies() == []


def test_no_content_security_policy_violations(context, page):
    violations = []
    context.expose_binding("__reportCsp", lambda source, text: violations.append(text))
    context.add_init_script(CSP_LISTENER)
    messages = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and messages.append(message.text),
    )

    response = page.goto("/")
    policy = response.header_value("content-security-policy") or ""
    assert "script-src 'self'" in policy, f"no strict script-src in {policy!r}"
    _journey_with_search(page)
    page.goto("/checklist/de/web/")
    page.locator("details summary").first.click()
    page.goto("/?country=zz")
    expect(page.locator(".field-error")).to_be_visible()
    page.goto("/checklist/zz/web/")
    page.wait_for_timeout(200)  # reports are dispatched asynchronously
    assert violations == []
    assert messages == []

    # The listener does hear violations: an inline script is one.
    page.goto("/checklist/de/web/")
    page.evaluate(
        "document.body.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.__ran = true'}))"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(text.startswith("script-src") for text in violations), violations


def test_permissions_policy_raises_no_warning_in_chromium(page):
    # Chromium logs "Error with Permissions-Policy header: Unrecognized feature: …" on
    # every page for any feature it does not know.
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    for path in ("/", "/checklist/de/web/", "/checklist/de/web/report/ai-training/"):
        response = page.goto(path)
        assert "camera=()" in (response.header_value("permissions-policy") or "")
    page.wait_for_timeout(200)
    assert [text for text in messages if "Permissions-Policy" in text] == []
