import pytest

from config import cache as resilient
from config.tests.faults import redis_server


@pytest.fixture
def redis(settings):
    """The site's cache on a redis-server of the test's own, which the test may stop."""
    with redis_server() as server:
        settings.CACHES = {
            "default": {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": server.url}
        }
        resilient.OUTAGES.end(server.url)
        yield server
        resilient.OUTAGES.end(server.url)
