"""Follows and alerts: which new agenda items a user should hear about, and the e-mails.

When meetings change (``meetings_changed``: an import confirmed, a meeting or item saved), the
background worker (:mod:`subscriptions.tasks`) looks at the items of *planned* meetings (notices)
in those municipalities and records an :class:`Alert` for every user whose follows match an item
they may see (the search index's ``visible_to``). Items whose effective climate level is
"linked to working conditions" are mailed at once (one mail per meeting); everything else waits
for the user's daily or weekly digest, grouped by municipality and meeting. Union
representatives follow their own municipality's climate items unless they turn it off.

Every mail names the meeting, the items, why each matched (the follow and the classifier's
evidence), links to the item and to "record involvement", a signed one-click unsubscribe link
(no login needed) and a link to the settings.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dashboards.queries import evidence_phrases
from measures.models import Topic
from meetings.models import AgendaItem, Meeting
from municipalities import permissions
from search import services as search
from search.models import SearchDocument

from .models import Alert, AlertSettings, Follow

UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
CLIMATE_LEVELS = AgendaItem.CLIMATE_LEVELS


# --- settings and labels -------------------------------------------------------------------------


def settings_of(user) -> AlertSettings:
    """The user's settings, or the defaults (unsaved) when they never changed them."""
    return AlertSettings.objects.filter(user=user).first() or AlertSettings(user=user)


def label(follow: Follow) -> str:
    if follow.kind == Follow.Kind.MUNICIPALITY:
        return _("You follow %(name)s") % {"name": follow.municipality.name}
    if follow.kind == Follow.Kind.BODY:
        return _("You follow %(name)s") % {"name": f"{follow.body.name} ({follow.body.municipality.name})"}
    if follow.kind == Follow.Kind.TOPIC:
        return _("You follow the topic %(name)s") % {"name": dict(Topic.Code.choices).get(follow.topic, follow.topic)}
    return _("Matches your saved search %(name)s") % {"name": search_label(follow.query)}


def municipality_climate_label(municipality) -> str:
    """The union representative's default follow (``AlertSettings.municipality_climate``)."""
    return _("Climate items in %(name)s (union representatives follow them unless they turn it off)") % {
        "name": municipality.name}


def search_label(query: dict) -> str:
    parts = [f"«{query['q']}»"] if query.get("q") else []
    parts += [f"{k}={v}" for k, v in sorted(query.items()) if k not in ("q", "sort")]
    return " ".join(parts) or _("everything")


# --- which items match whom --------------------------------------------------------------------


def follow_documents(docs, follow: Follow):
    """The search documents among ``docs`` that ``follow`` covers (alerts, calendars)."""
    if follow.kind == Follow.Kind.MUNICIPALITY:
        return docs.filter(municipality_id=follow.municipality_id)
    if follow.kind == Follow.Kind.BODY:
        return docs.filter(body_id=follow.body_id)
    if follow.kind == Follow.Kind.TOPIC:
        return docs.filter(topics__contains=f" {follow.topic} ")
    query = search.parse(follow.query.get("q") or "")
    return search.filtered(search.matching(docs, query), follow.query)


def reasons_for(user, follows: list[Follow], item_ids: list[int]) -> dict[int, list[str]]:
    """Why each of these items matches the user's follows (only items the user may see)."""
    docs = SearchDocument.objects.visible_to(user).filter(kind=SearchDocument.Kind.ITEM, object_id__in=item_ids)
    reasons: dict[int, list[str]] = defaultdict(list)
    for follow in follows:
        for item_id in follow_documents(docs, follow).values_list("object_id", flat=True):
            reasons[item_id].append(label(follow))
    home = permissions.home_municipality_id(user)
    if permissions.role_of(user) == permissions.UNION_REP and home and settings_of(user).municipality_climate:
        climate = docs.filter(municipality_id=home, climate_level__in=CLIMATE_LEVELS)
        for item_id in climate.values_list("object_id", flat=True):
            reasons[item_id].append(_("A climate item in your municipality"))
    return reasons


def notice_items(municipality_ids) -> list[int]:
    """Items on the agenda of planned meetings (notices) from today on in these municipalities."""
    return list(AgendaItem.objects.filter(
        meeting__body__municipality_id__in=list(municipality_ids), meeting__state=Meeting.State.PLANNED,
        meeting__date__gte=timezone.localdate(),
    ).values_list("pk", flat=True))


def _linked(item: AgendaItem) -> bool:
    return item.effective_climate_level == AgendaItem.ClimateLevel.LINKED


def record_alerts(municipality_ids) -> int:
    """Record what is new for whom; returns how many alerts were added."""
    item_ids = notice_items(municipality_ids)
    if not item_ids:
        return 0
    users = get_user_model().objects.filter(is_active=True).filter(
        Q(follows__isnull=False)
        | Q(profile__role=permissions.UNION_REP, profile__municipality_id__in=list(municipality_ids))
    ).distinct().select_related("profile")
    items = AgendaItem.objects.in_bulk(item_ids)
    added = 0
    for user in users:
        follows = list(Follow.objects.filter(user=user).select_related("municipality", "body__municipality"))
        reasons = reasons_for(user, follows, item_ids)
        if not reasons:
            continue
        existing = {a.item_id: a for a in Alert.objects.filter(user=user, item_id__in=list(reasons))}
        for item_id, why in reasons.items():
            linked = _linked(items[item_id])
            alert = existing.get(item_id)
            if alert is None:
                Alert.objects.create(user=user, item_id=item_id, reasons=why, immediate=linked)
                added += 1
            elif alert.sent_at is None and (linked and not alert.immediate or alert.reasons != why):
                alert.immediate, alert.reasons = alert.immediate or linked, why
                alert.save(update_fields=["immediate", "reasons"])
    return added


# --- the e-mails ---------------------------------------------------------------------------------


def absolute(path: str) -> str:
    return django_settings.SITE_URL.rstrip("/") + path


def unsubscribe_url(user) -> str:
    token = signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)
    return absolute(reverse("subscriptions:unsubscribe", args=[token]))


def user_from_unsubscribe(token: str):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=data.get("u")).first()


def involvement_url(item: AgendaItem) -> str:
    """"Record involvement": resolved when opened (the item's measure may be made after the mail)."""
    return absolute(reverse("measures:item_involvement", args=[item.pk]))


@dataclass
class Entry:
    item: AgendaItem
    reasons: list[str]
    evidence: list[str]
    url: str
    involvement_url: str


def _groups(alerts: list[Alert]) -> list[dict]:
    """Alerts grouped by municipality, then meeting, in date order."""
    by_meeting: dict[int, dict] = {}
    for alert in sorted(alerts, key=lambda a: (a.item.meeting.body.municipality.name, a.item.meeting.date,
                                               a.item.meeting_id, a.item.position)):
        item = alert.item
        group = by_meeting.setdefault(item.meeting_id, {"meeting": item.meeting, "entries": [],
                                                        "url": absolute(item.meeting.get_absolute_url())})
        group["entries"].append(Entry(item, alert.reasons, evidence_phrases(item), absolute(item.get_absolute_url()),
                                      involvement_url(item)))
    municipalities: dict[str, dict] = {}
    for group in by_meeting.values():
        municipality = group["meeting"].body.municipality
        municipalities.setdefault(municipality.number, {"municipality": municipality, "meetings": []})["meetings"].append(group)
    return list(municipalities.values())


def _send(user, subject: str, alerts: list[Alert], digest: bool) -> None:
    with translation.override(django_settings.LANGUAGE_CODE):
        context = {
            "user": user, "groups": _groups(alerts), "digest": digest,
            "unsubscribe_url": unsubscribe_url(user), "settings_url": absolute(reverse("subscriptions:follows")),
        }
        body = render_to_string("subscriptions/email/alerts.txt", context)
        message = EmailMultiAlternatives(
            subject=str(subject), body=body, to=[user.email],
            headers={"List-Unsubscribe": f"<{context['unsubscribe_url']}>"},
        )
    message.send()
    Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(sent_at=timezone.now())


def _pending(**filters):
    return list(Alert.objects.filter(sent_at__isnull=True, user__is_active=True, **filters).select_related(
        "user", "item__meeting__body__municipality"
    ))


def send_immediate() -> int:
    """One mail per user and meeting for new items linked to working conditions; returns mails sent."""
    sent = 0
    groups: dict[tuple[int, int], list[Alert]] = defaultdict(list)
    for alert in _pending(immediate=True):
        if alert.user.email and settings_of(alert.user).immediate:
            groups[(alert.user_id, alert.item.meeting_id)].append(alert)
    for alerts in groups.values():
        meeting = alerts[0].item.meeting
        with translation.override(django_settings.LANGUAGE_CODE):
            subject = _("Climate item linked to working conditions: %(body)s %(date)s") % {
                "body": meeting.body.name, "date": meeting.date.strftime("%d.%m.%Y")}
        _send(alerts[0].user, subject, alerts, digest=False)
        sent += 1
    return sent


def send_digests(frequency: str) -> int:
    """One mail per user whose digest is ``frequency``, with everything not yet mailed; returns mails sent."""
    by_user: dict[int, list[Alert]] = defaultdict(list)
    for alert in _pending():
        if alert.user.email and settings_of(alert.user).digest == frequency:
            by_user[alert.user_id].append(alert)
    for alerts in by_user.values():
        with translation.override(django_settings.LANGUAGE_CODE):
            subject = _("New on the agenda: %(count)s items") % {"count": len(alerts)}
        _send(alerts[0].user, subject, alerts, digest=True)
    return len(by_user)


def unsubscribe(user) -> None:
    """Stop every alert e-mail (the follows stay, so the user can turn mail on again)."""
    AlertSettings.objects.update_or_create(
        user=user, defaults={"digest": AlertSettings.Digest.NEVER, "immediate": False},
    )
