"""Journey: HR imports a notice with a parking-fee item for employees; the union representative
(who follows Vaksdal's climate items by default) gets the e-mail with the item and the evidence,
and opens the links."""
from __future__ import annotations

import datetime
import re

from django.core import mail
from django.utils import timezone

from tests.imports.documents import NOTICE_2024_04


def future_notice() -> tuple[str, datetime.date]:
    day = timezone.localdate() + datetime.timedelta(days=30)
    text = (NOTICE_2024_04.replace("16.04.2024", f"{day:%d.%m.%Y}").replace("/2024", f"/{day.year}")
            .replace("Sykkelparkering for tilsette", "Parkeringsavgift for tilsette")
            .replace("Det vert bygd overdekt sykkelparkering ved rådhuset.",
                     "Tilsette skal betale parkeringsavgift ved rådhuset frå 1. september."))
    return text, day


def test_notice_import_alerts_the_union_rep(site, settings, tmp_path):
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
    hr.locator("main a[href$='/import/']").click()
    hr.set_input_files("input[type=file]", str(notice))
    hr.locator("main form[enctype] button[type=submit]").click()
    hr.wait_for_url(re.compile(r"/imports/\d+/$"))
    review = hr.locator("main form[action$='/confirm/']")
    review.wait_for()
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
    rep.goto(involvement_url)
    assert rep.locator("#item-measures").is_visible()
