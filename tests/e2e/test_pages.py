"""Every main page for every role: answers as expected, zero axe violations (WCAG 2.1 A/AA),
charts with text alternatives, no sideways scrolling on a phone; screenshots of every page at 1280x800 and 390x844.

The pages are listed once, in tests/e2e/pages.py. The axe results of the whole run go to
e2e-results/axe.json; the screenshots to e2e-results/screenshots/.
"""
from __future__ import annotations

import pytest

from . import browser as b
from .pages import ROLES, pages_for


@pytest.mark.parametrize("role", list(ROLES))
def test_main_pages(site, role, axe_report, results_dir):
    shots = results_dir / "screenshots"
    shots.mkdir(exist_ok=True)
    page = site.page_as(role)
    page.context.add_init_script(script=b.axe_source())  # axe in every page from here on (see run_axe)
    failures = []
    for spec in pages_for(role):
        url = site.url + spec.path(site.world)
        response = page.goto(url)
        if response.status != spec.status:
            failures.append(f"{spec.name} as {role}: HTTP {response.status}, expected {spec.status} ({url})")
            continue
        assert page.locator("h1").count() == 1, f"{spec.name} as {role}: one h1 per page"
        violations = b.run_axe(page)
        axe_report.add(role, spec.name, url, violations)
        if violations:
            failures.append(f"{spec.name} as {role} ({url}):\n{b.describe(violations)}")
        for chart in b.charts_without_text(page):
            failures.append(f"{spec.name} as {role}: a chart without a text alternative: {chart}")
        screenshots = role == spec.roles[0]  # each page once, as the first role listed for it
        if screenshots:
            page.screenshot(path=shots / f"{spec.name}--{role}--desktop.png", full_page=True)
        page.set_viewport_size(b.PHONE)
        overflow = b.horizontal_overflow(page)
        if overflow > 0:
            failures.append(f"{spec.name} as {role}: {overflow}px wider than a 390px phone screen")
        if screenshots:
            page.screenshot(path=shots / f"{spec.name}--{role}--phone.png", full_page=True)
        page.set_viewport_size(b.DESKTOP)
    assert not failures, "\n".join(failures)


def test_axe_finds_a_planted_violation(site):
    """The checkers themselves work: a page with known faults is not reported clean."""
    page = site.page_as("anonymous")
    page.set_content('<html><head><title>x</title></head><body><main><img src="x.png">'
                     '<p style="color:#aaa;background:#fff">grey on white</p>'
                     '<svg id="bare" width="20" height="20"><rect width="10" height="10" /></svg></main></body></html>')
    ids = {v["id"] for v in b.run_axe(page)}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= ids
    assert [chart.split(":")[0] for chart in b.charts_without_text(page)] == ["bare"]


def test_csp_is_enforced_in_the_browser(site):
    """An injected inline script does not run: the page's CSP blocks it and the browser says so."""
    page = site.page_as("hr")
    page.goto(site.url + "/")
    ran = page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener("securitypolicyviolation", e => resolve("blocked: " + e.violatedDirective));
            const s = document.createElement("script");
            s.textContent = "window.__injected = true";
            document.body.appendChild(s);
            setTimeout(() => resolve(window.__injected ? "ran" : "not run"), 500);
        })"""
    )
    assert ran.startswith("blocked: script-src")
    assert any("Content Security Policy" in p for p in site.console.problems)
    site.console.problems.clear()  # the violation was planted
