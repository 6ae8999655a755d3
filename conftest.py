from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.cache import cache
from django.core.management import call_command

from pagecache import compression, content_version

# collectstatic's own defaults.
_IGNORED = ["CVS", ".*", "*~"]


def _collected_files_are_current() -> bool:
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return False
    sources = (
        Path(storage.path(path))
        for finder in get_finders()
        for path, storage in finder.list(_IGNORED)
    )
    return manifest.stat().st_mtime >= max(source.stat().st_mtime for source in sources)


@pytest.fixture(scope="session", autouse=True)
def _static_files_collected():
    # Pages name static files by the hashed names in collectstatic's manifest, and the
    # browser tests fetch the compressed copies: collect them, as production does, when
    # a source file is newer than the last collection (or there was none).
    if not _collected_files_are_current():
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Cached pages, the content version and what each process made from the content must
    # not leak from one test into the next (the database is rolled back, so versions
    # recur), nor a page recompressed in the background land after the test that cached it.
    cache.clear()
    content_version.forget_derived()
    yield
    compression.UPGRADER.wait()
    cache.clear()
    content_version.forget_derived()


@pytest.fixture(autouse=True)
def _second_factor_relaxed(settings):
    # Production requires staff to give a one-time code; tests of the admin's content sign
    # in with force_login. The sign-in tests turn it back on.
    settings.ADMIN_REQUIRE_2FA = False
