"""The route-test harness shared by every app's route table (tests/*/test_routes.py).

A ``Route`` is one row: a URL name, what its arguments point at, and the exact status per role
for GET and POST. ``check`` requests it as a role and asserts the status and, for a 302, where it
goes (the login page for an anonymous visitor, else ``route.redirect``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.urls import get_resolver, reverse

LOGIN = "/accounts/login/"
#: the logged-in roles of the shared world (tests/conftest.py ROLES adds "anonymous")
EVERYONE = frozenset({"superuser", "hr_a", "hr_b", "union_rep_a", "adviser"})


def statuses(ok: set[str], *, ok_status: int = 200, not_found: set[str] = frozenset(), other: int = 403) -> dict:
    """Status per logged-in role: ``ok_status`` for ``ok``, 404 for ``not_found``, ``other`` for the rest."""
    return {role: ok_status if role in ok else 404 if role in not_found else other for role in EVERYONE}


READ = statuses(EVERYONE)
EDIT_A = statuses({"superuser", "hr_a"})
EDIT_B = statuses({"superuser", "hr_b"})
EVERYONE_405 = {role: 405 for role in EVERYONE}
EVERYONE_302 = {role: 302 for role in EVERYONE}
#: a POST-only action that redirects: for HR of A (B) and superusers; on a draft, 404 for those who may not see it
DO_A = statuses({"superuser", "hr_a"}, ok_status=302)
DO_DRAFT_A = statuses({"superuser", "hr_a"}, ok_status=302, not_found={"hr_b", "adviser"})
DO_DRAFT_B = statuses({"superuser", "hr_b"}, ok_status=302, not_found={"hr_a", "union_rep_a", "adviser"})


@dataclass(frozen=True)
class Route:
    name: str
    target: str  # what the kwargs point at, for the test id
    kwargs: Callable = lambda w: {}
    get: dict = field(default_factory=lambda: READ)
    post: dict = field(default_factory=lambda: READ)
    anonymous: tuple[int, int] | None = None  # (GET, POST) when not a login redirect (public, or an API's 401)
    redirect: Callable | None = None  # where a 302 for a logged-in role goes (a URL, or a dict per role)
    query: Callable = lambda w: {}  # query parameters

    def url(self, w) -> str:
        url = reverse(self.name, kwargs=self.kwargs(w))
        query = self.query(w)
        return f"{url}?{urlencode(query)}" if query else url

    def expected(self, role: str, method: str = "get") -> int:
        if role == "anonymous":
            return self.anonymous[0 if method == "get" else 1] if self.anonymous else 302
        return (self.get if method == "get" else self.post)[role]


def pk_of(attr: str, key: str = "pk") -> Callable:
    """URL arguments: the pk of the world's ``attr`` as ``key``."""
    return lambda w: {key: getattr(w, attr).pk}


def number_of(attr: str) -> Callable:
    """URL arguments: the number of the world's municipality ``attr`` ("a" or "b")."""
    return lambda w: {"number": getattr(w, attr).number}


def action_on(name: str, target: str, attr: str, post: dict, key: str = "pk") -> Route:
    """A POST-only action on the world's ``attr`` (its pk as the URL argument ``key``) that
    redirects back to that object's page."""
    return Route(
        name, target, pk_of(attr, key), EVERYONE_405, post,
        redirect=lambda w: getattr(w, attr).get_absolute_url(),
    )


def ids(routes: list[Route]) -> list[str]:
    return [f"{r.name}[{r.target}]" for r in routes]


def check(route: Route, world, client, role: str, method: str = "get"):
    """Request ``route`` as ``role`` and assert the exact status (and a 302's target); returns the response."""
    url = route.url(world)
    response = getattr(client, method)(url)
    expected = route.expected(role, method)
    assert response.status_code == expected, f"{method.upper()} {url} as {role}"
    if expected == 302:
        if role == "anonymous" and route.anonymous is None:
            assert response.url == f"{LOGIN}?next={quote(url)}"
        else:
            wanted = route.redirect(world)  # one target, or a target per role
            assert response.url == (wanted[role] if isinstance(wanted, dict) else wanted)
    return response


def route_names(*namespaces: str) -> set[str]:
    """Every URL name in the given namespaces, as ``namespace:name``."""
    names = set()
    for namespace in namespaces:
        resolver = get_resolver().namespace_dict[namespace][1]
        names |= {f"{namespace}:{p.name}" for p in resolver.url_patterns}
    return names
