from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import feeds, follow_views, views

app_name = "subscriptions"
urlpatterns = [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("kalender/ny/", views.calendar_regenerate, name="calendar_regenerate"),
    path("kalender/trekk-tilbake/", views.calendar_revoke, name="calendar_revoke"),
    path("kalender/<str:token>/bodies/<int:pk>.ics", views.body_feed, name="body_feed"),
    path("kalender/<str:token>/folger.ics", views.follows_feed, name="follows_feed"),
    path("kalender/<str:token>/folger/<int:pk>.ics", views.follow_feed, name="follow_feed"),
    path("folg/", follow_views.follows, name="follows"),
    path("folg/ny/", follow_views.follow_add, name="follow_add"),
    path("folg/sok/", follow_views.follow_search, name="follow_search"),
    path("folg/<int:pk>/slutt/", follow_views.unfollow, name="unfollow"),
    path("folg/innstillinger/", follow_views.alert_settings, name="alert_settings"),
    path("folg/avmeld/<str:token>/", follow_views.unsubscribe, name="unsubscribe"),
    path("feeds/<str:token>/bodies/<int:pk>.atom", login_not_required(feeds.BodyFeed()), name="body_atom"),
    path("feeds/<str:token>/bodies/<int:pk>.rss", login_not_required(feeds.BodyRssFeed()), name="body_rss"),
    path("feeds/<str:token>/search/<int:pk>.atom", login_not_required(feeds.SearchFeed()), name="search_atom"),
    path("feeds/<str:token>/search/<int:pk>.rss", login_not_required(feeds.SearchRssFeed()), name="search_rss"),
]
