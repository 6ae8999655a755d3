"""What a visitor sees without scrolling, on a phone (390×844) and a desktop (1280×800),
with and without JavaScript; how long the checklist is; what it prints."""

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# "At most about 8 phone screens" in its default state: nothing opened, nothing ticked, in
# every language.
MAX_PHONE_SCREENS = 8.0
# The longest checklists: an EU country on the website and on the iPhone app, the UK's
# Android app, the US website.
LONGEST_CHECKLISTS = [
    "checklist/de/web/",
    "checklist/de/ios/",
    "checklist/gb/android/",
    "checklist/us/web/",
]
LANGUAGE_PREFIXES = ["", "fr/", "de/", "nl/", "it/", "es/", "pt/", "pl/", "zh-hant/"]
A4_PAGES_FOR_THE_ESSENTIALS = 2


def _open(new_context, viewport, javascript: bool, locale: str = "en"):
    phone = viewport["width"] < 500
    context = new_context(
        viewport=viewport,
        is_mobile=phone,
        has_touch=phone,
        java_script_enabled=javascript,
        locale=locale,
    )
    return context.new_page()


def _on_first_screen(locator, viewport) -> None:
    """The element is shown, whole, without scrolling."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_country_question_and_its_button_are_on_the_first_screen(
    new_context, viewport, javascript
):
    # "en": no region to guess from, so the visitor is asked.
    page = _open(new_context, viewport, javascript)
    page.goto("/")
    assert page.evaluate("scrollY") == 0
    _on_first_screen(page.locator("#wizard-heading"), viewport)
    _on_first_screen(page.locator("#country"), viewport)
    _on_first_screen(page.get_by_role("button", name="Next", exact=True), viewport)
    # What LinkedIn changed stays on the page, after the question.
    facts = page.locator("#facts-heading")
    expect(facts).to_have_text("What LinkedIn changed")
    assert facts.bounding_box()["y"] > page.locator("#country").bounding_box()["y"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_guessed_country_puts_its_three_checklists_on_the_first_screen(
    new_context, viewport, javascript
):
    page = _open(new_context, viewport, javascript, locale="en-GB")
    page.goto("/")
    expect(page.locator(".guess")).to_contain_text("the United Kingdom")
    choices = page.locator(".guess a.choice")
    expect(choices).to_have_count(3)
    for index in range(3):
        _on_first_screen(choices.nth(index), viewport)
    _on_first_screen(page.get_by_role("button", name="Next", exact=True), viewport)
    # One tap to the checklist.
    choices.filter(has_text="Android app").click()
    page.wait_for_url("**/checklist/gb/android/")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(
    "path", ["/checklist/de/web/", "/checklist/us/ios/", "/checklist/gb/android/"]
)
def test_the_first_thing_to_do_is_on_the_first_phone_screen(new_context, path, javascript):
    page = _open(new_context, PHONE, javascript)
    page.goto(path)
    first = page.locator(".item[data-slug]").first
    _on_first_screen(first.locator(".item-title"), PHONE)
    _on_first_screen(first.locator(".path"), PHONE)
    _on_first_screen(first.locator(".steps li").first, PHONE)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES, ids=lambda p: p.rstrip("/") or "en")
def test_the_whole_checklist_is_about_eight_phone_screens(new_context, prefix, javascript):
    page = _open(new_context, PHONE, javascript)
    too_long = []
    for checklist in LONGEST_CHECKLISTS:
        path = f"/{prefix}{checklist}"
        page.goto(path)
        page.wait_for_load_state("load")
        height = page.evaluate("document.documentElement.scrollHeight")
        screens = height / PHONE["height"]
        if screens > MAX_PHONE_SCREENS:
            too_long.append(f"{path} is {screens:.2f} phone screens long")
        # The depth is still there, behind disclosures that are closed.
        details = page.locator(".item details.more")
        assert details.count() == page.locator(".item[data-slug]").count() > 0, path
        assert page.locator("details[open]").count() == 0, path
    assert not too_long, "\n".join(too_long)


# Sums every layout shift the page makes, from before its first paint.
WATCH_LAYOUT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  // Every shift counts: the test makes no input that could excuse one.
  for (const entry of list.getEntries()) window.__shifts.push(entry.value);
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize(
    "path", ["/fr/checklist/us/ios/", "/checklist/de/web/", "/de/checklist/gb/android/"]
)
def test_nothing_moves_when_the_script_shows_the_progress_and_done_boxes(new_context, path):
    page = _open(new_context, PHONE, True)
    page.add_init_script(WATCH_LAYOUT_SHIFTS)

    def slow_script(route):
        # As on a phone's network: the page is painted before its script arrives.
        time.sleep(1)
        route.continue_()

    page.route("**/*.js", slow_script)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-progress]")).to_be_visible()
    expect(page.locator("label.done").first).to_be_visible()
    page.wait_for_timeout(300)
    shifts = page.evaluate("window.__shifts")
    assert sum(shifts) < 0.01, f"{path} moved by {shifts}"


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_printing_gives_boxes_to_tick_and_the_essentials_fit_on_two_pages(new_context):
    page = _open(new_context, DESKTOP, javascript=True)
    page.goto("/checklist/de/web/")
    page.locator('.item[data-slug="ai-training"] [data-done]').check()
    page.emulate_media(media="print")
    # On paper every item has a box to tick, and a folded (ticked) item prints whole.
    box = page.locator(".item-title").first.evaluate(
        "el => getComputedStyle(el, '::after').borderTopStyle"
    )
    assert box == "solid"
    expect(page.locator('.item[data-slug="ai-training"] .steps')).to_be_visible()
    expect(page.locator(".cant-find").first).to_be_hidden()
    expect(page.locator(".progress")).to_be_hidden()

    whole = _pdf_pages(page.pdf(format="A4"))
    # The essentials alone: everything after them taken away.
    page.evaluate(
        "document.querySelectorAll('.done-panel, .optional, .not-applicable, .reminders, "
        ".share, .site-footer').forEach(el => el.remove())"
    )
    essentials = _pdf_pages(page.pdf(format="A4"))
    assert 1 <= essentials <= A4_PAGES_FOR_THE_ESSENTIALS, f"{essentials} pages"
    assert whole > essentials
