import datetime
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.models import Country, Region
from translations.models import Translatable

from . import screenshots


class Confidence(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed (several sources or LinkedIn's own legal text)"
    SINGLE = "single", "Single source"
    UNCERTAIN = "uncertain", "Uncertain (sources disagree or none is direct)"


CONFIDENCE_RANK = {Confidence.CONFIRMED: 2, Confidence.SINGLE: 1, Confidence.UNCERTAIN: 0}


def weakest(*levels: str) -> str:
    """The least certain of several confidence levels: a chain is as strong as its weakest link."""
    return min(levels, key=lambda level: CONFIDENCE_RANK[level])


class Surface(models.TextChoices):
    WEB = "web", _("Website")
    IOS = "ios", _("iPhone or iPad app")
    ANDROID = "android", _("Android app")


class DefaultState(models.TextChoices):
    ON = "on", "On"
    OFF = "off", "Off"


def confidence_field(help_text: str) -> models.CharField:
    return models.CharField(
        max_length=10,
        choices=Confidence.choices,
        default=Confidence.CONFIRMED,
        help_text=help_text,
    )


def confidence_constraint(name: str, field: str = "confidence") -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": Confidence.values}), name=name
    )


def stale_before() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=settings.VERIFICATION_STALE_AFTER_DAYS)


class VerifiedQuerySet(models.QuerySet):
    def stale(self) -> "VerifiedQuerySet":
        """Not verified on a live account within the configured number of days."""
        return self.filter(
            models.Q(last_verified_on__isnull=True) | models.Q(last_verified_on__lt=stale_before())
        )


# Sent when a verification stamps rows without saving them (no post_save is sent then).
verified = Signal()


class Verified(models.Model):
    """Content an editor vouches for by following it on a real account.

    Verifying changes no content: it leaves ``updated_at`` alone, so visitors who ticked
    an item are not told that it changed, and "updated on" keeps its date.
    """

    last_verified_on = models.DateField(
        null=True, blank=True, help_text="When an editor last followed the steps on a real account."
    )
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_stale(self) -> bool:
        return self.last_verified_on is None or self.last_verified_on < stale_before()

    def verify(self, user) -> None:
        """Record that the user followed this on a real account today."""
        self.last_verified_on = timezone.localdate()
        self.last_verified_by = user
        # An update, not a save: no auto_now, no new version in the history.
        type(self).objects.filter(pk=self.pk).update(
            last_verified_on=self.last_verified_on, last_verified_by=user
        )
        verified.send(sender=type(self), instance=self)


class Platform(models.Model):
    """A service whose data use the site explains: LinkedIn, Facebook, Gemini…"""

    slug = models.SlugField(
        unique=True,
        help_text="Stable identifier in addresses and the API, e.g. 'linkedin'. Never rename "
        "one: shared links depend on it.",
    )
    name = models.CharField(max_length=100, help_text="Shown to visitors, e.g. 'LinkedIn'.")
    website = models.URLField(blank=True, help_text="The platform's home page.")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the wizard, plans and the API: lower comes first."
    )
    editor_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="platforms",
        help_text="Groups whose editors keep this service. An editor in such a group sees "
        "and edits only the services of their groups; one in the Editors group, all.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class PlaceNoteKind(models.TextChoices):
    NOTICE = "notice", "Notice at the top of the checklist"
    TREATMENT = "treatment", "We are not sure how the platform treats members there"


class PlaceNote(Translatable):
    """What members in a place must know about a platform, or a doubt about how it treats them.

    A place is a region (every country in it) or one country. The rules for a place live
    here and in the regions, never in code.
    """

    Kind = PlaceNoteKind

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="place_notes")
    kind = models.CharField(
        max_length=9,
        choices=PlaceNoteKind.choices,
        default=PlaceNoteKind.TREATMENT,
        help_text="A notice is shown once, at the top of the checklist. A treatment note marks "
        "every item that depends on where the member lives as uncertain, after the sentence "
        "'We are not sure how <platform> treats members in <place>.'",
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="place_notes",
        help_text="Every country in this region; or choose one country instead.",
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="place_notes",
        help_text="One country or territory; or choose a region instead.",
    )
    text = models.TextField(
        help_text="For a treatment note: what we show and why, e.g. 'EU law applies there, so "
        "we show the EU answer; LinkedIn has not said that it counts these places with the EU.'"
    )
    updated_at = models.DateTimeField(auto_now=True)

    TRANSLATABLE = ("text",)

    history = HistoricalRecords()

    class Meta:
        ordering = ["platform", "kind", "region", "country"]
        verbose_name = "note about a place"
        verbose_name_plural = "notes about places"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=PlaceNoteKind.values), name="place_note_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(region__isnull=True, country__isnull=False)
                | models.Q(region__isnull=False, country__isnull=True),
                name="place_note_region_or_country",
            ),
            models.UniqueConstraint(
                fields=["platform", "kind", "region"],
                condition=models.Q(region__isnull=False),
                name="place_note_unique_region",
            ),
            models.UniqueConstraint(
                fields=["platform", "kind", "country"],
                condition=models.Q(country__isnull=False),
                name="place_note_unique_country",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform}: {self.get_kind_display()} ({self.region or self.country})"


class Source(models.Model):
    """A document a fact rests on: a help article, a legal notice, a regulator's statement."""

    title = models.CharField(
        max_length=300,
        unique=True,
        help_text="How the source is cited, e.g. 'LinkedIn Help a6278444: the generative AI "
        "data setting'.",
    )
    publisher = models.CharField(
        max_length=150, blank=True, help_text="Who published it, e.g. 'LinkedIn' or 'ICO'."
    )
    url = models.URLField(
        max_length=500,
        blank=True,
        help_text="Its canonical address: the platform's or the regulator's own page. Leave "
        "blank rather than guess (a wrong link costs trust), and say why below.",
    )
    archive_url = models.URLField(
        "archived copy",
        max_length=500,
        blank=True,
        help_text="A dated copy of the version we read, e.g. its Open Terms Archive record. "
        "Never a mirror or proxy copy.",
    )
    no_url_reason = models.CharField(
        "why there is no address",
        max_length=300,
        blank=True,
        help_text="Required when the address is blank, e.g. 'Read in press reports; the "
        "regulator's own page is not linked until we have checked it.'",
    )
    published_on = models.DateField(null=True, blank=True, help_text="Date of the document.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.url and not self.no_url_reason.strip():
            raise ValidationError(
                {"no_url_reason": "Give the source's address, or say why there is none."}
            )


class PolicyChange(Translatable):
    """Something the platform started doing with members' data, e.g. AI training."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="changes")
    slug = models.SlugField(help_text="Stable identifier, unique within the platform.")
    title = models.CharField(max_length=200, help_text="Plain words, e.g. 'AI training'.")
    summary = models.TextField(help_text="What the platform does with the data, in our words.")
    announced_on = models.DateField(null=True, blank=True, help_text="When it was announced.")
    exclusion_note = models.CharField(
        max_length=300,
        help_text="Why an item tied to this change does not apply where no rollout reaches, "
        "completing 'Not in <country>: …', e.g. 'the ad-sharing change excludes the EU, EEA, "
        "Switzerland and the UK.'",
    )
    confidence = confidence_field("How sure we are of the change as described.")
    sources = models.ManyToManyField(Source, blank=True, related_name="policy_changes")
    updated_at = models.DateTimeField(auto_now=True)

    TRANSLATABLE = ("title", "summary", "exclusion_note")

    history = HistoricalRecords(m2m_fields=[sources])

    class Meta:
        ordering = ["platform", "announced_on", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "slug"], name="policy_change_unique_slug"),
            confidence_constraint("policy_change_confidence_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.platform}: {self.title}"


class RolloutQuerySet(models.QuerySet):
    def reaching(self, code: str) -> "RolloutQuerySet":
        """Rollouts whose included regions hold the country and no excluded region does."""
        memberships = RolloutRegion.objects.filter(
            rollout=models.OuterRef("pk"), region__countries__code=code
        )
        return self.filter(
            models.Exists(memberships.filter(effect=RolloutRegion.Effect.INCLUDE)),
            ~models.Exists(memberships.filter(effect=RolloutRegion.Effect.EXCLUDE)),
        )


class Rollout(Translatable):
    """Where and since when a policy change applies, and what follows for members there."""

    policy_change = models.ForeignKey(
        PolicyChange, on_delete=models.CASCADE, related_name="rollouts"
    )
    name = models.CharField(
        max_length=150, help_text="For editors, e.g. 'Europe, Canada and Hong Kong, Nov 2025'."
    )
    regions = models.ManyToManyField(
        Region,
        through="RolloutRegion",
        related_name="rollouts",
        help_text="Include regions, then exclude some: 'All countries' minus EU, EEA, "
        "Switzerland and the UK covers the rest of the world.",
    )
    effective_on = models.DateField(help_text="The day the change began for these countries.")
    default_state = models.CharField(
        max_length=3,
        choices=DefaultState.choices,
        default=DefaultState.ON,
        help_text="What the setting is for a member who never touched it.",
    )
    prior_data = models.TextField(
        help_text="What happens to data from before the member switched off, in these "
        "countries. Shown as 'What LinkedIn can still use'."
    )
    note = models.TextField(
        blank=True,
        help_text="A warning only members in these countries need, e.g. a UK-only use.",
    )
    confidence = confidence_field(
        "Whether the change really applies here. Anything below 'confirmed' shows visitors a "
        "'we are checking this' note."
    )
    checking_note = models.CharField(
        max_length=500,
        blank=True,
        help_text="What exactly is unverified, shown to visitors when confidence is not confirmed.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    TRANSLATABLE = ("prior_data", "note", "checking_note")

    objects = RolloutQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["policy_change", "effective_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["policy_change", "name"], name="rollout_unique_name"),
            models.CheckConstraint(
                condition=models.Q(default_state__in=DefaultState.values),
                name="rollout_default_state_valid",
            ),
            confidence_constraint("rollout_confidence_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.policy_change.title}: {self.name}"


class RolloutEffect(models.TextChoices):
    INCLUDE = "include", "Include"
    EXCLUDE = "exclude", "Exclude"


class RolloutRegion(models.Model):
    Effect = RolloutEffect

    rollout = models.ForeignKey(Rollout, on_delete=models.CASCADE, related_name="region_rules")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="rollout_rules")
    effect = models.CharField(
        max_length=7,
        choices=Effect.choices,
        default=Effect.INCLUDE,
        help_text="Exclusions win: a country in an excluded region is never reached.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["rollout", "effect", "region"]
        constraints = [
            models.UniqueConstraint(fields=["rollout", "region"], name="rollout_region_unique"),
            models.CheckConstraint(
                condition=models.Q(effect__in=tuple(RolloutEffect.values)),
                name="rollout_region_effect_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_effect_display()} {self.region}"


class ActionQuerySet(VerifiedQuerySet):
    def published(self) -> "ActionQuerySet":
        return self.filter(is_published=True, draft_of__isnull=True)

    def previewed(self) -> "ActionQuerySet":
        """What visitors will see once every draft is published: drafts replace originals."""
        has_draft = Action.objects.filter(draft_of=models.OuterRef("pk"))
        return self.filter(models.Q(draft_of__isnull=False) | ~models.Exists(has_draft))

    def originals(self) -> "ActionQuerySet":
        return self.filter(draft_of__isnull=True)

    def for_platform(self, slug: str) -> "ActionQuerySet":
        return self.filter(platform__slug=slug)

    def for_platforms(self, slugs: tuple[str, ...]) -> "ActionQuerySet":
        return self.filter(platform__slug__in=slugs)


class ActionKind(models.TextChoices):
    SETTING = "setting", "Setting to switch"
    FORM = "form", "Form to send"


class Action(Verified, Translatable):
    """One item of the checklist: a setting to switch, or a form to send."""

    Kind = ActionKind

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="actions")
    slug = models.SlugField(
        help_text="Stable identifier used in links and the API, e.g. 'ai-training'. Never "
        "rename a published one: shared links and visitors' ticked boxes depend on it."
    )
    kind = models.CharField(max_length=7, choices=Kind.choices, default=Kind.SETTING)
    title = models.CharField(max_length=150, help_text="Imperative, e.g. 'Stop AI training'.")
    summary = models.TextField(help_text="Why it matters, in two or three plain sentences.")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Priority: lower comes first on the checklist."
    )
    optional = models.BooleanField(
        default=False,
        help_text="Extra settings a careful member also switches off; listed after the main ones.",
    )
    policy_change = models.ForeignKey(
        PolicyChange,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        help_text="The change this item answers; its rollouts decide where the item applies. "
        "Leave empty for a setting every member has.",
    )
    setting_label = models.CharField(
        max_length=200,
        blank=True,
        help_text="LinkedIn's exact label for the setting or form, as on screen in English.",
    )
    setting_label_confidence = confidence_field("How sure we are of the label's exact wording.")
    deep_link = models.URLField(
        max_length=500, blank=True, help_text="LinkedIn's own address that opens the setting."
    )
    default_state = models.CharField(
        max_length=3,
        choices=DefaultState.choices,
        blank=True,
        help_text="Default for members everywhere, used when no rollout says otherwise. "
        "Blank for forms.",
    )
    choose = models.CharField(
        max_length=100, help_text="What the member should choose, e.g. 'Off' or 'Send the form'."
    )
    still_used = models.TextField(
        blank=True,
        help_text="What LinkedIn can still use or do even after this item is done.",
    )
    time_needed = models.CharField(
        max_length=60,
        blank=True,
        help_text="Roughly how long the item takes, as visitors read it after a clock: 'about "
        "a minute'. An editor's estimate; leave blank rather than guess.",
    )
    done_looks_like = models.CharField(
        "how to tell it worked",
        max_length=300,
        blank=True,
        help_text="What the member sees once it is done, e.g. \"The switch 'Use my data for "
        "training content creation AI models' reads Off.\" Only what a source or a live "
        "account shows; leave blank where we do not know.",
    )
    form_text = models.TextField(
        "text to copy into the form",
        blank=True,
        help_text="For a form: a short text visitors can copy into it, saying exactly what they "
        "object to or ask for, in the first person. Shown with a copy button. Blank for "
        "settings.",
    )
    confidence = confidence_field("How sure we are of the item as a whole.")
    checking_note = models.CharField(
        max_length=500,
        blank=True,
        help_text="What exactly we are checking, shown to visitors beside uncertain facts.",
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="actions")
    sources_checked_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the sources behind the item were last read. Not a check on a real "
        "account: that is 'last verified on'.",
    )
    is_published = models.BooleanField(
        default=True, help_text="Unpublished items are hidden from visitors and the API."
    )
    draft_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="drafts",
        help_text="Set on a draft: the published item it will replace when published.",
    )
    public_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line for the public change log about this change, e.g. 'LinkedIn "
        "renamed Advertising data on Android.' Logged when the change goes public.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    TRANSLATABLE = (
        "title",
        "summary",
        "setting_label",
        "choose",
        "still_used",
        "checking_note",
        "time_needed",
        "done_looks_like",
        "form_text",
    )
    SCREEN_LABELS = ("setting_label",)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[sources], excluded_fields=["public_note"])

    class Meta:
        ordering = ["platform", "optional", "position", "slug"]
        verbose_name = "checklist item"
        constraints = [
            # Drafts share their original's slug; published items never do.
            models.UniqueConstraint(
                fields=["platform", "slug"],
                condition=models.Q(draft_of__isnull=True),
                name="action_unique_slug",
            ),
            models.UniqueConstraint(
                fields=["draft_of"],
                condition=models.Q(draft_of__isnull=False),
                name="action_one_draft",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ActionKind.values), name="action_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(default_state__in=[*DefaultState.values, ""]),
                name="action_default_state_valid",
            ),
            confidence_constraint("action_confidence_valid"),
            confidence_constraint(
                "action_label_confidence_valid", field="setting_label_confidence"
            ),
        ]

    def __str__(self) -> str:
        draft = " [draft]" if self.draft_of_id else ""
        return f"{self.title} ({self.slug}){draft}"

    @transaction.atomic
    def verify(self, user, surface: str) -> "Verification":
        """Record that the user followed the item's steps on the surface on a live account.

        The steps of that surface are stamped; the item's own date is the oldest of its
        steps' (the day every device had been checked), or today for an item without steps.
        """
        today = timezone.localdate()
        self.steps.filter(surface=surface).update(last_verified_on=today, last_verified_by=user)
        dates = list(self.steps.values_list("last_verified_on", flat=True))
        self.last_verified_on = None if None in dates else min(dates, default=today)
        self.last_verified_by = user
        Action.objects.filter(pk=self.pk).update(
            last_verified_on=self.last_verified_on, last_verified_by=user
        )
        return Verification.objects.create(
            action=self, surface=surface, verified_on=today, verified_by=user
        )

    def applies_in(self, code: str) -> bool:
        """Whether the item is on the checklist of the country with this code."""
        if self.policy_change_id is None:
            return True
        return Rollout.objects.filter(policy_change=self.policy_change_id).reaching(code).exists()

    def latest_verifications(self) -> dict[str, "Verification | None"]:
        """Per surface, the last time an editor followed the steps there, if ever."""
        latest: dict[str, Verification | None] = dict.fromkeys(Surface.values)
        for verification in self.verifications.select_related("verified_by"):
            if latest[verification.surface] is None:
                latest[verification.surface] = verification
        return latest


class Verification(models.Model):
    """An editor followed an item's steps on one device, on a live account.

    The record of who checked what when; the dates visitors see are on the steps.
    """

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="verifications")
    surface = models.CharField(max_length=7, choices=Surface.choices)
    verified_on = models.DateField(default=timezone.localdate)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "surface", "-verified_on", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(surface__in=Surface.values), name="verification_surface_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action.slug} / {self.surface}: {self.verified_on}"


class Step(Verified, Translatable):
    """One instruction on one surface, naming the label the member will see."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="steps")
    surface = models.CharField(max_length=7, choices=Surface.choices)
    position = models.PositiveSmallIntegerField(help_text="Order within the surface, from 1.")
    text = models.CharField(
        max_length=400, help_text="The instruction in our words, e.g. 'Open Data privacy'."
    )
    ui_label = models.CharField(
        max_length=200,
        blank=True,
        help_text="LinkedIn's exact words on screen for what to tap or click, if any.",
    )
    confidence = confidence_field("How sure we are that the screen looks like this.")
    last_verified_on = models.DateField(
        null=True, blank=True, help_text="When an editor last saw this step on a real account."
    )
    updated_at = models.DateTimeField(auto_now=True)

    TRANSLATABLE = ("text", "ui_label")
    SCREEN_LABELS = ("ui_label",)

    objects = VerifiedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "surface", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "surface", "position"], name="step_unique_position"
            ),
            models.CheckConstraint(
                condition=models.Q(surface__in=Surface.values), name="step_surface_valid"
            ),
            models.CheckConstraint(condition=models.Q(position__gte=1), name="step_position_min"),
            confidence_constraint("step_confidence_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.action.slug} / {self.surface} #{self.position}"


def not_in_future(day: datetime.date) -> None:
    if day > timezone.localdate():
        raise ValidationError("A screenshot cannot be taken in the future.", code="future")


class Screenshot(Translatable):
    """How a step looked on one device, on a date, as an editor captured it.

    The device is the step's. One screenshot may serve every language, or each language may
    have its own (the service's screen in that language). The files are our re-encoding of
    the upload (``screenshots.encode``), never the upload itself.
    """

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="screenshots")
    language = models.CharField(
        max_length=7,
        blank=True,
        choices=settings.LANGUAGES,
        help_text="The language the service's screen is in, if it shows words; blank for a "
        "screenshot that serves every language.",
    )
    image = models.FileField(max_length=200, editable=False)
    fallback = models.FileField(max_length=200, editable=False)
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    alt_text = models.CharField(
        max_length=300,
        help_text="What the screenshot shows, for people who cannot see it, e.g. 'The Data "
        "privacy page, with Data for Generative AI Improvement near the top.'",
    )
    taken_on = models.DateField(
        validators=[not_in_future], help_text="The day the screenshot was taken."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    TRANSLATABLE = ("alt_text",)

    class Meta:
        ordering = ["step", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["step", "language"], name="screenshot_one_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.step} ({self.language or 'every language'}, {self.taken_on})"

    def store(self, encoded: "screenshots.Encoded") -> None:
        """Write the re-encoded files under new names (the row is saved by the caller).

        The files they replace are deleted once the change is committed; a change that is
        rolled back leaves them in place for the row that still names them.
        """
        replaced = (self.image.name, self.fallback.name)
        webp, jpeg = screenshots.new_names()
        self.image.save(webp, encoded.webp, save=False)
        self.fallback.save(jpeg, encoded.jpeg, save=False)
        self.width, self.height = encoded.width, encoded.height
        if any(replaced):
            transaction.on_commit(lambda: screenshots.delete_files(*replaced))

    @property
    def address(self) -> str:
        """Where the WebP file is served (by ``screenshots.serve``)."""
        return _screenshot_address(self.image.name)

    @property
    def fallback_address(self) -> str:
        """Where the JPEG file is served."""
        return _screenshot_address(self.fallback.name)


def _screenshot_address(name: str) -> str:
    stem, _, extension = PurePosixPath(name).name.partition(".")
    return reverse("screenshot", args=[stem, extension])


class WarningKind(models.TextChoices):
    NOT_RETROACTIVE = "not-retroactive", _("Not retroactive")
    ON_BY_DEFAULT = "on-by-default", _("On by default")
    SEPARATE_SETTING = "separate-setting", _("A separate setting exists")
    OTHER = "other", _("Note")


class ActionWarning(Translatable):
    """A caution on an item, in one of a few consistent kinds shown in one style."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="warnings")
    kind = models.CharField(max_length=20, choices=WarningKind.choices, default=WarningKind.OTHER)
    text = models.CharField(max_length=400, help_text="One or two plain sentences.")
    position = models.PositiveSmallIntegerField(default=1)

    TRANSLATABLE = ("text",)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "position", "pk"]
        verbose_name = "warning"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=WarningKind.values), name="warning_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action.slug}: {self.get_kind_display()}"


class ChangeNote(models.Model):
    """One entry of the public change log: what changed in an item, in an editor's words."""

    action = models.ForeignKey(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="change_notes"
    )
    item_title = models.CharField(
        max_length=150, help_text="The item's title when the change was made."
    )
    note = models.CharField(max_length=200, help_text="One line, shown to the public.")
    changed_on = models.DateField(default=timezone.localdate)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_public = models.BooleanField(default=True, help_text="Untick to hide it from the log.")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-changed_on", "-created_at", "-pk"]
        verbose_name = "change log entry"
        verbose_name_plural = "change log entries"

    def __str__(self) -> str:
        return f"{self.changed_on}: {self.item_title}: {self.note}"


class ReportStatus(models.TextChoices):
    NEW = "new", "New"
    CONFIRMED = "confirmed", "Confirmed"
    FIXED = "fixed", "Fixed"
    DISMISSED = "dismissed", "Dismissed"


class Report(models.Model):
    """A visitor's 'my screen looks different'. Holds no IP address and no identifier."""

    Status = ReportStatus

    # Reports still waiting for an editor.
    OPEN = (ReportStatus.NEW, ReportStatus.CONFIRMED)

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reports")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    surface = models.CharField(max_length=7, choices=Surface.choices)
    step = models.ForeignKey(
        Step,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text="The step the visitor could not follow, if they named one.",
    )
    step_text = models.CharField(
        max_length=400,
        blank=True,
        help_text="The step's English text when the report was sent, as the visitor read it.",
    )
    what_they_see = models.TextField(
        max_length=1000, help_text="The visitor's description of their screen."
    )
    app_version = models.CharField(max_length=40, blank=True)
    interface_language = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=9, choices=ReportStatus.choices, default=ReportStatus.NEW)
    editor_note = models.TextField(blank=True, help_text="For editors only.")
    fixed_in = models.ForeignKey(
        ChangeNote,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text="The public change log entry that says how it was fixed.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "surface", "-created_at"]
        verbose_name = "visitor report"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(surface__in=Surface.values), name="report_surface_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ReportStatus.values),
                name="report_status_valid",
            ),
        ]

    def __str__(self) -> str:
        where = f"{self.action.slug} / {self.surface} / {self.country.code}"
        return f"{where}: {self.get_status_display()}"

    @property
    def step_position(self) -> int | None:
        return self.step.position if self.step else None

    @transaction.atomic
    def mark_fixed(self, note: str, editor) -> ChangeNote:
        """Fixed, with one line for the public change log that says how."""
        entry = ChangeNote.objects.create(
            action=self.action, item_title=self.action.title, note=note, editor=editor
        )
        self.status, self.fixed_in = ReportStatus.FIXED, entry
        self.save(update_fields=["status", "fixed_in"])
        return entry


class WatchedDocument(models.Model):
    """A legal text whose versions Open Terms Archive records in a GitHub repository.

    The watch compares the latest recorded version with the one our content was read at,
    and alerts editors when LinkedIn published another.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="watched")
    repository = models.CharField(
        max_length=200,
        help_text="The GitHub repository of versions, e.g. 'OpenTermsArchive/vlopses-ie-versions'.",
    )
    path = models.CharField(
        max_length=300,
        help_text="The document's file in it, e.g. 'LinkedIn/Privacy Policy.md'.",
    )
    read_version = models.CharField(
        "version we read",
        max_length=40,
        blank=True,
        help_text="The commit of the version our content rests on. After re-reading a newer "
        "version, put its commit here: the alert about it then closes.",
    )
    latest_version = models.CharField(max_length=40, blank=True, editable=False)
    latest_on = models.DateField(null=True, blank=True, editable=False)
    checked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["source", "repository", "path"]
        constraints = [
            models.UniqueConstraint(
                fields=["repository", "path"], name="watched_document_unique_path"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.repository}: {self.path}"


class AlertKind(models.TextChoices):
    REDIRECTS = "redirects", "Redirects elsewhere"
    BROKEN = "broken", "Broken"
    UNREACHABLE = "unreachable", "Could not be reached"
    DOCUMENT = "document", "Legal text changed"


class Alert(models.Model):
    """Something the watch saw that an editor should look at: one open alert per thing."""

    Kind = AlertKind

    kind = models.CharField(max_length=11, choices=AlertKind.choices)
    subject = models.CharField(
        max_length=500, help_text="What it is about: an address, or a watched document."
    )
    message = models.CharField(max_length=500)
    link = models.URLField(max_length=500, blank=True, help_text="Where to look, e.g. the diff.")
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-last_seen_at", "-pk"]
        verbose_name = "watch alert"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=AlertKind.values), name="alert_kind_valid"
            ),
            models.UniqueConstraint(
                fields=["kind", "subject"],
                condition=models.Q(resolved_at__isnull=True),
                name="alert_one_open_per_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.message
