"""Property-based tests: no input reaches a 500, and a rejected request stores nothing."""

import string

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from walkthroughs.models import Report

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Printable text, odd Unicode, control characters and NUL included.
anything = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
path_segment = st.one_of(
    st.sampled_from(["de", "DE", "uk", "zz", "web", "ios", "WEB", "..", "%00", "%2F", "é"]),
    st.text(alphabet=string.ascii_letters + string.digits + "-_.~%", max_size=40),
)
PUBLIC_PREFIXES = [
    "/",
    "/checklist/",
    "/api/v1/checklists/",
    "/api/v1/countries/",
    "/changes/",
    "/changes/feed/",
]


def assert_not_a_server_error(response) -> None:
    assert response.status_code < 500 or response.status_code == 503, response.status_code


@FUZZ
@given(
    prefix=st.sampled_from(PUBLIC_PREFIXES),
    segments=st.lists(path_segment, max_size=4),
    query=st.dictionaries(
        st.sampled_from(["country", "q", "surface", "preview", "page", "x"]), anything, max_size=4
    ),
)
def test_random_paths_and_queries_never_500(prefix, segments, query):
    client = Client()
    path = prefix + "/".join(segments)
    assert_not_a_server_error(client.get(path, query))


@FUZZ
@given(
    language=anything,
    country_header=anything,
    hx=st.sampled_from(["true", "false", "", "\x00"]),
    path=st.sampled_from(["/", "/?country=de", "/checklist/de/web/", "/api/v1/checklists/de/"]),
)
def test_header_garbage_never_500(language, country_header, hx, path):
    client = Client()
    headers = {"accept-language": language, "cf-ipcountry": country_header, "hx-request": hx}
    # Header values must be latin-1 on the wire; anything else cannot reach us.
    headers = {k: v.encode("utf-8", "surrogatepass").decode("latin-1") for k, v in headers.items()}
    assert_not_a_server_error(client.get(path, headers=headers))


def test_huge_headers_never_500(client, settings):
    settings.COUNTRY_HEADER = "CF-IPCountry"
    headers = {"accept-language": "de-CH," * 20000, "cf-ipcountry": "x" * 100000}
    assert client.get("/", headers=headers, follow=True).status_code == 200


@FUZZ
@given(
    what=anything,
    version=anything,
    language=anything,
    surface=st.one_of(st.sampled_from(["web", "ios", "android"]), anything),
)
def test_report_bodies_are_answered_clearly_and_only_valid_ones_stored(
    what, version, language, surface
):
    client = Client()
    before = Report.objects.count()
    response = client.post(
        "/checklist/de/web/report/ai-training/",
        {
            "what_they_see": what,
            "app_version": version,
            "interface_language": language,
            "surface": surface,
        },
    )
    assert response.status_code in (200, 400, 429), response.status_code
    stored = Report.objects.count() - before
    if response.status_code != 200:
        assert stored == 0
    else:
        assert stored == 1
        report = Report.objects.latest("created_at")
        assert len(report.what_they_see) <= 1000
        assert "\x00" not in report.what_they_see
    Report.objects.all().delete()


@FUZZ
@given(
    body=st.binary(max_size=2000),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/plain",
            "application/json",
        ]
    ),
)
def test_raw_report_bodies_never_500(body, content_type):
    client = Client()
    response = client.generic(
        "POST", "/checklist/de/web/report/ai-training/", body, content_type=content_type
    )
    assert_not_a_server_error(response)
    assert Report.objects.count() == 0
