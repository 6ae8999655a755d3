"""The editors' workflow in the admin, through the test client."""

import re

import pytest
from django.contrib.auth.models import Group

from walkthroughs.models import Action, ChangeNote, Report, Step

from .factories import editor, form_data

pytestmark = pytest.mark.django_db

AI = "ai-training"


def action_change_url(action: Action) -> str:
    return f"/admin/walkthroughs/action/{action.pk}/change/"


def edit_action(client, action: Action, **changes) -> object:
    """Submit the item's admin page as a browser would, with some fields changed."""
    url = action_change_url(action)
    data = form_data(client.get(url).content.decode(), "action_form")
    data.update(changes)
    return client.post(url, data)


def web_step_field(action: Action, position: int, field: str) -> str:
    steps = list(action.steps.filter(surface="web").order_by("position"))
    index = [s.position for s in steps].index(position)
    return f"steps-web-{index}-{field}"


def test_editors_group_has_content_permissions_and_no_user_management():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"change_step", "add_step", "delete_step", "change_action", "change_report"} <= codenames
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}
    # Items are unpublished, never deleted; reports come only from visitors.
    assert "delete_action" not in codenames and "add_report" not in codenames


def test_editor_changes_a_step_and_the_checklist_follows_at_once(
    client, django_capture_on_commit_callbacks
):
    client.force_login(editor())
    action = Action.objects.get(slug=AI)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_action(
            client,
            action,
            **{web_step_field(action, 3, "text"): "In the menu on the left, open Privacy."},
            public_note="LinkedIn renamed Data privacy to Privacy on the website.",
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "open Privacy." in client.get("/checklist/de/web/").content.decode()
    assert ChangeNote.objects.filter(note__startswith="LinkedIn renamed Data privacy").exists()
    assert "LinkedIn renamed Data privacy" in client.get("/changes/").content.decode()
    # The note is logged once, not carried into the next edit.
    assert Action.objects.get(pk=action.pk).public_note == ""


def test_editor_can_swap_two_steps_in_one_save(client):
    client.force_login(editor())
    action = Action.objects.get(slug=AI)
    first, second = action.steps.filter(surface="web").order_by("position")[:2]
    response = edit_action(
        client,
        action,
        **{web_step_field(action, 1, "position"): "2", web_step_field(action, 2, "position"): "1"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.position, second.position) == (2, 1)


def test_two_steps_in_one_position_are_refused_with_a_message(client):
    client.force_login(editor())
    action = Action.objects.get(slug=AI)
    response = edit_action(client, action, **{web_step_field(action, 2, "position"): "1"})
    assert response.status_code == 200
    assert "Two steps have the same position" in response.content.decode()
    assert list(action.steps.filter(surface="web").values_list("position", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
    ]


def test_stale_items_are_flagged_in_the_list_and_the_overview(client):
    client.force_login(editor())
    listing = client.get("/admin/walkthroughs/action/?verification=stale").content.decode()
    assert "Stop LinkedIn training AI on your data" in listing
    overview = client.get("/admin/overview/").content.decode()
    assert "never verified on a live account" in overview
    assert "Sources disagree" in overview  # uncertain ad-sharing label


def test_step_history_shows_changes_field_by_field_and_restores(client):
    client.force_login(editor())
    step = Step.objects.get(action__slug=AI, surface="web", position=3)
    original = step.text
    step.text = "Open Privacy."
    step.save()
    history = client.get(f"/admin/walkthroughs/step/{step.pk}/history/").content.decode()
    assert "Open Privacy." in history and original in history
    first_version = step.history.order_by("history_date").first()
    url = f"/admin/walkthroughs/step/{step.pk}/history/{first_version.history_id}/"
    html = client.get(url).content.decode()
    assert "Revert" in html or "revert" in html
    data = form_data(html, re.search(r'<form [^>]*id="(\w+_form)"', html).group(1))
    response = client.post(url, data)
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.text == original


def test_draft_is_previewed_by_staff_only_then_published(
    client, django_capture_on_commit_callbacks
):
    user = editor()
    client.force_login(user)
    action = Action.objects.get(slug=AI)
    client.post(
        "/admin/walkthroughs/action/", {"action": "start_drafts", "_selected_action": [action.pk]}
    )
    draft = Action.objects.get(draft_of=action)
    assert draft.steps.count() == action.steps.count()
    response = edit_action(
        client,
        draft,
        **{web_step_field(draft, 4, "text"): "Open Generative AI data."},
        public_note="LinkedIn shortened the setting's name on the website.",
    )
    assert response.status_code == 302

    public = client.get("/checklist/de/web/")
    assert "Open Generative AI data." not in public.content.decode()
    preview = client.get("/checklist/de/web/?preview=1")
    assert "Open Generative AI data." in preview.content.decode()
    assert "no-store" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
    client.logout()
    assert (
        "Open Generative AI data."
        not in client.get("/checklist/de/web/?preview=1").content.decode()
    )

    client.force_login(user)
    step = Step.objects.get(action=action, surface="web", position=4)
    versions = step.history.count()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/walkthroughs/action/",
            {"action": "publish_drafts", "_selected_action": [draft.pk]},
        )
    assert not Action.objects.filter(draft_of__isnull=False).exists()
    assert "Open Generative AI data." in client.get("/checklist/de/web/").content.decode()
    # Publishing records one new version of the changed step, by the editor who published.
    assert step.history.count() == versions + 1
    latest = step.history.first()
    assert (latest.text, latest.history_user) == ("Open Generative AI data.", user)
    assert ChangeNote.objects.filter(note__startswith="LinkedIn shortened").exists()


def test_reports_are_triaged_in_the_admin(client):
    client.force_login(editor())
    action = Action.objects.get(slug=AI)
    from regions.models import Country

    report = Report.objects.create(
        action=action,
        country=Country.objects.get(code="de"),
        surface="ios",
        what_they_see="No Data privacy entry.",
    )
    listing = client.get("/admin/walkthroughs/report/").content.decode()
    assert "No Data privacy entry." in listing
    items = client.get("/admin/walkthroughs/action/").content.decode()
    assert items.count('<td class="field-open_reports">1</td>') == 1
    client.post(
        "/admin/walkthroughs/report/", {"action": "mark_fixed", "_selected_action": [report.pk]}
    )
    report.refresh_from_db()
    assert report.status == Report.Status.FIXED
    # A fixed report is no longer open.
    items = client.get("/admin/walkthroughs/action/").content.decode()
    assert '<td class="field-open_reports">1</td>' not in items


def test_editors_cannot_manage_users(client):
    client.force_login(editor())
    assert client.get("/admin/auth/user/").status_code == 403


def test_a_deleted_step_can_be_restored(client):
    client.force_login(editor())
    step = Step.objects.get(action__slug=AI, surface="ios", position=3)
    text, pk = step.text, step.pk
    step.delete()
    listing = client.get("/admin/walkthroughs/historicalstep/?state=deleted")
    assert listing.status_code == 200
    assert text in listing.content.decode()
    record = Step.history.get(id=pk, history_type="-")
    response = client.post(
        "/admin/walkthroughs/historicalstep/",
        {"action": "restore", "_selected_action": [record.pk]},
    )
    assert response.status_code == 302
    restored = Step.objects.get(pk=pk)
    assert (restored.text, restored.position) == (text, 3)
