import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    # Cached pages and the content version must not leak from one test into the next.
    cache.clear()
    yield
    cache.clear()
