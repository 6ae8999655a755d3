"""The published content each process keeps per content version, for the pages and the API.

Every miss of a checklist read the same four queries' worth of items, steps, warnings and
sources, whatever the country: now the first miss after a change reads them, and which
rollouts reach which country, and the others query nothing (README "Benchmarks"). Every
platform's items are read together, so a plan of ten services costs what one checklist
costs.
"""

import dataclasses

from pagecache import content_version

from .checklists import PLATFORM, load_actions
from .models import Action, Platform, Rollout, RolloutRegion


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


def rollouts_reaching(code: str) -> list[Rollout]:
    """The rollouts that reach the country, as ``Rollout.objects.reaching`` finds them:
    an included region holds it and no excluded region does; read-only."""
    return [
        rollout
        for rollout, included, excluded in content_version.derived("rollout-reach", _reach)
        if code in included and code not in excluded
    ]


def _reach() -> list[tuple[Rollout, frozenset[str], frozenset[str]]]:
    """Every rollout with the countries its included and its excluded regions hold."""
    codes: dict[tuple[int, str], set[str]] = {}
    memberships = RolloutRegion.objects.filter(region__countries__isnull=False).values_list(
        "rollout_id", "effect", "region__countries__code"
    )
    for rollout_id, effect, code in memberships:
        codes.setdefault((rollout_id, effect), set()).add(code)
    return [
        (
            rollout,
            frozenset(codes.get((rollout.pk, RolloutRegion.Effect.INCLUDE), ())),
            frozenset(codes.get((rollout.pk, RolloutRegion.Effect.EXCLUDE), ())),
        )
        for rollout in Rollout.objects.all()
    ]
