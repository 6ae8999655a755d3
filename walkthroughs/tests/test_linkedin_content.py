"""The seeded LinkedIn content, country by country, against the rules of docs/facts.md §2.

These pin the content; the engine's own rules are tested on made-up content in
test_engine.py, so that a content change and an engine bug do not look alike.
"""

import datetime

import pytest

from regions.models import Country
from walkthroughs.checklists import Checklist, build_checklist
from walkthroughs.directory import find_country
from walkthroughs.models import Confidence, Surface

pytestmark = pytest.mark.django_db

EU = [
    "at",
    "be",
    "bg",
    "hr",
    "cy",
    "cz",
    "dk",
    "ee",
    "fi",
    "fr",
    "de",
    "gr",
    "hu",
    "ie",
    "it",
    "lv",
    "lt",
    "lu",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "si",
    "es",
    "se",
]
EUROPE = [*EU, "is", "li", "no", "ch", "gb"]
NOV_2025 = datetime.date(2025, 11, 3)
SEP_2024 = datetime.date(2024, 9, 18)


def checklist_for(code: str, surface: str | None = None) -> Checklist:
    return build_checklist(find_country(code, "en"), surface, language="en")


def items_for(code: str, surface: str | None = None) -> dict:
    return {item.slug: item for item in checklist_for(code, surface).items}


@pytest.mark.parametrize("code", EUROPE)
def test_europe_gets_ai_training_since_november_2025_and_the_objection_form(code):
    items = items_for(code)
    assert items["ai-training"].applies
    assert items["ai-training"].applies_since == NOV_2025
    assert items["objection-form"].applies
    assert not items["ad-sharing"].applies
    assert "excludes the EU, EEA, Switzerland and the UK" in items["ad-sharing"].reason


@pytest.mark.parametrize("code", ["ca", "hk"])
def test_canada_and_hong_kong_get_ad_sharing_flagged_unverified(code):
    items = items_for(code)
    assert items["ai-training"].applies_since == NOV_2025
    assert items["ad-sharing"].applies
    assert items["ad-sharing"].applies_since == NOV_2025
    assert items["ad-sharing"].confidence == Confidence.UNCERTAIN
    assert items["ad-sharing"].unverified
    assert any("Canadian or Hong Kong" in note for note in items["ad-sharing"].checking)
    assert not items["objection-form"].applies


@pytest.mark.parametrize("code", ["us", "in", "br", "au", "jp", "za", "ng", "sg", "cn", "aq"])
def test_rest_of_world_gets_ai_training_since_2024_and_ad_sharing(code):
    items = items_for(code)
    assert items["ai-training"].applies_since == SEP_2024
    assert items["ad-sharing"].applies
    assert items["ad-sharing"].applies_since == NOV_2025
    assert not items["objection-form"].applies
    assert "objection form is for members in the EU" in items["objection-form"].reason


def test_every_country_gets_an_answer_for_every_item():
    codes = list(Country.objects.values_list("code", flat=True))
    assert len(codes) == 250
    main = {"ai-training", "ad-sharing", "objection-form"}
    for code in codes:
        items = items_for(code, Surface.WEB)
        assert main <= items.keys(), code
        assert items["ai-training"].applies, code
        assert items["ai-training"].applies_since in (SEP_2024, NOV_2025), code
        for item in items.values():
            assert item.reason, (code, item.slug)


def test_united_kingdom_is_warned_about_microsoft_training_its_own_ai():
    warnings = [w.text for w in items_for("gb")["ai-training"].warnings]
    assert any("Microsoft can train its own AI" in text for text in warnings)
    assert not any("Microsoft can train" in w.text for w in items_for("fr")["ai-training"].warnings)


def test_us_is_told_about_global_privacy_control():
    warnings = [w.text for w in items_for("us")["ad-sharing"].warnings]
    assert any("Global Privacy Control" in text for text in warnings)


def test_items_that_apply_come_first_in_priority_order():
    slugs = [item.slug for item in checklist_for("de").items]
    assert slugs[:2] == ["ai-training", "objection-form"]
    assert slugs[-1] == "ad-sharing"
    us = [item.slug for item in checklist_for("us").items]
    assert us[:2] == ["ai-training", "ad-sharing"]
    assert us[-1] == "objection-form"
    # Optional extras come after the main items that apply.
    assert [items_for("us")[s].optional for s in us[:2]] == [False, False]


def test_uncertain_ad_sharing_label_is_marked_and_explained():
    item = items_for("us")["ad-sharing"]
    assert item.setting_label_confidence == Confidence.UNCERTAIN
    assert item.confidence == Confidence.UNCERTAIN
    assert any("Sources disagree" in note for note in item.checking)


def test_every_setting_item_has_steps_on_every_surface():
    for surface in Surface.values:
        for item in checklist_for("fr", surface).items:
            assert item.steps[surface], (item.slug, surface)
            assert list(item.steps) == [surface]


def test_steps_name_linkedins_exact_labels():
    web = items_for("de", Surface.WEB)["ai-training"].steps["web"]
    labels = [step.ui_label for step in web]
    assert labels == [
        "Me",
        "Settings & Privacy",
        "Data privacy",
        "Data for Generative AI Improvement",
        "Use my data for training content creation AI models",
    ]
    ios = items_for("de", Surface.IOS)["ai-training"].steps["ios"]
    # Two independent guides quote the apps' entry as Settings.
    assert ios[1].ui_label == "Settings"
    assert ios[1].text == "Tap Settings."
    assert ios[1].confidence == Confidence.CONFIRMED


def test_deep_links_are_linkedins_own():
    items = items_for("us")
    assert items["ai-training"].deep_link == (
        "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
    )
    assert items["ad-sharing"].deep_link == (
        "https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners"
    )
    assert items["objection-form"].deep_link == "https://www.linkedin.com/help/linkedin/ask/TS-DPRO"


def test_every_item_cites_sources_or_is_marked_below_confirmed():
    for item in items_for("gb").values():
        assert item.sources or item.confidence != Confidence.CONFIRMED or item.optional, item.slug
        assert item.sources_checked_on is not None


def test_exclusion_wins_over_inclusion_for_a_country_in_both():
    # Norway sits in "All countries" (the 2024 rollout) and in the excluded EEA.
    assert items_for("no")["ai-training"].applies_since == NOV_2025
