"""A plan of several services in a real browser: the way there, the first screen, ticks, axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .journey import choose_country_with_htmx, show_checklist, surface_link
from .test_first_screen import PHONE, _on_first_screen, _open

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ALL = "linkedin+facebook+instagram+whatsapp+gemini+chatgpt+claude+copilot+x+pinterest"


def test_the_wizard_leads_to_a_plan_of_the_services_ticked(page):
    page.goto("/")
    choose_country_with_htmx(page, "Germany", "de")
    surface_link(page, "Android app").click()
    show_checklist(page, "Gemini", "ChatGPT")
    page.wait_for_url("**/plan/de/android/linkedin+gemini+chatgpt/")
    headings = page.locator(".plan-service > h2")
    expect(headings).to_have_text(["LinkedIn", "Gemini", "ChatGPT"])


def test_ticks_in_a_plan_are_kept_per_service_and_shared_with_its_checklist(page):
    page.goto("/plan/de/web/linkedin+gemini/")
    page.locator("#gemini-keep-activity [data-done]").check()
    page.reload()
    expect(page.locator("#gemini-keep-activity [data-done]")).to_be_checked()
    expect(page.locator("#linkedin-ai-training [data-done]")).not_to_be_checked()
    page.goto("/checklist/gemini/de/android/")
    expect(page.locator("#keep-activity [data-done]")).to_be_checked()
    page.goto("/checklist/de/web/")
    expect(page.locator("#ai-training [data-done]")).not_to_be_checked()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_plan_of_all_ten_shows_its_first_action_on_the_first_phone_screen(
    new_context, javascript
):
    page = _open(new_context, PHONE, javascript)
    page.goto(f"/plan/de/android/{ALL}/")
    first = page.locator(".item[data-slug]").first
    _on_first_screen(first.locator(".item-title"), PHONE)
    _on_first_screen(first.locator(".path"), PHONE)
    _on_first_screen(first.locator(".steps li").first, PHONE)
    expect(page.locator(".plan-service")).to_have_count(10)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_plan(new_context, scheme):
    page = new_context(color_scheme=scheme).new_page()
    axe = Axe()
    reports = []
    for path in (
        f"/plan/de/android/{ALL}/",
        "/plan/us/web/linkedin+facebook+copilot/",
        "/fr/plan/kr/ios/linkedin+copilot+x/",
        "/?country=de&surface=web",
    ):
        page.goto(path)
        page.wait_for_load_state("load")
        results = axe.run(page)
        if results.violations_count:
            reports.append(f"=== {path}\n{results.generate_report()}")
    assert not reports, "\n".join(reports)


def test_a_plan_prints_and_shares_its_own_address(page):
    page.goto("/plan/us/ios/linkedin+chatgpt/")
    expect(page.locator("#share-url")).to_have_value(
        re.compile(r"/plan/us/ios/linkedin\+chatgpt/$")
    )
    expect(page.locator("[data-print]")).to_be_visible()
    expect(page.locator(".qr img")).to_have_attribute("src", "/plan/us/ios/linkedin+chatgpt/qr.svg")
