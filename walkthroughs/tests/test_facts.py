"""The seeded LinkedIn facts: sources that hold up, dates that mean something, each fact once."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from walkthroughs.checklists import build_checklist
from walkthroughs.directory import find_country
from walkthroughs.models import Action, Source, Step

pytestmark = pytest.mark.django_db

SEEDED = datetime.date(2026, 11, 29)
CHECKED = datetime.date(2026, 12, 1)
SAMPLE = ["us", "de", "gb", "ca", "hk", "br", "re", "je", "cn", "xk"]


def test_every_source_a_published_item_cites_has_an_address_or_a_reason():
    cited = Source.objects.filter(actions__in=Action.objects.published()).distinct()
    assert cited.count() >= 15
    for source in cited:
        assert source.url or source.no_url_reason.strip(), source.title
        assert not source.url or source.url.startswith("https://"), source.title


def test_a_source_without_an_address_needs_a_reason():
    source = Source(title="A leaflet", publisher="Someone")
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "no_url_reason" in error.value.message_dict
    source.no_url_reason = "Handed out at a conference; not online."
    source.full_clean()


def test_linkedins_legal_texts_link_their_own_page_and_the_archived_version():
    erpn = Source.objects.get(url="https://www.linkedin.com/legal/privacy/eu")
    assert erpn.published_on == datetime.date(2026, 8, 21)
    assert "/vlopses-ie-versions/blob/1b38be45" in erpn.archive_url
    california = Source.objects.get(
        url="https://www.linkedin.com/legal/california-privacy-disclosure"
    )
    assert "/vlopses-us-versions/commit/d290d7ce" in california.archive_url
    # The ICO updated its 2024 page instead of publishing a second one.
    assert Source.objects.filter(url__contains="ico.org.uk").count() == 1


def test_the_refreshed_facts_reach_the_page_with_their_sources(client):
    html = client.get("/checklist/gb/web/").content.decode()
    assert "collaborative articles and videos, LinkedIn Learning videos" in html
    assert "Only one source says so" not in html
    assert 'href="https://www.linkedin.com/legal/privacy/eu"' in html
    assert "archived copy</a>" in html
    us = client.get("/checklist/us/web/").content.decode()
    assert "if you once switched off Ads outside of LinkedIn" in us
    assert 'href="https://www.linkedin.com/help/linkedin/answer/a5538339"' in us
    ca = client.get("/checklist/ca/web/").content.decode()
    assert "as served in Canada" in ca


def test_content_dates_are_the_days_the_content_states_not_the_day_it_was_installed():
    for model in (Action, Step):
        for updated_at in model.objects.values_list("updated_at", flat=True):
            # Stamped at noon UTC on a stated day; a migration's own clock never shows.
            assert updated_at.time() == datetime.time(12), model
            assert updated_at.date() in (SEEDED, CHECKED), model
    assert set(Action.objects.values_list("sources_checked_on", flat=True)) == {CHECKED}


def test_the_checklist_shows_when_its_content_changed(client):
    html = client.get("/checklist/de/web/").content.decode()
    assert "Updated on 1 December 2026." in html
    assert "Sources checked on 1 December 2026." in html


def test_an_editors_own_edit_keeps_its_date_when_content_is_restamped(client):
    from django.apps import apps

    from walkthroughs.migrations._content import stamp
    from walkthroughs.tests.factories import editor

    action = Action.objects.get(slug="research")
    action.summary += " (edited)"
    action._history_user = editor()
    action.save()
    edited_at = Action.objects.get(pk=action.pk).updated_at
    assert edited_at.date() == timezone.now().date()

    stamp(apps, Action.objects.all(), SEEDED)
    assert Action.objects.get(pk=action.pk).updated_at == edited_at
    assert Action.objects.get(slug="ai-training").updated_at.date() == SEEDED


def _sentences(text: str) -> list[str]:
    return [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


@pytest.mark.parametrize("code", SAMPLE)
def test_no_item_says_the_same_thing_twice(code):
    for item in build_checklist(find_country(code, "en"), language="en").items:
        texts = [item.summary, item.prior_data, item.still_used, item.reason, *item.checking]
        texts += [warning.text for warning in item.warnings]
        sentences = [s for text in texts for s in _sentences(text)]
        assert len(sentences) == len(set(sentences)), (code, item.slug)


def test_the_us_ad_sharing_item_says_once_what_switching_off_does_and_does_not_do():
    (item,) = [
        i
        for i in build_checklist(find_country("us", "en"), language="en").items
        if i.slug == "ad-sharing"
    ]
    texts = " ".join([item.prior_data, item.still_used, *(w.text for w in item.warnings)])
    assert texts.count("further sharing") == 1
    assert texts.count("Microsoft account") == 1
    assert texts.count("already") <= 2  # what Microsoft already has; a setting already off
