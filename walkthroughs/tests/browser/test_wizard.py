"""The wizard in a real browser: with htmx, without JavaScript, history, search, keyboard."""

import re

import pytest
from playwright.sync_api import expect

from .journey import (
    INTRO,
    QUESTION_1,
    QUESTION_2,
    choose_country_with_htmx,
    path_of,
    show_checklist,
    surface_link,
    wizard_heading,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FOCUS_TIMEOUT = 1_000  # focus moves as soon as htmx settles; no need to wait longer


def test_journey_with_javascript_swaps_the_panel_in_place(new_context):
    # English in Switzerland: the page stays English, the region picks the country.
    page = new_context(locale="en-CH").new_page()
    page.goto("/")
    assert path_of(page) == "/"
    expect(page.locator("#country")).to_have_value("ch")

    page.evaluate("window.__marker = 'same document'")
    choose_country_with_htmx(page, "Germany", "de")
    assert path_of(page) == "/?country=de"
    # No full page load: the window's state survived the swap.
    assert page.evaluate("window.__marker") == "same document"
    expect(page.locator("#wizard-panel")).to_contain_text("You live in Germany")
    expect(page.locator("#wizard-panel")).to_have_count(1)
    expect(page.locator("header.site-header")).to_have_count(1)

    surface_link(page, "iPhone or iPad app").click()
    page.wait_for_url(re.compile(r"/\?country=de&surface=ios$"))
    assert page.evaluate("window.__marker") == "same document"
    show_checklist(page)
    page.wait_for_url("**/checklist/de/ios/")
    assert path_of(page) == "/checklist/de/ios/"
    expect(page.locator("h1")).to_contain_text("Germany")
    expect(page.locator(".steps").first).to_contain_text("Data for Generative AI Improvement")


def test_german_speaking_visitor_in_switzerland_gets_german_and_switzerland(new_context):
    page = new_context(locale="de-CH").new_page()
    page.goto("/")
    # Sent to the German pages, with Switzerland preselected.
    assert path_of(page) == "/de/"
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("#country")).to_have_value("ch")

    # The same wizard, in German: check by structure, not by wording.
    germany = page.locator("#country option[value=de]").text_content().strip()
    page.evaluate("window.__marker = 'same document'")
    page.locator("#country").select_option("de")
    page.locator(".country-form [type=submit]").click()
    page.wait_for_url(re.compile(r"/de/\?country=de$"))
    assert page.evaluate("window.__marker") == "same document"
    expect(page.locator("#wizard-panel")).to_contain_text(germany)
    expect(page.locator("#wizard-panel a.choice")).to_have_count(3)

    page.locator("#wizard-panel a.choice-ios").click()
    page.wait_for_url(re.compile(r"/de/\?country=de&surface=ios$"))
    page.locator(".services-form [type=submit]").click()
    page.wait_for_url("**/de/checklist/de/ios/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_contain_text(germany)
    assert page.locator(".item[data-slug]").count() >= 2


def test_focus_moves_to_the_new_question_after_each_swap(page):
    page.goto("/")
    choose_country_with_htmx(page, "Germany", "de")
    expect(wizard_heading(page)).to_be_focused(timeout=FOCUS_TIMEOUT)
    assert page.evaluate("document.activeElement.id") == "wizard-heading"

    page.get_by_role("link", name="Change country").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_1)
    expect(wizard_heading(page)).to_be_focused(timeout=FOCUS_TIMEOUT)

    page.locator("#country-query").fill("switz")
    page.locator("#country-matches").get_by_role("link", name="Switzerland").click()
    page.wait_for_url(re.compile(r"/\?country=ch$"))
    expect(wizard_heading(page)).to_be_focused(timeout=FOCUS_TIMEOUT)


def test_journey_without_javascript_works_with_full_page_loads(new_context):
    page = new_context(java_script_enabled=False, locale="en-CH").new_page()
    page.goto("/")
    expect(page.locator("#country")).to_have_value("ch")

    # The search form works as a plain GET form.
    page.locator("#country-query").fill("switz")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/\?q=switz$"))
    expect(
        page.locator("#country-matches").get_by_role("link", name="Switzerland", exact=True)
    ).to_be_visible()

    page.locator("#country").select_option("de")
    page.get_by_role("button", name="Next", exact=True).click()
    page.wait_for_url(re.compile(r"/\?country=de$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_2)
    # A full page, not a fragment.
    expect(page.locator("h1")).to_have_text(INTRO)

    surface_link(page, "Website").click()
    page.wait_for_url(re.compile(r"/\?country=de&surface=web$"))
    expect(page.locator("h1")).to_have_text(INTRO)
    show_checklist(page)
    page.wait_for_url("**/checklist/de/web/")
    expect(page.locator("h1")).to_contain_text("Germany")
    items = page.locator(".item[data-slug]")
    assert items.count() >= 2
    expect(items.first.locator(".steps")).to_contain_text("Data for Generative AI Improvement")
    # Ticking needs JavaScript: without it, no checkbox and no progress bar are shown.
    assert page.locator("[data-done]").count() == items.count()
    for box in page.locator("[data-done]").all():
        expect(box).to_be_hidden()
    expect(page.locator("[data-progress]")).to_be_hidden()
    expect(page.locator("[data-copy-link]")).to_be_hidden()
    # Nor does the page promise ticks it cannot keep.
    expect(page.get_by_text("Your ticks stay in this browser")).to_be_hidden()

    # The country switcher redirects to the canonical checklist address.
    page.locator("#switch-country").select_option(label="France")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url("**/checklist/fr/web/")
    expect(page.locator("h1")).to_contain_text("France")


def test_back_forward_and_reload_after_htmx_steps(page):
    page.goto("/")
    choose_country_with_htmx(page, "Germany", "de")

    page.go_back()
    page.wait_for_url(re.compile(r"/$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_1)
    expect(page.locator("#country")).to_be_visible()
    expect(wizard_heading(page)).to_be_focused(timeout=FOCUS_TIMEOUT)

    page.go_forward()
    page.wait_for_url(re.compile(r"/\?country=de$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_2)
    expect(page.locator("#wizard-panel")).to_contain_text("You live in Germany")
    expect(wizard_heading(page)).to_be_focused(timeout=FOCUS_TIMEOUT)

    # A hard reload asks the server for /?country=de without htmx: the whole page comes
    # back, not the bare panel that htmx was sent for the same address.
    page.reload()
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.locator("h1")).to_have_text(INTRO)
    expect(wizard_heading(page)).to_have_text(QUESTION_2)
    assert page.locator("link[rel=stylesheet]").count() >= 1

    # "Change country" goes back to question 1 in place, and pushes the address.
    page.evaluate("window.__marker = 'same document'")
    page.get_by_role("link", name="Change country").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_1)
    assert page.evaluate("window.__marker") == "same document"
    page.go_back()
    page.wait_for_url(re.compile(r"/\?country=de$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_2)


def test_live_search_lists_matches_and_leads_to_question_two(page):
    page.goto("/")
    page.evaluate("window.__marker = 'same document'")
    search = page.locator("#country-query")
    search.press_sequentially("switz", delay=30)
    match = page.locator("#country-matches").get_by_role("link", name="Switzerland", exact=True)
    expect(match).to_be_visible()
    expect(page.locator("#country-matches")).to_contain_text("1 match")
    # Live results neither change the address nor take the focus from the search box.
    assert path_of(page) == "/"
    expect(search).to_be_focused()

    search.press_sequentially("xx", delay=30)
    expect(page.locator("#country-matches")).to_contain_text("No country matches")
    search.fill("switz")
    match.click()
    page.wait_for_url(re.compile(r"/\?country=ch$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_2)
    expect(page.locator("#wizard-panel")).to_contain_text("You live in Switzerland")
    assert page.evaluate("window.__marker") == "same document"


def test_unknown_country_shows_the_error_in_place(page):
    page.goto("/")
    page.evaluate("window.__marker = 'same document'")
    # A stale or hand-made choice: the server answers 400 with the question again.
    page.locator("#country").evaluate(
        "select => { select.add(new Option('Nowhere', 'zz')); select.value = 'zz'; }"
    )
    with page.expect_response(lambda response: "country=zz" in response.url) as answer:
        page.get_by_role("button", name="Next", exact=True).click()
    assert answer.value.status == 400
    expect(page.locator(".field-error")).to_have_text("Please choose your country from the list.")
    expect(page.locator("#country")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#country")).to_have_attribute("aria-describedby", "country-error")
    assert page.evaluate("window.__marker") == "same document"


def _tab_until(page, predicate_js: str, limit: int = 40) -> int:
    """Press Tab until the focused element satisfies predicate_js; return the presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean({predicate_js}))(document.activeElement)"):
            return presses
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
    raise AssertionError(f"{predicate_js} not focused after {limit} Tabs; focus on {focused}")


def _assert_skip_link_shows_on_focus(page) -> None:
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.bounding_box()["width"] <= 1, "skip link should be visually hidden until focused"
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert skip.bounding_box()["width"] > 20


def test_keyboard_only_from_landing_page_to_a_checklist(page):
    page.goto("/")
    _assert_skip_link_shows_on_focus(page)

    _tab_until(page, "el.id === 'country'")
    page.keyboard.type("Germany")
    expect(page.locator("#country")).to_have_value("de")
    _tab_until(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Next'", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\?country=de$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_2)
    # Focus lands on the new question (as soon as htmx settles the swap)...
    expect(wizard_heading(page)).to_be_focused()

    # ...so the choices come within a few presses.
    _tab_until(page, "el.matches('a.choice-web')", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\?country=de&surface=web$"))
    expect(wizard_heading(page)).to_be_focused()
    # LinkedIn is ticked already: past the boxes to the button.
    _tab_until(page, "el.tagName === 'BUTTON' && el.closest('.services-form')", limit=14)
    page.keyboard.press("Enter")
    page.wait_for_url("**/checklist/de/web/")
    expect(page.locator("h1")).to_contain_text("Germany")


def test_keyboard_only_on_a_checklist_skip_link_and_ticking(page):
    page.goto("/checklist/de/web/")
    _assert_skip_link_shows_on_focus(page)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # After skipping, the next Tab is inside the content, not in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")

    _tab_until(page, "el.matches('[data-done]')")
    page.keyboard.press("Space")
    progress = page.locator("#progress-text")
    expect(progress).to_have_text("1 of 2 essentials done")
    first_box = page.locator(".item[data-slug]").first.locator("[data-done]")
    expect(first_box).to_be_checked()
    page.keyboard.press("Space")
    expect(progress).to_have_text("0 of 2 essentials done")
    expect(first_box).not_to_be_checked()
