"""An admin editors can live in: at 1280 px nothing is clipped, step texts read whole."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from regions.models import Country
from walkthroughs.models import Action, Report

from .test_editor import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Where the screenshots go when someone wants to look at them (a folder name).
SHOTS = os.environ.get("ADMIN_SCREENSHOTS", "")

# Every element of the page whose content is wider than its box, or that reaches past the
# window's right edge: what an editor at 1280 px would have to scroll sideways to read.
CLIPPED = """
() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll('#content-main *')) {
    const box = el.getBoundingClientRect();
    if (!el.offsetParent || box.width < 2 || el.closest('.visually-hidden')) continue;
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    if (box.right > width + 1 || (scrolls && el.scrollWidth > el.clientWidth + 1)) {
      found.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${Math.round(box.right)}`);
    }
  }
  return found;
}
"""


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def editor_page(new_context):
    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page)
    return page


def test_an_item_page_at_1280_px_clips_nothing(editor_page):
    item = Action.objects.get(slug="ai-training")
    editor_page.goto(f"/admin/walkthroughs/action/{item.pk}/change/")
    expect(editor_page.locator("h1")).to_contain_text("Change checklist item")
    shot(editor_page, "item")
    if SHOTS:
        steps = editor_page.locator("#steps-web-group")
        steps.screenshot(path=str(Path(SHOTS) / "item-web-steps.png"))
    assert editor_page.evaluate(CLIPPED) == []
    # Step texts sit in boxes of several lines, and the longest one shows whole.
    text = editor_page.locator("#steps-web-3 textarea[name$='-text']")
    assert text.evaluate("el => el.rows") >= 3
    assert text.evaluate("el => el.scrollHeight <= el.clientHeight + 1")


def test_a_step_page_with_its_screenshots_at_1280_px_clips_nothing(editor_page, settings, tmp_path):
    from walkthroughs.tests.test_screenshots import attach

    settings.MEDIA_ROOT = tmp_path / "media"
    step = Action.objects.get(slug="ai-training").steps.get(surface="web", position=3)
    attach(step)
    attach(step, language="de", alt="The Data privacy page in German.")
    editor_page.goto(f"/admin/walkthroughs/step/{step.pk}/change/")
    expect(editor_page.locator("h1")).to_contain_text("Change step")
    shot(editor_page, "step")
    assert editor_page.evaluate(CLIPPED) == []
    # Each screenshot shows as it is now, beside the field to replace it.
    previews = editor_page.locator("#screenshots-group img")
    expect(previews).to_have_count(2)
    assert previews.first.evaluate("img => img.complete && img.naturalWidth > 0")
    files = "#screenshots-group .inline-related:not(.empty-form) input[type=file]"
    expect(editor_page.locator(files)).to_have_count(2)


def test_the_step_and_report_lists_at_1280_px_clip_nothing(editor_page):
    Report.objects.create(
        action=Action.objects.get(slug="ai-training"),
        country=Country.objects.get(code="de"),
        surface="android",
        what_they_see="There is no Data privacy entry under Settings; I see Privacy and then "
        "a list of eleven entries, none of which mentions generative AI. " * 3,
    )
    for path, name, heading in [
        ("/admin/walkthroughs/step/", "steps", "Select step to change"),
        ("/admin/walkthroughs/action/", "items", "Select checklist item to change"),
        ("/admin/walkthroughs/report/", "reports", "Select visitor report to change"),
    ]:
        response = editor_page.goto(path)
        assert response.status == 200, path
        expect(editor_page.locator("h1")).to_have_text(heading)
        expect(editor_page.locator("#result_list")).to_be_visible()
        shot(editor_page, name)
        assert editor_page.evaluate(CLIPPED) == [], path


def test_the_index_is_grouped_for_editors(editor_page):
    editor_page.goto("/admin/")
    shot(editor_page, "index")
    captions = editor_page.locator("#content-main .module caption").all_text_contents()
    captions = [caption.strip() for caption in captions]
    assert captions[:3] == ["Checklists", "Facts behind the steps", "Countries and regions"]
    first = editor_page.locator("#content-main .app-checklists th a").all_text_contents()
    assert first == [
        "Checklist items",
        "Steps",
        "Screenshots",
        "Warnings",
        "Visitor reports",
        "Watch alerts",
        "Change log entries",
    ]
    assert "Actions" not in editor_page.locator("#content-main").inner_text()
