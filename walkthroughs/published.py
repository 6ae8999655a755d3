"""The published content each process keeps per content version, for the pages and the API.

Every miss of a checklist read the same four queries' worth of items, steps, warnings and
sources, whatever the country: now the first miss after a change reads them and the
others only ask which rollouts reach their country (README "Benchmarks").
"""

from pagecache import content_version

from .checklists import PLATFORM, load_actions
from .models import Action


def actions(surfaces: tuple[str, ...], platform: str = PLATFORM) -> list[Action]:
    """The platform's published items with their steps on the surfaces; read-only."""
    name = f"actions:{platform}:{','.join(surfaces)}"
    return content_version.derived(name, lambda: load_actions(platform, surfaces))
