"""More services than LinkedIn: one engine, one set of pages, one API for all of them.

On made-up services of their own ("acme", "brio"), so that these rules hold whatever the
seeded content says; LinkedIn's own addresses are checked against the seeded content.
"""

import datetime
import re

import pytest

from walkthroughs.checklists import build_checklist, build_plan
from walkthroughs.directory import Place, find_country
from walkthroughs.models import Report

from . import factories

pytestmark = pytest.mark.django_db

GERMANY = Place(code="de", name="Germany", in_sentence="Germany")
JAPAN = Place(code="jp", name="Japan", in_sentence="Japan")


@pytest.fixture
def europe():
    return factories.region("test-europe", "de", "fr")


@pytest.fixture
def acme(europe):
    """A service whose switch exists in Europe only, with a fallback everywhere."""
    acme = factories.platform("acme", name="Acme", website="https://acme.example/", position=100)
    change = factories.policy_change(
        acme, exclusion_note="Acme offers the objection only in Europe."
    )
    factories.rollout(change, include=[europe], effective_on=datetime.date(2025, 5, 27))
    objection = factories.action(acme, "object", policy_change=change, title="Object to Acme AI")
    factories.step(objection, "web", 1, text="Open the Acme form.", ui_label="Object")
    factories.step(objection, "ios", 1, text="Open the Acme app's form.")
    fallback = factories.action(
        acme, "keep-private", optional=True, title="Keep your posts private", default_state=""
    )
    factories.step(fallback, "web", 1, text="Make your posts private.")
    return acme


@pytest.fixture
def brio():
    brio = factories.platform("brio", name="Brio", position=101)
    switch = factories.action(brio, "object", title="Switch off Brio training")
    factories.step(switch, "web", 1, text="Open Brio's privacy settings.")
    return brio


def test_each_service_answers_for_its_own_items_only(acme, brio):
    acme_items = build_checklist(GERMANY, "web", language="en", platform="acme").items
    brio_items = build_checklist(GERMANY, "web", language="en", platform="brio").items
    assert [item.title for item in acme_items] == ["Object to Acme AI", "Keep your posts private"]
    assert [item.title for item in brio_items] == ["Switch off Brio training"]


def test_where_a_service_offers_no_way_out_there_is_no_main_item_only_alternatives(acme):
    japan = build_checklist(JAPAN, "web", language="en", platform="acme")
    assert japan.main == []
    assert [item.slug for item in japan.optional] == ["keep-private"]
    (excluded,) = japan.not_applicable
    assert excluded.reason == "Not in Japan: Acme offers the objection only in Europe."
    germany = build_checklist(GERMANY, "web", language="en", platform="acme")
    assert [item.slug for item in germany.main] == ["object"]
    assert germany.main[0].applies_since == datetime.date(2025, 5, 27)


def test_a_plan_keeps_the_order_asked_for_and_each_service_its_own_items(acme, brio):
    plan = build_plan(GERMANY, "web", language="en", platforms=("brio", "acme"))
    assert [checklist.platform for checklist in plan] == ["brio", "acme"]
    assert [item.slug for item in plan[1].items] == ["object", "keep-private"]
    # The same slug on two services stays two items.
    assert plan[0].items[0].title == "Switch off Brio training"


def test_a_plan_costs_six_queries_whatever_the_number_of_services(
    acme, brio, europe, django_assert_num_queries
):
    with django_assert_num_queries(6):
        build_plan(GERMANY, "web", language="en", platforms=("acme",))
    for number in range(8):
        more = factories.platform(f"more-{number}")
        change = factories.policy_change(more)
        factories.rollout(change, include=[europe])
        factories.step(factories.action(more, "object", policy_change=change))
    slugs = ("acme", "brio", *(f"more-{number}" for number in range(8)))
    with django_assert_num_queries(6):
        plan = build_plan(GERMANY, "web", language="en", platforms=slugs)
    assert len(plan) == 10 and all(checklist.items for checklist in plan)


def test_a_service_checklist_has_its_own_address_and_names_the_service(client, acme):
    response = client.get("/checklist/acme/de/web/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your Acme checklist for Germany" in html
    assert "Open the Acme form." in html
    assert 'href="/checklist/acme/de/ios/"' in html
    assert 'href="/checklist/acme/de/web/feed/"' in html
    assert 'src="/checklist/acme/de/web/qr.svg"' in html
    assert 'href="/checklist/acme/de/web/report/object/?step=1"' in html
    assert 'data-ticks="opt-out-guide:ticks:acme:de"' in html
    assert "LinkedIn" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_no_opt_out_in_a_country_is_said_plainly_with_what_to_do_instead(client, acme):
    html = client.get("/checklist/acme/jp/web/").content.decode()
    assert "Acme offers members in Japan no setting or form to opt out." in html
    assert "What you can do instead" in html
    assert "Make your posts private." in html
    assert "Acme offers the objection only in Europe." in html


def test_service_addresses_redirect_to_their_canonical_form(client, acme):
    assert client.get("/checklist/acme/DE/web/")["Location"] == "/checklist/acme/de/web/"
    assert client.get("/checklist/acme/uk/WEB/").status_code == 301
    assert client.get("/checklist/acme/de/web/feed/").status_code == 200
    assert client.get("/checklist/acme/de/web/qr.svg").status_code == 200
    reminder = client.get("/checklist/acme/de/web/reminder.ics")
    assert "Check your Acme settings again" in reminder.content.decode()
    assert client.get("/checklist/acme/de/phone/").status_code == 404
    assert client.get("/checklist/nobody/de/web/").status_code == 404


def test_linkedin_keeps_its_short_addresses(client):
    assert client.get("/checklist/de/web/").status_code == 200
    long_form = client.get("/checklist/linkedin/de/web/")
    assert long_form.status_code == 301 and long_form["Location"] == "/checklist/de/web/"
    assert client.get("/checklist/linkedin/de/web/feed/")["Location"] == "/checklist/de/web/feed/"
    html = client.get("/checklist/de/web/").content.decode()
    assert 'data-ticks="opt-out-guide:ticks:de"' in html
    assert 'href="/checklist/de/web/feed/"' in html
    assert "Your LinkedIn checklist for Germany" in html
    for path in ("/checklist/de/web/reminder.ics", "/checklist/de/web/qr.svg"):
        assert client.get(path).status_code == 200
    assert client.get("/api/v1/checklists/de/").json()["platform"] == "linkedin"
    assert client.get("/api/v1/checklists/linkedin/de/")["Location"] == "/api/v1/checklists/de/"


def test_a_report_belongs_to_the_service_whose_item_it_names(client, acme, brio):
    response = client.post(
        "/checklist/brio/de/web/report/object/",
        {"surface": "web", "what_they_see": "The Brio menu moved."},
    )
    assert response.status_code == 200
    (report,) = Report.objects.all()
    assert report.action.platform.slug == "brio"
    form = client.get("/checklist/acme/de/web/report/object/").content.decode()
    assert "Where you use Acme" in form
    assert 'action="/checklist/acme/de/web/report/object/"' in form


def test_the_api_lists_the_services_and_answers_for_each(client, acme, brio):
    platforms = client.get("/api/v1/platforms/").json()["platforms"]
    slugs = [platform["slug"] for platform in platforms]
    assert slugs[0] == "linkedin" and slugs[-2:] == ["acme", "brio"]
    acme_entry = platforms[slugs.index("acme")]
    assert acme_entry["name"] == "Acme" and acme_entry["website"] == "https://acme.example/"
    assert acme_entry["checklists"] == "/api/v1/checklists/acme/{cc}/"
    data = client.get("/api/v1/checklists/acme/jp/?lang=fr").json()
    assert data["platform"] == "acme" and data["language"] == "fr"
    assert data["country"]["code"] == "jp"
    assert [(item["slug"], item["applies"]) for item in data["items"]] == [
        ("keep-private", True),
        ("object", False),
    ]
    assert set(data["items"][1]["steps"]) == {"web", "ios", "android"}
    assert client.get("/api/v1/checklists/acme/UK/")["Location"] == "/api/v1/checklists/acme/gb/"
    missing = client.get("/api/v1/checklists/nobody/de/")
    assert missing.status_code == 404 and missing.json()["error"] == "unknown-platform"


def test_the_country_switcher_keeps_the_service(client, acme):
    response = client.get("/checklist/", {"country": "fr", "surface": "ios", "service": "acme"})
    assert response["Location"] == "/checklist/acme/fr/ios/"
    assert client.get("/checklist/", {"country": "fr", "service": "nobody"}).status_code == 400
    assert find_country("fr") is not None


def test_each_service_has_its_own_change_log_and_feed(client, acme, brio):
    from walkthroughs.models import Action, ChangeNote

    ChangeNote.objects.create(
        action=Action.objects.get(platform=acme, slug="object"),
        item_title="Object to Acme AI",
        note="Acme moved its form.",
    )
    ChangeNote.objects.create(
        action=Action.objects.get(platform=brio, slug="object"),
        item_title="Switch off Brio training",
        note="Brio renamed its switch.",
    )
    acme_log = client.get("/changes/acme/").content.decode()
    assert "What changed in the steps for Acme" in acme_log
    assert "Acme moved its form." in acme_log and "Brio renamed" not in acme_log
    everything = client.get("/changes/").content.decode()
    assert "Acme moved its form." in everything and "Brio renamed its switch." in everything
    feed = client.get("/changes/brio/feed/").content.decode()
    assert "Brio renamed its switch." in feed and "Acme moved" not in feed
    assert client.get("/changes/nobody/").status_code == 404
    assert client.get("/changes/nobody/feed/").status_code == 404
    # A checklist's own feed holds its service's changes only, though the slugs are the same.
    checklist_feed = client.get("/checklist/acme/de/web/feed/").content.decode()
    assert "Acme moved its form." in checklist_feed and "Brio" not in checklist_feed


def test_the_sitemap_has_a_section_per_service(client, acme):
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-checklists-acme.xml" in index
    section = client.get("/sitemap-checklists-acme.xml").content.decode()
    assert re.search(r"<loc>http://testserver/checklist/acme/[a-z]{2}/(web|ios)/</loc>", section)
    assert client.get("/sitemap-checklists-nobody.xml").status_code == 404
