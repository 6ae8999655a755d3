"""Nine languages: addresses, alternates, catalogues, content fallback and outdated marks."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.html import escape

from translations import store as tr
from walkthroughs.models import Action, Step

from .factories import editor, form_data

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [code for code, _ in settings.LANGUAGES]
OTHERS = [code for code in LANGUAGES if code != "en"]
PAGES = [
    "/",
    "/?country=de",
    "/?q=land",
    "/checklist/de/web/",
    "/checklist/us/ios/",
    "/checklist/gb/android/",
    "/changes/",
    "/checklist/de/web/report/ai-training/",
]


def prefix(language: str) -> str:
    return "" if language == "en" else f"/{language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_renders_every_page(client, language):
    for path in PAGES:
        response = client.get(prefix(language) + path, headers={"referer": "http://testserver/"})
        assert response.status_code == 200, (language, path)
        assert f'<html lang="{language}">' in response.content.decode(), (language, path)
        assert response["Content-Language"] == language
    missing = client.get(f"{prefix(language)}/checklist/zz/web/")
    assert missing.status_code == 404
    assert f'<html lang="{language}">' in missing.content.decode()


def catalogue(language: str):
    path = ROOT / "locale" / language.replace("-hant", "_Hant") / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("language", OTHERS)
def test_no_interface_string_is_left_untranslated(language):
    for message in catalogue(language):
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: no translation for {message.id!r}"


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory):
    """A copy of the project to run makemessages and compilemessages in, untouched repo."""
    copy = tmp_path_factory.mktemp("project") / "opt-out-guide"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "staticfiles", "*.sqlite3", "__pycache__", "bench", "*.mo"
        ),
    )
    return copy


def manage(copy: Path, *args: str) -> subprocess.CompletedProcess:
    if not shutil.which("msgfmt"):
        pytest.fail("gettext is needed for this check (apt-get install gettext)")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=copy,
        env={"DJANGO_DEBUG": "true", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_catalogues_hold_every_string_of_the_templates_and_code(project_copy):
    """Extract the strings afresh and compare with the committed catalogues."""
    result = manage(
        project_copy, "makemessages", "-l", "fr", "--no-location", "-v0",
        "--ignore=templates/simple_history/*", "--ignore=templates/admin/*",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with (project_copy / "locale/fr/LC_MESSAGES/django.po").open("rb") as handle:
        extracted = {m.id for m in read_po(handle) if m.id}
    committed = {m.id for m in catalogue("fr") if m.id}
    assert extracted == committed, "run makemessages: the catalogues are out of date"


def test_compilemessages_reports_no_catalogue_error(project_copy):
    result = manage(project_copy, "compilemessages")
    assert result.returncode == 0, result.stderr
    assert "error" not in (result.stdout + result.stderr).lower(), result.stderr
    assert len(list(project_copy.glob("locale/*/LC_MESSAGES/django.mo"))) == 8


def test_interface_and_content_appear_in_the_visitors_language(client):
    html = client.get("/fr/checklist/gb/web/").content.decode()
    assert "Royaume-Uni" in html
    assert "3 novembre 2025" in html
    assert "Data for Generative AI Improvement" in html  # LinkedIn's label, unknown in French
    assert "Opt-Out Guide" in html
    french_title = Action.objects.get(slug="ai-training").translations["fr"]["title"]
    assert escape(french_title) in html


def test_known_linkedin_labels_are_shown_with_the_english_beside(client):
    html = client.get("/nl/checklist/nl/web/").content.decode()
    assert "Gegevens voor verbetering van generatieve AI" in html
    assert "Gegevensprivacy" in html
    # The step already quotes the Dutch label: beside it comes only the English.
    step = re.search(
        r"<li>[^<]*‘Gegevensprivacy’[^<]*<span class=\"on-screen\">(.*?)</span></li>", html
    )
    assert step, "the step that quotes 'Gegevensprivacy' has no English beside it"
    assert '<span class="ui-label" lang="en">Data privacy' in step.group(1)
    assert "Gegevensprivacy" not in step.group(1)


def test_unknown_linkedin_labels_stay_in_english_with_a_note(client):
    html = client.get("/de/checklist/de/web/").content.decode()
    assert '<span class="ui-label" lang="en">Data for Generative AI Improvement</span>' in html
    assert 'class="hint label-note"' in html
    assert 'class="hint label-note"' not in client.get("/checklist/de/web/").content.decode()


def test_missing_translations_fall_back_to_english_with_a_polite_note(client):
    action = Action.objects.get(slug="ai-training")
    english = action.summary
    action.translations["fr"].pop("summary")
    action.save()
    html = client.get("/fr/checklist/de/web/").content.decode()
    assert english.replace("'", "&#x27;") in html
    assert 'class="translation-note"' in html
    assert 'class="translation-note"' not in client.get("/checklist/de/web/").content.decode()


def test_editors_see_outdated_and_missing_translations(client):
    action = Action.objects.get(slug="ai-training")
    assert tr.summary(action)["fr"] == "complete"
    action.summary = "A new English explanation."
    action.save()
    assert tr.status(action, "fr")["outdated"] == ["summary"]
    client.force_login(editor())
    page = client.get(f"/admin/walkthroughs/action/{action.pk}/change/").content.decode()
    assert "OUTDATED: the English changed after this was translated." in page
    listing = client.get("/admin/walkthroughs/action/").content.decode()
    assert "fr: OUTDATED" in listing


def test_an_editor_translates_in_the_admin(client, django_capture_on_commit_callbacks):
    client.force_login(editor())
    step = Step.objects.get(action__slug="ai-training", surface="web", position=3)
    url = f"/admin/walkthroughs/step/{step.pk}/change/"
    data = form_data(client.get(url).content.decode(), "step_form")
    data["tr__de__text"] = "Öffnen Sie links „Data privacy“ (neu übersetzt)."
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    step.refresh_from_db()
    assert tr.status(step, "de") == {"missing": [], "outdated": []}
    assert "(neu übersetzt)" in client.get("/de/checklist/de/web/").content.decode()


def test_hreflang_alternates_and_switcher_keep_the_visitor_on_the_same_checklist(client):
    html = client.get("/fr/checklist/de/web/").content.decode()
    for language in LANGUAGES:
        href = f"http://testserver{prefix(language)}/checklist/de/web/"
        assert f'<link rel="alternate" hreflang="{language}" href="{href}">' in html
        assert f'href="{prefix(language)}/checklist/de/web/" hreflang="{language}"' in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/checklist/de/web/">'
        in html
    )


def test_first_visit_goes_to_the_preferred_language(client):
    response = client.get("/", headers={"accept-language": "de-DE,de;q=0.9,en;q=0.5"})
    assert response.status_code == 302 and response["Location"] == "/de/"
    assert client.get("/", headers={"accept-language": "zh-HK"})["Location"] == "/zh-hant/"
    assert client.get("/", headers={"accept-language": "ja-JP,ja"}).status_code == 200
    # Choosing English from another page of ours sticks.
    back = client.get("/", headers={"accept-language": "de", "referer": "http://testserver/de/"})
    assert back.status_code == 200


def test_cached_checklists_do_not_vary_on_accept_language(client):
    first = client.get("/checklist/de/web/", headers={"accept-language": "fr"})
    assert "Accept-Language" not in first.get("Vary", "")
    assert '<html lang="en">' in first.content.decode()
    assert client.get("/fr/checklist/de/web/")["ETag"] != first["ETag"]


def test_api_takes_a_language(client):
    data = client.get("/api/v1/checklists/de/?lang=fr").json()
    assert data["language"] == "fr"
    assert data["country"]["name"] == "Allemagne"
    assert (
        data["items"][0]["title"]
        == Action.objects.get(slug="ai-training").translations["fr"]["title"]
    )
    nl = client.get("/api/v1/checklists/nl/?lang=nl").json()["items"][0]
    assert nl["setting_label"] == "Data for Generative AI Improvement"
    assert nl["setting_label_local"] == "Gegevens voor verbetering van generatieve AI"
    bad = client.get("/api/v1/checklists/de/?lang=xx")
    assert bad.status_code == 400 and bad.json()["error"] == "unknown-language"


def test_country_search_understands_names_in_other_languages(client):
    html = client.get("/", {"q": "Deutschland"}).content.decode()
    assert ">Germany</a>" in html
    assert ">Hong Kong</a>" in client.get("/", {"q": "香港"}).content.decode()


def test_notes_about_places_are_translated_in_the_admin_too(client):
    from walkthroughs.models import PlaceNote

    client.force_login(editor())
    note = PlaceNote.objects.get(region__slug="cn", kind=PlaceNote.Kind.NOTICE)
    page = client.get(f"/admin/walkthroughs/placenote/{note.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="tr__fr__text"' in html
    assert "(complete)" in html
