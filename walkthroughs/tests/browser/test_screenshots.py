"""Screenshots on a phone: none fetched on a first visit, each one there once opened."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from walkthroughs import screenshots
from walkthroughs.models import Screenshot, Step

from ..test_screenshots import picture, upload

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def shots(settings, tmp_path) -> list[Screenshot]:
    settings.MEDIA_ROOT = tmp_path / "media"
    made = []
    steps = Step.objects.filter(action__slug="ai-training", surface="ios").order_by("position")
    for step in steps:
        shot = Screenshot(
            step=step,
            alt_text=f"The app's screen at step {step.position}.",
            taken_on=datetime.date(2026, 11, 30),
        )
        shot.store(screenshots.encode(upload(picture(size=(1170, 2532)))))
        shot.save()
        made.append(shot)
    return made


def screenshot_requests(page) -> list[str]:
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


def opened(page):
    """The first screenshot's disclosure, opened by a tap on its summary."""
    disclosure = page.locator("details.screenshot").first
    if not disclosure.is_visible():
        # The item's steps are folded behind "Show the steps" on this page.
        page.locator("details.steps-more > summary").first.click()
    summary = disclosure.locator("summary")
    assert summary.inner_text() == "How it looked on 30 November 2026"
    return disclosure, summary


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_no_screenshot_is_fetched_with_the_page(new_context, shots, javascript):
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    requests = screenshot_requests(page)
    page.goto("/checklist/de/ios/")
    page.wait_for_load_state("networkidle")
    assert page.locator("details.screenshot").count() == len(shots)
    assert not [url for url in requests if "/screenshots/" in url]


def test_an_opened_screenshot_loads_and_fits_the_phone(new_context, shots):
    page = new_context(viewport=PHONE).new_page()
    requests = screenshot_requests(page)
    page.goto("/checklist/de/ios/")
    disclosure, summary = opened(page)
    with page.expect_response(lambda r: "/screenshots/" in r.url) as answer:
        summary.click()
    assert answer.value.status == 200
    image = disclosure.locator("img")
    image.evaluate("img => img.decode()")
    assert image.evaluate("img => img.currentSrc").endswith(".webp")
    assert image.evaluate("img => img.naturalWidth") == 739
    # A tall phone screen fits the phone's screen without scrolling sideways.
    box = image.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Only the opened one came.
    assert len({url for url in requests if "/screenshots/" in url}) == 1


def test_without_javascript_an_opened_screenshot_is_a_link_to_it(new_context, shots):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto("/checklist/de/ios/")
    disclosure, summary = opened(page)
    summary.click()
    link = disclosure.get_by_role("link", name="Open the screenshot")
    assert "The app's screen at step 1." in disclosure.inner_text()
    with page.expect_response(lambda r: "/screenshots/" in r.url) as answer:
        link.click()
    assert answer.value.status == 200
    assert answer.value.header_value("content-type") == "image/jpeg"


def test_an_opened_screenshot_is_accessible(new_context, shots):
    page = new_context(viewport=PHONE).new_page()
    page.goto("/checklist/de/ios/")
    page.wait_for_load_state("load")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    alts = page.locator("details.screenshot img").evaluate_all("imgs => imgs.map(i => i.alt)")
    assert alts == [f"The app's screen at step {shot.step.position}." for shot in shots]


def test_screenshots_are_left_off_paper(new_context, shots):
    page = new_context(viewport=PHONE).new_page()
    page.goto("/checklist/de/ios/")
    page.emulate_media(media="print")
    assert page.locator("details.screenshot").first.is_hidden()
