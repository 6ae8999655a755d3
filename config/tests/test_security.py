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
