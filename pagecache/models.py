from django.db import models
from django.utils import timezone


class ContentRevision(models.Model):
    """One row counting content changes: the version every process can agree on.

    The shared cache carries the version for speed; this row makes it right even where
    the cache is not shared (local memory with several gunicorn workers).
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # Made by walkthroughs before this app existed; the table stayed where it was.
        db_table = "walkthroughs_contentrevision"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="content_revision_single_row"),
        ]

    def __str__(self) -> str:
        return f"Content revision {self.number} ({self.changed_at:%Y-%m-%d %H:%M})"
