"""The editors' overview: what needs checking on a real account, and what visitors report."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from translations import store as tr

from .feeds import WatchFeed
from .kept import kept_platforms
from .models import Action, Alert, Confidence, Report, Rollout, Screenshot, Step, stale_before

BELOW_CONFIRMED = [Confidence.SINGLE, Confidence.UNCERTAIN]


# The watch's feed is read by feed readers, which cannot sign in: each editor's address
# carries a signed token naming them, shown on their overview.
FEED_SALT = "walkthroughs.watch-feed"


def watch_feed_path(user) -> str:
    # Without a timestamp: the address stays the same for as long as the editor is one.
    return reverse("watch_feed", args=[signing.Signer(salt=FEED_SALT).sign(str(user.pk))])


@never_cache
@require_safe
def watch_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The watch's alerts as Atom, for the editor the token names while they are one."""
    try:
        pk = int(signing.Signer(salt=FEED_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        raise Http404("No feed at this address.") from None
    user = get_user_model().objects.filter(pk=pk, is_active=True, is_staff=True).first()
    if user is None or not user.has_perm("walkthroughs.view_alert"):
        raise Http404("No feed at this address.")
    return WatchFeed()(request)


def _service_of(obj) -> int | None:
    """The pk of the service a row belongs to; None for a row all services share."""
    if hasattr(obj, "platform_id"):
        return obj.platform_id
    for parent in ("action", "policy_change", "rollout", "step"):
        if hasattr(obj, f"{parent}_id"):
            return _service_of(getattr(obj, parent))
    return None


def outdated_translations(kept=None) -> list[tuple[str, list[tuple[str, str, list[str]]]]]:
    """Per language: (name, [(row, its admin page, outdated fields)]), languages behind only.

    Given ``kept`` (an editor's services), rows of other services are left out."""
    names = dict(settings.LANGUAGES)
    kept_pks = None if kept is None else set(kept.values_list("pk", flat=True))
    result = []
    for language in tr.other_languages():
        rows = []
        for obj, fields in tr.outdated_rows(language):
            service = _service_of(obj)
            if kept_pks is not None and service is not None and service not in kept_pks:
                continue
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
    kept = kept_platforms(request.user)
    actions, steps, rollouts = Action.objects.all(), Step.objects.all(), Rollout.objects.all()
    reports, shots = Report.objects.all(), Screenshot.objects.all()
    if kept is not None:
        # An editor limited to some services reads about theirs only.
        actions = actions.filter(platform__in=kept)
        steps = steps.filter(action__platform__in=kept)
        rollouts = rollouts.filter(policy_change__platform__in=kept)
        reports = reports.filter(action__platform__in=kept)
        shots = shots.filter(step__action__platform__in=kept)
    context = {
        **admin.site.each_context(request),
        "title": "Editors' overview",
        "stale_before": stale_before(),
        "stale_actions": actions.originals().stale().select_related("platform"),
        "stale_steps": steps.filter(action__draft_of__isnull=True)
        .stale()
        .values("action__pk", "action__title", "surface")
        .annotate(count=Count("pk"))
        .order_by("action__title", "surface"),
        "open_reports": reports.filter(status__in=Report.OPEN)
        .values("action__pk", "action__title", "surface", "status")
        .annotate(count=Count("pk"))
        .order_by("action__title", "surface", "status"),
        "uncertain_actions": actions.originals().filter(
            Q(confidence__in=BELOW_CONFIRMED) | Q(setting_label_confidence__in=BELOW_CONFIRMED)
        ),
        "uncertain_steps": steps.filter(
            confidence__in=BELOW_CONFIRMED, action__draft_of__isnull=True
        ).select_related("action"),
        "uncertain_rollouts": rollouts.exclude(confidence=Confidence.CONFIRMED).select_related(
            "policy_change"
        ),
        # Taken before the step's last edit: the picture may show what the step no
        # longer says (a renamed label, say).
        "older_screenshots": shots.filter(taken_on__lt=TruncDate(F("step__updated_at")))
        .select_related("step__action")
        .order_by("step__action__title", "step__surface", "step__position"),
        "drafts": actions.filter(draft_of__isnull=False),
        "outdated_translations": outdated_translations(kept),
        "alerts": Alert.objects.filter(resolved_at__isnull=True),
        "watch_feed": request.build_absolute_uri(watch_feed_path(request.user)),
    }
    return render(request, "admin/overview.html", context)
