"""Check every deep link and source address, and the legal texts' versions, once.

    manage.py watch                  # everything; alerts on the editors' overview and feed
    manage.py watch --url https://…  # only these addresses (and the watched documents)

Run it on a schedule (docs/watch.md). It exits normally when the network is missing: the
failure is recorded as an alert, not raised.
"""

from django.core.management.base import BaseCommand

from walkthroughs import watch


class Command(BaseCommand):
    help = "Check deep links, source addresses and legal texts; alert editors to changes."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", action="append", help="Check only this address (repeatable).")

    def handle(self, *args, url: list[str] | None = None, **options) -> None:
        summary = watch.run(urls=url)
        self.stdout.write(
            f"Checked {summary.links} address(es) and {summary.documents} document(s): "
            f"{len(summary.opened)} new alert(s), {summary.closed} closed."
        )
        for message in summary.opened:
            self.stdout.write(f"  new: {message}")
        if summary.offline:
            self.stdout.write("Nothing could be reached: no network? Recorded as one alert.")
        elif summary.failures:
            self.stdout.write(f"{summary.failures} could not be reached this time.")
