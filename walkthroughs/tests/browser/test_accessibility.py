"""axe-core finds no accessibility violations on any kind of page, light or dark.

Each test visits several pages and reports every page's violations together, so one run
shows the whole picture (and the suite stays fast).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OTHER_LANGUAGES = ["fr", "de", "nl", "it", "es", "pt", "pl", "zh-hant"]
PAGES = [
    ("/", 200),
    ("/?country=de", 200),
    ("/?q=land", 200),
    ("/?country=zz", 400),
    ("/checklist/de/web/", 200),
    ("/checklist/us/ios/", 200),
    ("/checklist/gb/android/", 200),
    ("/checklist/cn/web/", 200),
    ("/checklist/zz/web/", 404),
    ("/changes/", 200),
    ("/checklist/de/web/report/ai-training/", 200),
    # Every language: its landing page and a checklist.
    *((f"/{language}/", 200) for language in OTHER_LANGUAGES),
    *(
        (f"/{language}/checklist/{country}/web/", 200)
        for language, country in (
            ("fr", "fr"),
            ("de", "ch"),
            ("nl", "nl"),
            ("it", "it"),
            ("es", "us"),
            ("pt", "ca"),
            ("pl", "pl"),
            ("zh-hant", "hk"),
        )
    ),
]
DARK_PAGES = ["/", "/?country=de", "/checklist/de/web/", "/checklist/zz/web/"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


class AxeAudit:
    def __init__(self, axe, page):
        self.axe = axe
        self.page = page
        self.reports = []
        self.audited = 0

    def check(self, label: str) -> None:
        # Let checklist.js reveal its checkboxes and buttons first: they are checked too.
        self.page.wait_for_load_state("load")
        results = self.axe.run(self.page)
        self.audited += 1
        if results.violations_count:
            self.reports.append(f"=== {label}\n{results.generate_report()}")

    def assert_clean(self, expected_pages: int) -> None:
        assert self.audited == expected_pages
        assert not self.reports, "\n".join(self.reports)


def test_no_axe_violations_in_light_mode(axe, new_context):
    page = new_context(color_scheme="light").new_page()
    audit = AxeAudit(axe, page)
    statuses = {}
    for path, _ in PAGES:
        statuses[path] = page.goto(path).status
        audit.check(path)
    assert statuses == dict(PAGES)
    audit.assert_clean(len(PAGES))


def test_no_axe_violations_in_dark_mode(axe, new_context):
    page = new_context(color_scheme="dark").new_page()
    audit = AxeAudit(axe, page)
    for path in DARK_PAGES:
        page.goto(path)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        audit.check(f"{path} (dark)")
    audit.assert_clean(len(DARK_PAGES))


def test_no_axe_violations_in_states_reached_with_javascript(axe, new_context):
    audits = []
    for scheme in ["light", "dark"]:
        page = new_context(color_scheme=scheme).new_page()
        audits.append(AxeAudit(axe, page))
        _visit_states_reached_with_javascript(audits[-1], page, scheme)
    for audit in audits:
        audit.assert_clean(4)


def _visit_states_reached_with_javascript(audit, page, scheme: str) -> None:

    page.goto("/")
    page.locator("#country-query").press_sequentially("land", delay=20)
    expect(page.locator("#country-matches li").first).to_be_visible()
    audit.check(f"/ with live search results ({scheme})")

    page.locator("#country").select_option("de")
    page.get_by_role("button", name="Next", exact=True).click()
    page.wait_for_url("**/?country=de")
    audit.check(f"/?country=de after the htmx swap ({scheme})")

    # A checklist with one item ticked and another ticked before it last changed.
    page.goto("/checklist/fr/web/")
    slugs = page.locator(".item[data-slug]").evaluate_all(
        "items => items.map(item => item.dataset.slug)"
    )
    page.evaluate(
        "([key, slugs]) => localStorage.setItem(key, JSON.stringify({"
        " [slugs[0]]: '2000-01-01T00:00:00+00:00',"
        " [slugs[1]]: document.querySelector(`[data-slug='${slugs[1]}']`).dataset.updated}))",
        ["opt-out-guide:ticks:fr", slugs],
    )
    page.reload()
    expect(page.locator("[data-changed-notice]:visible")).to_have_count(1)
    expect(page.locator("#progress-text")).to_have_text("Both essentials done")
    audit.check(f"/checklist/fr/web/ with ticks and a changed item ({scheme})")

    # Both essentials done for real: the done panel, a folded item, one opened again,
    # the clearing question, the language menu open and every disclosure open.
    page.evaluate(
        "key => localStorage.setItem(key, JSON.stringify(Object.fromEntries("
        "[...document.querySelectorAll('.item[data-slug]')].map("
        "item => [item.dataset.slug, item.dataset.updated]))))",
        "opt-out-guide:ticks:fr",
    )
    page.reload()
    expect(page.locator("[data-done-panel]")).to_be_visible()
    second = page.locator(".item[data-slug]").nth(1)
    second.get_by_role("button", name="Show the steps again").click()
    page.get_by_role("button", name="Clear my ticks").click()
    page.locator(".language-menu summary").click()
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    audit.check(f"/checklist/fr/web/ all done, disclosures open ({scheme})")
