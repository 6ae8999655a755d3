"""Screenshots of steps: uploads re-encoded and cleaned, shown as "How it looked on <date>"."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from walkthroughs import screenshots
from walkthroughs.models import Screenshot, Step

from .factories import editor, form_data, translated

pytestmark = pytest.mark.django_db

AI = "ai-training"
SECRET = "Taken at 1 Secret Street by Jane Member"
TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def picture(
    size=(1170, 2532), format="PNG", mode="RGB", exif: bool = False, colour="#0a66c2"
) -> bytes:
    """A screen-sized picture as a phone or a desktop would save it, optionally with EXIF."""
    image = Image.new(mode, size, colour)
    options = {}
    if exif:
        tags = Image.Exif()
        tags[0x010E] = SECRET  # ImageDescription
        tags[0x0110] = "Jane's Phone 15"  # Model
        tags[0x8825] = {2: (51.0, 30.0, 0.0), 4: (0.0, 7.0, 0.0)}  # GPS: latitude, longitude
        options["exif"] = tags
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def upload(data: bytes, name: str = "screen.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


def web_step(position: int = 3) -> Step:
    return Step.objects.get(action__slug=AI, surface="web", position=position)


def attach(step: Step, language: str = "", alt: str = "The Data privacy page.", **fields):
    fields.setdefault("taken_on", TODAY)
    shot = Screenshot(step=step, language=language, alt_text=alt, **fields)
    shot.store(screenshots.encode(upload(picture(size=(1600, 1000)))))
    shot.save()
    return shot


# What an upload becomes


def test_nothing_of_the_original_file_survives_the_re_encoding():
    original = picture(format="JPEG", exif=True)
    assert SECRET.encode() in original
    encoded = screenshots.encode(upload(original, "screen.jpg"))
    for file, format in [(encoded.webp, "WEBP"), (encoded.jpeg, "JPEG")]:
        data = file.read()
        assert SECRET.encode() not in data and b"Jane" not in data
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == format
            assert not image.getexif()
            assert "exif" not in image.info and "icc_profile" not in image.info


def test_a_phone_screenshot_is_scaled_to_fit_and_keeps_its_shape():
    encoded = screenshots.encode(upload(picture(size=(1170, 2532))))
    assert (encoded.width, encoded.height) == (739, 1600)
    with Image.open(encoded.webp) as image:
        assert image.size == (739, 1600)


def test_a_small_screenshot_is_not_enlarged():
    encoded = screenshots.encode(upload(picture(size=(400, 300))))
    assert (encoded.width, encoded.height) == (400, 300)


def test_a_photo_taken_sideways_is_turned_upright():
    image = Image.new("RGB", (200, 100), "white")
    tags = Image.Exif()
    tags[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=tags)
    encoded = screenshots.encode(upload(buffer.getvalue(), "sideways.jpg"))
    assert (encoded.width, encoded.height) == (100, 200)


def test_transparency_is_laid_on_white():
    encoded = screenshots.encode(upload(picture(size=(50, 50), mode="RGBA", colour=(0, 0, 0, 0))))
    with Image.open(encoded.jpeg) as image:
        assert image.convert("RGB").getpixel((25, 25)) == (255, 255, 255)


def test_the_webp_is_smaller_than_the_jpeg_fallback():
    encoded = screenshots.encode(upload(picture(size=(1170, 2532))))
    assert encoded.webp.size < encoded.jpeg.size


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not an image at all", "not a PNG, JPEG or WebP image"),
        (picture(size=(300, 200), format="GIF"), "not a PNG, JPEG or WebP image"),
        (picture(size=(300, 200))[:400], "damaged or incomplete"),
        (picture(size=(10000, 5000), mode="1"), "10000 × 5000 pixels, too large"),
    ],
    ids=["text", "gif", "truncated", "too-many-pixels"],
)
def test_what_is_not_a_screenshot_is_refused_with_a_reason(data, message):
    with pytest.raises(ValidationError) as refused:
        screenshots.encode(upload(data))
    assert message in " ".join(refused.value.messages)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(screenshots, "MAX_UPLOAD_BYTES", 1000)
    with pytest.raises(ValidationError) as refused:
        screenshots.encode(upload(b"x" * 2000))
    assert "at most 0" in refused.value.messages[0]


# Editors attach screenshots


@pytest.fixture
def alice() -> Client:
    client = Client()
    client.force_login(editor("alice"))
    return client


def step_form(client: Client, step: Step) -> tuple[str, dict]:
    url = f"/admin/walkthroughs/step/{step.pk}/change/"
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode(), "step_form")


def with_new_screenshot(data: dict, **fields) -> dict:
    """The step form's data with one more screenshot after those it has."""
    index = int(data["screenshots-INITIAL_FORMS"])
    new = {
        "language": "",
        "alt_text": "The Data privacy page.",
        "taken_on": TODAY.isoformat(),
        "upload": upload(picture(exif=True)),
    }
    return {
        **data,
        "screenshots-TOTAL_FORMS": str(index + 1),
        **{f"screenshots-{index}-{name}": value for name, value in (new | fields).items()},
    }


def stored_files(media) -> list[str]:
    folder = media / "screenshots"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_an_editor_attaches_a_screenshot_on_the_steps_page(alice, media, client):
    step = web_step()
    url, data = step_form(alice, step)
    assert 'accept="image/png,image/jpeg,image/webp"' in alice.get(url).content.decode()
    response = alice.post(url, with_new_screenshot(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    shot = Screenshot.objects.get(step=step)
    assert shot.added_by.username == "alice"
    assert (shot.width, shot.height) == (739, 1600)
    webp, jpeg = stored_files(media)[1], stored_files(media)[0]
    assert {webp.rsplit(".")[1], jpeg.rsplit(".")[1]} == {"webp", "jpg"}
    assert all(
        SECRET.encode() not in (media / "screenshots" / n).read_bytes() for n in (webp, jpeg)
    )

    # Visitors see it at once, behind one line, fetched only when opened.
    page = client.get("/checklist/de/web/").content.decode()
    date = f"{TODAY.day} {TODAY:%B} {TODAY.year}"
    assert f"How it looked on {date}" in page
    (picture_html,) = re.findall(r'<details class="screenshot">.*?</details>', page, re.S)
    assert f'<source type="image/webp" srcset="{shot.address}">' in picture_html
    assert f'src="{shot.fallback_address}"' in picture_html
    assert 'alt="The Data privacy page."' in picture_html
    assert 'width="739" height="1600" loading="lazy"' in picture_html
    assert 'class="tall"' in picture_html


def test_a_screenshot_without_alt_text_or_file_or_with_a_future_date_saves_nothing(alice, media):
    step = web_step()
    url, data = step_form(alice, step)
    for fields, message in [
        ({"alt_text": ""}, "This field is required."),
        ({"upload": ""}, "Choose the screenshot&#x27;s file."),
        ({"upload": upload(b"GIF89a nonsense")}, "not a PNG, JPEG or WebP image"),
        (
            {"taken_on": (TODAY + datetime.timedelta(days=2)).isoformat()},
            "cannot be taken in the future",
        ),
    ]:
        response = alice.post(url, with_new_screenshot(data, **fields))
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not Screenshot.objects.exists()
    assert stored_files(media) == []
    assert Step.objects.get(pk=step.pk).text == step.text


def test_one_screenshot_per_language_and_step(alice):
    step = web_step()
    attach(step, language="de")
    url, data = step_form(alice, step)
    response = alice.post(url, with_new_screenshot(data, language="de"))
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Screenshot.objects.count() == 1


def test_a_new_file_replaces_the_old_ones_which_are_deleted(
    alice, media, django_capture_on_commit_callbacks
):
    shot = attach(web_step())
    old = stored_files(media)
    url = f"/admin/walkthroughs/screenshot/{shot.pk}/change/"
    data = form_data(alice.get(url).content.decode(), "screenshot_form")
    with django_capture_on_commit_callbacks(execute=True):
        response = alice.post(url, {**data, "upload": upload(picture(size=(800, 600)))})
    assert response.status_code == 302
    shot.refresh_from_db()
    assert (shot.width, shot.height) == (800, 600)
    new = stored_files(media)
    assert len(new) == 2 and not set(new) & set(old)


def test_changing_only_the_words_keeps_the_files(alice, media):
    shot = attach(web_step())
    before = stored_files(media)
    url = f"/admin/walkthroughs/screenshot/{shot.pk}/change/"
    data = form_data(alice.get(url).content.decode(), "screenshot_form")
    response = alice.post(url, {**data, "alt_text": "The Data privacy page, in dark mode."})
    assert response.status_code == 302
    assert stored_files(media) == before
    assert Screenshot.objects.get().alt_text == "The Data privacy page, in dark mode."


def test_deleting_a_screenshot_deletes_its_files(media, django_capture_on_commit_callbacks):
    shot = attach(web_step())
    with django_capture_on_commit_callbacks(execute=True):
        shot.delete()
    assert stored_files(media) == []


def test_an_editor_of_another_service_cannot_touch_linkedins_screenshots(client):
    from django.contrib.auth.models import Group

    shot = attach(web_step())
    user = editor("gemini-only")
    user.groups.set([Group.objects.get(name="Editors: Gemini")])
    client.force_login(user)
    assert client.get(f"/admin/walkthroughs/screenshot/{shot.pk}/change/").status_code == 403
    listing = client.get("/admin/walkthroughs/screenshot/").content.decode()
    assert "ai-training" not in listing


def test_editors_may_keep_screenshots():
    from django.contrib.auth.models import Group

    for name in ["Editors", "Editors: LinkedIn", "Editors: ChatGPT"]:
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_screenshot", "change_screenshot", "delete_screenshot"} <= codenames


# What visitors get


def shown(client: Client, path: str) -> str:
    """The one screenshot on the page, as HTML."""
    page = client.get(path).content.decode()
    (html,) = re.findall(r'<details class="screenshot">.*?</details>', page, re.S)
    return html


def test_the_visitors_language_picks_the_screenshot_and_its_alt_text(client):
    step = web_step()
    everyone = translated(
        attach(step, alt="The Data privacy page."),
        {"fr": {"alt_text": "La page Confidentialité des données."}},
    )
    german = attach(step, language="de", alt="The German Data privacy page.")

    assert german.fallback_address in shown(client, "/de/checklist/de/web/")
    french = shown(client, "/fr/checklist/de/web/")
    assert everyone.fallback_address in french
    assert 'alt="La page Confidentialité des données."' in french and 'lang="en"' not in french
    # No Spanish alt text yet: the English one, marked as English for screen readers.
    assert 'alt="The Data privacy page." lang="en"' in shown(client, "/es/checklist/de/web/")


def test_an_english_screen_is_said_to_be_one_in_other_languages(client):
    attach(web_step(), language="en")
    assert 'class="hint"' not in shown(client, "/checklist/de/web/")
    assert '<span class="hint">' in shown(client, "/de/checklist/de/web/")


def test_a_screenshot_shows_on_a_cached_checklist_at_once(
    client, django_capture_on_commit_callbacks
):
    assert 'class="screenshot"' not in client.get("/checklist/de/web/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        attach(web_step())
    assert 'class="screenshot"' in client.get("/checklist/de/web/").content.decode()


def test_adding_a_screenshot_is_no_change_to_the_item_for_those_who_ticked_it(client):
    before = client.get("/api/v1/checklists/de/").json()
    attach(web_step())
    after = client.get("/api/v1/checklists/de/").json()
    item = next(i for i in after["items"] if i["slug"] == AI)
    assert item["updated_at"] == next(i for i in before["items"] if i["slug"] == AI)["updated_at"]


def test_the_api_gives_each_steps_screenshot(client):
    shot = attach(web_step(), alt="The Data privacy page.")
    item = next(i for i in client.get("/api/v1/checklists/de/").json()["items"] if i["slug"] == AI)
    web = item["steps"]["web"]
    assert web[2]["screenshot"] == {
        "url": shot.address,
        "fallback_url": shot.fallback_address,
        "type": "image/webp",
        "fallback_type": "image/jpeg",
        "width": 1280,
        "height": 800,
        "alt": "The Data privacy page.",
        "taken_on": TODAY.isoformat(),
        "english_screen": False,
    }
    assert web[0]["screenshot"] is None


# Serving the files


def test_the_files_are_served_for_a_year_with_their_type(client):
    shot = attach(web_step())
    for address, kind, magic in [
        (shot.address, "image/webp", b"RIFF"),
        (shot.fallback_address, "image/jpeg", b"\xff\xd8"),
    ]:
        response = client.get(address)
        assert response.status_code == 200
        assert response["Content-Type"] == kind
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        assert b"".join(response.streaming_content).startswith(magic)
        assert not response.cookies


def test_unknown_or_malformed_screenshot_addresses_are_404(client):
    attach(web_step())
    for address in [
        "/screenshots/0123456789abcdef0123.webp",
        "/screenshots/../db.sqlite3",
        "/screenshots/0123456789abcdef0123.png",
        "/screenshots/ZZ.webp",
    ]:
        assert client.get(address).status_code == 404, address


def test_only_get_and_head_are_answered(client):
    shot = attach(web_step())
    assert client.head(shot.address).status_code == 200
    response = client.post(shot.address)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


def test_a_failing_storage_is_a_503_and_the_checklist_still_renders(client, monkeypatch):
    shot = attach(web_step())

    def broken(*args, **kwargs):
        raise OSError("the bucket is unreachable")

    monkeypatch.setattr(default_storage, "exists", broken)
    response = client.get(shot.address)
    assert response.status_code == 503
    assert response["Retry-After"] == "60" and response["Cache-Control"] == "no-store"
    assert client.get("/checklist/de/web/").status_code == 200


# Keeping them true


def test_the_overview_lists_screenshots_taken_before_their_steps_last_edit(alice):
    step = web_step()
    current = attach(step, language="de")
    older = attach(step, taken_on=TODAY - datetime.timedelta(days=40))
    Step.objects.filter(pk=step.pk).update(updated_at=step.updated_at - datetime.timedelta(days=10))
    page = alice.get("/admin/overview/").content.decode()
    assert f"/admin/walkthroughs/screenshot/{older.pk}/change/" in page
    assert f"/admin/walkthroughs/screenshot/{current.pk}/change/" not in page
    # The step renamed today: both pictures may now show the old label.
    step.text = "Open Privacy."
    step.save()
    page = alice.get("/admin/overview/").content.decode()
    assert f"/admin/walkthroughs/screenshot/{current.pk}/change/" not in page  # taken today
    assert f"/admin/walkthroughs/screenshot/{older.pk}/change/" in page


def test_an_outdated_alt_text_translation_is_on_the_overview(alice):
    shot = translated(attach(web_step()), {"de": {"alt_text": "Die Seite Datenschutz."}})
    shot.alt_text = "The Data privacy page, with the AI setting near the top."
    shot.save()
    page = alice.get("/admin/overview/").content.decode()
    assert f"/admin/walkthroughs/screenshot/{shot.pk}/change/" in page


def test_an_item_with_a_screenshot_is_made_once_for_every_country(client):
    from pagecache import content_version

    shot = attach(web_step())
    austria = client.get("/checklist/at/web/").content.decode()
    belgium = client.get("/checklist/be/web/").content.decode()
    assert shot.address in austria and shot.address in belgium
    assert 'href="/checklist/be/web/report/ai-training/?step=3"' in belgium
    kept = content_version.derived("kept-item-markup", dict)
    assert sum(shot.address in markup for markup in kept.values()) == 1
