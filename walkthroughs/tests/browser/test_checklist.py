"""The checklist page in a real browser: ticks, the changed notice, copy link, phones."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OLD_TICK = "2000-01-01T00:00:00+00:00"


def storage_key(country: str) -> str:
    return f"opt-out-guide:ticks:{country}"


def test_progress_counts_essentials_and_extras_apart_and_is_kept(page):
    page.goto("/checklist/us/web/")
    essentials = page.locator('.item[data-essential="true"]')
    extras = page.locator('.item[data-essential="false"]')
    assert essentials.count() == 2 and extras.count() == 6
    progress_text = page.locator("#progress-text")
    extras_text = page.locator("#progress-extras")
    bar = page.locator("#progress-bar")
    expect(progress_text).to_have_text("0 of 2 essentials done")
    expect(extras_text).to_have_text("0 of 6 extras")
    assert bar.get_attribute("max") == "2"

    first = essentials.first
    slug = first.get_attribute("data-slug")
    first.locator("[data-done]").check()
    expect(progress_text).to_have_text("1 of 2 essentials done")
    assert bar.evaluate("bar => bar.value") == 1
    expect(first).to_have_class(re.compile(r"\bitem-done\b"))
    saved = json.loads(page.evaluate(f"localStorage.getItem({storage_key('us')!r})"))
    assert saved == {slug: first.get_attribute("data-updated")}

    extras.nth(0).locator("[data-done]").check()
    extras.nth(1).locator("[data-done]").check()
    expect(extras_text).to_have_text("2 of 6 extras")
    expect(progress_text).to_have_text("1 of 2 essentials done")

    page.reload()
    expect(essentials.first.locator("[data-done]")).to_be_checked()
    expect(progress_text).to_have_text("1 of 2 essentials done")
    expect(extras_text).to_have_text("2 of 6 extras")
    extras.nth(0).locator("[data-done]").uncheck()
    expect(extras_text).to_have_text("1 of 6 extras")


def test_ticks_follow_the_account_across_devices(new_context, live_server):
    context = new_context()
    page = context.new_page()
    page.goto("/checklist/us/web/")
    page.locator('.item[data-slug="ai-training"] [data-done]').check()

    # The same country on the Android app: the setting belongs to the account.
    page.goto("/checklist/us/android/")
    expect(page.locator('.item[data-slug="ai-training"] [data-done]')).to_be_checked()
    expect(page.locator("#progress-text")).to_have_text("1 of 2 essentials done")
    page.locator('.item[data-slug="ad-sharing"] [data-done]').check()
    page.goto("/checklist/us/ios/")
    expect(page.locator("#progress-text")).to_have_text("Both essentials done")

    # Another country is another list of settings.
    page.goto("/checklist/de/web/")
    expect(page.locator("#progress-text")).to_have_text("0 of 2 essentials done")

    # A tick on one device's checklist reaches another tab open on another device's.
    android = context.new_page()
    android.goto("/checklist/us/android/")
    page.goto("/checklist/us/web/")
    page.locator('.item[data-slug="research"] [data-done]').check()
    expect(android.locator('.item[data-slug="research"] [data-done]')).to_be_checked()


def test_ticks_kept_per_device_before_are_moved_to_the_country(new_context, live_server):
    context = new_context()
    old = {
        "opt-out-guide:progress:us/web": {"ai-training": "2026-01-01T00:00:00+00:00"},
        "opt-out-guide:progress:us/ios": {
            "ai-training": "2026-02-01T00:00:00+00:00",
            "research": "2026-02-01T00:00:00+00:00",
        },
    }
    script = "".join(
        f"localStorage.setItem({key!r}, {json.dumps(json.dumps(value))});"
        for key, value in old.items()
    )
    context.add_init_script(
        f"if (location.origin === {live_server.url!r} && !sessionStorage.getItem('seeded'))"
        f" {{ {script} sessionStorage.setItem('seeded', '1'); }}"
    )
    page = context.new_page()
    page.goto("/checklist/us/android/")
    expect(page.locator('.item[data-slug="ai-training"] [data-done]')).to_be_checked()
    expect(page.locator('.item[data-slug="research"] [data-done]')).to_be_checked()
    saved = json.loads(page.evaluate(f"localStorage.getItem({storage_key('us')!r})"))
    # The latest tick of each item wins; the old keys are gone.
    assert saved == {
        "ai-training": "2026-02-01T00:00:00+00:00",
        "research": "2026-02-01T00:00:00+00:00",
    }
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':progress:'))") == []


def test_done_state_says_so_offers_what_is_next_and_folds_items_away(page):
    page.goto("/checklist/us/web/")
    panel = page.locator("[data-done-panel]")
    expect(panel).to_be_hidden()
    first = page.locator('.item[data-slug="ai-training"]')
    first.locator("[data-done]").check()
    # A done item folds to its title; it can be opened again, and folded again.
    expect(first.locator(".steps")).to_be_hidden()
    reopen = first.get_by_role("button", name="Show the steps again")
    expect(reopen).to_have_attribute("aria-expanded", "false")
    reopen.click()
    expect(first.locator(".steps")).to_be_visible()
    fold = first.get_by_role("button", name="Fold the steps away")
    expect(fold).to_have_attribute("aria-expanded", "true")
    fold.click()
    expect(first.locator(".steps")).to_be_hidden()
    expect(panel).to_be_hidden()

    page.locator('.item[data-slug="ad-sharing"] [data-done]').check()
    expect(page.locator("#progress-text")).to_have_text("Both essentials done")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading")).to_have_text("Both essentials done")
    for name, target in [
        ("Go further: 6 more settings", "#optional-heading"),
        ("Send this checklist to a friend or colleague", "#share-heading"),
        ("Get a reminder to check again in three months", "#reminders-heading"),
    ]:
        expect(panel.get_by_role("link", name=name)).to_have_attribute("href", target)
    panel.get_by_role("link", name="Get a reminder to check again in three months").click()
    expect(page.locator("#reminders-heading")).to_be_in_viewport()

    # Unticking brings the steps back.
    first.locator("[data-done]").uncheck()
    expect(first.locator(".steps")).to_be_visible()
    expect(panel).to_be_hidden()


def test_clearing_the_ticks_asks_first(page):
    page.goto("/checklist/us/web/")
    page.locator('.item[data-slug="ai-training"] [data-done]').check()
    progress_text = page.locator("#progress-text")
    clear = page.get_by_role("button", name="Clear my ticks")

    clear.click()
    expect(clear).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("Clear every tick for the United States")).to_be_visible()
    page.get_by_role("button", name="Keep them").click()
    expect(progress_text).to_have_text("1 of 2 essentials done")
    expect(clear).to_be_focused()

    clear.click()
    page.get_by_role("button", name="Yes, clear them").click()
    expect(progress_text).to_have_text("0 of 2 essentials done")
    expect(page.locator("[data-done]:checked")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem({storage_key('us')!r})") is None
    page.reload()
    expect(progress_text).to_have_text("0 of 2 essentials done")


def test_the_objection_text_copies_with_one_button(new_context, live_server):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto("/checklist/de/web/")
    item = page.locator('.item[data-slug="objection-form"]')
    item.get_by_role("button", name="Copy the text").click()
    expect(item.locator("[data-copy-status]")).to_have_text("Text copied. Paste it into the form.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("I object to LinkedIn processing my personal data")
    assert copied == item.locator(".form-text-body").inner_text().strip()


def _visit_with_tick(new_context, live_server, checklist: str, slug: str, ticked_at: str):
    """Open a checklist in a fresh context whose storage says `slug` was ticked then."""
    context = new_context()
    value = json.dumps({slug: ticked_at})
    country = checklist.split("/")[0]
    context.add_init_script(
        f"if (location.origin === {live_server.url!r}) "
        f"localStorage.setItem({storage_key(country)!r}, {value!r});"
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
    expect(page.locator("#progress-text")).to_have_text("1 of 2 essentials done")
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
