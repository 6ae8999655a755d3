"""Public responses are cached by content version and follow every content change at once."""

import pytest
from django.core.cache import cache, caches
from django.utils import timezone

from pagecache import compression, content_version
from pagecache.models import ContentRevision
from walkthroughs.models import Step

pytestmark = pytest.mark.django_db

CACHED = [
    "/checklist/de/web/",
    "/checklist/de/web/qr.svg",
    "/api/v1/checklists/de/",
    "/api/v1/countries/",
    "/changes/feed/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", CACHED)
def test_a_cached_response_costs_no_query(client, path, django_assert_num_queries):
    first = client.get(path)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(path)
    assert second.content == first.content


def test_uncached_checklist_costs_at_most_five_queries(client, django_assert_max_num_queries):
    client.get("/checklist/fr/web/")  # the country list is shared by every checklist
    with django_assert_max_num_queries(5):
        assert client.get("/checklist/de/web/").status_code == 200


def test_further_misses_of_the_same_content_query_nothing(client, django_assert_num_queries):
    client.get("/checklist/fr/web/")
    client.get("/api/v1/checklists/fr/")
    with django_assert_num_queries(0):
        assert client.get("/checklist/de/web/").status_code == 200
        assert client.get("/it/checklist/jp/web/").status_code == 200
        assert client.get("/api/v1/checklists/us/").status_code == 200


@pytest.mark.parametrize("path", CACHED)
def test_cache_headers_let_a_cdn_keep_it(client, path):
    response = client.get(path)
    control = response["Cache-Control"]
    assert "public" in control and "max-age=" in control and "stale-while-revalidate=" in control
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "Cookie" not in response.get("Vary", "")


def test_matching_etag_gets_304(client):
    etag = client.get("/checklist/de/web/")["ETag"]
    response = client.get("/checklist/de/web/", headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    modified = client.get("/checklist/de/web/")["Last-Modified"]
    assert (
        client.get("/checklist/de/web/", headers={"if-modified-since": modified}).status_code == 304
    )


def test_a_content_change_reaches_cached_pages_at_once(client, django_capture_on_commit_callbacks):
    old = client.get("/checklist/de/web/")
    api_before = client.get("/api/v1/checklists/de/").json()["content_version"]
    step = Step.objects.get(action__slug="ai-training", surface="web", position=3)
    with django_capture_on_commit_callbacks(execute=True):
        step.text = "Open Privacy, LinkedIn's new name for Data privacy."
        step.save()
    new = client.get("/checklist/de/web/")
    assert "LinkedIn&#x27;s new name for Data privacy" in new.content.decode()
    assert new["ETag"] != old["ETag"]
    assert (
        client.get("/checklist/de/web/", headers={"if-none-match": old["ETag"]}).status_code == 200
    )
    api = client.get("/api/v1/checklists/de/").json()
    assert api["content_version"] != api_before
    assert api["items"][0]["steps"]["web"][2]["text"] == step.text


def test_tracking_parameters_share_the_cached_page(client, django_assert_num_queries):
    client.get("/checklist/de/web/")
    with django_assert_num_queries(0):
        assert client.get("/checklist/de/web/?utm_source=news").status_code == 200


def test_previews_are_never_cached(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/checklist/de/web/?preview=1")
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response


def test_the_landing_page_is_cached_per_guessed_country(client, django_assert_num_queries):
    swiss = client.get("/", headers={"accept-language": "en-CH"})
    with django_assert_num_queries(0):
        again = client.get("/", headers={"accept-language": "en-CH"})
    assert again.content == swiss.content
    assert '<option value="ch" selected>' in again.content.decode()
    canadian = client.get("/", headers={"accept-language": "en-CA"}).content.decode()
    assert '<option value="ca" selected>' in canadian
    assert "Accept-Language" in swiss["Vary"]
    partial = client.get("/", headers={"accept-language": "en-CH", "hx-request": "true"})
    assert "<html" not in partial.content.decode()


def test_cached_pages_are_compressed_once_for_browsers_that_accept_it(client):
    import gzip

    import brotli

    plain = client.get("/checklist/de/web/")
    packed = client.get("/checklist/de/web/", headers={"accept-encoding": "gzip"})
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    best = client.get("/checklist/de/web/", headers={"accept-encoding": "gzip, deflate, br"})
    assert best["Content-Encoding"] == "br"
    assert brotli.decompress(best.content) == plain.content
    assert len(best.content) < len(packed.content)
    assert int(packed["Content-Length"]) < len(plain.content) / 3
    assert "Accept-Encoding" in packed["Vary"]
    assert packed["ETag"] != plain["ETag"]
    again = client.get(
        "/checklist/de/web/", headers={"accept-encoding": "gzip", "if-none-match": packed["ETag"]}
    )
    assert again.status_code == 304


def test_a_process_with_its_own_cache_follows_changes_made_elsewhere(client):
    """Local-memory caches are per process: the database row tells each what changed."""

    before = client.get("/checklist/de/web/")
    # Another process saves a step and moves the row; this process's cache is not told.
    Step.objects.filter(action__slug="ai-training", surface="web", position=3).update(
        text="Open Privacy."
    )
    ContentRevision.objects.filter(pk=1).update(changed_at=timezone.now())
    assert client.get("/checklist/de/web/")["ETag"] == before["ETag"]
    cache.delete(content_version.CACHE_KEY)  # this process's copy expires
    after = client.get("/checklist/de/web/")
    assert after["ETag"] != before["ETag"]
    assert "Open Privacy." in after.content.decode()


@pytest.mark.parametrize(
    "path", ["/checklist/de/web/", "/fr/checklist/de/web/", "/api/v1/checklists/de/?lang=nl"]
)
def test_the_fast_path_answers_exactly_like_the_view(client, path, django_assert_num_queries):
    first = client.get(path, headers={"accept-encoding": "gzip"})
    with django_assert_num_queries(0):
        second = client.get(path, headers={"accept-encoding": "gzip"})
    assert second.content == first.content
    assert dict(second.items()) == dict(first.items())
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options",
                   "Content-Language", "ETag", "Cache-Control"):  # fmt: skip
        assert second[header], header


def cached_addresses() -> set[str]:
    """The keys of cached pages and addresses in the cache, whichever backend it is."""
    backend = caches["default"]
    if hasattr(backend, "_cache") and isinstance(backend._cache, dict):  # local memory
        keys = list(backend._cache)
    else:  # Redis
        keys = [key.decode() for key in backend._cache.get_client().keys("*")]
    return {key for key in keys if ":page:" in key or ":address:" in key}


@pytest.fixture
def canonical(settings):
    settings.ALLOWED_HOSTS = ["optout.example.org", "testserver"]
    settings.CANONICAL_HOST = "optout.example.org"


def test_a_hundred_ports_of_an_allowed_host_are_one_cached_page(client, canonical):
    first = client.get("/checklist/de/web/", HTTP_HOST="optout.example.org:8001")
    entries = cached_addresses()
    assert entries
    for port in range(8002, 8102):
        page = client.get("/checklist/de/web/", HTTP_HOST=f"optout.example.org:{port}")
        assert page.content == first.content
    assert cached_addresses() == entries


def test_the_host_a_client_sends_never_reaches_a_cached_page(client, canonical):
    html = client.get("/checklist/de/web/", HTTP_HOST="optout.example.org:6666").content.decode()
    assert '<link rel="canonical" href="http://optout.example.org/checklist/de/web/">' in html
    assert ":6666" not in html
    assert b"testserver" not in client.get("/sitemap.xml", HTTP_HOST="testserver").content


def test_sitemap_pages_beyond_the_last_and_odd_spellings_are_answered_but_not_kept(client):
    real = [
        n for n in range(1, 30) if client.get(f"/sitemap-checklists.xml?p={n}").status_code == 200
    ]
    assert real == list(range(1, len(real) + 1))
    kept = cached_addresses()
    assert len(kept) == 2 * len(real)  # each page under its key and its address
    for made_up in ["30", "999999", "01", "+1", "1&p=1", "1.0", ""]:
        status = client.get(f"/sitemap-checklists.xml?p={made_up}").status_code
        assert status in (200, 404), made_up
    assert cached_addresses() == kept


def test_unknown_and_repeated_query_parameters_add_no_entry(client):
    client.get("/checklist/de/web/")
    client.get("/api/v1/checklists/de/?lang=fr")
    kept = cached_addresses()
    for n in range(20):
        assert client.get(f"/checklist/de/web/?utm_source=n{n}").status_code == 200
        assert client.get(f"/api/v1/checklists/de/?lang=fr&x={n}").status_code == 200
    assert client.get("/api/v1/checklists/de/?lang=fr&lang=fr").status_code == 200
    assert client.get("/api/v1/checklists/de/?lang=xx").status_code == 400
    assert cached_addresses() == kept


def test_a_miss_compresses_cheaply_and_the_best_brotli_follows(client):
    import brotli

    plain = client.get("/checklist/de/web/").content
    quick = client.get("/checklist/de/web/", headers={"accept-encoding": "br"})
    compression.UPGRADER.wait()
    best = client.get("/checklist/de/web/", headers={"accept-encoding": "br"})
    assert brotli.decompress(quick.content) == brotli.decompress(best.content) == plain
    assert len(best.content) < len(quick.content)
    # Not the same bytes, so not the same validator.
    assert best["ETag"] != quick["ETag"]
