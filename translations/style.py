"""The style sheets and glossary that translators and editors work from (docs/style/).

One Markdown style sheet per language and one machine-readable glossary; the admin shows
them to staff read-only, and the test suite checks every translation against the glossary.
"""

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

STYLE_DIR = Path(settings.BASE_DIR) / "docs" / "style"


def style_sheet_path(language: str) -> Path:
    return STYLE_DIR / f"{language}.md"


def style_sheet(language: str) -> str | None:
    """The style sheet of a language other than English, or None if it has none."""
    if language not in dict(settings.LANGUAGES) or language == settings.LANGUAGE_CODE:
        return None
    path = style_sheet_path(language)
    return path.read_text(encoding="utf-8") if path.is_file() else None


@cache
def glossary() -> dict[str, Any]:
    """docs/style/glossary.toml: the terms, and each language's variety and quote rules."""
    return tomllib.loads((STYLE_DIR / "glossary.toml").read_text(encoding="utf-8"))
