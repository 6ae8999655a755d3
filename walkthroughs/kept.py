"""Which services an editor keeps: all of them, or only those of their service groups.

Each service has its group, "Editors: ChatGPT" and so on (``Platform.editor_groups``). An
editor in one or more of those keeps only their services; a superuser, a member of the
Editors group or anyone in no service group keeps them all.
"""

from django.contrib.auth.models import Group
from django.db.models import QuerySet

from .models import Platform

ALL_SERVICES_GROUP = "Editors"


def kept_platforms(user) -> QuerySet[Platform] | None:
    """The services ``user`` may see and edit, or None for every one."""
    if not hasattr(user, "_kept_platforms"):
        user._kept_platforms = _kept(user)
    return user._kept_platforms


def _kept(user) -> QuerySet[Platform] | None:
    if user.is_superuser:
        return None
    groups = Group.objects.filter(user=user)
    if groups.filter(name=ALL_SERVICES_GROUP).exists():
        return None
    kept = Platform.objects.filter(editor_groups__in=groups).distinct()
    # Evaluated once, so that every filter and choice of the request reads the same list.
    pks = list(kept.values_list("pk", flat=True))
    return Platform.objects.filter(pk__in=pks) if pks else None
