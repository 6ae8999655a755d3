"""The visitor's pages through the test client: full pages, htmx fragments, redirects, errors."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_landing_page_explains_the_change_and_asks_for_the_country(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "18 September 2024" in html and "3 November 2025" in html
    assert "Where do you live?" in html
    assert 'name="country"' in html
    assert not response.cookies


@pytest.mark.parametrize(
    ("header", "code"),
    [("de-CH,de;q=0.9", "ch"), ("fr-CA", "ca"), ("en-GB", "gb"), ("nl-NL", "nl")],
)
def test_country_is_preselected_from_accept_language(client, header, code):
    html = client.get("/", headers={"accept-language": header}, follow=True).content.decode()
    assert f'<option value="{code}" selected>' in html


def test_no_country_is_guessed_without_a_hint(client):
    html = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert '<option value="" selected>' in html
    assert html.count(" selected>") == 1


def test_cdn_country_header_preselects_when_configured(client, settings):
    settings.COUNTRY_HEADER = "CF-IPCountry"
    html = client.get("/", headers={"cf-ipcountry": "NO"}).content.decode()
    assert '<option value="no" selected>' in html


def test_landing_varies_on_the_headers_it_reads(client):
    vary = client.get("/")["Vary"]
    assert "HX-Request" in vary and "Accept-Language" in vary


def test_second_question_leads_to_the_services_question_for_each_device(client):
    html = client.get("/?country=DE").content.decode()
    assert "How do you use LinkedIn?" in html
    assert "Germany" in html
    for surface in ("web", "ios", "android"):
        assert f'href="/?country=de&amp;surface={surface}"' in html


def test_htmx_request_gets_only_the_wizard_panel(client):
    response = client.get("/?country=de", headers={"hx-request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="wizard-panel"')
    assert "<html" not in html


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(
        "/?country=de", headers={"hx-request": "true", "hx-history-restore-request": "true"}
    )
    assert "<html" in response.content.decode()


def test_unknown_country_in_the_wizard_is_a_400_with_a_message(client):
    response = client.get("/?country=zz")
    assert response.status_code == 400
    assert "Please choose your country from the list." in response.content.decode()
    fragment = client.get("/?country=", headers={"hx-request": "true"})
    assert fragment.status_code == 400
    assert 'aria-invalid="true"' in fragment.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("switz", "Switzerland"),
        ("uk", "United Kingdom"),
        ("Korea", "South Korea"),
        ("GB", "United Kingdom"),
    ],
)
def test_country_search_finds_names_codes_and_aliases(client, query, expected):
    html = client.get("/", {"q": query}).content.decode()
    assert f">{expected}</a>" in html


def test_country_search_says_when_nothing_matches(client):
    html = client.get("/", {"q": "Atlantis"}).content.decode()
    assert "No country matches" in html


def test_checklist_page_for_germany_on_the_web(client):
    response = client.get("/checklist/de/web/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your LinkedIn checklist for Germany" in html
    assert "Data for Generative AI Improvement" in html
    assert "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in html
    assert "Since 3 November 2025 in Germany" in html
    assert "On, unless you changed it" in html
    # Ad sharing is listed after the others, with the reason.
    assert html.index('id="ai-training"') < html.index('id="other-heading"')
    assert html.index('id="other-heading"') < html.index('id="ad-sharing"')
    assert "excludes the EU, EEA, Switzerland and the UK" in html
    assert '<link rel="canonical" href="http://testserver/checklist/de/web/">' in html
    assert not response.cookies


def test_checklist_shows_the_steps_of_the_chosen_surface_only(client):
    ios = client.get("/checklist/de/ios/").content.decode()
    assert "On the Home tab, tap your profile photo" in ios
    assert "Click your profile photo, labelled Me" not in ios
    assert 'aria-current="page">iPhone or iPad app' in ios


def test_uncertain_facts_are_shown_as_uncertain(client):
    html = client.get("/checklist/ca/web/").content.decode()
    item = html[html.index('id="ad-sharing"') :]
    assert "Not certain yet:" in item
    assert "Canadian or Hong Kong account" in item
    # The label is unsure, and so are two web steps: said once, in the same note.
    assert "Sources disagree on the setting&#x27;s exact name" in item
    assert "Sources disagree on steps 4 and 5" in item


def test_share_title_counts_the_main_steps(client):
    html = client.get("/checklist/no/web/").content.decode()
    assert 'content="Opt out of LinkedIn AI training in Norway: 2 steps"' in html
    us = client.get("/checklist/us/web/").content.decode()
    assert 'content="Opt out of LinkedIn AI training in the United States: 2 steps"' in us


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/checklist/UK/web/", "/checklist/gb/web/"),
        ("/checklist/DE/web/", "/checklist/de/web/"),
        ("/checklist/de/WEB/", "/checklist/de/web/"),
        ("/checklist/el/ios/", "/checklist/gr/ios/"),
        ("/checklist/de/web", "/checklist/de/web/"),
    ],
)
def test_case_aliases_and_slash_variants_redirect_permanently(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


@pytest.mark.parametrize("path", ["/checklist/zz/web/", "/nowhere/"])
def test_unknown_addresses_are_a_friendly_404_with_the_country_picker(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert '<option value="de">Germany</option>' in html


def test_switcher_form_redirects_to_the_canonical_checklist(client):
    response = client.get("/checklist/", {"country": "UK", "surface": "android"})
    assert response.status_code == 302
    assert response["Location"] == "/checklist/gb/android/"


def test_country_switcher_selects_the_checklists_own_country_only(client):
    for code in ("de", "fr", "de"):
        html = client.get(f"/fr/checklist/{code}/web/").content.decode()
        switcher = html[html.index('id="switch-country"') :]
        switcher = switcher[: switcher.index("</select>")]
        assert re.findall(r'<option value="(\w*)" selected>', switcher) == [code]


def test_switcher_with_bad_input_is_a_400(client):
    response = client.get("/checklist/", {"country": "xx", "surface": "web"})
    assert response.status_code == 400
    assert "Please choose a country and a device." in response.content.decode()


def test_qr_code_is_a_cacheable_svg_of_the_checklist_address(client):
    response = client.get("/checklist/de/web/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "public" in response["Cache-Control"]
    svg = response.content.decode()
    assert "http://testserver/checklist/de/web/" in svg
    # A standalone document with its namespace: browsers show nothing in <img> without it.
    assert 'xmlns="http://www.w3.org/2000/svg"' in svg


OTHER_SERVICES = (
    "facebook", "instagram", "whatsapp", "gemini", "chatgpt", "claude", "copilot", "x", "pinterest"
)  # fmt: skip


def test_sitemap_lists_every_checklist_in_every_language(client):
    index = client.get("/sitemap.xml").content.decode()
    pages = re.findall(r"<loc>http://testserver(/sitemap-[^<]+)</loc>", index)
    sections: dict[str, list[str]] = {}
    for page in pages:
        sections.setdefault(page.split(".xml")[0], []).append(page)
    services = {"/sitemap-checklists", *(f"/sitemap-checklists-{s}" for s in OTHER_SERVICES)}
    assert set(sections) == {"/sitemap-start", *services}
    # Every country on every surface in nine languages, 1,000 addresses a page.
    assert {len(sections[name]) for name in services} == {-(-250 * 3 * 9 // 1000)}

    def addresses(page: str) -> list[str]:
        return re.findall(r"<loc>([^<]+)</loc>", client.get(page).content.decode())

    # LinkedIn's read whole (the landing page, then every checklist); the others' first page.
    urls = [url for page in sections["/sitemap-start"] for url in addresses(page)]
    urls += [url for page in sections["/sitemap-checklists"] for url in addresses(page)]
    assert len(urls) == (1 + 250 * 3) * 9
    assert "http://testserver/checklist/xk/web/" in urls
    assert "http://testserver/checklist/de/android/" in urls
    assert "http://testserver/fr/checklist/de/android/" in urls
    gemini = addresses("/sitemap-checklists-gemini.xml")
    assert len(gemini) == 1000 and all("/checklist/gemini/" in url for url in gemini)
    last = client.get(sections["/sitemap-checklists-pinterest"][-1]).content.decode()
    assert "/pl/checklist/pinterest/zw/web/" in last and 'hreflang="x-default"' in last


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "admin" not in text


def test_pages_have_no_inline_scripts_or_styles(client):
    for path in ("/", "/?country=de", "/checklist/de/web/", "/checklist/zz/web/"):
        html = client.get(path).content.decode()
        assert "<script>" not in html and "<style" not in html and "style=" not in html, path
        assert " on" + "click=" not in html


def test_visitors_in_mainland_china_are_told_linkedin_left(client):
    html = client.get("/checklist/cn/web/").content.decode()
    assert "no longer runs its consumer network in mainland China" in html
    assert "we are checking this" in html
    assert (
        "LinkedIn已不再在中國內地營運" in client.get("/zh-hant/checklist/cn/web/").content.decode()
    )
    assert "mainland China" not in client.get("/checklist/tw/web/").content.decode()
    notes = client.get("/api/v1/checklists/cn/").json()["country"]["notes"]
    assert len(notes) == 1
