"""The editors' overview: what needs checking on a real account, and what visitors report."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from translations import store as tr

from .models import Action, Confidence, Report, Rollout, Step, stale_before

BELOW_CONFIRMED = [Confidence.SINGLE, Confidence.UNCERTAIN]


def outdated_translations() -> list[tuple[str, list[tuple[str, str, list[str]]]]]:
    """Per language: (name, [(row, its admin page, outdated fields)]), languages behind only."""
    names = dict(settings.LANGUAGES)
    result = []
    for language in tr.other_languages():
        rows = []
        for obj, fields in tr.outdated_rows(language):
            meta = obj._meta
            try:
                url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            except NoReverseMatch:
                url = ""
            labels = [str(meta.get_field(field).verbose_name) for field in fields]
            rows.append((f"{meta.verbose_name.capitalize()}: {obj}", url, labels))
        if rows:
            result.append((names[language], rows))
    return result


def overview(request: HttpRequest) -> HttpResponse:
    context = {
        **admin.site.each_context(request),
        "title": "Editors' overview",
        "stale_before": stale_before(),
        "stale_actions": Action.objects.originals().stale().select_related("platform"),
        "stale_steps": Step.objects.filter(action__draft_of__isnull=True)
        .stale()
        .values("action__pk", "action__title", "surface")
        .annotate(count=Count("pk"))
        .order_by("action__title", "surface"),
        "open_reports": Report.objects.filter(status__in=Report.OPEN)
        .values("action__pk", "action__title", "surface", "status")
        .annotate(count=Count("pk"))
        .order_by("action__title", "surface", "status"),
        "uncertain_actions": Action.objects.originals().filter(
            Q(confidence__in=BELOW_CONFIRMED) | Q(setting_label_confidence__in=BELOW_CONFIRMED)
        ),
        "uncertain_steps": Step.objects.filter(
            confidence__in=BELOW_CONFIRMED, action__draft_of__isnull=True
        ).select_related("action"),
        "uncertain_rollouts": Rollout.objects.exclude(
            confidence=Confidence.CONFIRMED
        ).select_related("policy_change"),
        "drafts": Action.objects.filter(draft_of__isnull=False),
        "outdated_translations": outdated_translations(),
    }
    return render(request, "admin/overview.html", context)
