"""An item's markup is made once and served again to every checklist that shows the item
the same way: each page must still read as its own country, language, device and
service, and an editor's change must show on the next page made."""

import re

import pytest
from django.template import Context, Template

from walkthroughs.checklists import build_checklist
from walkthroughs.directory import find_country
from walkthroughs.models import Step

pytestmark = pytest.mark.django_db


def html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_countries_that_share_an_item_each_get_their_own_name_and_links(client):
    austria = html(client, "/checklist/at/web/")
    belgium = html(client, "/checklist/be/web/")
    assert "Since 3 November 2025 in Austria" in austria
    assert "Since 3 November 2025 in Belgium" in belgium
    assert "Austria" not in belgium.replace('<option value="at">Austria</option>', "")
    assert 'href="/checklist/be/web/report/ai-training/?step=1"' in belgium
    assert "/checklist/at/" not in belgium


def test_languages_and_devices_each_get_their_own_text(client):
    french = html(client, "/fr/checklist/be/web/")
    german = html(client, "/de/checklist/be/web/")
    assert "Depuis le 3 novembre 2025 (Belgique)" in french
    assert "Seit dem 3. November 2025 in Belgien" in german
    assert 'href="/fr/checklist/be/web/report/ai-training/?step=1"' in french
    assert 'href="/de/checklist/be/web/report/ai-training/?step=1"' in german
    web_steps = re.findall(r'<ol class="steps">.*?</ol>', html(client, "/checklist/at/web/"), re.S)
    ios_steps = re.findall(r'<ol class="steps">.*?</ol>', html(client, "/checklist/be/ios/"), re.S)
    assert web_steps and ios_steps and web_steps != ios_steps


def test_a_country_whose_treatment_is_unsure_says_so_and_its_neighbours_do_not(client):
    before = html(client, "/checklist/af/web/")
    aruba = html(client, "/checklist/aw/web/")
    after = html(client, "/checklist/ag/web/")
    items = "".join(re.findall(r'<ol class="items".*?\n  </ol>', aruba, re.S))
    assert "We are not sure how LinkedIn treats members in Aruba." in items
    assert "We are not sure how LinkedIn treats members" not in before + after


def test_a_plan_section_keeps_its_prefixed_ids_beside_the_checklist(client):
    checklist = html(client, "/checklist/de/android/")
    plan = html(client, "/plan/de/android/linkedin+facebook/")
    again = html(client, "/checklist/at/android/")
    assert 'id="ai-training"' in checklist and 'id="ai-training"' in again
    assert 'id="linkedin-ai-training"' in plan and 'id="ai-training"' not in plan


def test_an_edited_step_shows_on_the_next_checklist_made(
    client, django_capture_on_commit_callbacks
):
    assert "Open the menu, then Settings" not in html(client, "/checklist/at/web/")
    step = Step.objects.get(action__slug="ai-training", surface="web", position=1)
    step.text = "Open the menu, then Settings."
    with django_capture_on_commit_callbacks(execute=True):
        step.save()
    # Belgium's checklist was never cached: it is made now, with Austria's items unchanged
    # but for this step.
    belgium = html(client, "/checklist/be/web/")
    assert "Open the menu, then Settings." in belgium


def test_markup_that_reads_what_the_key_does_not_hold_is_made_for_each_page():
    template = Template(
        "{% load guide %}{% keep_item %}{{ item.slug }} {{ visitor }} "
        "{{ country.in_sentence }} {{ forloop.counter }}{% endkeep_item %}"
    )
    item = build_checklist(find_country("at"), "web", language="en").items[0]
    first = template.render(Context({"item": item, "visitor": "Ada", "forloop": {"counter": 1}}))
    second = template.render(
        Context({"item": item, "visitor": "Bo", "forloop": {"counter": 2}, "country": None})
    )
    assert first == f"{item.slug} Ada  1"
    assert second == f"{item.slug} Bo  2"
    shared = Template("{% load guide %}{% keep_item %}{{ country.in_sentence }}{% endkeep_item %}")
    austria, belgium = (
        shared.render(Context({"item": item, "country": find_country(code)}))
        for code in ("at", "be")
    )
    assert (austria, belgium) == ("Austria", "Belgium")
