"""An editor renames a label once, in a real browser; a visitor sees it everywhere at once."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from translations import store as tr
from walkthroughs.models import ChangeNote, Step

from .test_editor import CSP_LISTENER, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NOTE = "LinkedIn renamed Data privacy to Privacy."


def test_linkedin_renamed_a_label_one_edit_end_to_end(new_context):
    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    visitor = new_context().new_page()
    visitor.goto("/checklist/de/android/")
    expect(visitor.locator("#ai-training .steps")).to_contain_text("Tap Data privacy.")

    context = new_context()
    context.add_init_script(CSP_LISTENER)
    editor = context.new_page()
    sign_in(editor)
    editor.goto("/admin/walkthroughs/action/")
    editor.get_by_role("link", name="A service renamed a label").click()
    editor.get_by_label("The old label").fill("Data privacy")
    editor.get_by_label("The new label:", exact=True).fill("Privacy")
    editor.get_by_label("The new label in Nederlands").fill("Privacy")
    editor.get_by_label("Public note").fill(NOTE)
    editor.get_by_role("button", name="Preview the changes").click()

    preview = editor.locator("table.rename-preview")
    expect(preview).to_contain_text("Tap Privacy.")
    expect(preview).to_contain_text("marked outdated for a translator")
    # Nothing changed yet.
    assert Step.objects.filter(ui_label="Data privacy").count() == 9
    editor.get_by_role("button", name="Apply them all").click()
    expect(editor.locator(".messagelist")).to_contain_text("in one go")
    expect(editor.locator("h1")).to_have_text("Editors' overview")
    # The German translations it touched wait for a translator, and the overview says so.
    expect(editor.locator("#content-main")).to_contain_text("Outdated translations")
    assert editor.evaluate("window.__csp") == []

    assert not Step.objects.filter(ui_label="Data privacy").exists()
    assert ChangeNote.objects.filter(note=NOTE).count() == 1
    step = Step.objects.get(action__slug="ai-training", surface="android", position=3)
    assert tr.status(step, "de")["outdated"] == ["text"]

    visitor.reload()
    expect(visitor.locator("#ai-training .steps")).to_contain_text("Tap Privacy.")
    expect(visitor.locator("#ai-training .path")).to_contain_text("Privacy")
    visitor.goto("/changes/")
    expect(visitor.locator(".changes")).to_contain_text(NOTE)
