"""The published content each process keeps per content version, for the pages and the API.

Every miss of a checklist read the same four queries' worth of items, steps, warnings and
sources, whatever the country: now the first miss after a change reads them and the
others only ask which rollouts reach their country (README "Benchmarks"). Every
platform's items are read together, so a plan of ten services costs what one checklist
costs.
"""

import dataclasses

from pagecache import content_version

from .checklists import PLATFORM, load_actions
from .models import Action, Platform


@dataclasses.dataclass(frozen=True)
class Service:
    """A platform as the pages and the API show it."""

    slug: str
    name: str
    website: str


def platforms() -> tuple[Service, ...]:
    """Every platform, in the editors' order."""
    return content_version.derived(
        "platforms",
        lambda: tuple(
            Service(slug=p.slug, name=p.name, website=p.website) for p in Platform.objects.all()
        ),
    )


def platform(slug: str) -> Service | None:
    return next((service for service in platforms() if service.slug == slug), None)


def all_actions(surfaces: tuple[str, ...]) -> list[Action]:
    """Every platform's published items with their steps on the surfaces; read-only."""
    name = f"actions:{','.join(surfaces)}"
    return content_version.derived(name, lambda: load_actions(None, surfaces))


def actions(surfaces: tuple[str, ...], platform: str = PLATFORM) -> list[Action]:
    """One platform's published items with their steps on the surfaces; read-only."""
    return [action for action in all_actions(surfaces) if action.platform.slug == platform]
