import pytest
from django.test import RequestFactory

from regions.detection import candidate_countries


def candidates(**headers) -> list[str]:
    return candidate_countries(RequestFactory().get("/", headers=headers))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("de-CH", ["ch"]),
        ("fr-CA,fr;q=0.9,en;q=0.8", ["ca"]),
        ("en-GB,en;q=0.9", ["gb"]),
        ("en;q=0.9,nl-NL;q=0.8,de-AT;q=0.95", ["at", "nl"]),
        ("zh-Hant-HK", ["hk"]),
        ("en", []),
        ("es-419", []),
        ("", []),
        ("de-CH;q=abc,fr-FR", ["fr"]),
        ("de-CH;q=0", []),
        ("\x00\x01garbage,,,;;;", []),
    ],
)
def test_accept_language_regions_in_order_of_preference(header, expected):
    assert candidates(accept_language=header) == expected


def test_cdn_header_comes_first_when_configured(settings):
    settings.COUNTRY_HEADER = "CF-IPCountry"
    assert candidates(cf_ipcountry="NO", accept_language="de-CH") == ["no", "ch"]
    # Cloudflare's "unknown" and Tor markers are not countries.
    assert candidates(cf_ipcountry="XX1") == []


def test_cdn_header_is_ignored_unless_configured(settings):
    settings.COUNTRY_HEADER = ""
    assert candidates(cf_ipcountry="NO") == []
