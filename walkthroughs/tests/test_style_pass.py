"""The style pass reaches existing databases, and editors find the style sheets."""

import importlib

import pytest
from django.apps import apps

from translations import store as tr
from walkthroughs.models import Step

from .factories import editor

pytestmark = pytest.mark.django_db

style_pass = importlib.import_module("walkthroughs.migrations.0014_translation_style_pass")

# What migrations 0008 and 0012 stored before the style pass, for a step and a German line.
OLD_GERMAN_STEP = "Schalten Sie den Schalter aus."
NEW_GERMAN_STEP = "Schalten Sie die Einstellung aus."


def ai_toggle_step() -> Step:
    steps = Step.objects.filter(action__slug="ai-training", surface="ios")
    return steps.get(text="Switch the toggle off.")


def test_an_upgraded_database_gets_the_corrected_translation_marked_complete():
    step = ai_toggle_step()
    tr.set_translation(step, "de", "text", OLD_GERMAN_STEP)
    step.translations["de"]["_source"]["text"] = "stale"
    step.save()
    style_pass.restyle(apps, None)
    step.refresh_from_db()
    assert step.translations["de"]["text"] == NEW_GERMAN_STEP
    assert tr.status(step, "de") == {"missing": [], "outdated": []}


def test_an_editors_own_translation_is_left_alone():
    step = ai_toggle_step()
    tr.set_translation(step, "de", "text", "Stellen Sie den Schalter auf Aus.")
    step.save()
    style_pass.restyle(apps, None)
    step.refresh_from_db()
    assert step.translations["de"]["text"] == "Stellen Sie den Schalter auf Aus."


def test_a_fresh_install_already_has_the_corrected_text():
    assert ai_toggle_step().translations["de"]["text"] == NEW_GERMAN_STEP


def test_hong_kong_reads_as_people_in_hong_kong_say_it(client):
    html = client.get("/zh-hant/checklist/hk/web/").content.decode()
    assert "香港" in html
    assert "特別行政區" not in html


def test_the_first_of_the_month_is_written_as_french_readers_write_it(client):
    html = client.get("/fr/checklist/de/web/").content.decode()
    assert "1er décembre 2026" in html


def test_translators_find_their_style_sheet_from_the_admin(client):
    client.force_login(editor())
    step = ai_toggle_step()
    page = client.get(f"/admin/walkthroughs/step/{step.pk}/change/").content.decode()
    assert 'href="/admin/style/pl/"' in page
    assert 'href="/admin/style/zh-hant/"' in client.get("/admin/").content.decode()
    sheet = client.get("/admin/style/pl/")
    assert sheet.status_code == 200
    assert "zgłoszenie rekrutacyjne" in sheet.content.decode()
    assert client.get("/admin/style/en/").status_code == 404
    assert client.get("/admin/style/xx/").status_code == 404


def test_style_sheets_are_for_staff_only(client):
    response = client.get("/admin/style/fr/")
    assert response.status_code == 302 and "/login/" in response["Location"]
