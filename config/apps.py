from django.apps import AppConfig


class SiteConfig(AppConfig):
    """What serves the whole site and owns a table: the rate limits' buckets."""

    name = "config"
    verbose_name = "Site"
