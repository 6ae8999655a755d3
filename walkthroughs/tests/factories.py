"""Tiny helpers for tests: content, users and admin form data."""

import datetime
from html.parser import HTMLParser

from django.contrib.auth.models import Group, User

from regions.models import Country, Region
from translations import store as tr
from walkthroughs.models import (
    Action,
    Platform,
    PolicyChange,
    Rollout,
    RolloutRegion,
    Step,
)


def platform(slug: str = "acme", **fields) -> Platform:
    return Platform.objects.create(slug=slug, name=fields.pop("name", slug.title()), **fields)


def region(slug: str, *codes: str, **fields) -> Region:
    made = Region.objects.create(slug=slug, name=fields.pop("name", f"Region {slug}"), **fields)
    made.countries.set(Country.objects.filter(code__in=codes))
    return made


def policy_change(on: Platform, slug: str = "ai-training", **fields) -> PolicyChange:
    fields.setdefault("title", "AI training")
    fields.setdefault("summary", "Trains AI on members' posts.")
    fields.setdefault("exclusion_note", "the change leaves this country out.")
    return PolicyChange.objects.create(platform=on, slug=slug, **fields)


def rollout(
    change: PolicyChange,
    include: tuple[Region, ...] = (),
    exclude: tuple[Region, ...] = (),
    **fields,
) -> Rollout:
    fields.setdefault("name", f"Rollout {Rollout.objects.count() + 1}")
    fields.setdefault("effective_on", datetime.date(2025, 11, 3))
    fields.setdefault("prior_data", "Data from before stays in trained models.")
    made = Rollout.objects.create(policy_change=change, **fields)
    for effect, regions in (
        (RolloutRegion.Effect.INCLUDE, include),
        (RolloutRegion.Effect.EXCLUDE, exclude),
    ):
        for rule in regions:
            RolloutRegion.objects.create(rollout=made, region=rule, effect=effect)
    return made


def translated(row, translations: dict[str, dict[str, str]]):
    """The row with these translations, made from its current English (as editors do)."""
    for language, fields in translations.items():
        for field, text in fields.items():
            tr.set_translation(row, language, field, text)
    if translations:
        row.save(update_fields=["translations"])
    return row


def action(on: Platform, slug: str = "switch-off", **fields) -> Action:
    fields.setdefault("title", f"Switch off {slug}")
    fields.setdefault("summary", "Why it matters.")
    fields.setdefault("choose", "Off")
    fields.setdefault("default_state", "on" if fields.get("kind", "setting") == "setting" else "")
    translations = fields.pop("translations", {})
    return translated(Action.objects.create(platform=on, slug=slug, **fields), translations)


def step(of: Action, surface: str = "web", position: int = 1, **fields) -> Step:
    fields.setdefault("text", f"Step {position} on {surface}.")
    translations = fields.pop("translations", {})
    made = Step.objects.create(action=of, surface=surface, position=position, **fields)
    return translated(made, translations)


def editor(username: str = "editor") -> User:
    user = User.objects.create_user(username, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


class _FormParser(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, str | list[str]] = {}
        self._select: str | None = None
        self._multiple = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self._multiple = "multiple" in attrs
            self.data.setdefault(name, [] if self._multiple else "")
        elif tag == "option" and self._select and "selected" in attrs:
            if self._multiple:
                self.data[self._select].append(attrs.get("value", ""))
            else:
                self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            # Browsers drop the newline that follows <textarea>.
            text = data if self.data[self._textarea] else data.removeprefix("\n")
            self.data[self._textarea] += text


def form_data(html: str, form_id: str) -> dict[str, str | list[str]]:
    """The values a browser would submit from the form with this id, as rendered."""
    parser = _FormParser(form_id)
    parser.feed(html)
    return parser.data
