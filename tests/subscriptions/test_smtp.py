"""One alert through a real SMTP server on loopback (aiosmtpd), read back from the server."""
from __future__ import annotations

import datetime
import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from meetings.classification import classify_items
from meetings.models import AgendaItem, Meeting
from meetings.signals import send_meetings_changed
from tests import factories as f

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "varsel@partssamarbeid.example.no"
    try:
        yield inbox
    finally:
        controller.stop()


def test_an_alert_goes_through_smtp(world, smtp_server, django_capture_on_commit_callbacks):
    meeting = f.MeetingFactory(
        body=world.body_a, date=timezone.localdate() + datetime.timedelta(days=5), state=Meeting.State.PLANNED,
        published=False,
    )
    f.AgendaItemFactory(meeting=meeting, position=1, title="Parkeringsavgift for tilsette")
    classify_items(AgendaItem.objects.filter(meeting=meeting))
    with django_capture_on_commit_callbacks(execute=True):
        send_meetings_changed(test_an_alert_goes_through_smtp, world.a.number)
    [(sender, recipients, raw)] = smtp_server.messages
    assert (sender, recipients) == ("varsel@partssamarbeid.example.no", ["tv_a@example.invalid"])
    message = email.message_from_bytes(raw)
    message = email.message_from_bytes(raw, policy=email.policy.default)  # unfolds and decodes headers
    subject = str(message["Subject"])
    assert subject == f"Klimasak knyttet til arbeidsforhold: Administrasjonsutvalet {meeting.date:%d.%m.%Y}"
    body = message.get_content()
    assert "Parkeringsavgift for tilsette" in body and "/folg/avmeld/" in body
    assert str(message["List-Unsubscribe"]).strip().startswith("<http://127.0.0.1:8000/folg/avmeld/")
