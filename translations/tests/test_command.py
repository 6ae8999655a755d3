"""The translators' command: export, import and status over every translatable model."""

import json

import pytest
from django.core.management import call_command

from translations import store
from walkthroughs.models import Action, PlaceNote, Step

pytestmark = pytest.mark.django_db


def test_every_model_with_translatable_fields_takes_part():
    models = store.translatable_models()
    assert {PlaceNote, Action, Step} <= set(models)
    assert all(hasattr(model, "TRANSLATABLE") for model in models)


def test_export_then_import_fills_what_is_missing(capsys, tmp_path):
    action = Action.objects.get(slug="ai-training")
    action.translations["fr"].pop("summary")
    action.save()
    call_command("translations", "export", "fr")
    strings = json.loads(capsys.readouterr().out)["strings"]
    assert strings[action.summary] == ""
    # Screen labels are never exported: they are the service's own words.
    assert action.setting_label not in strings

    strings[action.summary] = "Un nouveau résumé."
    exported = tmp_path / "fr.json"
    exported.write_text(json.dumps({"strings": strings}))
    call_command("translations", "import", "fr", str(exported))
    action.refresh_from_db()
    assert store.get(action, "summary", "fr") == ("Un nouveau résumé.", True)


def test_status_counts_what_is_left(capsys):
    Step.objects.filter(action__slug="ai-training", surface="web", position=1).update(
        translations={}
    )
    call_command("translations", "status", "fr")
    assert capsys.readouterr().out.strip() == "fr: 1 missing, 0 outdated"
