"""Screenshots in an S3-compatible bucket: a real local S3 server (moto), real sockets.

The storage is configured as production configures it, from DJANGO_MEDIA_S3_* in the
environment (config/settings.py), and the files still reach visitors at our own address.
"""

import runpy
import socket
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.conf import settings as django_settings
from moto.server import ThreadedMotoServer

from walkthroughs.models import Screenshot

from .test_screenshots import attach, web_step

pytestmark = pytest.mark.django_db

BUCKET = "optout-screenshots"
SETTINGS = Path(django_settings.BASE_DIR) / "config" / "settings.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3(settings, monkeypatch):
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # Moto keeps its buckets in this process, from one server to the next: start empty.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
        "DJANGO_MEDIA_S3_BUCKET": BUCKET,
        "DJANGO_MEDIA_S3_ENDPOINT_URL": endpoint,
        "DJANGO_MEDIA_S3_REGION": "eu-west-1",
    }.items():
        monkeypatch.setenv(name, value)
    configured = runpy.run_path(str(SETTINGS))["STORAGES"]
    assert configured["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    settings.STORAGES = {**settings.STORAGES, "default": configured["default"]}
    bucket = boto3.resource("s3", endpoint_url=endpoint, region_name="eu-west-1").Bucket(BUCKET)
    bucket.create(CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    yield server, bucket
    server.stop()


def test_a_screenshot_is_stored_in_the_bucket_and_served_at_our_address(s3, client):
    _server, bucket = s3
    shot = attach(web_step())
    keys = sorted(item.key for item in bucket.objects.all())
    assert keys == sorted([shot.image.name, shot.fallback.name])
    # Private objects: no grant to everyone; visitors get them through the site.
    for key in keys:
        grants = bucket.Object(key).Acl().grants
        assert not [g for g in grants if g["Grantee"].get("URI", "").endswith("AllUsers")]
    response = client.get(shot.address)
    assert response.status_code == 200
    assert (
        b"".join(response.streaming_content) == bucket.Object(shot.image.name).get()["Body"].read()
    )
    assert client.get("/checklist/de/web/").content.decode().count(shot.address) == 1


def test_deleting_a_screenshot_empties_the_bucket(s3, django_capture_on_commit_callbacks):
    _server, bucket = s3
    shot = attach(web_step())
    with django_capture_on_commit_callbacks(execute=True):
        shot.delete()
    assert list(bucket.objects.all()) == []
    assert not Screenshot.objects.exists()


def test_a_bucket_that_is_down_costs_the_picture_not_the_page(s3, client):
    server, _bucket = s3
    shot = attach(web_step())
    server.stop()
    response = client.get(shot.address)
    assert response.status_code == 503
    page = client.get("/checklist/de/web/")
    assert page.status_code == 200 and shot.address in page.content.decode()
