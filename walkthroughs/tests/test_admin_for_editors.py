"""An admin editors can live in: their words for things, grouped as they work, texts whole."""

import re

import pytest

from walkthroughs.models import Action, Step

from .factories import editor, form_data

pytestmark = pytest.mark.django_db


def test_the_index_groups_what_editors_use_first_in_their_words(client):
    client.force_login(editor())
    html = client.get("/admin/").content.decode()
    captions = re.findall(r'<a href="[^"]*" class="section">([^<]+)</a>', html)
    assert captions[:3] == ["Checklists", "Facts behind the steps", "Countries and regions"]
    checklists = html.split('class="app-checklists')[1].split("</table>")[0]
    names = re.findall(r'<th scope="row"[^>]*>\s*<a href="[^"]*"[^>]*>([^<]+)</a>', checklists)
    assert names == [
        "Checklist items",
        "Steps",
        "Screenshots",
        "Warnings",
        "Visitor reports",
        "Watch alerts",
        "Change log entries",
    ]
    assert "Actions" not in html and ">Reports<" not in html
    # An app's own page still lists its models.
    assert "Checklist items" in client.get("/admin/walkthroughs/").content.decode()


def test_administrators_find_accounts_and_past_versions_last(admin_client):
    html = admin_client.get("/admin/").content.decode()
    captions = re.findall(r'<a href="[^"]*" class="section">([^<]+)</a>', html)
    assert captions[-1] == "Records and accounts (for administrators)"
    records = html.split('class="app-records')[1].split("</table>")[0]
    for name in ["Users", "Groups", "Historical steps", "Historical warnings"]:
        assert f">{name}</a>" in records


def test_step_texts_sit_in_boxes_of_several_lines(client):
    client.force_login(editor())
    item = Action.objects.get(slug="ai-training")
    html = client.get(f"/admin/walkthroughs/action/{item.pk}/change/").content.decode()
    assert re.search(r'<textarea name="steps-web-0-text" cols="48" rows="3"', html)
    assert re.search(r'<textarea name="steps-web-0-ui_label" cols="48" rows="3"', html)
    step = item.steps.get(surface="web", position=1)
    page = client.get(f"/admin/walkthroughs/step/{step.pk}/change/").content.decode()
    assert re.search(r'<textarea name="text" cols="48" rows="3"', page)


def test_a_text_typed_over_several_lines_stays_one_paragraph(client):
    client.force_login(editor())
    step = Step.objects.get(action__slug="ai-training", surface="web", position=1)
    url = f"/admin/walkthroughs/step/{step.pk}/change/"
    data = form_data(client.get(url).content.decode(), "step_form")
    data["text"] = "Click your profile photo,\r\n  labelled Me,\nin the top bar."
    assert client.post(url, data).status_code == 302
    step.refresh_from_db()
    assert step.text == "Click your profile photo, labelled Me, in the top bar."
