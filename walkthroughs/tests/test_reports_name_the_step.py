"""Reports name the step, only items on that checklist take them, and a fix is told in public."""

import pytest

from regions.models import Country
from walkthroughs.models import Action, ChangeNote, Report, Step

from .factories import editor, form_data

pytestmark = pytest.mark.django_db

URL = "/checklist/de/ios/report/ai-training/"


def test_the_form_names_the_step_the_visitor_chose(client):
    html = client.get(f"{URL}?step=3").content.decode()
    assert "<strong>About step 3:</strong> Tap Data privacy." in html
    assert '<input type="hidden" name="step_number" value="3"' in html
    german = client.get(f"/de{URL}?step=3").content.decode()
    assert "<strong>Zu Schritt 3:</strong> Tippen Sie auf „Data privacy“." in german


@pytest.mark.parametrize("step", ["", "0", "99", "abc", "3.5", "-1", "1" * 30])
def test_an_odd_step_number_in_the_address_names_no_step(client, step):
    response = client.get(f"{URL}?step={step}")
    assert response.status_code == 200
    assert "About step" not in response.content.decode()


def test_a_report_keeps_the_step_and_its_text(client):
    response = client.post(
        URL, {"surface": "ios", "step_number": "3", "what_they_see": "It says Privacy."}
    )
    assert response.status_code == 200
    report = Report.objects.get()
    step = Step.objects.get(action__slug="ai-training", surface="ios", position=3)
    assert (report.step, report.step_text) == (step, "Tap Data privacy.")


def test_a_step_that_does_not_exist_on_the_device_is_refused(client):
    response = client.post(
        URL, {"surface": "ios", "step_number": "9", "what_they_see": "It says Privacy."}
    )
    assert response.status_code == 400
    assert "This item has no step 9 on that device." in response.content.decode()
    assert not Report.objects.exists()
    bad = client.post(URL, {"surface": "ios", "step_number": "x", "what_they_see": "Text"})
    assert bad.status_code == 400 and not Report.objects.exists()


def test_items_not_on_that_countrys_checklist_take_no_reports(client):
    # Ad sharing is not on the UK's checklist: the change excludes the UK.
    url = "/checklist/gb/web/report/ad-sharing/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"surface": "web", "what_they_see": "Text"}).status_code == 404
    assert not Report.objects.exists()
    # Where it applies, it takes them.
    assert client.get("/checklist/us/web/report/ad-sharing/").status_code == 200


def test_an_editor_marks_a_report_fixed_with_a_public_note(client):
    report = Report.objects.create(
        action=Action.objects.get(slug="ai-training"),
        country=Country.objects.get(code="de"),
        surface="ios",
        step=Step.objects.get(action__slug="ai-training", surface="ios", position=3),
        step_text="Tap Data privacy.",
        what_they_see="It says Privacy.",
    )
    user = editor()
    client.force_login(user)
    url = f"/admin/walkthroughs/report/{report.pk}/change/"
    page = client.get(url).content.decode()
    assert "Step 3: Tap Data privacy." in page
    data = form_data(page, "report_form")
    data["fix_note"] = "LinkedIn renamed Data privacy to Privacy on the iPhone."
    assert client.post(url, data).status_code == 302

    report.refresh_from_db()
    entry = ChangeNote.objects.get(note="LinkedIn renamed Data privacy to Privacy on the iPhone.")
    assert (report.status, report.fixed_in) == (Report.Status.FIXED, entry)
    assert (entry.action, entry.editor, entry.is_public) == (report.action, user, True)
    page = client.get(url).content.decode()
    assert f'href="/changes/#change-{entry.pk}"' in page
    changes = client.get("/changes/").content.decode()
    assert f'id="change-{entry.pk}"' in changes and entry.note in changes


def test_the_report_list_names_item_device_step_and_country(client):
    Report.objects.create(
        action=Action.objects.get(slug="ai-training"),
        country=Country.objects.get(code="de"),
        surface="ios",
        step=Step.objects.get(action__slug="ai-training", surface="ios", position=3),
        what_they_see="It says Privacy.",
    )
    client.force_login(editor())
    assert "ai-training / ios #3 / DE" in client.get("/admin/walkthroughs/report/").content.decode()
