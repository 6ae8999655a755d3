"""An editor limited to the services they keep (a group per service) sees and edits theirs
only; the Editors group and administrators keep every service."""

import re

import pytest
from django.contrib.auth.models import Group, User

from regions.models import Country
from walkthroughs import renames
from walkthroughs.models import (
    Action,
    ActionWarning,
    ChangeNote,
    PlaceNote,
    Platform,
    PolicyChange,
    Report,
    Rollout,
    Step,
)

from .factories import editor, form_data, policy_change, rollout, step

pytestmark = pytest.mark.django_db


def service_editor(*names: str, username: str = "chatgpt-editor") -> User:
    user = User.objects.create_user(username, password="a-long-test-password", is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=[f"Editors: {name}" for name in names]))
    return user


@pytest.fixture
def chatgpt(client):
    client.force_login(service_editor("ChatGPT"))
    return client


def item(slug: str) -> Action:
    return Action.objects.filter(platform__slug=slug, draft_of__isnull=True).first()


def change_of(slug: str) -> PolicyChange:
    return PolicyChange.objects.filter(platform__slug=slug).first() or policy_change(
        Platform.objects.get(slug=slug)
    )


def row_of(model, slug: str):
    """One row of this kind for the service, the seeded one or one made here."""
    first = item(slug)
    made = {
        Action: lambda: first,
        Step: lambda: Step.objects.filter(action=first).first(),
        ActionWarning: lambda: ActionWarning.objects.create(action=first, text="Careful."),
        PolicyChange: lambda: change_of(slug),
        Rollout: lambda: (
            Rollout.objects.filter(policy_change__platform__slug=slug).first()
            or rollout(change_of(slug))
        ),
        PlaceNote: lambda: (
            PlaceNote.objects.filter(platform__slug=slug).first()
            or PlaceNote.objects.create(
                platform=first.platform, text="A note.", country=Country.objects.get(code="is")
            )
        ),
        Report: lambda: Report.objects.create(
            action=first, country=Country.objects.get(code="de"), surface="web", what_they_see="x"
        ),
        ChangeNote: lambda: ChangeNote.objects.create(
            action=first, item_title=first.title, note="Changed."
        ),
    }[model]()
    assert made is not None
    return made


def admin_url(obj, view: str = "change") -> str:
    meta = obj._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/{view}/"


def listed(client, model) -> set[int]:
    meta = model._meta
    response = client.get(f"/admin/{meta.app_label}/{meta.model_name}/")
    assert response.status_code == 200
    return set(response.context["cl"].queryset.values_list("pk", flat=True))


def test_every_service_has_its_group_with_the_editors_permissions():
    editors = set(Group.objects.get(name="Editors").permissions.all())
    for platform in Platform.objects.all():
        (group,) = platform.editor_groups.all()
        assert group.name == f"Editors: {platform.name}"
        assert set(group.permissions.all()) == editors
    assert Platform.objects.count() == 10


MODELS = [Action, Step, ActionWarning, PolicyChange, Rollout, PlaceNote, Report, ChangeNote]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_an_editor_of_chatgpt_sees_and_opens_only_chatgpts_rows(chatgpt, model):
    theirs, other = row_of(model, "chatgpt"), row_of(model, "linkedin")
    pks = listed(chatgpt, model)
    assert theirs.pk in pks and other.pk not in pks
    assert chatgpt.get(admin_url(theirs)).status_code == 200
    for view in ("change", "history", "delete"):
        assert chatgpt.get(admin_url(other, view)).status_code == 403
    assert chatgpt.post(admin_url(other), {}).status_code == 403


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_the_editors_group_and_administrators_see_every_service(client, admin_user, model):
    rows = [row_of(model, "chatgpt"), row_of(model, "linkedin")]
    for user in (editor(), admin_user):
        client.force_login(user)
        assert {row.pk for row in rows} <= listed(client, model)
        assert client.get(admin_url(rows[1])).status_code == 200


def test_an_editor_of_chatgpt_edits_chatgpts_item(chatgpt):
    theirs = item("chatgpt")
    url = admin_url(theirs)
    data = form_data(chatgpt.get(url).content.decode(), "action_form")
    data["title"] = "A better title"
    assert chatgpt.post(url, data).status_code == 302
    theirs.refresh_from_db()
    assert theirs.title == "A better title"


def test_a_forged_post_cannot_move_an_item_to_another_service(chatgpt):
    theirs = item("chatgpt")
    url = admin_url(theirs)
    data = form_data(chatgpt.get(url).content.decode(), "action_form")
    linkedin = Platform.objects.get(slug="linkedin")
    data.update(platform=str(linkedin.pk), title="Moved")
    response = chatgpt.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.platform.slug == "chatgpt" and theirs.title != "Moved"


def test_forms_offer_only_the_editors_services(chatgpt):
    change_of("chatgpt")
    form = chatgpt.get("/admin/walkthroughs/action/add/").context["adminform"].form
    assert [p.slug for p in form.fields["platform"].queryset] == ["chatgpt"]
    assert set(form.fields["policy_change"].queryset.values_list("platform__slug", flat=True)) == {
        "chatgpt"
    }
    form = chatgpt.get("/admin/walkthroughs/step/add/").context["adminform"].form
    assert set(form.fields["action"].queryset.values_list("platform__slug", flat=True)) == {
        "chatgpt"
    }


def test_a_forged_post_cannot_add_content_to_another_service(chatgpt):
    linkedin = item("linkedin")
    steps = Step.objects.count()
    response = chatgpt.post(
        "/admin/walkthroughs/step/add/",
        {"action": linkedin.pk, "surface": "web", "position": 99, "text": "Forged."},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Step.objects.count() == steps
    notes = ChangeNote.objects.count()
    response = chatgpt.post(
        "/admin/walkthroughs/changenote/add/",
        {"item_title": "Everyone's", "note": "Forged.", "changed_on": "2026-01-01"},
    )
    # An entry about no item belongs to every service: not for an editor of one.
    assert response.status_code == 200 and ChangeNote.objects.count() == notes
    assert list(response.context["adminform"].form.errors) == ["action"]


def choices(client, url: str, field: str) -> set[int]:
    specs = client.get(url).context["cl"].filter_specs
    (spec,) = [spec for spec in specs if getattr(spec, "field_path", "") == field]
    return {pk for pk, _ in spec.lookup_choices}


def test_list_filters_name_only_the_editors_services(client):
    client.force_login(service_editor("ChatGPT", "Claude"))
    ours = {change_of("chatgpt").platform_id, change_of("claude").platform_id}
    change_of("linkedin")
    assert choices(client, "/admin/walkthroughs/policychange/", "platform") == ours
    steps = choices(client, "/admin/walkthroughs/step/", "action")
    assert item("chatgpt").pk in steps and item("linkedin").pk not in steps
    assert set(Action.objects.filter(pk__in=steps).values_list("platform__slug", flat=True)) <= {
        "chatgpt",
        "claude",
    }


def test_bad_ids_are_refused_plainly(chatgpt):
    for bad in ("999999", "not-a-number"):
        response = chatgpt.get(f"/admin/walkthroughs/action/{bad}/change/")
        assert response.status_code in (302, 404)
    linkedin = item("linkedin")
    response = chatgpt.post(f"/admin/walkthroughs/action/{linkedin.pk}/verify/web/")
    assert response.status_code == 403
    assert not linkedin.verifications.exists()


def test_a_list_action_cannot_reach_another_services_items(chatgpt):
    linkedin, theirs = item("linkedin"), item("chatgpt")
    chatgpt.post(
        "/admin/walkthroughs/action/",
        {"action": "verify_web", "_selected_action": [linkedin.pk, theirs.pk]},
    )
    assert not linkedin.verifications.exists()
    assert theirs.verifications.exists()


def test_the_overview_shows_only_the_editors_services(chatgpt, client, admin_user):
    linkedin, theirs = item("linkedin"), item("chatgpt")
    Action.objects.filter(pk__in=[linkedin.pk, theirs.pk]).update(confidence="uncertain")
    html = chatgpt.get("/admin/overview/").content.decode()
    assert admin_url(theirs) in html and admin_url(linkedin) not in html
    client.force_login(admin_user)
    html = client.get("/admin/overview/").content.decode()
    assert admin_url(theirs) in html and admin_url(linkedin) in html


def test_a_rename_by_an_editor_of_chatgpt_touches_chatgpt_only(chatgpt):
    ours = step(item("chatgpt"), position=99, text="Tap Old switch.", ui_label="Old switch")
    theirs = step(item("linkedin"), position=99, text="Tap Old switch.", ui_label="Old switch")
    data = {"old": "Old switch", "new": "New switch", "note": "ChatGPT renamed Old switch."}
    url = "/admin/walkthroughs/action/rename-label/"
    html = chatgpt.post(url, {**data, "preview": "1"}).content.decode()
    token = re.search(r'name="previewed" value="([^"]+)"', html).group(1)
    assert "Tap Old switch." in html
    assert chatgpt.post(url, {**data, "apply": "1", "previewed": token}).status_code == 302
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert (ours.ui_label, ours.text) == ("New switch", "Tap New switch.")
    assert (theirs.ui_label, theirs.text) == ("Old switch", "Tap Old switch.")
    kept = Platform.objects.filter(slug="chatgpt")
    assert (
        renames.plan_link(item("linkedin").deep_link or "x", "https://e.example/", platforms=kept)
        == []
    )


def test_the_search_box_of_a_choice_offers_only_the_editors_services(chatgpt):
    ours, other = change_of("chatgpt"), change_of("linkedin")
    response = chatgpt.get(
        "/admin/autocomplete/",
        {"app_label": "walkthroughs", "model_name": "action", "field_name": "policy_change"},
    )
    found = {int(result["id"]) for result in response.json()["results"]}
    assert ours.pk in found and other.pk not in found
