import datetime

import pytest
from django.urls import reverse

from municipalities.models import Membership, Municipality, Organisation
from tests import factories as f


@pytest.fixture
def vaksdal_body(db):
    """Vaksdal's Administrasjonsutvalet with the (fictional) members named in documents.py."""
    vaksdal = Municipality.objects.get(number="4628")
    body = f.BodyFactory(municipality=vaksdal, name="Administrasjonsutvalet")
    orgs = {o.short_name: o for o in Organisation.objects.filter(short_name__in=["SP", "AP", "Fagforbundet", "Utdanningsforbundet"])}
    since = datetime.date(2023, 10, 1)
    M = Membership
    for name, role, side, org in [
        ("Sigrid Fjellheim", M.Role.LEIAR, M.Side.POLITICAL, "SP"),
        ("Tor Brekkestø", M.Role.MEDLEM, M.Side.POLITICAL, "AP"),
        ("Ola Nordtveit", M.Role.MEDLEM, M.Side.EMPLOYEE, "Fagforbundet"),
        ("Kari Vestrheim", M.Role.MEDLEM, M.Side.EMPLOYEE, "Utdanningsforbundet"),
        ("Liv Haugen", M.Role.VARAMEDLEM, M.Side.EMPLOYEE, "Utdanningsforbundet"),
    ]:
        person = f.PersonFactory(name=name, municipality=vaksdal)
        f.MembershipFactory(body=body, person=person, role=role, side=side, on_behalf_of=orgs[org], start_date=since)
    return body


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """POST files to the upload page and run the parse task queued on commit (immediate backend)."""

    def post(client, *files, number="4628"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("imports:import_upload", args=[number]), {"files": list(files)})

    return post


@pytest.fixture
def write_file(tmp_path):
    def write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return str(path)

    return write
