"""Journey: a union representative follows Vaksdal's climate items (by default); HR imports a
notice with a parking-fee item for employees; the representative's e-mail arrives with the item
and the evidence; they open the links, and once HR has made the item a measure, "record
involvement" leads to the measure's form with the item chosen; the measure page then shows the
involvement as early (consulted before the decision)."""
from __future__ import annotations

import datetime
import re

from django.core import mail
from django.utils import timezone

from measures.models import ClimateMeasure, Involvement, Level, Side
from tests.imports.documents import NOTICE_2024_04

from . import browser as b
from .test_import_journey import check_page

MEASURE = "Parkeringsavgift for tilsette ved rådhuset"


def future_notice() -> tuple[str, datetime.date]:
    day = timezone.localdate() + datetime.timedelta(days=30)
    text = (NOTICE_2024_04.replace("16.04.2024", f"{day:%d.%m.%Y}").replace("/2024", f"/{day.year}")
            .replace("Sykkelparkering for tilsette", "Parkeringsavgift for tilsette")
            .replace("Det vert bygd overdekt sykkelparkering ved rådhuset.",
                     "Tilsette skal betale parkeringsavgift ved rådhuset frå 1. september."))
    return text, day


def test_notice_import_alerts_the_union_rep(site, settings, tmp_path, axe_report, results_dir):
    settings.SITE_URL = site.url
    w = site.world
    text, day = future_notice()
    notice = tmp_path / "innkalling.txt"
    notice.write_text(text, encoding="utf-8")

    rep = site.page_as("union_rep")
    rep.locator("header a[href='/folg/']").click()
    assert rep.locator("#id_municipality_climate").is_checked()

    hr = site.page_as("hr")
    hr.goto(site.url + w.a.get_absolute_url())
    review = b.upload_for_review(hr, notice)
    review.locator("button[type=submit]").click()
    hr.wait_for_load_state()

    with site.orm():
        [message] = [m for m in mail.outbox if m.to == ["tv_a@example.invalid"]]
    assert message.subject == f"Klimasak knyttet til arbeidsforhold: Administrasjonsutvalet {day:%d.%m.%Y}"
    assert "Parkeringsavgift for tilsette" in message.body
    assert "Hvorfor: En klimasak i din kommune" in message.body
    assert "Klimabelegg: Parkeringsavgift for tilsette" in message.body
    item_url = re.search(r"Sak: (\S+)", message.body).group(1)
    involvement_url = re.search(r"Registrer medvirkning: (\S+)", message.body).group(1)
    assert item_url.startswith(site.url)

    rep.goto(item_url)
    assert "Parkeringsavgift for tilsette" in rep.locator("h1").inner_text()
    # no measure yet: the item page says so
    rep.goto(involvement_url)
    assert rep.locator("#item-measures").is_visible()
    assert "Saken er ikke knyttet til et klimatiltak ennå." in rep.locator("main [role=status]").inner_text()

    # HR turns the item into a measure (proposed: not decided yet); the world already has a
    # decided measure of that title, so HR names this one
    hr.goto(item_url)
    form = hr.locator("#item-measures form[action$='/measures/new/']")
    form.locator("input[name=title]").fill(MEASURE)
    form.locator("button[type=submit]").click()
    hr.wait_for_url(re.compile(r"/measures/\d+/edit/$"))
    with site.orm():
        measure = ClimateMeasure.objects.get(title=MEASURE, municipality=w.a, status=ClimateMeasure.Status.PROPOSED)
        assert measure.decision_date is None

    # the same link from the mail now opens the measure's form, with the item chosen
    rep.goto(involvement_url)
    rep.wait_for_url(re.compile(rf"/measures/{measure.pk}/involvement/new/\?item=\d+$"))
    assert rep.locator("h1").inner_text() == f"Registrer medvirkning: {MEASURE}"
    assert "Parkeringsavgift for tilsette" in rep.locator("#id_agenda_item option:checked").inner_text()
    check_page(rep, "involvement-from-alert", axe_report, results_dir)
    b.record_involvement(rep, arena="psu", raised_by="employer", level=2, position="opposes",
                         text="Avgifta rammar dei lågast lønte; vi ber om fritak for turnusarbeid.")
    rep.wait_for_url(re.compile(rf"/measures/{measure.pk}/$"))
    assert rep.locator("main [role=status]").inner_text().strip() == "Medvirkningen ble registrert."
    timing = rep.locator("main dt", has_text="Tidspunkt").locator("xpath=following-sibling::dd[1]")
    assert timing.inner_text().strip() == "Tidlig: drøftet før vedtaket"
    check_page(rep, "measure-early-involvement", axe_report, results_dir)
    with site.orm():
        event = Involvement.objects.get(measure=measure)
        assert (event.date, event.level, event.recorded_by_side, event.agenda_item.title) == (
            day, Level.CONSULTED, Side.EMPLOYEE, "Parkeringsavgift for tilsette")
