"""The seeded content of the nine other services, country by country, against docs/services.md."""

import datetime

import pytest
from django.conf import settings

from walkthroughs.checklists import Checklist, build_checklist, build_plan
from walkthroughs.directory import find_country
from walkthroughs.models import Action, Confidence, Platform

pytestmark = pytest.mark.django_db

SERVICES = [
    "linkedin",
    "facebook",
    "instagram",
    "whatsapp",
    "gemini",
    "chatgpt",
    "claude",
    "copilot",
    "x",
    "pinterest",
]
# A sample of places: EU, EEA outside the EU, the UK, Switzerland, the US, Brazil, South
# Korea, Hong Kong, mainland China, an EU territory with its own code, and elsewhere.
SAMPLE = ["de", "no", "gb", "ch", "us", "br", "kr", "hk", "cn", "re", "in"]
EUROPE_2025 = datetime.date(2025, 5, 27)


def checklist(service: str, code: str, surface: str | None = "web") -> Checklist:
    return build_checklist(find_country(code, "en"), surface, language="en", platform=service)


def main(service: str, code: str) -> list[str]:
    return [item.slug for item in checklist(service, code).main]


def test_the_ten_services_have_their_stable_slugs_linkedin_first():
    assert list(Platform.objects.values_list("slug", flat=True)) == SERVICES


@pytest.mark.parametrize("service", ["facebook", "instagram"])
def test_meta_objection_in_the_eu_eea_and_uk_since_27_may_2025(service):
    for code in ("de", "no", "gb", "re"):
        (item,) = checklist(service, code).main
        assert item.slug == "ai-objection" and item.kind == "form"
        assert item.applies_since == EUROPE_2025
        assert item.setting_label == "AI at Meta"
        assert item.deep_link.startswith("https://")
        assert item.form_text
    # Switzerland is not in Meta's list: no objection there.
    assert main(service, "ch") == []


@pytest.mark.parametrize("service", ["facebook", "instagram", "whatsapp"])
@pytest.mark.parametrize("code", ["us", "br", "in", "ch"])
def test_meta_elsewhere_has_no_main_item_and_says_what_to_do_instead(service, code):
    result = checklist(service, code)
    assert result.main == []
    assert result.optional, "what one can do instead"
    (excluded,) = [item for item in result.not_applicable if item.slug == "ai-objection"]
    assert "only in the EU, EEA and UK" in excluded.reason


def test_meta_ai_chats_feed_ads_everywhere_but_the_eu_uk_and_south_korea():
    for code, expected in (("us", True), ("no", True), ("de", False), ("gb", False), ("kr", False)):
        items = {item.slug: item for item in checklist("facebook", code).items}
        assert items["meta-ai-chats"].applies is expected, code
    us = {item.slug: item for item in checklist("facebook", "us").items}["meta-ai-chats"]
    assert us.applies_since == datetime.date(2025, 12, 16)
    assert us.default_state == "", "advice, not a switch: no default to show"


def test_whatsapp_objection_rests_on_one_source():
    (item,) = checklist("whatsapp", "de").main
    assert item.confidence == Confidence.SINGLE and item.checking


@pytest.mark.parametrize(
    ("service", "slug", "label"),
    [
        ("gemini", "keep-activity", "Keep Activity"),
        ("chatgpt", "improve-the-model", "Improve the model for everyone"),
        ("claude", "help-improve-claude", "Help improve Claude"),
        ("x", "grok-training", "Grok & Third-party collaborators"),
        ("pinterest", "canvas-training", "Use your data to train Pinterest Canvas"),
    ],
)
def test_worldwide_switches_apply_in_every_sampled_country(service, slug, label):
    for code in SAMPLE:
        items = {item.slug: item for item in checklist(service, code).main}
        assert items[slug].setting_label == label, code
        assert items[slug].default_state == "on"


def test_claude_applies_since_28_august_2025():
    (item,) = checklist("claude", "jp").main
    assert item.applies_since == datetime.date(2025, 8, 28)
    assert item.deep_link == "https://claude.ai/settings/data-privacy-controls"


def test_pinterest_objection_only_where_the_gdpr_gives_the_right():
    assert main("pinterest", "de") == ["canvas-training", "dpo-objection"]
    assert main("pinterest", "gb") == ["canvas-training", "dpo-objection"]
    assert main("pinterest", "us") == ["canvas-training"]


def test_copilot_two_switches_with_a_notice_where_microsoft_does_not_train():
    assert main("copilot", "us") == ["model-training-text", "model-training-voice"]
    for code in ("br", "cn", "il", "ng", "kr", "vn"):
        notices = checklist("copilot", code).notices
        assert notices and "does not train" in notices[0], code
    assert checklist("copilot", "hk").notices == ()
    text = checklist("copilot", "de").main[0]
    assert text.confidence == Confidence.SINGLE
    assert any("EEA" in doubt for doubt in text.checking)


def test_every_item_has_sources_and_steps_on_every_surface():
    for action in Action.objects.exclude(platform__slug="linkedin").prefetch_related(
        "steps", "sources"
    ):
        assert action.sources.exists(), action
        assert {step.surface for step in action.steps.all()} == {"web", "ios", "android"}
        for source in action.sources.all():
            assert source.url or source.no_url_reason, source


def test_deep_links_are_the_services_own_addresses():
    hosts = {
        "facebook": "https://www.facebook.com/",
        "instagram": "https://help.instagram.com/",
        "whatsapp": "https://www.whatsapp.com/",
        "gemini": "https://myactivity.google.com/",
        "claude": "https://claude.ai/",
        "pinterest": "https://help.pinterest.com/",
    }
    for action in Action.objects.exclude(deep_link="").exclude(platform__slug="linkedin"):
        assert action.deep_link.startswith(hosts[action.platform.slug]), action


def test_a_plan_of_all_ten_answers_each_service_in_order():
    place = find_country("de", "en")
    plan = build_plan(place, "ios", language="en", platforms=tuple(SERVICES))
    assert [result.platform for result in plan] == SERVICES
    assert all(result.main for result in plan), "each service has something to do in Germany"


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_every_service_renders_for_a_sample_of_countries_in_every_language(client, language):
    prefix = "" if language == "en" else f"/{language}"
    for service in SERVICES[1:]:
        for code in ("de", "us", "kr"):
            response = client.get(f"{prefix}/checklist/{service}/{code}/android/")
            assert response.status_code == 200, (service, code)
            assert f'lang="{language}"' in response.content.decode()
        data = client.get(f"/api/v1/checklists/{service}/br/?lang={language}").json()
        assert data["platform"] == service and data["language"] == language
