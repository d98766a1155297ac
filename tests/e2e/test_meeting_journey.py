"""Journey: HR staff log a meeting with attendance, agenda items and proposals.

Body page -> New meeting -> the meeting form with its attendance and agenda formsets (one
mistake first: nothing is saved and the error is tied to its field) -> the meeting page ->
an item's page -> the item form with its proposals -> the item page shows them.
"""
from __future__ import annotations

import re

from meetings.models import AgendaItem, Attendance, Meeting, Proposal


def row_of(page, prefix: str, field: str, label: str) -> int:
    """Index of the formset row whose ``field`` select shows ``label``."""
    index = page.evaluate(
        """([prefix, field, label]) => {
            const selects = [...document.querySelectorAll(`select[id^="id_${prefix}-"][id$="-${field}"]`)];
            const hit = selects.find(s => s.selectedOptions.length && s.selectedOptions[0].textContent.trim() === label);
            return hit ? parseInt(hit.id.split("-")[1], 10) : -1;
        }""",
        [prefix, field, label],
    )
    assert index >= 0, f"no {prefix} row with {field} = {label}"
    return index


def option_label(page, select_id: str, starts_with: str) -> str:
    labels = page.locator(f"#{select_id} option").all_inner_texts()
    return next(label for label in labels if label.strip().startswith(starts_with)).strip()


def test_hr_logs_a_meeting_with_attendance_items_and_proposals(site):
    w = site.world
    page = site.page_as("hr")

    # from the front page to the body, then "New meeting"
    page.locator(f"header a[href='{w.a.get_absolute_url()}']").click()
    page.locator(f"main a[href='{w.body_a.get_absolute_url()}']").click()
    assert page.locator("h1").inner_text() == w.body_a.name
    page.locator("main a[href$='/meetings/new/']").click()
    assert page.url.endswith(f"/bodies/{w.body_a.pk}/meetings/new/")

    # the meeting
    page.fill("#id_date", "2023-10-10")
    page.fill("#id_start_time", "10:00")
    page.fill("#id_end_time", "09:00")  # a mistake: ends before it starts
    page.fill("#id_place", "Kommunestyresalen")
    page.select_option("#id_state", "held")
    page.check("#id_published")

    # attendance: the seats are prefilled; Lina Sørbø sends forfall, Vera Varamedlem meets for her
    chair = row_of(page, "attendance", "person", "Siri Leiarsen")
    page.select_option(f"#id_attendance-{chair}-status", "present")
    rep = row_of(page, "attendance", "person", "Lina Sørbø")
    page.select_option(f"#id_attendance-{rep}-status", "absent")
    rep2 = row_of(page, "attendance", "person", "Ola Lærar")
    page.select_option(f"#id_attendance-{rep2}-status", "present")

    # a new row through the "add person" button (JavaScript clones the empty row)
    rows_before = page.locator("#attendance-rows tr").count()
    page.locator("button[data-formset-add=attendance]").click()
    assert page.locator("#attendance-rows tr").count() == rows_before + 1
    sub = rows_before  # the new row's index
    assert page.evaluate("() => document.activeElement.id") == f"id_attendance-{sub}-person", "focus moves to the new row"
    page.select_option(f"#id_attendance-{sub}-person", label="Vera Varamedlem")
    page.select_option(f"#id_attendance-{sub}-status", "present")
    page.select_option(
        f"#id_attendance-{sub}-substitute_for",
        label=option_label(page, f"id_attendance-{sub}-substitute_for", "Lina Sørbø"),
    )
    page.select_option(f"#id_attendance-{sub}-side", "employee")
    page.fill(f"#id_attendance-{sub}-role", "Varamedlem")

    # someone from the administration, in one of the spare rows
    other = rows_before - 1
    page.fill(f"#id_attendance-{other}-name", "Kari Kommunedirektør")
    page.select_option(f"#id_attendance-{other}-status", "present")
    page.select_option(f"#id_attendance-{other}-side", "other")
    page.fill(f"#id_attendance-{other}-role", "Kommunedirektør")

    # the agenda
    page.fill("#id_items-0-position", "1")
    page.fill("#id_items-0-case_number", "20/2023")
    page.fill("#id_items-0-title", "Klimabudsjett og klimaregnskap 2024")
    page.fill("#id_items-1-position", "2")
    page.fill("#id_items-1-case_number", "21/2023")
    page.fill("#id_items-1-title", "Godkjenning av protokoll")
    page.check("#id_items-1-procedural")

    page.locator("main form button[type=submit]").click()

    # nothing saved; the error is next to its field and announced (the page answers at the same
    # URL, so wait for the answer rather than read the page being left)
    page.locator("#form-errors").wait_for(state="visible")
    assert page.locator("#form-errors").is_visible()
    end_time = page.locator("#id_end_time")
    assert end_time.get_attribute("aria-invalid") == "true"
    described_by = end_time.get_attribute("aria-describedby")
    assert described_by and page.locator(f"#{described_by}").inner_text().strip()
    with site.orm():
        assert not Meeting.objects.filter(body=w.body_a, date="2023-10-10").exists()

    page.fill("#id_end_time", "11:30")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    assert page.locator("main [role=status]").first.is_visible(), "a confirmation is shown"
    main = page.locator("main").inner_text()
    assert "Vera Varamedlem" in main and "Kari Kommunedirektør" in main
    assert "Klimabudsjett og klimaregnskap 2024" in main

    with site.orm():
        meeting = Meeting.objects.get(body=w.body_a, date="2023-10-10")
        assert meeting.published and meeting.state == Meeting.State.HELD
        statuses = {a.display_name: a.status for a in meeting.attendances.all()}
        assert statuses["Lina Sørbø"] == Attendance.Status.ABSENT
        assert statuses["Vera Varamedlem"] == Attendance.Status.PRESENT
        assert meeting.attendances.get(person__name="Vera Varamedlem").substitute_for == w.rep
        item = AgendaItem.objects.get(meeting=meeting, case_number="20/2023")

    # the item: the administration's proposal, an amendment from two unions, the decision
    page.locator(f"main a[href='{item.get_absolute_url()}']").first.click()
    page.locator(f"main a[href$='/items/{item.pk}/edit/']").click()
    page.fill("#id_administration_proposal", "Klimabudsjettet vert vedteke som framlagt.")
    page.fill("#id_decision", "Klimabudsjettet vert vedteke som framlagt.")
    page.fill("#id_proposals-0-position", "1")
    page.select_option("#id_proposals-0-kind", "administration")
    page.check("#id_proposals-0-by_administration")
    page.select_option("#id_proposals-0-outcome", "adopted")
    page.fill("#id_proposals-0-votes_for", "7")
    page.fill("#id_proposals-0-votes_against", "2")
    page.locator("button[data-formset-add=proposals]").click()
    page.fill("#id_proposals-1-position", "2")
    page.select_option("#id_proposals-1-kind", "amendment")
    page.select_option("#id_proposals-1-proposers", label=["Fagforbundet", "Utdanningsforbundet"])
    page.fill("#id_proposals-1-text", "Tilsette skal få delta i arbeidet med klimabudsjettet.")
    page.select_option("#id_proposals-1-outcome", "fell")
    page.fill("#id_proposals-1-votes_for", "2")
    page.fill("#id_proposals-1-votes_against", "7")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/items/{item.pk}/$"))

    main = page.locator("main").inner_text()
    assert "Tilsette skal få delta" in main and "Fagforbundet" in main
    with site.orm():
        proposals = list(Proposal.objects.filter(item=item).order_by("position"))
        assert [p.kind for p in proposals] == [Proposal.Kind.ADMINISTRATION, Proposal.Kind.AMENDMENT]
        assert sorted(o.short_name for o in proposals[1].proposers.all()) == ["Fagforbundet", "Utdanningsforbundet"]
        assert (proposals[1].votes_for, proposals[1].votes_against) == (2, 7)
