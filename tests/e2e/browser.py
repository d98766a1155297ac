"""Helpers for the browser tests: Chromium flags, logging in, axe-core and page checks."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
# Debian's Chromium, headless, with nothing that phones home (the machines reach no network).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

E2E_DIR = Path(__file__).resolve().parent
AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def results_dir() -> Path:
    path = Path(os.environ.get("E2E_RESULTS", Path(settings.BASE_DIR) / "e2e-results"))
    path.mkdir(parents=True, exist_ok=True)
    return path


# --- console: CSP violations and script errors fail a test ------------------------------------

_IGNORED_CONSOLE = re.compile(r"Failed to load resource: the server responded with a status of (403|404)")


@dataclass
class ConsoleWatch:
    """Collects what the page reports: CSP violations and uncaught script errors are bugs."""

    problems: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def _on_console(self, message) -> None:
        if message.type not in ("error", "warning"):
            return
        text = message.text
        if _IGNORED_CONSOLE.search(text):
            return
        if message.type == "error" or "Content Security Policy" in text:
            self.problems.append(f"console {message.type}: {text}")


# --- logging in -------------------------------------------------------------------------------


def login(page, base_url: str, username: str, password: str) -> None:
    """Log in through the real login form (as a person would)."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"login as {username} failed: {page.url}"


def logout(page) -> None:
    page.locator("header form[action$='/accounts/logout/'] button[type=submit]").click()
    page.wait_for_load_state()


# --- axe-core ---------------------------------------------------------------------------------

_AXE_SOURCE: str | None = None


def axe_source() -> str:
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        if not AXE_JS.exists():
            raise RuntimeError(f"{AXE_JS} is missing: run `make e2e` (it runs `npm ci` in tests/e2e).")
        _AXE_SOURCE = AXE_JS.read_text(encoding="utf-8")
    return _AXE_SOURCE


def run_axe(page) -> list[dict]:
    """Run axe-core on the page for WCAG 2.1 A and AA and return its violations.

    axe is evaluated through the DevTools protocol (``page.evaluate``, or an init script added
    with ``context.add_init_script``), which the page's Content-Security-Policy does not govern;
    ``page.add_script_tag`` would insert an inline <script> that the app's CSP (rightly) blocks.
    So the page is checked exactly as users get it, CSP and all, without ``bypass_csp``.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 300),
                                          summary: n.failureSummary}))
            }));
        }""",
        AXE_TAGS,
    )
    return result


@dataclass
class AxeReport:
    """What axe found on every page checked; written to e2e-results/axe.json."""

    pages: int = 0
    details: list[dict] = field(default_factory=list)

    def add(self, role: str, page_name: str, url: str, violations: list[dict]) -> None:
        self.pages += 1
        for violation in violations:
            self.details.append({"role": role, "page": page_name, "url": url, **violation})

    @property
    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for violation in self.details:
            counts[violation["id"]] = counts.get(violation["id"], 0) + len(violation["nodes"])
        return dict(sorted(counts.items()))

    def as_dict(self) -> dict:
        return {
            "pages": self.pages,
            "violations": sum(self.by_rule.values()),
            "by_rule": self.by_rule,
            "tags": AXE_TAGS,
            "details": self.details,
        }

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"      {node['target']}  {node['html'][:160]}")
    return "\n".join(lines)


def charts_without_text(page) -> list[str]:
    """Charts (SVG in the content) that lack a text alternative: each must be ``role="img"``
    with a name and a description from its own <title> and <desc> (``aria-labelledby``)."""
    return page.evaluate(
        """() => [...document.querySelectorAll("main svg:not([aria-hidden=true])")].flatMap(svg => {
            const ids = (svg.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
            const texts = ids.map(id => (document.getElementById(id)?.textContent || "").trim());
            const title = svg.querySelector(":scope > title")?.textContent.trim();
            const desc = svg.querySelector(":scope > desc")?.textContent.trim();
            const ok = svg.getAttribute("role") === "img" && ids.length >= 2 && texts.every(Boolean) && title && desc;
            const what = `role=${svg.getAttribute("role")} labelledby=${ids} title=${title} desc=${desc}`;
            return ok ? [] : [`${svg.id || "svg"}: ${what}`];
        })"""
    )


# --- layout and focus -------------------------------------------------------------------------


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0: no sideways scrolling)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def upload_for_review(page, path):
    """From a municipality's page: upload ``path`` on its import page; returns the review form."""
    page.locator("main a[href$='/import/']").click()
    page.set_input_files("input[type=file]", str(path))
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    review = page.locator("main form[action$='/confirm/']")
    review.wait_for()
    return review


def record_involvement(page, *, arena: str, raised_by: str, level: int, position: str, text: str,
                       arena_detail: str | None = None) -> None:
    """Fill the involvement form (arena, who raised it, level, position and its text) and submit it."""
    page.select_option("#id_arena", arena)
    if arena_detail is not None:
        page.fill("#id_arena_detail", arena_detail)
    page.select_option("#id_raised_by", raised_by)
    page.check(f"input[name=level][value='{level}']")
    page.check(f"input[name=position][value={position}]")
    page.fill("#id_position_text", text)
    page.locator("main form button[type=submit]").click()


def screenshots(page, results_dir: Path, stem: str, *, full_page: bool = True) -> None:
    """``stem--desktop.png`` and ``stem--phone.png`` under the results' screenshots; on a phone the
    page must not scroll sideways. Leaves the page at desktop size."""
    shots = results_dir / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=shots / f"{stem}--desktop.png", full_page=full_page)
    page.set_viewport_size(PHONE)
    assert horizontal_overflow(page) <= 0, f"{stem} is wider than a 390px phone screen"
    page.screenshot(path=shots / f"{stem}--phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def focus_indicator(page) -> dict:
    """The focused element and whether it shows a focus ring (an outline of 2px or more)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return {tag: null, visible: false};
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
            // The calendar/clock button inside a date or time field takes focus of its own; the
            // field then does not match :focus, and Chromium draws its own ring round the button.
            const picker = ["date", "time", "datetime-local", "month", "week"].includes(el.type) && !el.matches(":focus");
            return {picker,tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || el.value || "").trim().slice(0, 60),
                    outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor,
                    visible: outline || picker};
        }"""
    )
