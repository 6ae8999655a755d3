"""Two editors on the same page: the second save on an out-of-date form is refused, not lost."""

import html

import pytest
from django.test import Client

from walkthroughs.models import (
    Action,
    ActionWarning,
    PlaceNote,
    PolicyChange,
    Rollout,
    Source,
    Step,
)

from .factories import editor, form_data

pytestmark = pytest.mark.django_db

AI = "ai-training"


@pytest.fixture
def alice() -> Client:
    client = Client()
    client.force_login(editor("alice"))
    return client


@pytest.fixture
def bob() -> Client:
    client = Client()
    client.force_login(editor("bob"))
    return client


def opened(client: Client, url: str, form_id: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response.content.decode(), form_id)


def save(client: Client, url: str, data: dict, **changes):
    return client.post(url, {**data, **changes})


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_second_save_of_a_step_is_refused_and_shows_the_first(alice, bob):
    step = Step.objects.get(action__slug=AI, surface="web", position=3)
    before = step.text
    url = f"/admin/walkthroughs/step/{step.pk}/change/"
    alices, bobs = opened(alice, url, "step_form"), opened(bob, url, "step_form")

    assert save(alice, url, alices, text="Open Privacy in the menu.").status_code == 302
    refused = save(bob, url, bobs, text="Open Data privacy on the left.")

    assert refused.status_code == 200
    text = page_text(refused)
    assert "Not saved: alice changed step" in text
    assert f"Text: theirs “Open Privacy in the menu.”, before “{before}”." in text
    step.refresh_from_db()
    assert step.text == "Open Privacy in the menu."
    # Bob's own words are still in the form, and saving them again is a choice he makes.
    again = form_data(refused.content.decode(), "step_form")
    assert again["text"] == "Open Data privacy on the left."
    assert save(bob, url, again).status_code == 302
    step.refresh_from_db()
    assert step.text == "Open Data privacy on the left."


@pytest.fixture
def alice_changed_the_first_step(alice, bob):
    """Both open the item's page; Alice saves a new first web step. Bob's page is old now."""
    action = Action.objects.get(slug=AI)
    url = f"/admin/walkthroughs/action/{action.pk}/change/"
    steps = list(action.steps.filter(surface="web").order_by("position"))
    alices, bobs = opened(alice, url, "action_form"), opened(bob, url, "action_form")
    response = save(alice, url, alices, **{"steps-web-0-text": "Alice's first step."})
    assert response.status_code == 302
    return url, steps, bobs


def test_a_step_changed_in_its_item_page_is_not_overwritten_from_an_old_one(
    bob, alice_changed_the_first_step
):
    url, steps, bobs = alice_changed_the_first_step
    refused = save(bob, url, bobs, **{"steps-web-0-text": "Bob's first step."})

    assert refused.status_code == 200
    assert "Not saved: alice changed step" in page_text(refused)
    assert "theirs “Alice's first step.”" in page_text(refused)
    steps[0].refresh_from_db()
    assert steps[0].text == "Alice's first step."


def test_two_editors_changing_different_steps_of_one_item_both_keep_their_change(
    bob, alice_changed_the_first_step
):
    url, steps, bobs = alice_changed_the_first_step
    assert save(bob, url, bobs, **{"steps-web-1-text": "Bob's second step."}).status_code == 302

    assert Step.objects.get(pk=steps[0].pk).text == "Alice's first step."
    assert Step.objects.get(pk=steps[1].pk).text == "Bob's second step."


def test_the_second_save_of_a_translation_is_refused(alice, bob):
    action = Action.objects.get(slug=AI)
    url = f"/admin/walkthroughs/action/{action.pk}/change/"
    alices, bobs = opened(alice, url, "action_form"), opened(bob, url, "action_form")

    assert save(alice, url, alices, tr__fr__title="Désactivez l'entraînement").status_code == 302
    refused = save(bob, url, bobs, tr__fr__title="Coupez l'entraînement de l'IA")

    assert refused.status_code == 200
    assert "Title (Français): theirs “Désactivez l'entraînement”" in page_text(refused)
    action.refresh_from_db()
    assert action.translations["fr"]["title"] == "Désactivez l'entraînement"


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Rollout, "name"),
        (PolicyChange, "title"),
        (PlaceNote, "text"),
        (Source, "title"),
        (ActionWarning, "text"),
    ],
)
def test_every_content_page_refuses_a_save_on_an_old_form(alice, bob, model, field):
    obj = model.objects.order_by("pk").first()
    name = model._meta.model_name
    url = f"/admin/walkthroughs/{name}/{obj.pk}/change/"
    alices, bobs = opened(alice, url, f"{name}_form"), opened(bob, url, f"{name}_form")

    assert save(alice, url, alices, **{field: "Alice's version"}).status_code == 302
    refused = save(bob, url, bobs, **{field: "Bob's version"})

    assert refused.status_code == 200
    assert "theirs “Alice's version”" in page_text(refused)
    obj.refresh_from_db()
    assert getattr(obj, field) == "Alice's version"


def test_a_save_after_an_unrelated_change_elsewhere_goes_through(alice, bob):
    step, other = Step.objects.filter(action__slug=AI, surface="web").order_by("position")[:2]
    url = f"/admin/walkthroughs/step/{step.pk}/change/"
    bobs = opened(bob, url, "step_form")
    other_url = f"/admin/walkthroughs/step/{other.pk}/change/"
    assert (
        save(alice, other_url, opened(alice, other_url, "step_form"), text="Other.").status_code
        == 302
    )

    assert save(bob, url, bobs, text="Bob's step.").status_code == 302
    step.refresh_from_db()
    assert step.text == "Bob's step."


def test_a_tampered_version_is_refused_with_a_message(bob):
    step = Step.objects.get(action__slug=AI, surface="web", position=3)
    url = f"/admin/walkthroughs/step/{step.pk}/change/"
    data = opened(bob, url, "step_form")
    data["edit_base"] = "forged"
    response = save(bob, url, data, text="Bob's step.")
    assert response.status_code == 200
    assert "reload the page" in page_text(response)
    step.refresh_from_db()
    assert step.text != "Bob's step."
