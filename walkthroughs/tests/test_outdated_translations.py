"""Outdated is never current: once the English changes, visitors read the new English."""

import pytest
from django.core.management import call_command
from django.utils.html import escape

from translations import store as tr
from walkthroughs.models import Action, Step

from .factories import editor

pytestmark = pytest.mark.django_db

NEW_TEXT = "In the menu on the left, open Data privacy, now under Account."


@pytest.fixture
def changed_step(django_capture_on_commit_callbacks) -> Step:
    """The English of the third website step changed after its translations were made."""
    step = Step.objects.get(action__slug="ai-training", surface="web", position=3)
    with django_capture_on_commit_callbacks(execute=True):
        step.text = NEW_TEXT
        step.save()
    return step


def _item_html(html: str, slug: str) -> str:
    return html.split(f'id="{slug}" data-slug="{slug}"')[1].split('<li class="item')[0]


def test_german_visitors_read_the_new_english_marked_as_newer(client, changed_step):
    old_german = changed_step.translations["de"]["text"]
    html = client.get("/de/checklist/de/web/").content.decode()
    item = _item_html(html, "ai-training")
    assert old_german not in item
    assert f'<span lang="en">{NEW_TEXT}</span>' in item
    assert '<span class="outdated-mark">(auf Englisch geändert)</span>' in item
    assert item.count("outdated-mark") == 1
    assert "nach ihrer Übersetzung auf Englisch geändert" in html
    # The steps whose English did not change keep their German, in this item and others.
    unchanged = changed_step.action.steps.get(surface="web", position=2)
    assert escape(unchanged.translations["de"]["text"]) in item
    assert old_german in html.replace(item, "")
    # English visitors see no mark.
    english = client.get("/checklist/de/web/").content.decode()
    assert NEW_TEXT in english and "outdated-mark" not in english


def test_the_api_marks_the_item_and_the_step_outdated(client, changed_step):
    data = client.get("/api/v1/checklists/de/?lang=de").json()
    item = next(item for item in data["items"] if item["slug"] == "ai-training")
    assert item["outdated"] is True
    assert item["untranslated"] is False
    web = {step["position"]: step for step in item["steps"]["web"]}
    assert web[3]["outdated"] is True and web[3]["text"] == NEW_TEXT
    assert [position for position, step in web.items() if step["outdated"]] == [3]
    assert all(not step["outdated"] for step in item["steps"]["ios"])
    others = [other for other in data["items"] if other["slug"] != "ai-training"]
    assert not any(other["outdated"] for other in others)
    english = client.get("/api/v1/checklists/de/").json()
    assert not any(item["outdated"] for item in english["items"])


def test_a_renamed_screen_label_hides_the_old_local_label(
    client, django_capture_on_commit_callbacks
):
    step = Step.objects.get(action__slug="ai-training", surface="web", position=3)
    assert step.translations["nl"]["ui_label"] == "Gegevensprivacy"
    with django_capture_on_commit_callbacks(execute=True):
        step.ui_label = "Privacy of data"
        step.save()
    data = client.get("/api/v1/checklists/de/?lang=nl").json()
    item = next(item for item in data["items"] if item["slug"] == "ai-training")
    third = item["steps"]["web"][2]
    assert third["ui_label"] == "Privacy of data"
    assert third["ui_label_local"] is None and third["outdated"] is True
    assert tr.status(step, "nl")["outdated"] == ["ui_label"]


def test_the_item_page_counts_its_outdated_steps(client, changed_step):
    client.force_login(editor())
    action = changed_step.action
    page = client.get(f"/admin/walkthroughs/action/{action.pk}/change/").content.decode()
    assert "Deutsch (1 outdated in its steps and warnings)" in page
    assert "Deutsch (complete)" not in page
    listing = client.get("/admin/walkthroughs/action/").content.decode()
    assert "de: OUTDATED" in listing


def test_the_overview_lists_outdated_translations_per_language(client, changed_step):
    client.force_login(editor())
    html = client.get("/admin/overview/").content.decode()
    section = html.split("<h2>Outdated translations</h2>")[1].split("<h2>")[0]
    assert "<h3>Deutsch (1)</h3>" in section
    assert f'href="/admin/walkthroughs/step/{changed_step.pk}/change/"' in section
    assert "Step: ai-training / web #3</a>: text" in section


def test_the_overview_says_when_nothing_is_outdated(client):
    client.force_login(editor())
    html = client.get("/admin/overview/").content.decode()
    assert "Every translation was made from the current English." in html


def test_status_counts_outdated_translations(capsys, changed_step):
    Action.objects.filter(slug="ai-training").update(summary="A new English summary.")
    call_command("translations", "status", "de")
    assert capsys.readouterr().out.strip() == "de: 0 missing, 2 outdated"
    call_command("translations", "status")
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 8 and all(line.endswith(", 2 outdated") for line in lines)


def test_translating_again_makes_it_current(
    client, changed_step, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tr.set_translation(
            changed_step, "de", "text", "Öffnen Sie links „Data privacy“ unter Konto."
        )
        changed_step.save()
    html = client.get("/de/checklist/de/web/").content.decode()
    assert "unter Konto." in html and "outdated-mark" not in html
