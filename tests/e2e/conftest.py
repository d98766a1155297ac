"""Fixtures for the browser tests: a live server, Debian's Chromium and a logged-in page per role.

Every test module in this folder is marked ``e2e`` (excluded from ``make test``, run by
``make e2e``) and uses a transactional database with serialized rollback: the live server
runs in another thread, so data must be committed, and the register rows that a data
migration loaded (municipalities, organisations) must survive the flush after each test.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path

import pytest

from tests import factories

from . import browser as b
from .climate import add_climate
from .pages import ROLES

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(item.path).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def world(world):
    """tests/conftest.py's world plus climate measures in A (see tests/e2e/climate.py), so the
    measure pages in pages.py have something to show."""
    return add_climate(world)


@pytest.fixture
def browser(live_server, world):
    """Chromium for one test, started after the database and the world are ready.

    Playwright's sync API marks its asyncio loop as running in the test thread for as long
    as it is open, and Django then treats the thread as async: database calls would be
    refused or go to another connection. So the browser lives only inside a test (the
    database is set up before it starts and flushed after it stops), and a test that reads
    the database while the browser is open does so in ``with site.orm():``.
    """
    if not os.path.exists(b.CHROMIUM):
        pytest.fail(f"{b.CHROMIUM} is missing: `make e2e` installs Debian's chromium (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=b.CHROMIUM, args=b.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def results_dir() -> Path:
    return b.results_dir()


@pytest.fixture(scope="session")
def axe_report(results_dir):
    report = b.AxeReport()
    yield report
    if report.pages:
        report.write(results_dir / "axe.json")


class Site:
    """The live app with the test world in it; ``page_as(role)`` opens a browser tab for a role."""

    def __init__(self, base_url, world, browser):
        self.url = base_url
        self.world = world
        self.browser = browser
        self._contexts = []
        self.console = b.ConsoleWatch()

    def username(self, role: str) -> str | None:
        key = ROLES[role]
        return None if key is None else self.world.users[key].username

    def page_as(self, role: str, viewport=b.DESKTOP, locale: str = "nb-NO"):
        context = self.browser.new_context(viewport=viewport, locale=locale)
        context.set_default_timeout(10_000)
        self._contexts.append(context)
        page = context.new_page()
        self.console.attach(page)
        if self.username(role):
            b.login(page, self.url, self.username(role), factories.PASSWORD)
        return page

    @contextlib.contextmanager
    def orm(self):
        """Use the Django ORM in the test while the browser is open (see ``browser``)."""
        loop = asyncio._get_running_loop()
        asyncio._set_running_loop(None)
        try:
            yield
        finally:
            asyncio._set_running_loop(loop)

    def close(self):
        for context in self._contexts:
            context.close()


@pytest.fixture
def site(live_server, world, browser):
    site = Site(live_server.url, world, browser)
    yield site
    site.close()
    assert not site.console.problems, "the browser reported problems:\n" + "\n".join(site.console.problems)
