import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import ChangeNote


class ChangesFeed(Feed):
    """The public change log as Atom, for people and sites that follow our steps."""

    feed_type = Atom1Feed
    title = "Opt-Out Guide: changes to the steps"
    subtitle = "When LinkedIn moves or renames a setting, we update the steps and say so here."

    def link(self) -> str:
        return reverse("walkthroughs:changes")

    def items(self):
        return ChangeNote.objects.filter(is_public=True)[:50]

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
