"""The import rules between apps: each app can be read, and reused, on its own."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(package: str) -> dict[str, set[str]]:
    """Every module each source file of the package imports, tests and migrations aside."""
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        if {"tests", "migrations"} & set(path.relative_to(ROOT).parts):
            continue
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize("package", ["regions", "pagecache", "translations", "languages"])
def test_infrastructure_apps_import_nothing_from_the_domain(package):
    for path, names in imported_modules(package).items():
        assert not {n for n in names if n.split(".")[0] == "walkthroughs"}, path


def test_the_checklist_engine_reads_no_cache_and_no_request():
    names = imported_modules("walkthroughs")["walkthroughs/checklists.py"]
    assert not {n for n in names if n.startswith(("django.core.cache", "pagecache", "django.http"))}
