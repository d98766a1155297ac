"""Keyboard only: log in, use the skip link, and log a meeting with an agenda item and a
proposal with nothing but Tab, Shift+Tab, Enter, Space and typing. Every element that takes
focus on the way must show a visible focus ring."""
from __future__ import annotations

import re

from meetings.models import Meeting, Proposal
from tests import factories

from . import browser as b


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.visited: list[dict] = []

    def focused(self) -> dict:
        return b.focus_indicator(self.page)

    def tab_to(self, selector: str, limit: int = 120, backwards: bool = False) -> None:
        """Press Tab until the element matching ``selector`` has focus, checking the focus ring on the way."""
        key = "Shift+Tab" if backwards else "Tab"
        wrapped = False
        for _ in range(limit):
            self.page.keyboard.press(key)
            state = self.focused()
            if not state["tag"]:
                # past the last element focus goes to the browser; the next Tab starts over at the top
                assert not wrapped, f"{selector} is not reachable with {key} at {self.page.url}"
                wrapped = True
                continue
            assert state["visible"], f"no visible focus on {state}"
            self.visited.append(state)
            if self.page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
                return
        raise AssertionError(f"{selector} is not reachable with {key} (last focus: {self.visited[-1]})")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def follow(self, selector: str) -> None:
        """Tab to a link or submit button and press Enter; wait for the next page."""
        self.tab_to(selector)
        with self.page.expect_navigation():
            self.press("Enter")


def test_keyboard_only_meeting_journey(site):
    w = site.world
    page = site.page_as("anonymous")
    keys = Keyboard(page)
    page.goto(site.url + "/accounts/login/")

    # the username field has focus on load
    assert keys.focused()["id"] == "id_username"
    keys.type(site.username("hr"))
    keys.press("Tab")
    keys.type(factories.PASSWORD)
    with page.expect_navigation():
        keys.press("Enter")
    assert page.url.rstrip("/") == site.url

    # the first Tab reaches the skip link, which is then visible and jumps to the content
    keys.tab_to(".skip-link", limit=1)
    box = page.locator(".skip-link").bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10, "the skip link becomes visible on focus"
    keys.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # the next Tab goes into the content, not back to the header
    keys.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")

    # Vaksdal -> the body -> New meeting
    keys.follow(f"header a[href='{w.a.get_absolute_url()}']")
    keys.follow(f"main a[href='{w.body_a.get_absolute_url()}']")
    keys.follow("main a[href$='/meetings/new/']")

    keys.tab_to("#id_date")
    keys.type("10102023")  # 10 October 2023 in either field order
    keys.tab_to("#id_place")
    keys.type("Kommunestyresalen")
    keys.tab_to("#id_state")
    keys.type("Avholdt")  # type-ahead in a closed select
    assert page.input_value("#id_state") == "held"
    keys.tab_to("#id_published")
    keys.press("Space")
    assert page.is_checked("#id_published")

    # attendance: Lina Sørbø sends forfall (rows are ordered by side, role and name)
    rep_row = page.evaluate(
        """() => [...document.querySelectorAll('select[id$="-person"][id^="id_attendance-"]')]
               .find(s => s.selectedOptions[0].textContent.trim() === "Lina Sørbø").id.split("-")[1]"""
    )
    keys.tab_to(f"#id_attendance-{rep_row}-status")
    keys.type("Forfall")
    assert page.input_value(f"#id_attendance-{rep_row}-status") == "absent"

    # one agenda item
    keys.tab_to("#id_items-0-position")
    keys.type("1")
    keys.press("Tab")
    keys.type("30/2023")
    keys.tab_to("#id_items-0-title")
    keys.type("Sykkelparkering og el-sykler for tilsette")
    keys.follow("main form button[type=submit]")
    assert re.search(r"/meetings/\d+/$", page.url), page.url
    with site.orm():
        meeting = Meeting.objects.get(body=w.body_a, date="2023-10-10")
        item = meeting.items.get()
        assert meeting.published and item.case_number == "30/2023"
        assert meeting.attendances.get(person__name="Lina Sørbø").status == "absent"

    # the item -> edit -> a joint proposal by Fagforbundet, adopted
    keys.follow(f"main a[href='{item.get_absolute_url()}']")
    keys.follow(f"main a[href$='/items/{item.pk}/edit/']")
    keys.tab_to("#id_proposals-0-position")
    keys.type("1")
    keys.press("Tab")
    keys.type("Fellesforslag")
    assert page.input_value("#id_proposals-0-kind") == "joint"
    keys.tab_to("#id_proposals-0-proposers")
    keys.type("Fagforbundet")  # type-ahead selects the option in the list box
    keys.tab_to("#id_proposals-0-outcome")
    keys.type("Vedtatt")
    keys.tab_to("#id_proposals-0-votes_for")
    keys.type("9")
    keys.follow("main form button[type=submit]")
    assert page.url.endswith(f"/items/{item.pk}/")
    with site.orm():
        proposal = Proposal.objects.get(item=item)
        assert proposal.kind == Proposal.Kind.JOINT and proposal.outcome == Proposal.Outcome.ADOPTED
        assert [o.short_name for o in proposal.proposers.all()] == ["Fagforbundet"]

    # and log out from the header, still by keyboard
    keys.follow("header form[action$='/accounts/logout/'] button[type=submit]")
    assert "/accounts/login/" in page.url
    assert len(keys.visited) > 20
