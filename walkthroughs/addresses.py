"""Where a service's checklist and what goes with it live.

LinkedIn keeps the short addresses it had before other services came
(``/checklist/de/web/``), so that every link already shared keeps working; every other
service's sit under its slug (``/checklist/facebook/de/web/``).
"""

import dataclasses
import functools

from django.urls import reverse

from .checklists import PLATFORM


def checklist_url(name: str, service: str, *args: str) -> str:
    """The address of a checklist page (``name`` as in urls.py) for the service."""
    if service == PLATFORM:
        return reverse(f"walkthroughs:{name}", args=args)
    return reverse(f"walkthroughs:service_{name}", args=[service, *args])


@dataclasses.dataclass(frozen=True)
class ChecklistAddresses:
    """The addresses, each reversed once: a checklist names its report address once a
    step, and reversing it every time cost a tenth of rendering the page."""

    service: str
    cc: str
    surface: str

    def _url(self, name: str) -> str:
        return checklist_url(name, self.service, self.cc, self.surface)

    @functools.cached_property
    def page(self) -> str:
        return self._url("checklist")

    @functools.cached_property
    def qr(self) -> str:
        return self._url("checklist_qr")

    @functools.cached_property
    def reminder(self) -> str:
        return self._url("checklist_reminder")

    @functools.cached_property
    def feed(self) -> str:
        return self._url("checklist_feed")

    @functools.cached_property
    def report(self) -> str:
        """The start of an item's report address: the item's slug and a slash follow."""
        return f"{self.page}report/"
