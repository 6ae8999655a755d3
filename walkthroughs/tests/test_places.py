"""Territories, dependencies and Kosovo: each place answers by the rule its law sets.

The rules are read from the content (which regions a place belongs to, which notes a
platform has about it), never from a list copied here, so that an editor's correction
is what these tests hold the pages to.
"""

import html

import pytest
from django.db.models import Q

from regions.models import Country, CountryKind, Region
from walkthroughs.checklists import build_checklist
from walkthroughs.directory import find_country
from walkthroughs.models import PlaceNote

pytestmark = pytest.mark.django_db

MAIN = ("ai-training", "ad-sharing", "objection-form")


def answer(code: str) -> dict[str, tuple]:
    """What matters of the main items: whether each applies, and since when."""
    checklist = build_checklist(find_country(code, "en"), language="en")
    return {i.slug: (i.applies, i.applies_since) for i in checklist.items if i.slug in MAIN}


def places(*conditions, **filters) -> list[str]:
    return list(Country.objects.filter(*conditions, **filters).values_list("code", flat=True))


def test_every_place_that_is_not_a_sovereign_state_says_which_law_applies():
    reviewed = Country.objects.exclude(kind=CountryKind.STATE)
    assert reviewed.count() >= 55
    assert not reviewed.filter(law="").exists()
    # A territory always names the state responsible for it.
    assert not Country.objects.filter(kind=CountryKind.TERRITORY, part_of=None).exists()


def test_territories_where_eu_law_applies_get_the_eu_answer():
    eu_territories = places(kind=CountryKind.TERRITORY, regions__slug="eu")
    # France's outermost regions and the Åland Islands, by their law.
    assert {"re", "gp", "mq", "gf", "yt", "mf", "ax"} <= set(eu_territories)
    for code in eu_territories:
        country = Country.objects.get(code=code)
        assert answer(code) == answer(country.part_of.code), code
        assert set(country.regions.values_list("slug", flat=True)) >= {
            "eu",
            "eea",
            "designated-countries",
        }


def test_territories_outside_eu_law_get_the_answer_for_the_rest_of_the_world():
    # Brazil stands for the rest of the world: no rollout names it.
    rest = answer("br")
    special = ["eu", "eea", "designated-countries", "gb", "ca", "hk", "us", "cn"]
    outside = Country.objects.exclude(kind=CountryKind.STATE).exclude(regions__slug__in=special)
    assert outside.filter(code__in=["je", "gi", "gl", "bl", "sj", "xk"]).count() == 6
    for code in outside.values_list("code", flat=True):
        assert answer(code) == rest, code


def test_members_where_linkedins_treatment_is_unknown_are_told_so_once_and_on_each_item():
    notes = PlaceNote.objects.filter(kind=PlaceNote.Kind.TREATMENT, platform__slug="linkedin")
    codes = places(Q(place_notes__in=notes) | Q(regions__place_notes__in=notes))
    assert {"re", "ax", "je", "gg", "im", "gi", "gl", "fo", "sj"} <= set(codes)
    for code in set(codes):
        country = find_country(code, "en")
        checklist = build_checklist(country, language="en")
        lead = f"We are not sure how LinkedIn treats members in {country.in_sentence}."
        touched = [item for item in checklist.items if item.place_note]
        assert {item.slug for item in touched} == set(MAIN) & {i.slug for i in checklist.items}
        for item in touched:
            assert item.place_note.startswith(lead + " ") and item.place_doubt == lead
            assert item.confidence == "uncertain"
        # Explained in full where the page first meets it, named in a sentence after.
        first, *later = touched
        assert first.checking.count(first.place_note) == 1 and not first.explained_above
        assert first.place_note_shown == first.place_note
        for item in later:
            assert item.explained_above and item.place_note_shown == lead
            assert item.checking.count(lead) == 1 and item.place_note not in item.checking


def test_the_page_explains_a_doubt_about_the_place_once(client):
    note = build_checklist(find_country("gs", "en"), language="en").items[0].place_note
    page = client.get("/checklist/gs/web/").content.decode()
    assert page.count(html.escape(note, quote=False)) == 1
    assert page.count("We are not sure how LinkedIn treats members in") >= 2


def test_an_editor_marks_a_country_as_uncertain_without_a_migration(
    client, django_capture_on_commit_callbacks
):
    assert not build_checklist(find_country("mo", "en"), language="en").items[0].place_note
    with django_capture_on_commit_callbacks(execute=True):
        PlaceNote.objects.create(
            platform_id=PlaceNote.objects.first().platform_id,
            country=Country.objects.get(code="mo"),
            text="Macao has its own law; LinkedIn has not said how it counts members there.",
        )
    data = client.get("/api/v1/checklists/mo/").json()
    ai = next(item for item in data["items"] if item["slug"] == "ai-training")
    assert ai["confidence"] == "uncertain"
    assert ai["checking"][-1].startswith("We are not sure how LinkedIn treats members in Macao.")
    assert data["country"]["checking"] == [
        "Macao has its own law; LinkedIn has not said how it counts members there."
    ]


def test_the_page_tells_a_jersey_member_what_is_unsure_and_what_would_change(client):
    html = client.get("/checklist/je/web/").content.decode()
    assert "We are not sure how LinkedIn treats members in Jersey." in html
    assert "it may treat them like members in the UK" in html
    # Also beside the objection form, which would be open to them if LinkedIn counts them
    # with the UK.
    other = html[html.index('id="other-heading"') :]
    assert "We are not sure how LinkedIn treats members in Jersey." in other


def test_reunion_gets_the_objection_form_in_french_too(client):
    html = client.get("/fr/checklist/re/android/").content.decode()
    assert 'id="objection-form"' in html.split('id="other-heading"')[0]
    assert find_country("re", "fr").name == "La Réunion"


def test_kosovo_is_a_country_everywhere(client):
    assert client.get("/checklist/xk/ios/").status_code == 200
    assert client.get("/checklist/XK/ios/").status_code == 301
    assert client.get("/api/v1/checklists/xk/?lang=pl").json()["country"]["name"] == "Kosowo"
    assert ">Kosovo</a>" in client.get("/", {"q": "kosovo"}).content.decode()
    assert "科索沃" in client.get("/zh-hant/", {"q": "科索沃"}).content.decode()
    assert 'value="xk"' in client.get("/").content.decode()
    assert Region.objects.get(slug="all").countries.filter(code="xk").exists()
