"""The checklist engine: what a member in one country must do, on which surface.

A pure function of its arguments and the content in the database: it reads no cache and
no request, takes the language as an argument (never the caller's active one), and
returns plain data.
"""

import dataclasses
import datetime

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from languages.cldr import list_of, long_date
from translations import store as tr

from .directory import Place
from .models import (
    Action,
    ActionWarning,
    Confidence,
    Rollout,
    Step,
    Surface,
    WarningKind,
    weakest,
)

# The service the site began with: its addresses are the short ones (/checklist/<cc>/…),
# and a page or an API call that names no service means it.
PLATFORM = "linkedin"


@dataclasses.dataclass(frozen=True)
class ScreenshotData:
    """How a step looked, as a visitor's page shows it: the files, the words, the date."""

    address: str
    fallback_address: str
    width: int
    height: int
    alt_text: str
    # The language of the alt text when it is not the page's (English, as a fallback).
    alt_language: str
    taken_on: datetime.date
    # The picture shows the service's English screen to a visitor in another language.
    english_screen: bool

    @property
    def tall(self) -> bool:
        """A phone's screen, shown narrower than the page so that it fits on a screen."""
        return self.height > self.width


@dataclasses.dataclass(frozen=True)
class StepData:
    position: int
    text: str
    # LinkedIn's label in English, and in the visitor's language where it is known.
    ui_label: str
    confidence: str
    ui_label_local: str = ""
    # Fields shown in English because the English changed after their translation.
    outdated_fields: tuple[str, ...] = ()
    screenshot: ScreenshotData | None = None

    @property
    def outdated(self) -> bool:
        return bool(self.outdated_fields)

    @property
    def screen_label(self) -> str:
        """The label as the visitor's LinkedIn shows it, where known, else in English."""
        return self.ui_label_local or self.ui_label

    @property
    def quotes_english_label(self) -> bool:
        """The text already names LinkedIn's English label: no need to repeat it beside."""
        return bool(self.ui_label) and not self.ui_label_local and self.ui_label in self.text

    @property
    def quotes_local_label(self) -> bool:
        """The text already names the label as the visitor's LinkedIn shows it: beside it,
        only the English is new."""
        return bool(self.ui_label_local) and self.ui_label_local in self.text


@dataclasses.dataclass(frozen=True)
class WarningData:
    kind: str
    text: str

    @property
    def label(self) -> str:
        return WarningKind(self.kind).label


@dataclasses.dataclass(frozen=True)
class SourceData:
    title: str
    publisher: str
    url: str
    archive_url: str = ""
    no_url_reason: str = ""


@dataclasses.dataclass(frozen=True)
class Item:
    slug: str
    kind: str
    title: str
    summary: str
    optional: bool
    applies: bool
    applies_since: datetime.date | None
    reason: str
    default_state: str
    choose: str
    setting_label: str
    setting_label_confidence: str
    deep_link: str
    warnings: list[WarningData]
    prior_data: str
    still_used: str
    confidence: str
    checking: list[str]
    sources_checked_on: datetime.date | None
    last_verified_on: datetime.date | None
    # Per surface: the day its steps were last all followed on a live account, if ever.
    verified_on: dict[str, datetime.date | None]
    # The latest change to the item or any of its steps shown.
    updated_at: datetime.datetime
    sources: list[SourceData]
    steps: dict[str, list[StepData]]
    # LinkedIn's label of the setting in the visitor's language, where it is known.
    setting_label_local: str = ""
    # Some visitor-facing text is shown in English for want of a translation.
    untranslated: bool = False
    # Some is shown in English because the English changed after its translation: the
    # item's own fields here, and ``outdated`` for the item with its steps.
    outdated_fields: tuple[str, ...] = ()
    # What we do not know about how the platform counts members of this place, if anything:
    # all of it, and its first sentence, which is all an item says once an earlier item
    # on the page has explained the rest (``explained_above``).
    place_note: str = ""
    place_doubt: str = ""
    explained_above: bool = False
    # The editors' estimate ("about a minute"), what the member sees once it is done, and
    # for a form the text to paste into it.
    time_needed: str = ""
    done_looks_like: str = ""
    form_text: str = ""
    # Per surface: what exactly is unsure about its steps, one sentence per kind of doubt.
    step_doubts: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    # Whether the platform's own pages are among the sources.
    platform_sources: bool = False

    @property
    def unverified(self) -> bool:
        return self.confidence != Confidence.CONFIRMED

    @property
    def place_note_shown(self) -> str:
        """What the page says here of the doubt about the place."""
        return self.place_doubt if self.explained_above else self.place_note

    def with_place_explained_above(self) -> "Item":
        """The item as the page shows it below an item that explains the doubt about the
        place in full: it names the doubt in one sentence."""
        checking = [self.place_doubt if note == self.place_note else note for note in self.checking]
        return dataclasses.replace(self, checking=checking, explained_above=True)

    @property
    def outdated(self) -> bool:
        """Some of the item or of its steps is newer in English than in its translation."""
        return bool(self.outdated_fields) or any(
            step.outdated for steps in self.steps.values() for step in steps
        )

    @property
    def label_uncertain(self) -> bool:
        return self.setting_label_confidence != Confidence.CONFIRMED

    @property
    def only_steps(self) -> list[StepData]:
        """The steps when the checklist was built for one surface."""
        (steps,) = self.steps.values()
        return steps

    @property
    def path(self) -> list[StepData]:
        """The steps that name a label on screen, in order: the way there at a glance."""
        return labelled(self.only_steps)

    @property
    def only_verified_on(self) -> datetime.date | None:
        """When the steps were followed on a live account, for a checklist of one surface."""
        (day,) = self.verified_on.values()
        return day

    @property
    def only_step_doubts(self) -> tuple[str, ...]:
        """What is unsure about the steps, when the checklist was built for one surface."""
        (doubts,) = self.step_doubts.values() or [()]
        return doubts

    @property
    def all_doubts(self) -> list[str]:
        """Everything unsure about the item on the one surface, said once."""
        return [*self.checking, *self.only_step_doubts]


@dataclasses.dataclass(frozen=True)
class Checklist:
    place: Place
    surfaces: tuple[str, ...]
    items: list[Item]
    # The service's slug.
    platform: str = PLATFORM
    # What the platform's content says about the place: notices to read first, and what
    # we do not know about how the platform treats members there.
    notices: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()

    @property
    def applicable(self) -> list[Item]:
        return [item for item in self.items if item.applies]

    @property
    def not_applicable(self) -> list[Item]:
        return [item for item in self.items if not item.applies]

    @property
    def main(self) -> list[Item]:
        """What the member should do first; empty where the service offers no way out there."""
        return [item for item in self.items if item.applies and not item.optional]

    @property
    def optional(self) -> list[Item]:
        return [item for item in self.items if item.applies and item.optional]


def labelled(steps: list[StepData]) -> list[StepData]:
    """The steps that name a label, without repeating a label twice in a row."""
    path: list[StepData] = []
    for step in steps:
        if step.ui_label and (not path or path[-1].ui_label != step.ui_label):
            path.append(step)
    return path


def _positions(positions: list[int]) -> list[str]:
    """Step numbers with runs shortened: [3, 4, 5, 7] → ['3–5', '7']."""
    runs: list[list[int]] = []
    for position in sorted(positions):
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    numbers: list[str] = []
    for run in runs:
        numbers += [f"{run[0]}–{run[-1]}"] if len(run) > 2 else [str(n) for n in run]
    return numbers


def step_doubts(steps: list[StepData], language: str) -> tuple[str, ...]:
    """What exactly is unsure about a surface's steps, built from their own labels only.

    One sentence for the steps from a single source, one for those sources disagree on,
    each naming the steps and LinkedIn's labels in them (in the active language).
    """
    sentences = []
    for level in (Confidence.SINGLE, Confidence.UNCERTAIN):
        doubtful = [step for step in steps if step.confidence == level]
        if not doubtful:
            continue
        numbers = list_of(_positions([step.position for step in doubtful]), language)
        labels = [_("“%(label)s”") % {"label": step.screen_label} for step in labelled(doubtful)]
        count = len(doubtful)
        values = {"steps": numbers, "labels": list_of(labels, language)}
        if level == Confidence.SINGLE and labels:
            text = ngettext(
                "Not yet confirmed on a current screen, from one source only: step %(steps)s "
                "(%(labels)s).",
                "Not yet confirmed on a current screen, from one source only: steps %(steps)s "
                "(%(labels)s).",
                count,
            )
        elif level == Confidence.SINGLE:
            text = ngettext(
                "Not yet confirmed on a current screen, from one source only: step %(steps)s.",
                "Not yet confirmed on a current screen, from one source only: steps %(steps)s.",
                count,
            )
        elif labels:
            text = ngettext(
                "Sources disagree on step %(steps)s (%(labels)s).",
                "Sources disagree on steps %(steps)s (%(labels)s).",
                count,
            )
        else:
            text = ngettext(
                "Sources disagree on step %(steps)s.", "Sources disagree on steps %(steps)s.", count
            )
        sentences.append(text % values)
    return tuple(sentences)


def build_checklist(
    place: Place,
    surface: str | None = None,
    *,
    language: str,
    preview: bool = False,
    platform: str = PLATFORM,
    actions: list[Action] | None = None,
    rollouts: list[Rollout] | None = None,
) -> Checklist:
    """Every published item of the platform for the place, applicable ones first.

    In priority order, in ``language``. With ``surface`` the steps cover that surface
    only; without it, all of them. A ``preview`` shows staff what visitors will see once
    every draft is published. Five queries whatever the amount of content: actions,
    reaching rollouts, steps, warnings and sources. The four that do not depend on the
    place are ``load_actions``: a caller may pass what it returned for the same platform,
    surfaces and preview as ``actions``, and only the rollouts are queried (none when it
    passes ``rollouts`` too).
    """
    (checklist,) = build_plan(
        place,
        surface,
        language=language,
        preview=preview,
        platforms=(platform,),
        actions=actions,
        rollouts=rollouts,
    )
    return checklist


def build_plan(
    place: Place,
    surface: str | None = None,
    *,
    language: str,
    platforms: tuple[str, ...],
    preview: bool = False,
    actions: list[Action] | None = None,
    rollouts: list[Rollout] | None = None,
) -> list[Checklist]:
    """One checklist per platform, in the order asked, from the same six queries.

    However many platforms: their items, steps, warnings and sources are read together
    (``load_actions``), and one query finds the rollouts that reach the place. ``actions``
    may hold other platforms' items too; only the ones asked for are used. ``rollouts``,
    every rollout that reaches the place (``published.rollouts_reaching``), saves that
    query too.
    """
    surfaces = (surface,) if surface else tuple(Surface.values)
    if actions is None:
        actions = load_actions(platforms, surfaces, preview=preview)
    wanted = set(platforms)
    actions = [action for action in actions if action.platform.slug in wanted]
    rollouts_by_change: dict[int, list[Rollout]] = {}
    change_ids = {action.policy_change_id for action in actions if action.policy_change_id}
    if rollouts is None:
        rollouts = Rollout.objects.filter(policy_change__in=change_ids).reaching(place.code)
    for rollout in rollouts:
        if rollout.policy_change_id in change_ids:
            rollouts_by_change.setdefault(rollout.policy_change_id, []).append(rollout)

    by_platform: dict[str, list[Action]] = {slug: [] for slug in platforms}
    for action in actions:
        by_platform[action.platform.slug].append(action)
    # The reasons are our own sentences, in the visitor's language too.
    with translation.override(language):
        return [
            _checklist(place, surfaces, slug, by_platform[slug], rollouts_by_change, language)
            for slug in platforms
        ]


def _checklist(
    place: Place,
    surfaces: tuple[str, ...],
    platform: str,
    actions: list[Action],
    rollouts_by_change: dict[int, list[Rollout]],
    language: str,
) -> Checklist:
    items = [
        _item(
            action,
            place,
            surfaces,
            rollouts_by_change.get(action.policy_change_id, []),
            language,
        )
        for action in actions
    ]
    # Stable sort: the model's ordering (main before optional, then position) holds
    # within each group.
    items.sort(key=lambda item: not item.applies)
    # Uncertainty once: the first item the doubt about the place touches explains it, the
    # ones after it on the page name it in a sentence.
    first = next((n for n, item in enumerate(items) if item.place_note), len(items))
    items[first + 1 :] = [
        item.with_place_explained_above() if item.place_note else item
        for item in items[first + 1 :]
    ]
    return Checklist(
        place=place,
        surfaces=surfaces,
        items=items,
        platform=platform,
        notices=place.notices(platform),
        doubts=place.doubts(platform),
    )


def load_actions(
    platforms: str | tuple[str, ...] | None, surfaces: tuple[str, ...], *, preview: bool = False
) -> list[Action]:
    """The platforms' items (every platform's for None) with their steps on the surfaces,
    warnings and sources."""
    actions = Action.objects.previewed() if preview else Action.objects.published()
    if platforms is not None:
        actions = actions.for_platforms((platforms,) if isinstance(platforms, str) else platforms)
    return list(
        actions.select_related("platform", "policy_change").prefetch_related(
            Prefetch(
                "steps",
                queryset=Step.objects.filter(surface__in=surfaces).prefetch_related("screenshots"),
            ),
            Prefetch("warnings", queryset=ActionWarning.objects.all()),
            "sources",
        )
    )


def _screenshot(step: Step, language: str) -> ScreenshotData | None:
    """The step's screenshot for the language: of the service's screen in that language,
    else one for every language, else the English screen's."""
    by_language = {shot.language: shot for shot in step.screenshots.all()}
    shot = by_language.get(language) or by_language.get("") or by_language.get("en")
    if shot is None:
        return None
    alt_text, state = tr.lookup(shot, "alt_text", language)
    return ScreenshotData(
        address=shot.address,
        fallback_address=shot.fallback_address,
        width=shot.width,
        height=shot.height,
        alt_text=alt_text,
        alt_language="" if state == tr.CURRENT or language == "en" else "en",
        taken_on=shot.taken_on,
        english_screen=shot.language == "en" and language != "en",
    )


def _item(
    action: Action, place: Place, surfaces: tuple[str, ...], rollouts: list, language: str
) -> Item:
    untranslated = False
    outdated: list[str] = []

    def local(obj, field: str, outdated_in: list[str] | None = None) -> str:
        """The field in the language; outdated ones are noted in the item's list or another."""
        nonlocal untranslated
        text, state = tr.lookup(obj, field, language)
        untranslated = untranslated or state == tr.MISSING
        if state == tr.OUTDATED:
            (outdated if outdated_in is None else outdated_in).append(field)
        return text

    def screen_label(obj, field: str, outdated_in: list[str] | None = None) -> str:
        # A missing screen label is not a missing translation: it may simply be unknown.
        # One made for an earlier English label names what the screen no longer shows.
        text, state = tr.lookup(obj, field, language)
        if state == tr.OUTDATED:
            (outdated if outdated_in is None else outdated_in).append(field)
        return text if state == tr.CURRENT and language != "en" else ""

    change = action.policy_change
    confidence = weakest(action.confidence, action.setting_label_confidence)
    checking = [local(action, "checking_note")] if action.checking_note else []
    if action.setting_label_confidence != Confidence.CONFIRMED and not checking:
        checking.append(_("We are not sure of the setting's exact name on screen."))
    warnings = [WarningData(kind=w.kind, text=local(w, "text")) for w in action.warnings.all()]
    default_state = action.default_state
    prior_data = ""

    place_note = place_doubt = ""
    doubts = place.doubts(action.platform.slug)
    if change is not None and doubts:
        # Where we do not know how the platform counts members of this place, every item
        # that depends on the place says so, once.
        confidence = Confidence.UNCERTAIN
        lead = _("We are not sure how %(platform)s treats members in %(country)s.") % {
            "platform": action.platform.name,
            "country": place.in_sentence,
        }
        place_note = " ".join([lead, *doubts])
        place_doubt = lead
        checking.append(place_note)

    if change is None:
        applies, since = True, None
        reason = _("Every member has this setting, wherever they live.")
    elif rollouts:
        # The earliest rollout reaching the country decides since when it applies.
        rollout = min(rollouts, key=lambda r: r.effective_on)
        applies, since = True, rollout.effective_on
        reason = _("Applies in %(country)s since %(date)s.") % {
            "country": place.in_sentence,
            "date": long_date(since, language),
        }
        # Only a switch has a default: an item that is advice, not a setting, takes none.
        is_switch = action.kind == Action.Kind.SETTING and action.default_state
        default_state = rollout.default_state if is_switch else ""
        prior_data = local(rollout, "prior_data")
        confidence = weakest(confidence, rollout.confidence)
        if rollout.checking_note and rollout.confidence != Confidence.CONFIRMED:
            checking.append(local(rollout, "checking_note"))
        if rollout.note:
            warnings.append(WarningData(kind=WarningKind.OTHER, text=local(rollout, "note")))
    else:
        applies, since = False, None
        reason = _("Not in %(country)s: %(why)s") % {
            "country": place.in_sentence,
            "why": local(change, "exclusion_note"),
        }

    steps = {surface: [] for surface in surfaces}
    verified_on: dict[str, list] = {surface: [] for surface in surfaces}
    updated_at = action.updated_at
    for step in action.steps.all():
        updated_at = max(updated_at, step.updated_at)
        verified_on[step.surface].append(step.last_verified_on)
        step_outdated: list[str] = []
        steps[step.surface].append(
            StepData(
                position=step.position,
                text=local(step, "text", step_outdated),
                ui_label=step.ui_label,
                confidence=step.confidence,
                ui_label_local=screen_label(step, "ui_label", step_outdated),
                outdated_fields=tuple(step_outdated),
                screenshot=_screenshot(step, language),
            )
        )
    time_needed = local(action, "time_needed")
    done_looks_like = local(action, "done_looks_like")
    form_text = local(action, "form_text")
    platform = action.platform.name
    sources = [
        SourceData(
            title=s.title,
            publisher=s.publisher,
            url=s.url,
            archive_url=s.archive_url,
            no_url_reason=s.no_url_reason,
        )
        for s in action.sources.all()
    ]
    title = local(action, "title")
    summary = local(action, "summary")
    choose = local(action, "choose")
    still_used = local(action, "still_used")
    setting_label_local = screen_label(action, "setting_label")
    return Item(
        slug=action.slug,
        kind=action.kind,
        title=title,
        summary=summary,
        optional=action.optional,
        applies=applies,
        applies_since=since,
        reason=reason,
        default_state=default_state,
        choose=choose,
        setting_label=action.setting_label,
        setting_label_confidence=action.setting_label_confidence,
        deep_link=action.deep_link,
        warnings=warnings,
        prior_data=prior_data,
        still_used=still_used,
        confidence=confidence,
        checking=checking,
        sources_checked_on=action.sources_checked_on,
        last_verified_on=action.last_verified_on,
        verified_on={
            surface: None if None in dates else min(dates, default=None)
            for surface, dates in verified_on.items()
        },
        updated_at=updated_at,
        sources=sources,
        steps=steps,
        setting_label_local=setting_label_local,
        untranslated=untranslated,
        outdated_fields=tuple(dict.fromkeys(outdated)),
        place_note=place_note,
        place_doubt=place_doubt,
        time_needed=time_needed,
        done_looks_like=done_looks_like,
        form_text=form_text,
        step_doubts={surface: step_doubts(steps[surface], language) for surface in surfaces},
        platform_sources=any(source.publisher == platform for source in sources),
    )
