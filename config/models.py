from django.db import models


class RateLimitBucket(models.Model):
    """One limit's state for one client or account, under a key no one can turn back.

    A bucket holds `limit` attempts and refills one every `window / limit` seconds. `tat`
    (the generic cell rate algorithm's "theoretical arrival time") is the moment the
    bucket will be full again; a bucket already full has no row, or a row in the past.
    """

    key = models.CharField(
        max_length=64,
        primary_key=True,
        help_text="The limit's scope and a keyed hash of the client's address or the account.",
    )
    tat = models.BigIntegerField(help_text="Microseconds since 1970 when the bucket is full again.")

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key
