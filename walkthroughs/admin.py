import hashlib
import json
import re

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count, F, Q
from django.forms import (
    BaseInlineFormSet,
    CharField,
    FileField,
    FileInput,
    Form,
    ModelForm,
    Textarea,
    URLField,
    ValidationError,
)
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from config.editing import GuardedEditsMixin
from translations.admin import TranslationsAdminMixin, TranslationsForm

from . import drafts, renames, screenshots
from .kept import kept_platforms
from .models import (
    Action,
    ActionWarning,
    Alert,
    ChangeNote,
    PlaceNote,
    Platform,
    PolicyChange,
    Report,
    Rollout,
    RolloutRegion,
    Screenshot,
    Source,
    Step,
    Surface,
    WatchedDocument,
    stale_before,
)

# Positions are moved out of the way by this much while a reordering is saved.
_REORDER_OFFSET = 10000


class KeptServicesMixin:
    """An editor limited to some services sees, chooses and edits only theirs.

    ``platform_path`` leads from a row to its service. Another service's row is refused
    (403) rather than reported missing, and its id is no valid choice in any form.
    """

    platform_path = "platform"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        kept = kept_platforms(request.user)
        if kept is None:
            return queryset
        return queryset.filter(**{f"{self.platform_path}__in": kept})

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and kept_platforms(request.user) is not None:
            field = self.model._meta.get_field(from_field) if from_field else self.model._meta.pk
            try:
                exists = self.model._default_manager.filter(
                    **{field.name: field.to_python(object_id)}
                ).exists()
            except (ValidationError, ValueError):
                return None
            if exists:
                raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        # simple_history looks the row up itself: refuse another service's first.
        self.get_object(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.get_object(request, unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def keeps(self, request: HttpRequest, obj: models.Model) -> bool:
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kept = kept_platforms(request.user)
        if kept is not None:
            if db_field.related_model is Platform:
                kwargs["queryset"] = kept
            elif db_field.related_model in (Action, PolicyChange):
                kwargs["queryset"] = db_field.related_model.objects.filter(platform__in=kept)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def only_kept(field: str) -> tuple[str, type[admin.ListFilter]]:
    """A list filter offering only the rows the editor sees, not every service's."""
    return (field, admin.RelatedOnlyFieldListFilter)


# Step and warning texts run to a few lines: editors read them whole while they edit.
LONG_TEXT = Textarea(attrs={"rows": 3, "cols": 48})


class RenameLabelForm(Form):
    old = CharField(
        label="The old label",
        max_length=200,
        help_text="Exactly as the steps and items name it today, e.g. 'Data privacy'.",
    )
    new = CharField(
        label="The new label", max_length=200, help_text="Exactly as the service shows it now."
    )
    note = CharField(
        label="Public note",
        max_length=200,
        help_text="One line for the public change log, e.g. 'LinkedIn renamed Data privacy "
        "to Privacy.'",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE:
                self.fields[f"new_{code}"] = CharField(
                    label=f"The new label in {name}",
                    max_length=200,
                    required=False,
                    help_text="The service's own label in this language, only where known. "
                    "Never guess: left blank, visitors there read the English label.",
                )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("old") and data.get("old") == data.get("new"):
            raise ValidationError("The new label is the same as the old one.")
        return data

    @property
    def local(self) -> dict[str, str]:
        return {
            name.removeprefix("new_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("new_") and value
        }


class MoveLinkForm(Form):
    old = URLField(label="The old address", max_length=500, assume_scheme="https")
    new = URLField(label="The new address", max_length=500, assume_scheme="https")
    note = RenameLabelForm.base_fields["note"]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("old") and data.get("old") == data.get("new"):
            raise ValidationError("The new address is the same as the old one.")
        return data


class OneParagraphField(CharField):
    """Typed in a box of several lines, kept as one paragraph: visitors read it as one."""

    def to_python(self, value):
        return re.sub(r"\s*\n\s*", " ", super().to_python(value))


class LongTextsMixin:
    """Multi-line boxes for the short texts editors write several lines of."""

    long_texts = ("text",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.long_texts:
            kwargs.update(widget=LONG_TEXT, form_class=OneParagraphField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ShortChoicesMixin:
    """In a table row, a choice reads by its first words ('Confirmed', 'Single source'):
    the whole label is in the column's help."""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        field = super().formfield_for_choice_field(db_field, request, **kwargs)
        field.choices = [(value, str(label).split(" (")[0]) for value, label in field.choices]
        return field


class StepForm(ModelForm):
    def validate_constraints(self) -> None:
        # Position uniqueness is checked across the whole formset instead, so that two steps
        # can swap places in one save.
        exclude = self._get_validation_exclusions() | {"position"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


class SurfaceStepFormSet(BaseInlineFormSet):
    """The steps of one surface; three of these sit side by side on an item's page."""

    surface: str = ""

    @classmethod
    def get_default_prefix(cls) -> str:
        return f"steps-{cls.surface}"

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(surface=self.surface)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.surface = self.surface
        return form

    def clean(self) -> None:
        super().clean()
        positions = [
            form.cleaned_data["position"]
            for form in self.forms
            if form.cleaned_data.get("position") and not self._should_delete_form(form)
        ]
        if len(positions) != len(set(positions)):
            raise ValidationError("Two steps have the same position: give each its own number.")

    def save(self, commit: bool = True):
        if commit:
            moved = [
                form.instance.pk
                for form in self.initial_forms
                if "position" in form.changed_data and not self._should_delete_form(form)
            ]
            deleted = [form.instance.pk for form in self.deleted_forms if form.instance.pk]
            with transaction.atomic():
                Step.objects.filter(pk__in=deleted).delete()
                Step.objects.filter(pk__in=moved).update(position=F("position") + _REORDER_OFFSET)
                return super().save(commit)
        return super().save(commit)


def step_inline(surface: Surface) -> type[admin.TabularInline]:
    formset = type(
        f"{surface.name.title()}StepFormSet", (SurfaceStepFormSet,), {"surface": surface}
    )
    return type(
        f"{surface.name.title()}StepInline",
        (GuardedEditsMixin, LongTextsMixin, ShortChoicesMixin, admin.TabularInline),
        {
            "long_texts": ("text", "ui_label"),
            "model": Step,
            "form": StepForm,
            "formset": formset,
            "fields": ["position", "text", "ui_label", "confidence", "last_verified_on"],
            # Set by verifying the item on this device, never typed in.
            "readonly_fields": ["last_verified_on"],
            "extra": 0,
            "ordering": ["position"],
            "verbose_name": f"step ({surface.label})",
            "verbose_name_plural": f"Steps: {surface.label}",
            "show_change_link": True,
        },
    )


class WarningInline(GuardedEditsMixin, LongTextsMixin, admin.TabularInline):
    model = ActionWarning
    fields = ["position", "kind", "text"]
    extra = 0
    show_change_link = True


@admin.register(ActionWarning)
class ActionWarningAdmin(
    KeptServicesMixin, GuardedEditsMixin, LongTextsMixin, TranslationsAdminMixin, SimpleHistoryAdmin
):
    platform_path = "action__platform"
    list_display = ["action", "position", "kind", "text", "translation_status"]
    list_filter = ["kind", only_kept("action")]
    list_select_related = ["action"]
    search_fields = ["text", "action__slug"]
    autocomplete_fields = ["action"]


def verify_all(model_admin: admin.ModelAdmin, request: HttpRequest, queryset, what: str) -> None:
    """The admin action behind 'Mark as verified today': all the selected, or none."""
    with transaction.atomic():
        for obj in queryset:
            obj.verify(request.user)
    model_admin.message_user(request, f"Marked {queryset.count()} {what} as verified today.")


def verify_on(surface: Surface):
    """The list action that records a check of the selected items on one device."""

    def action(model_admin: admin.ModelAdmin, request: HttpRequest, queryset) -> None:
        with transaction.atomic():
            for item in queryset:
                item.verify(request.user, surface)
        model_admin.message_user(
            request,
            f"Recorded {queryset.count()} item(s) as followed today on a live account: "
            f"{surface.label}. Visitors were not told that anything changed.",
        )

    return admin.action(
        action,
        description=f"Followed today on a live account: {surface.label}",
    )


class StaleFilter(admin.SimpleListFilter):
    title = "verification"
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("stale", "Stale or never verified"), ("fresh", "Verified recently")]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.exclude(pk__in=queryset.stale().values("pk"))
        return queryset


class DraftFilter(admin.SimpleListFilter):
    title = "draft"
    parameter_name = "draft"

    def lookups(self, request, model_admin):
        return [("draft", "Drafts"), ("original", "Published items and new ones")]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.filter(draft_of__isnull=False)
        if self.value() == "original":
            return queryset.filter(draft_of__isnull=True)
        return queryset


@admin.register(Action)
class ActionAdmin(KeptServicesMixin, GuardedEditsMixin, TranslationsAdminMixin, SimpleHistoryAdmin):
    # Few columns, so that the list and its filters fit 1280 px: the rest is a click away.
    list_display = [
        "title",
        "slug",
        "publishing",
        "sureness",
        "verified_devices",
        "open_reports",
        "translation_status",
    ]
    list_filter = [DraftFilter, StaleFilter, "is_published", "optional", "kind", "confidence"]
    list_select_related = ["platform", "draft_of"]
    search_fields = ["slug", "title", "setting_label", "steps__text", "steps__ui_label"]
    autocomplete_fields = ["policy_change", "sources"]
    readonly_fields = [
        "draft_of",
        "verification_by_device",
        "last_verified_on",
        "last_verified_by",
        "updated_at",
        "preview_links",
    ]
    inlines = [*(step_inline(surface) for surface in Surface), WarningInline]
    actions = [
        *(f"verify_{surface.value}" for surface in Surface),
        "start_drafts",
        "publish_drafts",
    ]
    verify_web = verify_on(Surface.WEB)
    verify_ios = verify_on(Surface.IOS)
    verify_android = verify_on(Surface.ANDROID)
    parts_name = "steps and warnings"
    fieldsets = [
        (None, {"fields": ["platform", "slug", "kind", "title", "summary", "policy_change"]}),
        (
            "On the service",
            {
                "fields": [
                    "setting_label",
                    "setting_label_confidence",
                    "deep_link",
                    "default_state",
                    "choose",
                ]
            },
        ),
        ("For the visitor in a hurry", {"fields": ["time_needed", "done_looks_like", "form_text"]}),
        ("What remains", {"fields": ["still_used"]}),
        (
            "Confidence and sources",
            {"fields": ["confidence", "checking_note", "sources", "sources_checked_on"]},
        ),
        (
            "Verification on a live account",
            {
                "description": "Follow the steps on a real account on one device, then use "
                "that device's button at the top of this page. It records who checked and "
                "when, and changes no content: visitors who ticked the item are not told it "
                "changed.",
                "fields": ["verification_by_device", "last_verified_on", "last_verified_by"],
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "position",
                    "optional",
                    "is_published",
                    "draft_of",
                    "public_note",
                    "preview_links",
                    "updated_at",
                ]
            },
        ),
    ]

    def translation_parts(self, obj: Action) -> list[models.Model]:
        return [*obj.steps.all(), *obj.warnings.all()]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("steps", "warnings")
            .annotate(
                open_report_count=Count(
                    "reports",
                    filter=Q(reports__status__in=Report.OPEN),
                ),
                draft_count=Count("drafts"),
            )
        )

    def get_urls(self):
        verify = self.admin_site.admin_view(self.verify_view)
        rename = self.admin_site.admin_view(self.rename_view)
        return [
            path("<int:pk>/verify/<str:surface>/", verify, name="walkthroughs_action_verify"),
            path("rename-label/", rename, {"kind": "label"}, name="walkthroughs_rename_label"),
            path("move-link/", rename, {"kind": "link"}, name="walkthroughs_move_link"),
            *super().get_urls(),
        ]

    def rename_view(self, request: HttpRequest, kind: str) -> HttpResponse:
        """'A service renamed a label' / 'moved a link': the old, the new, a preview of
        every use, then one change everywhere with one public note."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        form_class = RenameLabelForm if kind == "label" else MoveLinkForm
        # An editor limited to some services renames in theirs only.
        kept = kept_platforms(request.user)
        form = form_class(request.POST if request.method == "POST" else None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "A service renamed a label" if kind == "label" else "A service moved a link",
            "kind": kind,
            "form": form,
        }
        status = 200
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            local = form.local if kind == "label" else {}
            # Applied only as previewed: the preview signs what it showed.
            shown = json.dumps([kind, data["old"], data["new"], local], sort_keys=True)
            previewed = signing.Signer(salt="walkthroughs.rename").sign(
                hashlib.sha256(shown.encode()).hexdigest()
            )
            context["previewed_token"] = previewed
            if "apply" in request.POST and request.POST.get("previewed") != previewed:
                context["stale_preview"] = True
            elif "apply" in request.POST:
                if kind == "label":
                    changes, entry = renames.apply_label(
                        data["old"], data["new"], local, data["note"], request.user, kept
                    )
                else:
                    changes, entry = renames.apply_link(
                        data["old"], data["new"], data["note"], request.user, kept
                    )
                if changes:
                    self.message_user(
                        request,
                        f"Changed {len(changes)} text(s) in one go and logged “{entry.note}”. "
                        "Visitors see it now; translations left for a translator are marked "
                        "outdated.",
                    )
                    return HttpResponseRedirect(reverse("editors_overview"))
            if kind == "label":
                changes = renames.plan_label(data["old"], data["new"], local, platforms=kept)
            else:
                changes = renames.plan_link(data["old"], data["new"], platforms=kept)
            context["changes"] = changes
            context["previewed"] = bool(changes)
            if not changes:
                status = 400
        elif request.method == "POST":
            status = 400
        return TemplateResponse(request, "admin/walkthroughs/rename.html", context, status=status)

    def verify_view(self, request: HttpRequest, pk: int, surface: str) -> HttpResponse:
        """The item page's buttons: followed today on a live account, on one device."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if surface not in Surface.values:
            raise Http404("No such device.")
        item = get_object_or_404(Action, pk=pk)
        if not self.has_change_permission(request, item) or not self.keeps(request, item):
            raise PermissionDenied
        item.verify(request.user, surface)
        self.message_user(
            request,
            f"Recorded: you followed “{item.title}” today on a live account, "
            f"{Surface(surface).label}. Visitors were not told that anything changed.",
        )
        return HttpResponseRedirect(reverse("admin:walkthroughs_action_change", args=[pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "verify_buttons": [
                (
                    reverse("admin:walkthroughs_action_verify", args=[object_id, surface.value]),
                    surface.label,
                )
                for surface in Surface
            ]
            if object_id and str(object_id).isdigit()
            else [],
        }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="Verified per device")
    def verification_by_device(self, obj: Action) -> str:
        if not obj.pk:
            return "Save first."
        rows = []
        for surface, verification in obj.latest_verifications().items():
            if verification is None:
                rows.append((Surface(surface).label, "never followed on a live account"))
            else:
                who = verification.verified_by or "an editor no longer here"
                rows.append(
                    (Surface(surface).label, f"{verification.verified_on:%-d %B %Y} by {who}")
                )
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))

    @admin.display(description="Publishing", ordering="is_published")
    def publishing(self, obj: Action) -> str:
        if obj.draft_of_id:
            return "This is a draft"
        state = "Published" if obj.is_published else "Hidden"
        return f"{state}, has a draft" if obj.draft_count else state

    @admin.display(description="Confidence", ordering="confidence")
    def sureness(self, obj: Action) -> str:
        return obj.get_confidence_display().split(" (")[0]

    @admin.display(description="Verified")
    def verified_devices(self, obj: Action) -> str:
        days: dict[str, list] = {}
        for step in obj.steps.all():
            days.setdefault(step.surface, []).append(step.last_verified_on)
        rows = []
        for surface in Surface:
            if surface.value not in days:
                continue
            dates = days[surface.value]
            day = None if None in dates else min(dates)
            stale = day is None or day < stale_before()
            when = f"{day:%-d %b %Y}" if day else "never"
            rows.append((surface.value, when, " (stale)" if stale and day else ""))
        return format_html_join(mark_safe("<br>"), "{}: {}{}", rows)

    @admin.display(description="Reports", ordering="open_report_count")
    def open_reports(self, obj: Action) -> int:
        return obj.open_report_count

    @admin.display(description="Preview")
    def preview_links(self, obj: Action) -> str:
        if not obj.pk:
            return "Save first."
        links = [
            format_html(
                '<a href="{}?preview=1">{}</a>',
                reverse("walkthroughs:checklist", args=[code, "web"]),
                name,
            )
            for code, name in [("us", "United States"), ("de", "Germany"), ("gb", "UK")]
        ]
        return format_html(
            "{} (staff only; shows every draft in place of its published item)",
            format_html(", ".join(["{}"] * len(links)), *links),
        )

    def save_model(self, request, obj: Action, form, change: bool) -> None:
        note = obj.public_note
        if note and not obj.draft_of_id and obj.is_published:
            # Live edits are public at once, so their note is logged at once.
            obj.public_note = ""
            super().save_model(request, obj, form, change)
            ChangeNote.objects.create(
                action=obj, item_title=obj.title, note=note, editor=request.user
            )
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description="Start a draft of the selected items")
    def start_drafts(self, request: HttpRequest, queryset) -> None:
        created = [drafts.start_draft(a) for a in queryset.filter(draft_of__isnull=True)]
        self.message_user(
            request,
            f"{len(created)} draft(s) ready. Edit them, preview the checklist, then publish.",
        )

    @admin.action(description="Publish the selected drafts")
    def publish_drafts(self, request: HttpRequest, queryset) -> None:
        selected = list(queryset.filter(draft_of__isnull=False))
        if not selected:
            self.message_user(request, "Select drafts to publish.", level=messages.WARNING)
            return
        for draft in selected:
            drafts.publish_draft(draft, editor=request.user)
        self.message_user(request, f"Published {len(selected)} draft(s). Visitors see them now.")


class ScreenshotUpload:
    """The file field of a screenshot form: what is uploaded is re-encoded, never kept."""

    upload = FileField(
        label="Screenshot",
        required=False,
        widget=FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text="PNG, JPEG or WebP of at most 15 MB, taken yourself on a real account. Crop "
        "out names, photos and anything else personal: the picture is public. It is stored "
        "re-encoded (no location or camera data), at most 1280 × 1600 pixels.",
    )
    encoded: screenshots.Encoded | None = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            if not self.instance.image:
                raise ValidationError("Choose the screenshot's file.", code="required")
            return None
        self.encoded = screenshots.encode(upload)
        return upload

    def save(self, commit: bool = True):
        instance = super().save(commit=False)
        if self.encoded is not None:
            instance.store(self.encoded)
        if commit:
            instance.save()
            self._save_m2m()
        return instance


# Django's forms collect the fields declared on the form classes themselves, not on a
# plain mixin: each form names the mixin's field once.
class ScreenshotForm(ScreenshotUpload, TranslationsForm):
    upload = ScreenshotUpload.upload


class ScreenshotInlineForm(ScreenshotUpload, ModelForm):
    upload = ScreenshotUpload.upload


def screenshot_preview(obj: Screenshot, width: int) -> str:
    if not obj.image:
        return "Not uploaded yet."
    return format_html(
        '<a href="{}"><img src="{}" alt="{}" width="{}" height="{}"></a>',
        obj.address,
        obj.address,
        obj.alt_text,
        width,
        round(obj.height * width / obj.width),
    )


class ScreenshotInline(GuardedEditsMixin, admin.StackedInline):
    """The step's screenshots on its own page: at most one per language, one for all."""

    model = Screenshot
    form = ScreenshotInlineForm
    fields = ["upload", "preview", "language", "alt_text", "taken_on"]
    readonly_fields = ["preview"]
    extra = 0
    show_change_link = True
    verbose_name = "screenshot"
    verbose_name_plural = "Screenshots (translate their alt text on each one's own page)"

    @admin.display(description="Now")
    def preview(self, obj: Screenshot) -> str:
        return screenshot_preview(obj, 160)


@admin.register(Screenshot)
class ScreenshotAdmin(
    KeptServicesMixin, GuardedEditsMixin, TranslationsAdminMixin, admin.ModelAdmin
):
    """Every step's screenshots: what visitors open as "How it looked on <date>"."""

    platform_path = "step__action__platform"
    form = ScreenshotForm
    fields = ["step", "upload", "preview", "language", "alt_text", "taken_on", "added_by"]
    readonly_fields = ["preview", "added_by"]
    list_display = ["__str__", "thumbnail", "language", "taken_on", "added_by"]
    list_filter = ["language", "step__surface"]
    list_select_related = ["step__action", "added_by"]
    search_fields = ["alt_text", "step__text", "step__action__title", "step__action__slug"]
    autocomplete_fields = ["step"]

    @admin.display(description="Now")
    def preview(self, obj: Screenshot) -> str:
        return screenshot_preview(obj, 320)

    @admin.display(description="Screenshot")
    def thumbnail(self, obj: Screenshot) -> str:
        return screenshot_preview(obj, 64)

    def save_model(self, request, obj: Screenshot, form, change: bool) -> None:
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Step)
class StepAdmin(
    KeptServicesMixin, GuardedEditsMixin, LongTextsMixin, TranslationsAdminMixin, SimpleHistoryAdmin
):
    """Each step on its own page too: its translations, its history, earlier versions."""

    platform_path = "action__platform"

    # "ai-training / web #3" names the item, the device and the place in one short column.
    list_display = ["__str__", "text", "ui_label", "confidence", "stale", "translation_status"]
    list_filter = ["surface", "confidence", only_kept("action")]
    list_select_related = ["action"]
    search_fields = ["text", "ui_label", "action__slug", "action__title"]
    autocomplete_fields = ["action"]
    readonly_fields = ["last_verified_on", "last_verified_by", "updated_at"]
    actions = ["mark_verified_today"]
    inlines = [ScreenshotInline]

    @admin.display(boolean=True, description="Stale")
    def stale(self, obj: Step) -> bool:
        return obj.is_stale

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is Screenshot:
            for inline_form in formset.extra_forms:
                inline_form.instance.added_by = request.user
        super().save_formset(request, form, formset, change)

    @admin.action(description="Mark as verified today on a real account")
    def mark_verified_today(self, request: HttpRequest, queryset) -> None:
        verify_all(self, request, queryset, "step(s)")


class RolloutRegionInline(GuardedEditsMixin, admin.TabularInline):
    model = RolloutRegion
    extra = 0
    autocomplete_fields = ["region"]


@admin.register(Rollout)
class RolloutAdmin(
    KeptServicesMixin, GuardedEditsMixin, TranslationsAdminMixin, SimpleHistoryAdmin
):
    platform_path = "policy_change__platform"
    list_display = ["name", "policy_change", "effective_on", "default_state", "confidence"]
    list_filter = [only_kept("policy_change"), "confidence"]
    list_select_related = ["policy_change"]
    search_fields = ["name", "policy_change__title"]
    autocomplete_fields = ["policy_change"]
    inlines = [RolloutRegionInline]


class RolloutInline(GuardedEditsMixin, admin.TabularInline):
    model = Rollout
    fields = ["name", "effective_on", "default_state", "confidence"]
    extra = 0
    show_change_link = True


@admin.register(PolicyChange)
class PolicyChangeAdmin(
    KeptServicesMixin, GuardedEditsMixin, TranslationsAdminMixin, SimpleHistoryAdmin
):
    list_display = ["title", "platform", "slug", "announced_on", "confidence"]
    list_filter = [only_kept("platform"), "confidence"]
    list_select_related = ["platform"]
    search_fields = ["title", "slug", "summary"]
    autocomplete_fields = ["sources"]
    inlines = [RolloutInline]


class WatchedDocumentInline(admin.TabularInline):
    model = WatchedDocument
    fields = ["repository", "path", "read_version", "latest_version", "latest_on", "checked_at"]
    readonly_fields = ["latest_version", "latest_on", "checked_at"]
    extra = 0
    verbose_name = "version history followed by the watch"
    verbose_name_plural = "Versions followed by the watch (Open Terms Archive on GitHub)"


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """What the watch saw: open alerts first; an editor closes one once it is dealt with."""

    list_display = ["message", "kind", "open", "last_seen_at", "where_to_look"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter), "kind"]
    search_fields = ["message", "subject"]
    readonly_fields = [
        "kind",
        "subject",
        "message",
        "link",
        "first_seen_at",
        "last_seen_at",
        "resolved_at",
        "resolved_by",
    ]
    actions = ["resolve"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(boolean=True, description="Open", ordering="resolved_at")
    def open(self, obj: Alert) -> bool:
        return obj.resolved_at is None

    @admin.display(description="Where to look")
    def where_to_look(self, obj: Alert) -> str:
        return format_html('<a href="{}">{}</a>', obj.link, "look") if obj.link else ""

    @admin.action(description="Dealt with: close the selected alerts")
    def resolve(self, request: HttpRequest, queryset) -> None:
        closed = queryset.filter(resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=request.user
        )
        self.message_user(request, f"Closed {closed} alert(s).")


@admin.register(Source)
class SourceAdmin(GuardedEditsMixin, SimpleHistoryAdmin):
    list_display = ["title", "publisher", "url", "has_archive", "published_on"]
    list_filter = ["publisher"]
    search_fields = ["title", "publisher", "url", "no_url_reason"]
    fields = ["title", "publisher", "url", "no_url_reason", "archive_url", "published_on"]
    inlines = [WatchedDocumentInline]

    @admin.display(description="Archived copy", boolean=True)
    def has_archive(self, obj: Source) -> bool:
        return bool(obj.archive_url)


@admin.register(PlaceNote)
class PlaceNoteAdmin(
    KeptServicesMixin, GuardedEditsMixin, TranslationsAdminMixin, SimpleHistoryAdmin
):
    list_display = ["__str__", "platform", "kind", "region", "country"]
    list_filter = [only_kept("platform"), "kind"]
    list_select_related = ["platform", "region", "country"]
    search_fields = ["text", "region__name", "country__name", "country__code"]
    autocomplete_fields = ["region", "country"]


@admin.register(Platform)
class PlatformAdmin(KeptServicesMixin, SimpleHistoryAdmin):
    platform_path = "pk"
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "slug"]


@admin.register(ChangeNote)
class ChangeNoteAdmin(KeptServicesMixin, SimpleHistoryAdmin):
    platform_path = "action__platform"
    list_display = ["changed_on", "item_title", "note", "editor", "is_public"]
    list_filter = ["is_public"]
    list_select_related = ["editor"]
    search_fields = ["item_title", "note"]
    autocomplete_fields = ["action"]
    readonly_fields = ["editor", "created_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if kept_platforms(request.user) is not None and "action" in form.base_fields:
            # An entry about no item is everyone's: only an editor of all services writes one.
            form.base_fields["action"].required = True
        return form

    def save_model(self, request, obj: ChangeNote, form, change: bool) -> None:
        if not change:
            obj.editor = request.user
            if obj.action and not obj.item_title:
                obj.item_title = obj.action.title
        super().save_model(request, obj, form, change)


class ReportAdminForm(ModelForm):
    fix_note = CharField(
        label="Fixed: public note",
        max_length=200,
        required=False,
        help_text="Once the steps are fixed, one line for the public change log, e.g. "
        "'LinkedIn renamed Data privacy to Privacy on Android.' Saving marks the report "
        "fixed and links it to that entry.",
    )

    class Meta:
        model = Report
        fields = ["status", "editor_note"]


@admin.register(Report)
class ReportAdmin(KeptServicesMixin, SimpleHistoryAdmin):
    """Visitors' reports, grouped by item and surface, newest first within each."""

    platform_path = "action__platform"

    list_display = ["short_description", "concerns", "status", "created_at"]
    list_display_links = ["short_description"]
    list_editable = ["status"]
    list_filter = ["status", "surface", only_kept("action")]
    search_fields = ["what_they_see", "step_text", "app_version", "interface_language"]
    list_select_related = ["action", "country", "step"]
    form = ReportAdminForm
    readonly_fields = [
        "action",
        "country",
        "surface",
        "named_step",
        "what_they_see",
        "app_version",
        "interface_language",
        "created_at",
        "fixed_in_link",
    ]
    fields = [*readonly_fields[:-1], "status", "editor_note", "fix_note", "fixed_in_link"]
    actions = ["mark_confirmed", "mark_fixed", "mark_dismissed"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="About", ordering="action__slug")
    def concerns(self, obj: Report) -> str:
        step = f" #{obj.step.position}" if obj.step else ""
        return f"{obj.action.slug} / {obj.surface}{step} / {obj.country.code.upper()}"

    @admin.display(description="Step")
    def named_step(self, obj: Report) -> str:
        if obj.step is None and not obj.step_text:
            return "The visitor did not name a step."
        current = obj.step.text if obj.step else ""
        number = f"Step {obj.step.position}" if obj.step else "A step deleted since"
        if current and current != obj.step_text:
            return f"{number}, which read: {obj.step_text} (now: {current})"
        return f"{number}: {obj.step_text or current}"

    @admin.display(description="Fixed in")
    def fixed_in_link(self, obj: Report) -> str:
        if obj.fixed_in is None:
            return "Not yet: write the public note above once the steps are fixed."
        return format_html(
            '<a href="{}#change-{}">{}</a> (<a href="{}">edit the entry</a>)',
            reverse("walkthroughs:changes"),
            obj.fixed_in.pk,
            obj.fixed_in.note,
            reverse("admin:walkthroughs_changenote_change", args=[obj.fixed_in.pk]),
        )

    def save_model(self, request, obj: Report, form, change: bool) -> None:
        note = form.cleaned_data.get("fix_note", "").strip()
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if note:
                obj.mark_fixed(note, request.user)

    @admin.display(description="What the visitor sees")
    def short_description(self, obj: Report) -> str:
        text = obj.what_they_see
        return text if len(text) <= 80 else text[:79] + "…"

    def _set_status(self, request: HttpRequest, queryset, status: str) -> None:
        for report in queryset:
            report.status = status
            report.save(update_fields=["status"])
        self.message_user(request, f"{queryset.count()} report(s) marked {status}.")

    @admin.action(description="Mark as confirmed")
    def mark_confirmed(self, request, queryset):
        self._set_status(request, queryset, Report.Status.CONFIRMED)

    @admin.action(description="Mark as fixed")
    def mark_fixed(self, request, queryset):
        self._set_status(request, queryset, Report.Status.FIXED)

    @admin.action(description="Mark as dismissed")
    def mark_dismissed(self, request, queryset):
        self._set_status(request, queryset, Report.Status.DISMISSED)


class DeletedFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("deleted", "Deleted and not restored")]

    def queryset(self, request, queryset):
        if self.value() == "deleted":
            live = queryset.model.instance_type.objects.values("pk")
            return queryset.filter(history_type="-").exclude(id__in=live)
        return queryset


class RestorableHistoryAdmin(admin.ModelAdmin):
    """Every recorded version of a row, so a deleted one can be brought back."""

    list_filter = [DeletedFilter, "history_type"]
    date_hierarchy = "history_date"
    actions = ["restore"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description="Restore the selected versions")
    def restore(self, request: HttpRequest, queryset) -> None:
        model = queryset.model.instance_type
        if not request.user.has_perm(f"{model._meta.app_label}.add_{model._meta.model_name}"):
            self.message_user(request, "You may not restore these.", level=messages.ERROR)
            return
        restored = 0
        for record in queryset.order_by("history_date"):
            if not model.objects.filter(pk=record.id).exists():
                self.restore_row(record.instance)
                restored += 1
        self.message_user(request, f"Restored {restored} row(s).")

    def restore_row(self, row) -> None:
        row.save(force_insert=True)


@admin.register(Step.history.model)
class StepHistoryAdmin(KeptServicesMixin, RestorableHistoryAdmin):
    platform_path = "action__platform"
    list_display = [
        "history_date",
        "history_type",
        "action",
        "surface",
        "position",
        "text",
        "history_user",
    ]
    list_select_related = ["action", "history_user"]
    search_fields = ["text", "ui_label"]

    def restore_row(self, row: Step) -> None:
        taken = Step.objects.filter(action=row.action_id, surface=row.surface)
        if taken.filter(position=row.position).exists():
            # Its place was filled since: bring it back at the end for the editor to move.
            row.position = (taken.aggregate(models.Max("position"))["position__max"] or 0) + 1
        super().restore_row(row)


@admin.register(ActionWarning.history.model)
class WarningHistoryAdmin(KeptServicesMixin, RestorableHistoryAdmin):
    platform_path = "action__platform"
    list_display = ["history_date", "history_type", "action", "kind", "text", "history_user"]
    list_select_related = ["action", "history_user"]
    search_fields = ["text"]
