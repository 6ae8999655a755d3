"""The checklist page in a real browser: ticks, the changed notice, copy link, phones."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OLD_TICK = "2000-01-01T00:00:00+00:00"


def storage_key(checklist: str) -> str:
    return f"opt-out-guide:progress:{checklist}"


def test_progress_is_kept_across_reloads_and_can_be_cleared(page):
    page.goto("/checklist/us/web/")
    items = page.locator(".item[data-slug]")
    total = items.count()
    assert total >= 2
    progress_text = page.locator("#progress-text")
    bar = page.locator("#progress-bar")
    expect(progress_text).to_have_text(f"0 of {total} done")
    assert bar.get_attribute("max") == str(total)

    first = items.first
    slug = first.get_attribute("data-slug")
    first.locator("[data-done]").check()
    expect(progress_text).to_have_text(f"1 of {total} done")
    assert bar.evaluate("bar => bar.value") == 1
    expect(first).to_have_class(re.compile(r"\bitem-done\b"))
    saved = json.loads(page.evaluate(f"localStorage.getItem({storage_key('us/web')!r})"))
    assert saved == {slug: first.get_attribute("data-updated")}

    page.reload()
    expect(page.locator(".item[data-slug]").first.locator("[data-done]")).to_be_checked()
    expect(progress_text).to_have_text(f"1 of {total} done")
    assert bar.evaluate("bar => bar.value") == 1

    # A second tick, then unticking the first: the count follows.
    boxes = page.locator(".item[data-slug] [data-done]")
    boxes.nth(1).check()
    expect(progress_text).to_have_text(f"2 of {total} done")
    boxes.nth(0).uncheck()
    expect(progress_text).to_have_text(f"1 of {total} done")
    boxes.nth(0).check()

    # Ticks belong to one checklist: the same country on another device starts empty.
    page.goto("/checklist/us/ios/")
    expect(page.locator("#progress-text")).to_have_text(re.compile(r"^0 of \d+ done$"))
    page.go_back()
    expect(progress_text).to_have_text(f"2 of {total} done")

    page.get_by_role("button", name="Clear my ticks").click()
    expect(progress_text).to_have_text(f"0 of {total} done")
    assert bar.evaluate("bar => bar.value") == 0
    expect(page.locator("[data-done]:checked")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem({storage_key('us/web')!r})") is None
    page.reload()
    expect(progress_text).to_have_text(f"0 of {total} done")


def _visit_with_tick(new_context, live_server, checklist: str, slug: str, ticked_at: str):
    """Open a checklist in a fresh context whose storage says `slug` was ticked then."""
    context = new_context()
    value = json.dumps({slug: ticked_at})
    context.add_init_script(
        f"if (location.origin === {live_server.url!r}) "
        f"localStorage.setItem({storage_key(checklist)!r}, {value!r});"
    )
    page = context.new_page()
    page.goto(f"/checklist/{checklist}/")
    return page, page.locator(f'.item[data-slug="{slug}"]')


def test_changed_notice_shows_only_when_the_item_changed_after_the_tick(new_context, live_server):
    page, item = _visit_with_tick(new_context, live_server, "fr/web", "ai-training", OLD_TICK)
    updated = item.get_attribute("data-updated")
    assert updated > OLD_TICK
    expect(item.locator("[data-done]")).to_be_checked()
    notice = item.locator("[data-changed-notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("changed after you ticked it")
    # Only that item: the others were not ticked.
    expect(page.locator("[data-changed-notice]:visible")).to_have_count(1)

    # Ticked at the item's current version: no notice.
    page, item = _visit_with_tick(new_context, live_server, "fr/web", "ai-training", updated)
    expect(item.locator("[data-done]")).to_be_checked()
    expect(page.locator("#progress-text")).to_have_text(re.compile(r"^1 of \d+ done$"))
    expect(item.locator("[data-changed-notice]")).to_be_hidden()
    expect(page.locator("[data-changed-notice]:visible")).to_have_count(0)


def test_share_section_copies_the_link_and_shows_the_qr_code(new_context, live_server):
    # http://localhost is a secure context, so the page offers the button.
    assert live_server.url.startswith("http://localhost:")
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto("/checklist/de/web/")
    assert page.evaluate("window.isSecureContext")
    expected = f"{live_server.url}/checklist/de/web/"
    expect(page.locator("#share-url")).to_have_value(expected)

    status = page.locator("[data-share-status]")
    page.get_by_role("button", name="Copy link").click()
    expect(status).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == expected

    # When the browser refuses, the visitor is told what to do instead.
    page.evaluate(
        "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); }"
    )
    page.get_by_role("button", name="Copy link").click()
    expect(status).to_have_text("Could not copy: select the link above and copy it.")

    # The QR code for the same address is a real, rendered image.
    qr = page.get_by_role("img", name="QR code that opens this checklist")
    expect(qr).to_be_visible()
    page.wait_for_load_state("load")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0"), "QR image did not render"


def test_no_horizontal_scroll_on_a_phone(new_context):
    problems = []
    for width, height in [(390, 844), (320, 640)]:
        context = new_context(
            viewport={"width": width, "height": height},
            is_mobile=True,
            has_touch=True,
            device_scale_factor=2,
        )
        page = context.new_page()
        for path in ["/checklist/de/web/", "/checklist/us/ios/", "/?country=de", "/"]:
            page.goto(path)
            assert page.evaluate("window.innerWidth") == width
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                wide = page.evaluate(
                    """width => [...document.querySelectorAll('body *')]
                        .filter(el => el.getBoundingClientRect().right > width + 0.5)
                        .slice(0, 5)
                        .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                             + (typeof el.className === 'string' && el.className.trim()
                                ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))""",
                    width,
                )
                problems.append(f"{path} at {width}px is {scroll_width}px wide: {wide}")
    assert not problems, "\n".join(problems)
