import pytest

from pagecache import content_version

pytestmark = pytest.mark.django_db


def test_checklist_json_has_the_documented_shape(client):
    response = client.get("/api/v1/checklists/de/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["country"] == {"code": "de", "name": "Germany", "notes": [], "checking": []}
    assert data["platform"] == "linkedin"
    assert data["content_version"] == content_version.current()
    item = data["items"][0]
    for key in (
        "slug", "kind", "title", "applies", "applies_since", "reason", "default_state",
        "choose", "setting_label", "deep_link", "warnings", "prior_data", "confidence",
        "last_verified_on", "sources", "steps",
    ):  # fmt: skip
        assert key in item, key
    assert item["slug"] == "ai-training"
    assert item["applies_since"] == "2025-11-03"
    assert item["default_state"] == "on"
    assert item["choose"] == "Off"
    assert set(item["steps"]) == {"web", "ios", "android"}
    assert item["steps"]["web"][0] == {
        "position": 1,
        "text": "Click your profile photo, labelled Me, in the top bar.",
        "ui_label": "Me",
        "ui_label_local": None,
        "confidence": "confirmed",
        "outdated": False,
        "screenshot": None,
    }
    assert item["outdated"] is False
    assert all(url.startswith("https://") for url in item["sources"])


def test_ad_sharing_is_listed_as_not_applying_in_the_uk(client):
    items = {i["slug"]: i for i in client.get("/api/v1/checklists/gb/").json()["items"]}
    assert items["ad-sharing"]["applies"] is False
    assert items["ad-sharing"]["applies_since"] is None
    assert "excludes the EU, EEA, Switzerland and the UK" in items["ad-sharing"]["reason"]


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/api/v1/checklists/DE/", "/api/v1/checklists/de/"),
        ("/api/v1/checklists/uk/", "/api/v1/checklists/gb/"),
        ("/api/v1/checklists/UK/", "/api/v1/checklists/gb/"),
        ("/api/v1/checklists/el/", "/api/v1/checklists/gr/"),
        ("/api/v1/checklists/de", "/api/v1/checklists/de/"),
    ],
)
def test_upper_case_aliases_and_missing_slash_redirect_permanently(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


@pytest.mark.parametrize("code", ["zz", "xx", "germany", "d", "%00", "x" * 300])
def test_unknown_country_is_a_json_404(client, code):
    response = client.get(f"/api/v1/checklists/{code}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "unknown-country"


def test_api_is_read_only(client):
    response = client.post("/api/v1/checklists/de/")
    assert response.status_code == 405


def test_countries_lists_every_country_with_its_regions(client):
    response = client.get("/api/v1/countries/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    countries = {c["code"]: c for c in data["countries"]}
    # Every ISO 3166-1 code, and Kosovo (XK), which ISO leaves out.
    assert len(countries) == 250
    assert countries["xk"]["name"] == "Kosovo"
    assert countries["de"]["regions"] == ["all", "designated-countries", "eea", "eu"]
    assert countries["no"]["regions"] == ["all", "designated-countries", "eea"]
    assert countries["ch"]["regions"] == ["all", "ch", "designated-countries"]
    assert countries["jp"]["regions"] == ["all", "rest-of-world"]
    assert {r["slug"] for r in data["regions"]} >= {"eu", "eea", "gb", "ca", "hk", "us"}


def test_api_sets_no_cookie(client):
    response = client.get("/api/v1/checklists/fr/")
    assert not response.cookies
