"""The editors' overview: what needs checking on a real account, and what visitors report."""

from django.contrib import admin
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import Action, Confidence, Report, Rollout, Step, stale_before

BELOW_CONFIRMED = [Confidence.SINGLE, Confidence.UNCERTAIN]


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
    }
    return render(request, "admin/overview.html", context)
