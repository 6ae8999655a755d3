"""The five-minute visitor: names people type, addresses they guess, a checklist that reads
at a glance, reminders without an account."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from pagecache import content_version
from walkthroughs import directory
from walkthroughs.checklists import build_checklist, step_doubts
from walkthroughs.directory import find_country, search_countries
from walkthroughs.models import Action, ChangeNote
from walkthroughs.reminders import months_later
from walkthroughs.views import progress_sentences

from .factories import action, platform, step

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


# Finding a country by the name people use.


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("US", "us"),
        ("us", "us"),
        ("USA", "us"),
        ("America", "us"),
        ("England", "gb"),
        ("Scotland", "gb"),
        ("Wales", "gb"),
        ("Britain", "gb"),
        ("UK", "gb"),
        ("Holland", "nl"),
        ("The Netherlands", "nl"),
        ("Turkey", "tr"),
        ("Türkiye", "tr"),
        ("Ivory Coast", "ci"),
        ("Côte d'Ivoire", "ci"),
        ("Czech Republic", "cz"),
        ("South Korea", "kr"),
        ("UAE", "ae"),
        ("Norge", "no"),
        ("Deutschland", "de"),
        ("Schweiz", "ch"),
        ("Suisse", "ch"),
        ("Svizzera", "ch"),
        ("España", "es"),
        ("Espana", "es"),
        ("Polska", "pl"),
        ("Reunion", "re"),
        ("Aland", "ax"),
        ("Curacao", "cw"),
        ("香港", "hk"),
        ("Kosovo", "xk"),
        ("DEU", "de"),
    ],
)
def test_everyday_and_native_names_find_their_country_first(query, code):
    found = search_countries(query, 5, "en")
    assert found, query
    assert found[0].code == code, (query, [place.code for place in found])


def test_names_from_languages_we_do_not_speak_are_found_too():
    # Icelandic, Finnish and Hungarian names: CLDR languages well beyond our nine.
    assert search_countries("Þýskaland", 3, "en")[0].code == "de"
    assert search_countries("Ruotsi", 3, "en")[0].code == "se"
    assert search_countries("Németország", 3, "en")[0].code == "de"


def test_exact_matches_come_before_names_that_start_with_the_query_then_the_rest():
    codes = [place.code for place in search_countries("guinea", 10, "en")]
    # Guinea itself; then the names that start with "Guinea" (Guinea-Bissau, and Spanish
    # "Guinea Ecuatorial"); then one that merely contains it (Papua New Guinea).
    assert codes == ["gn", "gq", "gw", "pg"]


def test_results_are_named_in_the_visitors_language():
    assert search_countries("Germany", 1, "fr")[0].name == "Allemagne"


def test_the_search_index_is_built_once_per_content_version(monkeypatch):
    search_countries("x", 1)
    index = directory._index[content_version.current()]
    search_countries("y", 1)
    assert directory._index[content_version.current()] is index
    content_version.bump()
    search_countries("z", 1)
    assert directory._index[content_version.current()] is not index


def test_a_misspelt_country_is_offered_as_a_suggestion(client):
    html = client.get("/", {"q": "Germnay"}).content.decode()
    assert "No country matches" in html
    assert "Did you mean:" in html
    assert ">Germany</a>" in html


# Addresses people guess.


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/checklist/de/", "/?country=de"),
        ("/checklist/UK/", "/?country=gb"),
        ("/fr/checklist/de/", "/fr/?country=de"),
    ],
)
def test_a_checklist_address_without_a_device_asks_for_the_device(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target
    assert "How do you use LinkedIn?" in client.get("/?country=de").content.decode()


def test_an_unknown_device_is_a_404_that_says_so_and_offers_the_three(client):
    response = client.get("/checklist/de/blackberry/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We have no checklist for “blackberry”" in html
    for surface in ("web", "ios", "android"):
        assert f'href="/checklist/de/{surface}/"' in html
    assert "Choose your country…" not in html


def test_an_unknown_country_without_a_device_is_a_404(client):
    assert client.get("/checklist/zz/").status_code == 404


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/en/", "/"),
        ("/en/checklist/de/web/", "/checklist/de/web/"),
        ("/zh/", "/zh-hant/"),
        ("/zh-tw/checklist/hk/web/", "/zh-hant/checklist/hk/web/"),
        ("/zh-HK/", "/zh-hant/"),
        ("/pt-br/?country=br", "/pt/?country=br"),
        ("/pt_BR/checklist/br/ios/", "/pt/checklist/br/ios/"),
        ("/DE/checklist/de/web/", "/de/checklist/de/web/"),
        ("/fr-ca/", "/fr/"),
    ],
)
def test_language_prefixes_people_guess_redirect_to_ours(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


def test_addresses_that_are_no_language_are_left_alone(client):
    assert client.get("/api/v1/countries/").status_code == 200
    assert client.get("/ja/").status_code == 404


# The landing page.


def test_a_guessed_country_offers_its_three_checklists_on_the_landing_page(client):
    html = client.get("/", headers={"accept-language": "en-GB"}).content.decode()
    guess = html[html.index('class="guess"') : html.index('class="country-form"')]
    assert "the United Kingdom" in guess
    for surface in ("web", "ios", "android"):
        assert f'href="/checklist/gb/{surface}/"' in guess
    # The question comes before what LinkedIn changed.
    assert html.index('id="wizard-heading"') < html.index('id="facts-heading"')


def test_without_a_guess_the_landing_page_asks_only_for_the_country(client):
    html = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert 'class="guess"' not in html
    assert 'href="/checklist/' not in html


# The checklist at a glance.


def test_each_item_leads_with_the_path_of_linkedins_labels(client):
    html = client.get("/checklist/de/web/").content.decode()
    item = html[html.index('id="ai-training"') : html.index('id="objection-form"')]
    path = re.search(r'<p class="path">(.*?)</p>', item, re.S).group(1)
    labels = re.findall(r'<span class="ui-label"[^>]*>([^<]+)</span>', path)
    assert labels == [
        "Me",
        "Settings &amp; Privacy",
        "Data privacy",
        "Data for Generative AI Improvement",
        "Use my data for training content creation AI models",
    ]
    assert path.rstrip().endswith('<strong class="path-choice">Off</strong>')
    # Title, path, steps, then the button; the reasons behind a disclosure.
    order = [
        item.index('class="item-title"'),
        item.index('class="path"'),
        item.index('class="steps"'),
        item.index('class="open-setting"'),
        item.index('<details class="more">'),
    ]
    assert order == sorted(order)
    assert "<details open" not in html


def test_the_path_is_built_from_the_steps_labels_only():
    place = find_country("us", "en")
    for item in build_checklist(place, "ios", language="en").applicable:
        assert [step.ui_label for step in item.path] == [
            step.ui_label for step in item.only_steps if step.ui_label
        ]


def test_uncertainty_is_said_once_per_item_and_names_the_steps(client):
    html = client.get("/checklist/us/ios/").content.decode()
    assert "one source; we are checking" not in html
    item = html[html.index('id="ai-training"') : html.index('id="ad-sharing"')]
    assert item.count('class="checking"') == 1
    assert (
        "Not yet confirmed on a current screen, from one source only: steps 3–5 "
        "(“Data privacy” and “Data for Generative AI Improvement”)." in item
    )


def test_step_doubts_come_from_the_steps_and_stay_silent_when_all_are_confirmed():
    acme = platform()
    made = action(acme)
    step(made, position=1, ui_label="Menu", confidence="confirmed")
    step(made, position=2, ui_label="Privacy", confidence="single")
    step(made, position=3, confidence="single")
    step(made, position=4, ui_label="Sharing", confidence="uncertain")
    place = find_country("de", "en")
    (item,) = build_checklist(place, "web", language="en", platform="acme").items
    assert item.only_step_doubts == (
        "Not yet confirmed on a current screen, from one source only: steps 2 and 3 (“Privacy”).",
        "Sources disagree on step 4 (“Sharing”).",
    )
    assert build_checklist(place, "web", language="fr", platform="acme").items[0].only_step_doubts[
        1
    ] == ("Les sources divergent sur l'étape 4 (\u00ab\u00a0Sharing\u00a0\u00bb).")
    assert (
        build_checklist(place, "ios", language="en", platform="acme").items[0].only_step_doubts
        == ()
    )
    assert step_doubts([], "en") == ()


def test_verified_says_what_was_checked_and_when(client):
    html = client.get("/checklist/us/web/").content.decode()
    ai = html[html.index('id="ai-training"') : html.index('id="ad-sharing"')]
    assert "Checked against LinkedIn's own pages on 1 December 2026." in ai
    assert "Not yet verified" not in html
    # An item without LinkedIn among its sources does not claim LinkedIn's pages.
    measure = html[html.index('id="measure-ad-success"') : html.index('id="research"')]
    assert "Sources checked on 1 December 2026." in measure
    assert "LinkedIn's own pages" not in measure

    Action.objects.filter(slug="ai-training").update(last_verified_on=datetime.date(2026, 12, 1))
    content_version.bump()
    html = client.get("/checklist/us/web/").content.decode()
    assert "Followed step by step on a live LinkedIn account on 1 December 2026." in html


def test_items_say_how_long_they_take_and_how_to_tell_they_worked(client):
    html = client.get("/checklist/de/web/").content.decode()
    assert "Takes about a minute" in html
    assert "Takes about three minutes" in html
    assert (
        "How to tell it worked:</strong> On the website, the switch &#x27;Use my data for "
        "training content creation AI models&#x27; shows Off." in html
    )
    french = client.get("/fr/checklist/de/web/").content.decode()
    assert "Durée\u00a0: environ une minute" in french


def test_the_objection_form_comes_with_a_text_to_copy_in_the_visitors_language(client):
    html = client.get("/checklist/de/web/").content.decode()
    item = html[html.index('id="objection-form"') :]
    assert "I object to LinkedIn processing my personal data" in item
    assert "data-copy-text=" in item
    german = client.get("/de/checklist/de/web/").content.decode()
    assert "Ich widerspreche der Verarbeitung meiner personenbezogenen Daten" in german
    assert "I object to LinkedIn" not in client.get("/checklist/us/web/").content.decode()


def test_every_step_links_to_the_report_form_for_that_step(client):
    html = client.get("/checklist/de/web/").content.decode()
    for position in range(1, 6):
        assert f'href="/checklist/de/web/report/ai-training/?step={position}"' in html
    assert client.get("/checklist/de/web/report/ai-training/?step=2").status_code == 200


def test_progress_counts_essentials_and_extras_apart():
    sentences = progress_sentences(2, 6)
    assert sentences["essentials"] == [
        "0 of 2 essentials done",
        "1 of 2 essentials done",
        "Both essentials done",
    ]
    assert sentences["extras"][2] == "2 of 6 extras"
    assert progress_sentences(1, 1) == {
        "essentials": ["0 of 1 essential done", "The essential is done"],
        "extras": ["0 of 1 extra", "1 of 1 extra"],
    }
    assert progress_sentences(3, 0)["essentials"][3] == "All 3 essentials done"


def test_the_page_promises_no_ticks_where_the_script_is_needed(client):
    html = client.get("/checklist/de/web/").content.decode()
    assert "your ticks only in your browser" not in html
    assert '<p class="hint" data-needs-script hidden>Your ticks stay in this browser' in html
    assert '<div class="progress" data-progress hidden>' in html


def test_the_api_carries_the_new_fields(client):
    item = client.get("/api/v1/checklists/de/").json()["items"][0]
    assert item["slug"] == "ai-training"
    assert item["time_needed"] == "about a minute"
    assert item["done_looks_like"].startswith("On the website, the switch")
    assert item["form_text"] is None
    assert item["label_path"]["ios"] == [
        "Settings",
        "Data privacy",
        "Data for Generative AI Improvement",
    ]
    assert item["step_checking"]["web"] == []
    assert item["step_checking"]["ios"][0].startswith("Not yet confirmed on a current screen")


# Reminders without an account.


def test_the_reminder_is_a_calendar_file_three_months_ahead_with_the_checklists_link(client):
    response = client.get("/checklist/de/web/reminder.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response["Cache-Control"] and response.has_header("ETag")
    assert not response.cookies
    text = response.content.decode()
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    day = months_later(timezone.localdate(), 3)
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in unfolded
    assert "URL:http://testserver/checklist/de/web/" in unfolded
    assert "SUMMARY:Check your LinkedIn settings again" in unfolded
    assert "BEGIN:VALARM" in unfolded
    french = client.get("/fr/checklist/de/web/reminder.ics").content.decode()
    assert "SUMMARY:Vérifiez à nouveau vos réglages LinkedIn" in french.replace("\r\n ", "")
    assert "URL:http://testserver/fr/checklist/de/web/" in french.replace("\r\n ", "")
    assert client.get("/checklist/DE/web/reminder.ics")["Location"] == (
        "/checklist/de/web/reminder.ics"
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 12, 1), datetime.date(2027, 3, 1)),
        (datetime.date(2026, 11, 30), datetime.date(2027, 2, 28)),
        (datetime.date(2027, 11, 30), datetime.date(2028, 2, 29)),
    ],
)
def test_three_months_later_keeps_the_day_or_takes_the_months_last(day, expected):
    assert months_later(day, 3) == expected


def test_the_feed_lists_changes_to_that_checklists_items_only(client):
    ai = Action.objects.get(slug="ai-training")
    ads = Action.objects.get(slug="ad-sharing")
    ChangeNote.objects.create(action=ai, item_title=ai.title, note="LinkedIn moved Data privacy.")
    ChangeNote.objects.create(action=ads, item_title=ads.title, note="New ad-sharing label.")
    response = client.get("/checklist/de/web/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "public" in response["Cache-Control"]
    feed = ET.fromstring(response.content)
    assert "Germany" in feed.find(f"{ATOM}title").text

    def entries(feed) -> dict[str, str]:
        return {
            entry.find(f"{ATOM}title").text: entry.find(f"{ATOM}link").get("href")
            for entry in feed.findall(f"{ATOM}entry")
        }

    germany = entries(feed)
    assert germany[f"{ai.title}: LinkedIn moved Data privacy."] == (
        "http://testserver/checklist/de/web/#ai-training"
    )
    # Ad sharing is not for Germany: its change is not news to this checklist.
    assert f"{ads.title}: New ad-sharing label." not in germany
    assert all("#ad-sharing" not in link for link in germany.values())
    us = entries(ET.fromstring(client.get("/checklist/us/web/feed/").content))
    assert f"{ads.title}: New ad-sharing label." in us
    html = client.get("/checklist/de/web/").content.decode()
    assert 'type="application/atom+xml" href="/checklist/de/web/feed/"' in html
    assert 'href="/checklist/de/web/reminder.ics"' in html
