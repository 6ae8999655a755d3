"""Steps shared by the browser tests: the wizard the way a visitor goes through it."""

import re

from playwright.sync_api import Page, expect

QUESTION_1 = "Where do you live?"
QUESTION_2 = "How do you use LinkedIn?"
QUESTION_3 = "Which of these services do you use?"
INTRO = "LinkedIn uses your data for AI and ads. You can switch that off."


def path_of(page: Page) -> str:
    """The current address without scheme and host, e.g. '/?country=de'."""
    return re.sub(r"^https?://[^/]+", "", page.url)


def wizard_heading(page: Page):
    return page.locator("#wizard-heading")


def choose_country_with_htmx(page: Page, country_label: str, code: str) -> None:
    """On question 1, pick a country in the select and press Next; htmx swaps the panel."""
    expect(wizard_heading(page)).to_have_text(QUESTION_1)
    page.locator("#country").select_option(label=country_label)
    page.get_by_role("button", name="Next", exact=True).click()
    page.wait_for_url(re.compile(rf"/\?country={code}$"))
    expect(wizard_heading(page)).to_have_text(QUESTION_2)


def surface_link(page: Page, label: str):
    return page.locator("#wizard-panel a.choice").filter(has_text=label)


def show_checklist(page: Page, *services: str) -> None:
    """On question 3, tick the services besides LinkedIn (ticked already) and go on."""
    expect(wizard_heading(page)).to_have_text(QUESTION_3)
    for name in services:
        page.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Show my checklist", exact=True).click()


def full_journey(page: Page, tick: bool = True) -> None:
    """Landing page → Germany → iPhone app → LinkedIn → checklist, ticking the first item."""
    page.goto("/")
    choose_country_with_htmx(page, "Germany", "de")
    surface_link(page, "iPhone or iPad app").click()
    show_checklist(page)
    page.wait_for_url("**/checklist/de/ios/")
    expect(page.locator("h1")).to_contain_text("Germany")
    if tick:
        page.locator(".item[data-slug] [data-done]").first.check()
        expect(page.locator("#progress-text")).to_have_text("1 of 2 essentials done")
