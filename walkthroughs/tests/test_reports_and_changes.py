"""Visitor reports and the public change log."""

import pytest

from walkthroughs.models import ChangeNote, Report

pytestmark = pytest.mark.django_db

URL = "/checklist/de/ios/report/ai-training/"


def test_report_form_loads_only_when_asked(client):
    page = client.get("/checklist/de/ios/")
    assert not page.cookies
    # One link per step, naming the step.
    assert f'href="{URL}?step=1"' in page.content.decode()
    form = client.get(URL)
    assert form.status_code == 200
    assert "What do you see instead?" in form.content.decode()
    assert '<option value="ios" selected>' in form.content.decode()


def test_a_report_is_stored_without_any_identifier(client):
    response = client.post(
        URL,
        {
            "surface": "ios",
            "what_they_see": "The menu says Privacy, not Data privacy.",
            "app_version": "9.1",
            "interface_language": "German",
        },
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Test/1.0",
    )
    assert response.status_code == 200
    assert "Thank you." in response.content.decode()
    report = Report.objects.get()
    assert (report.action.slug, report.country.code, report.surface) == ("ai-training", "de", "ios")
    stored = " ".join(str(getattr(report, f.attname)) for f in Report._meta.concrete_fields)
    assert "203.0.113.9" not in stored and "Test/1.0" not in stored


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"surface": "ios", "what_they_see": ""}, "This field is required."),
        ({"surface": "ios", "what_they_see": "x" * 1001}, "at most 1000 characters"),
        (
            {"surface": "ios", "what_they_see": "Fine text", "app_version": "9" * 41},
            "at most 40 characters",
        ),
        ({"surface": "fax", "what_they_see": "Fine text"}, "Select a valid choice."),
        ({"surface": "ios", "what_they_see": "Bad\x00byte"}, "Null characters are not allowed."),
    ],
)
def test_bad_reports_get_a_clear_message_and_nothing_is_saved(client, data, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_honeypot_reports_are_thanked_but_not_stored(client):
    response = client.post(
        URL, {"surface": "ios", "what_they_see": "Buy things", "website": "http://spam"}
    )
    assert response.status_code == 200
    assert "Thank you." in response.content.decode()
    assert not Report.objects.exists()


def test_reports_are_limited_per_client(client, settings):
    settings.REPORTS_PER_HOUR = 2
    for _ in range(2):
        assert (
            client.post(URL, {"surface": "ios", "what_they_see": "Looks different"}).status_code
            == 200
        )
    response = client.post(URL, {"surface": "ios", "what_they_see": "Looks different"})
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Report.objects.count() == 2
    # Another client is not affected.
    other = client.post(
        URL, {"surface": "ios", "what_they_see": "Looks different"}, REMOTE_ADDR="198.51.100.1"
    )
    assert other.status_code == 200


def test_reports_for_unknown_items_are_404(client):
    assert client.get("/checklist/de/ios/report/nothing/").status_code == 404
    assert client.post("/checklist/zz/ios/report/ai-training/", {}).status_code == 404


def test_change_log_lists_public_notes_newest_first(client):
    html = client.get("/changes/").content.decode()
    assert html.index("trusted partners") < html.index("Data from others for ads")
    ChangeNote.objects.filter(note__contains="trusted partners").update(is_public=False)
    assert "trusted partners" not in client.get("/changes/").content.decode()


def test_change_feed_is_atom(client):
    response = client.get("/changes/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<feed" in body and "Data from others for ads" in body
    assert "<updated>2026-02-23T00:00:00" in body


def test_checklist_items_show_their_updated_date(client):
    assert "Updated on" in client.get("/checklist/de/web/").content.decode()
