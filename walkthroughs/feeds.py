import dataclasses
import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import published
from .addresses import checklist_url
from .checklists import build_checklist
from .directory import Place, find_country
from .models import Alert, ChangeNote, Surface


class ChangesFeed(Feed):
    """The public change log as Atom, every service's or one service's, for people and sites
    that follow our steps."""

    feed_type = Atom1Feed

    def get_object(self, request, service: str | None = None) -> published.Service | None:
        if service is None:
            return None
        platform = published.platform(service)
        if platform is None:
            raise Http404("No service at this address.")
        return platform

    def title(self, obj: published.Service | None) -> str:
        if obj is None:
            return "Opt-Out Guide: changes to the steps"
        return f"Opt-Out Guide: changes to the steps for {obj.name}"

    def subtitle(self, obj: published.Service | None) -> str:
        who = obj.name if obj else "a service"
        return f"When {who} moves or renames a setting, we update the steps and say so here."

    def link(self, obj: published.Service | None) -> str:
        if obj is None:
            return reverse("walkthroughs:changes")
        return reverse("walkthroughs:service_changes", args=[obj.slug])

    def items(self, obj: published.Service | None):
        notes = ChangeNote.objects.filter(is_public=True)
        if obj is not None:
            notes = notes.filter(action__platform__slug=obj.slug)
        return notes[:50]

    def item_title(self, item: ChangeNote) -> str:
        return f"{item.item_title}: {item.note}"

    def item_description(self, item: ChangeNote) -> str:
        return item.note

    def item_link(self, item: ChangeNote) -> str:
        return f"{reverse('walkthroughs:changes')}#change-{item.pk}"

    def item_pubdate(self, item: ChangeNote) -> datetime.datetime:
        return datetime.datetime.combine(item.changed_on, datetime.time.min, tzinfo=datetime.UTC)

    def item_updateddate(self, item: ChangeNote) -> datetime.datetime:
        return self.item_pubdate(item)


class WatchFeed(Feed):
    """The watch's open alerts, for editors' feed readers (see overview.watch_feed)."""

    feed_type = Atom1Feed
    title = "Opt-Out Guide: what the watch saw"
    subtitle = "Links that moved or broke, and LinkedIn's legal texts that changed."

    def link(self) -> str:
        return reverse("editors_overview")

    def items(self):
        return Alert.objects.filter(resolved_at__isnull=True)[:50]

    def item_title(self, item: Alert) -> str:
        return item.message

    def item_description(self, item: Alert) -> str:
        return f"{item.get_kind_display()}: {item.subject}"

    def item_link(self, item: Alert) -> str:
        return item.link or reverse("admin:walkthroughs_alert_change", args=[item.pk])

    def item_guid(self, item: Alert) -> str:
        return f"watch-alert-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Alert) -> datetime.datetime:
        return item.first_seen_at

    def item_updateddate(self, item: Alert) -> datetime.datetime:
        return item.last_seen_at


@dataclasses.dataclass(frozen=True)
class FollowedChecklist:
    place: Place
    surface: str
    platform: published.Service
    # The checklist's absolute address.
    url: str
    slugs: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class ChecklistChange:
    note: ChangeNote
    # The item's place on the checklist page, and the change's own identifier.
    link: str
    guid: str


class ChecklistFeed(Feed):
    """The changes to one checklist's items, for visitors who want to hear when to look again.

    Shared by everyone who follows that checklist: it carries nothing about them.
    """

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def get_object(self, request, cc: str, surface: str, service: str) -> FollowedChecklist:
        place = find_country(cc)
        platform = published.platform(service)
        if place is None or surface not in Surface.values or platform is None:
            raise Http404("No checklist at this address.")
        checklist = build_checklist(place, surface, language=get_language(), platform=service)
        return FollowedChecklist(
            place=place,
            surface=surface,
            platform=platform,
            url=request.build_absolute_uri(
                checklist_url("checklist", service, place.code, surface)
            ),
            slugs=tuple(item.slug for item in checklist.applicable),
        )

    def title(self, obj: FollowedChecklist) -> str:
        return _("Changes to your %(platform)s checklist for %(country)s: %(device)s") % {
            "platform": obj.platform.name,
            "country": obj.place.in_sentence,
            "device": Surface(obj.surface).label,
        }

    def subtitle(self, obj: FollowedChecklist) -> str:
        return _(
            "When %(platform)s moves or renames a setting, we update the steps and say so here."
        ) % {"platform": obj.platform.name}

    def link(self, obj: FollowedChecklist) -> str:
        return obj.url

    def feed_url(self, obj: FollowedChecklist) -> str:
        return checklist_url("checklist_feed", obj.platform.slug, obj.place.code, obj.surface)

    def language(self, obj: FollowedChecklist) -> str:
        return get_language()

    def items(self, obj: FollowedChecklist) -> list[ChecklistChange]:
        notes = ChangeNote.objects.filter(
            is_public=True,
            action__platform__slug=obj.platform.slug,
            action__slug__in=obj.slugs,
            action__draft_of__isnull=True,
        ).select_related("action")[:50]
        return [
            ChecklistChange(
                note=note, link=f"{obj.url}#{note.action.slug}", guid=f"{obj.url}#change-{note.pk}"
            )
            for note in notes
        ]

    def item_title(self, item: ChecklistChange) -> str:
        return f"{item.note.item_title}: {item.note.note}"

    def item_description(self, item: ChecklistChange) -> str:
        return item.note.note

    def item_link(self, item: ChecklistChange) -> str:
        return item.link

    def item_guid(self, item: ChecklistChange) -> str:
        return item.guid

    def item_pubdate(self, item: ChecklistChange) -> datetime.datetime:
        return _midnight(item.note.changed_on)

    def item_updateddate(self, item: ChecklistChange) -> datetime.datetime:
        return _midnight(item.note.changed_on)


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
