from django.apps import AppConfig


class WalkthroughsConfig(AppConfig):
    name = "walkthroughs"
    verbose_name = "Walkthroughs"

    def ready(self) -> None:
        from . import signals  # noqa: F401
