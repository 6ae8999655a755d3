"""Security headers, the admin's defences, and logs that hold no visitor identifiers."""

import importlib

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import clear_url_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def https_client(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client.defaults["HTTP_X_FORWARDED_PROTO"] = "https"
    return client


def test_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_security_headers_on_every_page(https_client):
    response = https_client.get("/checklist/de/web/")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy
    assert "clipboard-write=(self)" in policy


def test_plain_http_is_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/checklist/de/web/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_api_may_be_read_cross_origin(client):
    response = client.get("/api/v1/countries/")
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_staff_cookies_are_secure_httponly_and_samesite(https_client):
    User.objects.create_superuser("boss", password="a-long-test-password")
    page = https_client.get("/admin/login/")
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    response = https_client.post(
        "/admin/login/",
        {"username": "boss", "password": "a-long-test-password", "csrfmiddlewaretoken": csrf.value},
    )
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_admin_path_is_configurable(client, settings):
    import config.urls

    settings.ADMIN_PATH = "editors-7f3a/"
    try:
        clear_url_caches()
        importlib.reload(config.urls)
        with override_settings(ROOT_URLCONF="config.urls"):
            assert client.get("/editors-7f3a/login/").status_code == 200
            assert client.get("/admin/login/").status_code == 404
    finally:
        settings.ADMIN_PATH = "admin/"
        importlib.reload(config.urls)
        clear_url_caches()


def test_access_log_format_holds_no_address_or_user_agent():
    from config import gunicorn

    assert "%(h)s" not in gunicorn.access_log_format
    assert "%(a)s" not in gunicorn.access_log_format
    assert "%({x-forwarded-for}i)s" not in gunicorn.access_log_format.lower()


PUBLIC_ADDRESSES = {
    "/": ["GET", "HEAD"],
    "/fr/": ["GET", "HEAD"],
    "/checklist/?country=de&surface=web": ["GET", "HEAD"],
    "/checklist/de/web/": ["GET", "HEAD"],
    "/fr/checklist/de/web/": ["GET", "HEAD"],
    "/checklist/de/web/qr.svg": ["GET", "HEAD"],
    "/checklist/de/web/report/ai-training/": ["GET", "HEAD", "POST"],
    "/changes/": ["GET", "HEAD"],
    "/changes/feed/": ["GET", "HEAD"],
    "/api/v1/checklists/de/": ["GET", "HEAD"],
    "/api/v1/countries/": ["GET", "HEAD"],
    "/sitemap.xml": ["GET", "HEAD"],
    "/sitemap-checklists.xml": ["GET", "HEAD"],
    "/robots.txt": ["GET", "HEAD"],
    "/checklist/gemini/de/web/": ["GET", "HEAD"],
    "/checklist/gemini/de/web/report/keep-activity/": ["GET", "HEAD", "POST"],
    "/plan/?country=de&surface=web&service=linkedin&service=x": ["GET", "HEAD"],
    "/plan/de/web/linkedin+x/": ["GET", "HEAD"],
    "/plan/de/web/linkedin+x/qr.svg": ["GET", "HEAD"],
    "/changes/gemini/": ["GET", "HEAD"],
    "/changes/gemini/feed/": ["GET", "HEAD"],
    "/api/v1/platforms/": ["GET", "HEAD"],
    "/api/v1/checklists/gemini/de/": ["GET", "HEAD"],
    "/sitemap-checklists-gemini.xml": ["GET", "HEAD"],
}


@pytest.fixture
def csrf_client():
    """A client that checks CSRF tokens as browsers meet them (Django's test client does not)."""
    from django.test import Client

    return Client(enforce_csrf_checks=True, raise_request_exception=False)


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", PUBLIC_ADDRESSES)
def test_methods_no_public_address_takes_are_405_with_allow(csrf_client, path, method):
    response = csrf_client.generic(method, path, b"a=b")
    assert response.status_code == 405
    assert response["Allow"].split(", ") == PUBLIC_ADDRESSES[path]


def test_every_public_view_declares_its_methods():
    from django.conf import settings
    from django.urls import URLPattern, URLResolver, get_resolver

    from config.middleware import declared_methods

    def patterns(resolver, prefix=""):
        for entry in resolver.url_patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                if not route.startswith(settings.ADMIN_PATH):
                    yield from patterns(entry, route)
            elif isinstance(entry, URLPattern) and not route.startswith(settings.ADMIN_PATH):
                yield route, entry.callback

    undeclared = [route for route, view in patterns(get_resolver()) if not declared_methods(view)]
    assert undeclared == []


@pytest.mark.parametrize(
    "path", ["/", "/checklist/de/web/", "/checklist/de/web/report/ai-training/", "/nowhere/"]
)
def test_form_post_in_a_charset_other_than_utf8_is_400_without_traceback(csrf_client, path, caplog):
    csrf_client.cookies["csrftoken"] = "a" * 32
    response = csrf_client.generic(
        "POST",
        path,
        b"csrfmiddlewaretoken=" + b"a" * 32 + b"&comment=caf%E9",
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    assert response.status_code == 400
    assert [record for record in caplog.records if record.exc_info] == []


def test_csrf_cookie_of_the_report_form_ends_with_the_browser_session(client):
    response = client.get("/checklist/de/web/report/ai-training/")
    cookie = response.cookies["csrftoken"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_permissions_policy_names_only_features_chromium_knows(client):
    # Chromium 156 warned on every page: "Unrecognized feature" for each of these.
    features = {
        part.split("=")[0].strip() for part in client.get("/")["Permissions-Policy"].split(",")
    }
    assert features.isdisjoint({"ambient-light-sensor", "bluetooth", "web-share"})
    assert {"camera", "geolocation", "microphone", "clipboard-write"} <= features


def test_static_files_manifest_is_not_served(client):
    from django.contrib.staticfiles.storage import staticfiles_storage

    assert client.get(staticfiles_storage.url("css/site.css")).status_code == 200
    assert client.get("/static/staticfiles.json").status_code == 404
