"""Verification per device: who followed the steps on which device, and when; no content moves."""

import datetime

import pytest
from django.utils import timezone

from walkthroughs.models import Action, ChangeNote, Step, Verification

from .factories import editor

pytestmark = pytest.mark.django_db

AI = "ai-training"


@pytest.fixture
def item() -> Action:
    return Action.objects.get(slug=AI)


def verify_url(item: Action, surface: str) -> str:
    return f"/admin/walkthroughs/action/{item.pk}/verify/{surface}/"


def updated_at(item: Action) -> list[datetime.datetime]:
    return [item.updated_at, *item.steps.order_by("pk").values_list("updated_at", flat=True)]


def test_the_item_page_offers_one_button_per_device(client, item):
    client.force_login(editor())
    html = client.get(f"/admin/walkthroughs/action/{item.pk}/change/").content.decode()
    for surface, label in [
        ("web", "Website"),
        ("ios", "iPhone or iPad app"),
        ("android", "Android app"),
    ]:
        assert f'action="{verify_url(item, surface)}"' in html
        assert f"Verified today: {label}</button>" in html
    assert "Website: never followed on a live account" in html


def test_verifying_one_device_from_the_item_page_records_who_and_when(
    client, item, django_capture_on_commit_callbacks
):
    user = editor()
    client.force_login(user)
    before, notes = updated_at(item), ChangeNote.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(verify_url(item, "android"))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/walkthroughs/action/{item.pk}/change/"

    (record,) = Verification.objects.all()
    assert (record.action, record.surface, record.verified_by) == (item, "android", user)
    assert record.verified_on == timezone.localdate()
    stamped = item.steps.exclude(last_verified_on=None)
    assert set(stamped.values_list("surface", flat=True)) == {"android"}
    assert set(stamped.values_list("last_verified_by", flat=True)) == {user.pk}
    # The item as a whole waits for the other two devices.
    item.refresh_from_db()
    assert item.last_verified_on is None

    page = client.get(f"/admin/walkthroughs/action/{item.pk}/change/").content.decode()
    assert f"Android app: {timezone.localdate():%-d %B %Y} by editor" in page
    assert "Website: never followed on a live account" in page

    # Nothing visitors read as a change moved.
    assert updated_at(item) == before
    assert ChangeNote.objects.count() == notes


def test_visitors_see_per_device_what_was_verified_when(
    client, item, django_capture_on_commit_callbacks
):
    client.force_login(editor())
    ticked = client.get("/checklist/de/android/").content.decode()
    marker = f'data-slug="{AI}" data-updated="'
    updated_before = ticked.split(marker)[1].split('"')[0]
    assert "Followed step by step on a live LinkedIn account" not in ticked
    with django_capture_on_commit_callbacks(execute=True):
        client.post(verify_url(item, "android"))
    client.logout()

    android = client.get("/checklist/de/android/").content.decode()
    assert "Followed step by step on a live LinkedIn account on" in android
    # The "changed since you ticked" notice compares this date: it did not move.
    assert android.split(marker)[1].split('"')[0] == updated_before
    web = client.get("/checklist/de/web/").content.decode()
    web_item = web.split(marker)[1].split('<li class="item')[0]
    assert "Followed step by step on a live LinkedIn account" not in web_item
    assert "Our editors have not yet followed these steps on a live account." in web_item

    data = client.get("/api/v1/checklists/de/").json()
    found = next(i for i in data["items"] if i["slug"] == AI)
    today = timezone.localdate().isoformat()
    assert found["verified_on"] == {"web": None, "ios": None, "android": today}
    assert found["last_verified_on"] is None


def test_every_device_verified_dates_the_item(client, item):
    client.force_login(editor())
    for surface in ("web", "ios", "android"):
        assert client.post(verify_url(item, surface)).status_code == 302
    item.refresh_from_db()
    assert item.last_verified_on == timezone.localdate() and not item.is_stale
    assert Verification.objects.filter(action=item).count() == 3


def test_the_list_verifies_the_selected_items_on_one_device(client, item):
    user = editor()
    client.force_login(user)
    before = updated_at(item)
    response = client.post(
        "/admin/walkthroughs/action/", {"action": "verify_ios", "_selected_action": [item.pk]}
    )
    assert response.status_code == 302
    (record,) = Verification.objects.all()
    assert (record.surface, record.verified_by) == ("ios", user)
    assert set(item.steps.exclude(last_verified_on=None).values_list("surface", flat=True)) == {
        "ios"
    }
    assert updated_at(item) == before
    assert "mark_verified_today" not in client.get("/admin/walkthroughs/action/").content.decode()


def test_verifying_a_step_alone_moves_no_content(client):
    client.force_login(editor())
    step = Step.objects.get(action__slug=AI, surface="web", position=1)
    before = step.updated_at
    history = step.history.count()
    client.post(
        "/admin/walkthroughs/step/",
        {"action": "mark_verified_today", "_selected_action": [step.pk]},
    )
    step.refresh_from_db()
    assert step.last_verified_on == timezone.localdate()
    assert step.updated_at == before and step.history.count() == history


def test_verify_takes_a_post_a_known_device_and_an_editor(client, item):
    client.force_login(editor())
    assert client.get(verify_url(item, "web")).status_code == 405
    assert client.post(verify_url(item, "fax")).status_code == 404
    assert client.post("/admin/walkthroughs/action/999999/verify/web/").status_code == 404
    client.logout()
    assert client.post(verify_url(item, "web")).status_code == 302  # to the sign-in page
    assert not Verification.objects.exists()


def test_an_edited_step_keeps_its_verification_date_out_of_the_form(client, item):
    client.force_login(editor())
    html = client.get(f"/admin/walkthroughs/action/{item.pk}/change/").content.decode()
    assert 'name="steps-web-0-last_verified_on"' not in html
