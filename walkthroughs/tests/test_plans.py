"""A plan: the services a visitor uses, one page, one address that holds the choice."""

import re
from collections import Counter

import pytest
from django.utils.html import escape

from . import factories

pytestmark = pytest.mark.django_db

ALL = "linkedin+facebook+instagram+whatsapp+gemini+chatgpt+claude+copilot+x+pinterest"


def test_the_third_question_lists_every_service_linkedin_first_and_ticked(client):
    html = client.get("/?country=de&surface=ios").content.decode()
    assert "Question 3 of 3" in html and "Which of these services do you use?" in html
    boxes = re.findall(r'<input type="checkbox" name="service" value="([a-z]+)"( checked)?>', html)
    assert [slug for slug, _ in boxes] == ALL.split("+")
    assert [slug for slug, checked in boxes if checked] == ["linkedin"]
    assert 'action="/plan/"' in html
    assert '<input type="hidden" name="surface" value="ios">' in html


def test_the_third_question_is_an_htmx_fragment_too(client):
    response = client.get("/?country=de&surface=web", headers={"hx-request": "true"})
    assert response.content.decode().lstrip().startswith('<section id="wizard-panel"')


def test_an_unknown_device_on_the_way_is_a_400_with_a_message(client):
    response = client.get("/?country=de&surface=fax")
    assert response.status_code == 400
    assert "Please choose a device." in response.content.decode()


def test_the_answer_goes_to_the_plans_canonical_address(client):
    query = "country=DE&surface=ios&service=x&service=linkedin&service=gemini&service=x"
    response = client.get(f"/plan/?{query}")
    assert response["Location"] == "/plan/de/ios/linkedin+gemini+x/"


def test_linkedin_alone_is_linkedins_own_checklist(client):
    response = client.get("/plan/?country=de&surface=web&service=linkedin")
    assert response["Location"] == "/checklist/de/web/"
    assert client.get("/plan/de/web/gemini/")["Location"] == "/checklist/gemini/de/web/"


def test_no_service_chosen_asks_again_and_keeps_nothing(client):
    response = client.get("/plan/?country=de&surface=web")
    assert response.status_code == 400
    assert "Please choose at least one service from the list." in response.content.decode()
    assert client.get("/plan/?country=de&surface=web&service=myspace").status_code == 400


def test_plan_addresses_redirect_to_their_canonical_order_and_case(client):
    assert client.get("/plan/DE/web/x+LinkedIn/")["Location"] == "/plan/de/web/linkedin+x/"
    assert client.get("/plan/de/web/linkedin+x+x/")["Location"] == "/plan/de/web/linkedin+x/"
    assert client.get("/plan/de/web/linkedin+myspace/").status_code == 404
    assert client.get("/plan/zz/web/linkedin+x/").status_code == 404
    assert client.get("/plan/de/fax/linkedin+x/").status_code == 404


def test_a_plan_has_a_section_per_service_in_order_with_unique_ids(client):
    response = client.get("/plan/de/android/linkedin+facebook+gemini/")
    assert response.status_code == 200
    html = response.content.decode()
    headings = re.findall(r'<h2 id="([a-z]+)-heading">', html)
    assert headings == ["linkedin", "facebook", "gemini", "share"]
    ids = Counter(re.findall(r' id="([^"]+)"', html))
    assert not [name for name, count in ids.items() if count > 1]
    assert 'id="gemini-keep-activity"' in html and 'id="linkedin-ai-training"' in html
    assert 'data-ticks="opt-out-guide:ticks:de"' in html
    assert 'data-ticks="opt-out-guide:ticks:facebook:de"' in html
    # Each section's report links, feed and reminder are the service's own.
    assert 'href="/checklist/gemini/de/android/report/keep-activity/?step=1"' in html
    assert 'href="/checklist/facebook/de/android/feed/"' in html
    assert 'href="/checklist/de/android/reminder.ics"' in html


def test_a_plan_can_be_shared_printed_and_scanned(client):
    html = client.get("/plan/us/web/linkedin+chatgpt/").content.decode()
    assert '<link rel="canonical" href="http://testserver/plan/us/web/linkedin+chatgpt/">' in html
    assert '<meta property="og:title" content="Opt out of AI training in the United States:' in html
    assert "for LinkedIn and ChatGPT" in html
    assert 'value="http://testserver/plan/us/web/linkedin+chatgpt/"' in html
    assert "data-print" in html
    svg = client.get("/plan/us/web/linkedin+chatgpt/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert "http://testserver/plan/us/web/linkedin+chatgpt/" in svg.content.decode()
    assert 'href="/plan/us/ios/linkedin+chatgpt/"' in html


def test_where_a_service_has_no_opt_out_the_plan_says_so(client):
    html = client.get("/plan/us/web/linkedin+facebook/").content.decode()
    assert "Facebook offers members in the United States no setting or form to opt out." in html


def test_a_plan_reads_in_the_visitors_language(client):
    html = client.get("/fr/plan/de/web/linkedin+claude/").content.decode()
    assert "Votre liste\u00a0: Allemagne" in html
    assert escape("Empêchez Anthropic d'entraîner Claude sur vos conversations") in html


def test_a_plan_costs_the_same_queries_for_two_services_as_for_ten(
    client, django_assert_max_num_queries
):
    client.get("/plan/de/web/linkedin+x/")  # the content, read once per version
    with django_assert_max_num_queries(2):
        assert client.get("/plan/fr/web/linkedin+x/").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(f"/plan/it/web/{ALL}/").status_code == 200
    with django_assert_max_num_queries(0):
        assert client.get(f"/plan/it/web/{ALL}/").status_code == 200


def test_the_landing_page_says_what_else_the_site_covers(client):
    html = client.get("/").content.decode()
    assert "LinkedIn uses your data for AI and ads." in html
    assert (
        "The same for Facebook, Instagram, WhatsApp, Gemini, ChatGPT, Claude, Copilot, X and "
        "Pinterest" in html
    )


def test_a_new_service_joins_the_wizard_and_plans_without_code(client):
    factories.step(factories.action(factories.platform("acme", position=200), "object"))
    html = client.get("/?country=de&surface=web").content.decode()
    assert 'value="acme"' in html
    assert client.get("/plan/de/web/linkedin+acme/").status_code == 200
