"""Security headers on every kind of page: CSP without inline scripts, framing, referrer, MIME sniffing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.fixture
def responses(world, client_for):
    """A login page, a read page, an edit form, a 403 and a 404."""
    hr, rep = client_for("hr_a"), client_for("union_rep_a")
    return {
        "login": client_for("anonymous").get(reverse("login")),
        "meeting": hr.get(reverse("meetings:meeting_detail", args=[world.pub_a.pk])),
        "meeting-edit": hr.get(reverse("meetings:meeting_edit", args=[world.pub_a.pk])),
        "forbidden": rep.get(reverse("meetings:meeting_edit", args=[world.pub_a.pk])),
        "not-found": hr.get(reverse("meetings:meeting_detail", args=[world.draft_b.pk])),
    }


def test_expected_statuses(responses):
    assert {name: r.status_code for name, r in responses.items()} == {
        "login": 200, "meeting": 200, "meeting-edit": 200, "forbidden": 403, "not-found": 404,
    }


@pytest.mark.parametrize("name", ["login", "meeting", "meeting-edit", "forbidden", "not-found"])
def test_content_security_policy(responses, name):
    csp = csp_directives(responses[name])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"], "scripts only from the app's own files"
    assert csp["style-src"] == ["'self'"], "no inline styles either"
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    for directive, sources in csp.items():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, directive
        assert not any(s in ("*", "http:", "https:") for s in sources), directive


@pytest.mark.parametrize("name", ["login", "meeting", "forbidden"])
def test_other_security_headers(responses, name):
    response = responses[name]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_carry_no_inline_script_or_style(responses):
    for name, response in responses.items():
        html = response.content.decode()
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
            attrs, body = match.groups()
            assert "src=" in attrs and not body.strip(), f"inline script on {name}: {match.group(0)[:120]}"
        assert not re.search(r"\sstyle=", html), f"style attribute on {name}"
        assert not re.search(r"\son[a-z]+=", html), f"event-handler attribute on {name}"


def test_templates_carry_no_inline_script_style_or_handlers():
    """The CSP would block them: every template keeps scripts and styles in static files."""
    problems = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", text, re.S):
            if "src=" not in match.group(1) or match.group(2).strip():
                problems.append(f"{path.relative_to(TEMPLATES)}: inline <script>")
        for pattern, what in [(r"\sstyle=", "style attribute"), (r"<style\b", "<style> element"),
                              (r"\son[a-z]+\s*=", "event-handler attribute"), (r"javascript:", "javascript: URL")]:
            if re.search(pattern, text):
                problems.append(f"{path.relative_to(TEMPLATES)}: {what}")
    assert not problems, "\n".join(problems)


def test_logout_needs_post(client_for, world):
    client = client_for("hr_a")
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302


@pytest.mark.parametrize("name", ["meeting", "meeting-edit", "forbidden", "not-found"])
def test_pages_for_a_logged_in_user_are_private(responses, name):
    """Shared caches (proxies) must not keep one user's page and serve it to another."""
    assert "private" in responses[name]["Cache-Control"].split(", ")


def test_api_answers_to_a_token_are_private(world):
    from django.test import Client
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=world.users["adviser"])
    response = Client().get("/api/v1/measures/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"].split(", ")
