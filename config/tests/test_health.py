from unittest import mock

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_any_host_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200


def test_healthz_is_503_when_the_database_is_down_and_no_page_is_cached(client):
    with mock.patch("config.health.connection.cursor", side_effect=DatabaseError):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", ["/healthz/live", "/healthz/ready", "/healthz/"])
def test_liveness_and_readiness_answer_any_host_over_plain_http(client, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(path, HTTP_HOST="10.0.0.7:8000").status_code == 200


def test_liveness_does_not_depend_on_the_database(client):
    with mock.patch("config.health.connection.cursor", side_effect=DatabaseError):
        response = client.get("/healthz/live")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/healthz", "/healthz/live", "/healthz/ready/"])
def test_health_checks_refuse_other_methods_by_name(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
