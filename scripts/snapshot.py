"""Render the public pages and the JSON API of a fresh database into a folder, to diff.

A refactoring should not change what visitors and re-users get. Run this on the commit
before and on the one after, then compare:

    .venv/bin/python scripts/snapshot.py /tmp/before     # on the old commit
    .venv/bin/python scripts/snapshot.py /tmp/after      # on the new one
    diff -r /tmp/before /tmp/after

It migrates a throwaway SQLite database (the seeded content), pins every timestamp the
pages show so that two runs agree, and writes one file per address: status, headers and
body, with CSRF tokens, CSP nonces and expiry dates blanked. Static files must be
collected first (any test run does).
"""

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXED = "2026-01-01 00:00:00+00:00"

COUNTRIES = ["de", "gb", "us", "ca", "cn", "no", "jp"]
LANGUAGES = ["en", "fr", "nl", "zh-hant"]
PAGES = [
    "/",
    "/fr/",
    "/?country=de",
    "/?country=zz",
    "/?q=land",
    "/?q=Atlantis",
    "/changes/",
    "/changes/feed/",
    "/sitemap.xml",
    "/sitemap-checklists.xml",
    "/robots.txt",
    "/nowhere/",
    "/checklist/zz/web/",
    "/checklist/UK/web/",
    "/checklist/?country=uk&surface=ios",
    "/checklist/de/web/qr.svg",
    "/checklist/de/ios/report/ai-training/",
    "/api/v1/countries/",
    "/api/v1/checklists/zz/",
    "/api/v1/checklists/UK/?lang=fr",
    "/api/v1/checklists/de/?lang=xx",
]
HTMX = ["/?country=de", "/?q=land", "/"]


def addresses() -> list[str]:
    paths = list(PAGES)
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"/{language}"
        for code in COUNTRIES:
            paths += [f"{prefix}/checklist/{code}/{s}/" for s in ("web", "ios", "android")]
            paths.append(f"/api/v1/checklists/{code}/?lang={language}")
    return paths


def main(out: Path) -> None:
    database = Path(tempfile.mkdtemp()) / "snapshot.sqlite3"
    os.environ.update(
        DATABASE_URL=f"sqlite:///{database}",
        CACHE_URL="locmemcache://snapshot",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="snapshot-only-not-secret",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.apps import apps
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    for model in apps.get_models():
        if "updated_at" in {f.name for f in model._meta.concrete_fields}:
            model.objects.update(updated_at=FIXED)
    with connection.cursor() as cursor:
        # The content version's row, under its table name (its model has moved before).
        cursor.execute("DELETE FROM walkthroughs_contentrevision")
        cursor.execute(
            "INSERT INTO walkthroughs_contentrevision (id, number, changed_at) VALUES (1, 1, %s)",
            [FIXED],
        )
    cache.clear()

    out.mkdir(parents=True, exist_ok=True)
    client = Client()
    requests = [(path, {}) for path in addresses()]
    requests += [(path, {"hx-request": "true"}) for path in HTMX]
    for path, headers in requests:
        response = client.get(path, headers=headers)
        body = response.content.decode()
        body = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1…", body)
        body = re.sub(r'nonce="[^"]+"', 'nonce="…"', body)
        lines = [f"{response.status_code} {path}"]
        for header, value in sorted(response.items()):
            if header in ("Set-Cookie", "Expires"):  # per request, never the same
                continue
            value = re.sub(r"'nonce-[^']+'", "'nonce-…'", value)
            lines.append(f"{header}: {value}")
        name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_") or "root"
        name += "__htmx" if headers else ""
        (out / f"{name}.txt").write_text("\n".join(lines) + "\n\n" + body)
    print(f"{len(requests)} responses written to {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: snapshot.py OUTPUT_FOLDER")
    main(Path(sys.argv[1]))
