"""The checklist engine's rules, on made-up content: a platform of its own, its own regions."""

import datetime

import pytest
from django.utils import translation

from walkthroughs import drafts
from walkthroughs.checklists import build_checklist
from walkthroughs.directory import Place
from walkthroughs.models import Action, Confidence, Screenshot, Surface, WarningKind

from . import factories

pytestmark = pytest.mark.django_db

GERMANY = Place(code="de", name="Germany", in_sentence="Germany")
JAPAN = Place(code="jp", name="Japan", in_sentence="Japan")
US = Place(code="us", name="United States", in_sentence="the United States")
EARLY = datetime.date(2024, 9, 18)
LATE = datetime.date(2025, 11, 3)


@pytest.fixture
def acme():
    return factories.platform("acme")


@pytest.fixture
def regions():
    return {
        "europe": factories.region("test-europe", "de", "fr"),
        "world": factories.region("test-world", "de", "fr", "us", "jp"),
    }


def build(place: Place, surface: str | None = None, **options):
    return build_checklist(
        place, surface, language=options.pop("language", "en"), platform="acme", **options
    )


def items(place: Place, surface: str | None = None, **options) -> dict:
    return {item.slug: item for item in build(place, surface, **options).items}


def test_an_item_without_a_policy_change_applies_everywhere(acme):
    factories.action(acme, "everyone")
    item = items(JAPAN)["everyone"]
    assert item.applies and item.applies_since is None
    assert item.reason == "Every member has this setting, wherever they live."


def test_the_earliest_reaching_rollout_decides_since_when_and_the_default(acme, regions):
    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["world"]], effective_on=LATE, default_state="on")
    factories.rollout(change, include=[regions["europe"]], effective_on=EARLY, default_state="off")
    factories.action(acme, "ai", policy_change=change, default_state="on")
    germany, us = items(GERMANY)["ai"], items(US)["ai"]
    assert (germany.applies_since, germany.default_state) == (EARLY, "off")
    assert (us.applies_since, us.default_state) == (LATE, "on")
    assert germany.reason == "Applies in Germany since 18 September 2024."
    assert us.reason == "Applies in the United States since 3 November 2025."


def test_an_excluded_region_wins_over_an_included_one(acme, regions):
    change = factories.policy_change(acme, exclusion_note="Europe is left out.")
    factories.rollout(change, include=[regions["world"]], exclude=[regions["europe"]])
    factories.action(acme, "ads", policy_change=change)
    germany = items(GERMANY)["ads"]
    assert not germany.applies and germany.applies_since is None
    assert germany.reason == "Not in Germany: Europe is left out."
    assert germany.prior_data == ""
    assert items(JAPAN)["ads"].applies


def test_a_change_with_no_rollout_reaching_applies_nowhere(acme, regions):
    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["europe"]])
    factories.action(acme, "form", kind=Action.Kind.FORM, policy_change=change)
    assert not items(JAPAN)["form"].applies
    assert items(GERMANY)["form"].applies


def test_a_form_has_no_default_state_whatever_the_rollout_says(acme, regions):
    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["world"]], default_state="on")
    factories.action(acme, "form", kind=Action.Kind.FORM, policy_change=change)
    assert items(GERMANY)["form"].default_state == ""


def test_confidence_is_the_weakest_link_and_only_unconfirmed_rollouts_say_what_is_checked(
    acme, regions
):
    change = factories.policy_change(acme)
    factories.rollout(
        change,
        include=[regions["europe"]],
        confidence=Confidence.UNCERTAIN,
        checking_note="Is it live in Europe?",
    )
    factories.rollout(
        change, include=[regions["world"]], exclude=[regions["europe"]], checking_note="Unshown."
    )
    factories.action(acme, "ai", policy_change=change, setting_label_confidence=Confidence.SINGLE)
    germany, japan = items(GERMANY)["ai"], items(JAPAN)["ai"]
    assert germany.confidence == Confidence.UNCERTAIN and germany.unverified
    assert germany.checking == [
        "We are not sure of the setting's exact name on screen.",
        "Is it live in Europe?",
    ]
    assert japan.confidence == Confidence.SINGLE
    assert japan.checking == ["We are not sure of the setting's exact name on screen."]


def test_a_rollout_note_is_a_warning_after_the_items_own(acme, regions):
    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["europe"]], note="Only here: a second use.")
    ai = factories.action(acme, "ai", policy_change=change)
    ai.warnings.create(kind=WarningKind.NOT_RETROACTIVE, text="Not retroactive.")
    warnings = [(w.kind, w.text) for w in items(GERMANY)["ai"].warnings]
    assert warnings == [
        (WarningKind.NOT_RETROACTIVE, "Not retroactive."),
        (WarningKind.OTHER, "Only here: a second use."),
    ]


def test_items_that_apply_come_first_each_group_in_priority_order(acme, regions):
    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["europe"]])
    factories.action(acme, "first", position=1)
    factories.action(acme, "second", position=2, policy_change=change)
    factories.action(acme, "third", position=3)
    factories.action(acme, "extra", position=0, optional=True)
    assert [item.slug for item in build(JAPAN).items] == ["first", "third", "extra", "second"]
    assert [item.slug for item in build(GERMANY).items] == ["first", "second", "third", "extra"]


def test_steps_cover_the_chosen_surface_or_every_surface(acme):
    switch = factories.action(acme, "switch")
    factories.step(switch, "web", 2, text="Second.")
    factories.step(switch, "web", 1, text="First.")
    factories.step(switch, "ios", 1, text="On the phone.")
    web = items(GERMANY, Surface.WEB)["switch"]
    assert list(web.steps) == ["web"]
    assert [step.text for step in web.only_steps] == ["First.", "Second."]
    every = items(GERMANY)["switch"]
    assert list(every.steps) == Surface.values
    assert every.steps["android"] == []


def test_the_latest_change_to_an_item_or_its_steps_is_its_update(acme):
    switch = factories.action(acme, "switch")
    later = factories.step(switch, "web", 1)
    assert items(GERMANY, Surface.WEB)["switch"].updated_at == later.updated_at
    assert items(GERMANY, Surface.IOS)["switch"].updated_at == switch.updated_at


def test_unpublished_items_and_drafts_are_only_previewed(acme):
    factories.action(acme, "hidden", is_published=False)
    live = factories.action(acme, "live", title="Published title")
    draft = drafts.start_draft(live)
    draft.title = "Draft title"
    draft.save()
    assert [item.title for item in build(GERMANY).items] == ["Published title"]
    # A preview shows the drafts in place of their originals, and items not yet published.
    previewed = [item.title for item in build(GERMANY, preview=True).items]
    assert previewed == ["Switch off hidden", "Draft title"]


def test_another_platforms_content_is_never_mixed_in(acme):
    factories.action(acme, "ours")
    assert list(items(GERMANY)) == ["ours"]
    linkedin = build_checklist(GERMANY, language="en")
    assert "ours" not in {item.slug for item in linkedin.items}


def test_the_language_given_decides_whatever_is_active(acme, regions):
    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["europe"]])
    switch = factories.action(
        acme,
        "switch",
        policy_change=change,
        translations={"fr": {"title": "Désactiver"}},
    )
    factories.step(switch, translations={"fr": {"text": "Ouvrir."}})
    place = Place(code="de", name="Allemagne", in_sentence="Allemagne")
    with translation.override("de"):
        item = items(place, language="fr")["switch"]
    assert item.title == "Désactiver"
    assert item.reason == "S'applique depuis le 3 novembre 2025 (Allemagne)."
    # The summary has no French yet: English, and the item says so.
    assert item.summary == "Why it matters." and item.untranslated
    assert not items(GERMANY)["switch"].untranslated


def test_screen_labels_in_other_languages_only_where_known(acme):
    switch = factories.action(
        acme,
        "switch",
        setting_label="Data for AI",
        translations={"nl": {"setting_label": "Gegevens voor AI"}},
    )
    factories.step(switch, ui_label="Privacy", translations={"nl": {"ui_label": "Privé"}})
    dutch = items(GERMANY, Surface.WEB, language="nl")["switch"]
    assert (dutch.setting_label, dutch.setting_label_local) == ("Data for AI", "Gegevens voor AI")
    assert dutch.only_steps[0].ui_label_local == "Privé"
    french = items(GERMANY, Surface.WEB, language="fr")["switch"]
    assert french.setting_label_local == "" and french.only_steps[0].ui_label_local == ""
    english = items(GERMANY, Surface.WEB)["switch"]
    assert english.setting_label_local == ""


def test_six_queries_whatever_the_amount_of_content(acme, regions, django_assert_num_queries):
    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["world"]])
    first = factories.action(acme, "first", policy_change=change)
    factories.step(first)
    with django_assert_num_queries(6):
        build(GERMANY)
    for position in range(2, 30):
        step = factories.step(first, "web", position)
        factories.step(factories.action(acme, f"more-{position}", policy_change=change))
        Screenshot.objects.create(
            step=step, image=f"screenshots/{position:020x}.webp", width=1, height=1,
            fallback=f"screenshots/{position:020x}.jpg", alt_text="A screen.",
            taken_on=datetime.date(2026, 11, 30),
        )  # fmt: skip
        factories.rollout(change, include=[regions["europe"]])
    with django_assert_num_queries(6):
        assert len(build(GERMANY, Surface.WEB).items) == 29


def test_kept_rollouts_reach_the_countries_the_query_finds(acme, regions):
    from walkthroughs import published
    from walkthroughs.models import Rollout

    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["world"]], exclude=[regions["europe"]])
    factories.rollout(change, include=[regions["europe"]])
    for code in ("de", "fr", "us", "jp", "gb", "ch", "ca", "re", "xk", "cn"):
        kept = {rollout.pk for rollout in published.rollouts_reaching(code)}
        assert kept == set(Rollout.objects.reaching(code).values_list("pk", flat=True)), code


def test_a_checklist_from_kept_content_queries_nothing(acme, regions, django_assert_num_queries):
    from walkthroughs import published

    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["world"]], exclude=[regions["europe"]])
    factories.step(factories.action(acme, "first", policy_change=change))

    def kept(place: Place):
        return build(
            place,
            Surface.WEB,
            actions=published.actions((Surface.WEB,), "acme"),
            rollouts=published.rollouts_reaching(place.code),
        )

    assert [item.applies for item in kept(US).items] == [True]
    with django_assert_num_queries(0):
        assert [item.applies for item in kept(GERMANY).items] == [False]
        assert [item.applies for item in kept(JAPAN).items] == [True]


def test_a_doubt_about_the_place_marks_every_item_that_depends_on_it_once(acme, regions):
    from walkthroughs.directory import Note

    change = factories.policy_change(acme)
    factories.rollout(change, include=[regions["world"]])
    factories.action(acme, "ai", policy_change=change)
    factories.action(acme, "everyone")
    doubtful = Place(
        code="jp",
        name="Japan",
        in_sentence="Japan",
        notes=(
            Note(platform="acme", is_notice=False, text="It may count as Europe."),
            Note(platform="other", is_notice=False, text="Not about this platform."),
            Note(platform="acme", is_notice=True, text="Read this first."),
        ),
    )
    checklist = build(doubtful)
    found = {item.slug: item for item in checklist.items}
    lead = "We are not sure how Acme treats members in Japan. It may count as Europe."
    assert found["ai"].place_note == lead
    assert found["ai"].checking.count(lead) == 1
    assert found["ai"].confidence == Confidence.UNCERTAIN
    # An item every member has does not depend on where they live.
    assert not found["everyone"].place_note
    assert found["everyone"].confidence == Confidence.CONFIRMED
    assert checklist.notices == ("Read this first.",)
    assert checklist.doubts == ("It may count as Europe.",)
