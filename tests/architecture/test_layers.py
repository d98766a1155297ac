"""Dependencies point one way: each app imports only the apps below it.

    municipalities <- meetings <- measures <- dashboards <- search <- subscriptions
                      meetings <- imports (beside measures: parses, reviews and saves meeting documents)
                      meetings <- imports <- harvest (it fills meetings from public archives through the importer)

``meetings`` never imports ``imports``: its pages link to the import pages by URL name only.

The project package (``partssamarbeid``) sits above every app: settings, URLs, the pages that
combine apps (``partssamarbeid/pages.py``), demo and synthetic data. A few of its modules are
plain helpers under every app (``FOUNDATION``); those import no app.

Python imports are read from the source (``ast``, every import, also inside functions); templates
are read for ``{% load %}`` of a tag library and ``{% include %}``/``{% extends %}`` of another
app's template. An upward dependency fails here with the file and the import.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: app -> the apps it may import (the transitive closure is written out: it is short).
ALLOWED: dict[str, set[str]] = {
    "municipalities": set(),
    "meetings": {"municipalities"},
    "measures": {"municipalities", "meetings"},
    "dashboards": {"municipalities", "meetings", "measures"},
    "search": {"municipalities", "meetings", "measures", "dashboards"},
    "subscriptions": {"municipalities", "meetings", "measures", "dashboards", "search"},
    "imports": {"municipalities", "meetings"},
    "harvest": {"municipalities", "meetings", "imports"},
}
PROJECT = "partssamarbeid"
#: modules of the project package that every app may use; they import no app
FOUNDATION = {
    "partssamarbeid.api", "partssamarbeid.database", "partssamarbeid.filters", "partssamarbeid.pagination",
    "partssamarbeid.security",
}
#: template folders shared by all apps (like FOUNDATION): they load no app's tags
SHARED_TEMPLATES = {"includes"}
PROJECT_TEMPLATES = {"pages", "home"}  # the project package's pages (pages.py, views.py)


def imported_modules(source: str, module: str) -> set[str]:
    """Absolute names of the modules ``source`` (the module ``module``) imports, relative ones resolved."""
    found = set()
    package = module.split(".")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level]
                found.add(".".join([*base, node.module] if node.module else base))
            else:
                found.add(node.module)
    return found


def python_violations(path: str, source: str) -> list[str]:
    """The upward imports in one file (``path`` relative to the repository root)."""
    parts = Path(path).with_suffix("").parts
    owner, module = parts[0], ".".join(parts if parts[-1] != "__init__" else parts[:-1])
    if owner == PROJECT and module not in FOUNDATION:
        return []  # the project package combines the apps
    allowed = set() if owner == PROJECT else ALLOWED[owner] | {owner}
    problems = []
    # relative imports resolve against the module's package (a package's __init__ is inside it)
    for name in sorted(imported_modules(source, ".".join(parts))):
        top = name.split(".")[0]
        if top == PROJECT and owner != PROJECT:
            if not any(name == f or name.startswith(f + ".") for f in FOUNDATION):
                problems.append(f"{path} imports {name} (the project package is above every app)")
        elif top in ALLOWED and top not in allowed:
            problems.append(f"{path} imports {name} ({owner} may import {sorted(ALLOWED.get(owner, ())) or 'no app'})")
    return problems


LOAD_RE = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
TEMPLATE_RE = re.compile(r"""{%\s*(?:include|extends)\s+["']([\w-]+)/""")


def tag_libraries() -> dict[str, str]:
    """Tag library name -> the app (or project package) that defines it."""
    return {
        path.stem: path.parts[-3]
        for path in ROOT.glob("*/templatetags/*.py")
        if path.stem != "__init__"
    }


def template_violations(path: str, source: str, libraries: dict[str, str]) -> list[str]:
    folder = Path(path).parts[1] if len(Path(path).parts) > 2 else None  # templates/<folder>/...
    if folder is None or folder in PROJECT_TEMPLATES:
        return []  # base.html, error pages and project pages may use any app
    shared = folder in SHARED_TEMPLATES
    allowed = set() if shared else ALLOWED.get(folder, set()) | {folder}
    problems = []
    for match in LOAD_RE.finditer(source):
        for library in match.group(1).split():
            owner = libraries.get(library)
            if owner in ALLOWED and owner not in allowed:
                problems.append(f"{path} loads {library} of {owner}")
            if owner == PROJECT and library not in ("ui",):
                problems.append(f"{path} loads {library} of the project package")
    for match in TEMPLATE_RE.finditer(source):
        other = match.group(1)
        if other in ALLOWED and other not in allowed or other in PROJECT_TEMPLATES:
            problems.append(f"{path} uses the template folder {other}/")
    return problems


def _python_files():
    for owner in [*ALLOWED, PROJECT]:
        for path in sorted((ROOT / owner).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_app_imports_an_app_above_it():
    problems = [p for path, source in _python_files() for p in python_violations(path, source)]
    assert problems == []


def test_no_template_uses_an_app_above_its_own():
    libraries = tag_libraries()
    problems = [
        p
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for p in template_violations(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), libraries)
    ]
    assert problems == []


def test_the_foundation_modules_and_the_ui_tags_import_no_app():
    for module in [*FOUNDATION, "partssamarbeid.templatetags.ui"]:
        path = ROOT / (module.replace(".", "/") + ".py")
        tops = {name.split(".")[0] for name in imported_modules(path.read_text(encoding="utf-8"), module)}
        assert tops & set(ALLOWED) == set(), module


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("municipalities/views.py", "from meetings.models import Meeting",
         ["municipalities/views.py imports meetings.models (municipalities may import no app)"]),
        ("meetings/views.py", "def f():\n    from measures import services",
         ["meetings/views.py imports measures (meetings may import ['municipalities'])"]),
        ("measures/forms.py", "from meetings.models import AgendaItem\nfrom municipalities import permissions", []),
        ("measures/services/__init__.py", "from .timing import Timing\nfrom ..models import Level", []),
        ("meetings/views.py", "from partssamarbeid.pages import home",
         ["meetings/views.py imports partssamarbeid.pages (the project package is above every app)"]),
        ("dashboards/api.py", "from partssamarbeid.api import KnownFilters", []),
        ("partssamarbeid/pages.py", "from dashboards import views", []),
        ("partssamarbeid/api.py", "from meetings import models",
         ["partssamarbeid/api.py imports meetings (partssamarbeid may import no app)"]),
        ("harvest/services.py", "from measures.models import Topic",
         ["harvest/services.py imports measures.models (harvest may import ['imports', 'meetings', 'municipalities'])"]),
        ("meetings/models.py", "from imports.tasks import start_parsing",
         ["meetings/models.py imports imports.tasks (meetings may import ['municipalities'])"]),
        ("imports/importing.py", "from meetings.models import Meeting\nfrom .parsers import common", []),
        ("imports/views.py", "from measures.models import Measure",
         ["imports/views.py imports measures.models (imports may import ['meetings', 'municipalities'])"]),
    ],
)
def test_an_upward_import_is_reported(path, source, expected):
    assert python_violations(path, source) == expected


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("templates/meetings/item_detail.html", "{% load i18n measures_tags %}",
         ["templates/meetings/item_detail.html loads measures_tags of measures"]),
        ("templates/municipalities/x.html", '{% include "measures/_municipality_links.html" %}',
         ["templates/municipalities/x.html uses the template folder measures/"]),
        ("templates/includes/x.html", "{% load visibility %}",
         ["templates/includes/x.html loads visibility of municipalities"]),
        ("templates/measures/x.html", '{% extends "base.html" %}{% load i18n visibility ui %}'
         '{% include "meetings/_breadcrumbs.html" %}', []),
        ("templates/pages/x.html", "{% load dashboards_tags %}{% include \"measures/_municipality_links.html\" %}", []),
    ],
)
def test_an_upward_template_dependency_is_reported(path, source, expected):
    libraries = {"measures_tags": "measures", "visibility": "municipalities", "ui": PROJECT, "i18n": "django"}
    assert template_violations(path, source, libraries) == expected
