"""'A service renamed a label' and 'moved a link': a preview of every use, then one change."""

import re

import pytest

from translations import store as tr
from walkthroughs import renames
from walkthroughs.models import Action, ChangeNote, Step

from .factories import editor

pytestmark = pytest.mark.django_db

RENAME = "/admin/walkthroughs/action/rename-label/"
MOVE = "/admin/walkthroughs/action/move-link/"
NOTE = "LinkedIn renamed Data privacy to Privacy."


def previewed(client, url: str, data: dict) -> dict:
    """The form as a browser sends it from the preview page, with the preview's token."""
    asked = {name: value for name, value in data.items() if name != "apply"}
    html = client.post(url, {**asked, "preview": "1"}).content.decode()
    token = re.search(r'name="previewed" value="([^"]+)"', html)
    return {**data, "previewed": token.group(1) if token else ""}


def rename(client, **fields):
    data = {"old": "Data privacy", "new": "Privacy", "note": NOTE, "new_nl": "Privacy"}
    data = {**data, **fields}
    if "apply" in data:
        data = previewed(client, RENAME, data)
    return client.post(RENAME, data)


@pytest.fixture
def signed_in(client):
    client.force_login(editor())
    return client


def test_the_item_list_leads_to_both_workflows(signed_in):
    html = signed_in.get("/admin/walkthroughs/action/").content.decode()
    assert f'<a href="{RENAME}">A service renamed a label</a>' in html
    assert f'<a href="{MOVE}">A service moved a link</a>' in html
    assert signed_in.get(RENAME).status_code == 200


def test_the_preview_lists_every_use_and_changes_nothing(signed_in):
    notes = ChangeNote.objects.count()
    response = rename(signed_in, preview="1")
    html = response.content.decode()
    assert response.status_code == 200
    # Nine steps name it in their text and as their label, and an item in a text of its own.
    english = [c for c in renames.plan_label("Data privacy", "Privacy") if not c.language]
    assert html.count("</td><td>English</td>") == len(english) == 19
    assert "<td>Tap Data privacy.</td><td>Tap Privacy.</td>" in html
    assert "(marked outdated for a translator)" in html
    assert 'name="apply"' in html
    assert Step.objects.filter(ui_label="Data privacy").count() == 9
    assert ChangeNote.objects.count() == notes


def test_applying_renames_everywhere_with_one_public_note(
    signed_in, client, django_capture_on_commit_callbacks
):
    notes = ChangeNote.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = rename(signed_in, apply="1")
    assert response.status_code == 302
    assert not Step.objects.filter(ui_label="Data privacy").exists()
    assert not Step.objects.filter(text__contains="Data privacy").exists()
    step = Step.objects.get(action__slug="ai-training", surface="ios", position=3)
    assert (step.text, step.ui_label) == ("Tap Privacy.", "Privacy")
    # LinkedIn's own Dutch label was given: current. The German text follows the rename
    # but waits for a translator.
    assert step.translations["nl"]["ui_label"] == "Privacy"
    assert "ui_label" not in tr.status(step, "nl")["outdated"]
    assert step.translations["de"]["text"] == "Tippen Sie auf „Privacy“."
    assert tr.status(step, "de")["outdated"] == ["text"]
    assert tr.status(step, "pt")["outdated"] == ["text", "ui_label"]
    assert ChangeNote.objects.count() == notes + 1
    entry = ChangeNote.objects.get(note=NOTE)
    assert entry.is_public and entry.action is None
    assert "Stop LinkedIn training AI on your data" in entry.item_title
    assert NOTE in client.get("/changes/").content.decode()
    visitor = client.get("/de/checklist/de/ios/").content.decode()
    assert '<span lang="en">Tap Privacy.</span>' in visitor
    # Every rename is in the history, with the note as the reason.
    assert step.history.first().history_change_reason == f"Renamed: {NOTE}"


def test_a_failure_midway_changes_nothing(signed_in, monkeypatch):
    def refuse(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ChangeNote.objects, "create", refuse)
    with pytest.raises(RuntimeError):
        renames.apply_label("Data privacy", "Privacy", {}, NOTE, None)
    assert Step.objects.filter(ui_label="Data privacy").count() == 9


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"new": "Data privacy"}, "The new label is the same as the old one."),
        ({"old": "Nothing like it"}, "Nothing uses “Nothing like it”"),
        ({"note": ""}, "This field is required."),
        ({"new": "x" * 201}, "at most 200 characters"),
    ],
)
def test_bad_renames_are_refused_and_change_nothing(signed_in, fields, message):
    notes = ChangeNote.objects.count()
    response = rename(signed_in, apply="1", **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Step.objects.filter(ui_label="Data privacy").count() == 9
    assert ChangeNote.objects.count() == notes


def test_a_moved_link_is_changed_with_one_note(signed_in):
    old = Action.objects.get(slug="ai-training").deep_link
    new = "https://www.linkedin.com/mypreferences/d/settings/generative-ai"
    preview = signed_in.post(MOVE, {"old": old, "new": new, "note": "Moved.", "preview": "1"})
    assert f"<td>{old}</td><td>{new}</td>" in preview.content.decode()
    assert Action.objects.get(slug="ai-training").deep_link == old
    data = previewed(signed_in, MOVE, {"old": old, "new": new, "note": "Moved.", "apply": "1"})
    response = signed_in.post(MOVE, data)
    assert response.status_code == 302
    assert Action.objects.get(slug="ai-training").deep_link == new
    entry = ChangeNote.objects.get(note="Moved.")
    assert entry.action == Action.objects.get(slug="ai-training")


def test_only_editors_may_rename(client):
    assert client.get(RENAME).status_code == 302  # to the sign-in page
    assert client.post(RENAME, {"old": "Data privacy", "new": "P", "note": "n"}).status_code == 302
    assert Step.objects.filter(ui_label="Data privacy").count() == 9


def test_only_what_was_previewed_is_applied(signed_in):
    data = previewed(signed_in, RENAME, {"old": "Data privacy", "new": "Privacy", "note": NOTE})
    # The editor changed the new label after the preview, then pressed apply.
    response = signed_in.post(RENAME, {**data, "new": "Privacy settings", "apply": "1"})
    assert response.status_code == 200
    assert "The fields changed since the preview" in response.content.decode()
    assert Step.objects.filter(ui_label="Data privacy").count() == 9
    without = {"old": "Data privacy", "new": "Privacy", "note": NOTE, "apply": "1"}
    assert "The fields changed" in signed_in.post(RENAME, without).content.decode()
    assert Step.objects.filter(ui_label="Data privacy").count() == 9
