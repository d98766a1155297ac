from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from . import feeds, follow_views, views

app_name = "subscriptions"
urlpatterns = [
    path("kalender/", include([
        path("", views.calendar_settings, name="calendar"),
        path("ny/", views.calendar_regenerate, name="calendar_regenerate"),
        path("trekk-tilbake/", views.calendar_revoke, name="calendar_revoke"),
        path("<str:token>/bodies/<int:pk>.ics", views.body_feed, name="body_feed"),
        path("<str:token>/folger.ics", views.follows_feed, name="follows_feed"),
        path("<str:token>/folger/<int:pk>.ics", views.follow_feed, name="follow_feed"),
    ])),
    path("folg/", include([
        path("", follow_views.follows, name="follows"),
        path("ny/", follow_views.follow_add, name="follow_add"),
        path("sok/", follow_views.follow_search, name="follow_search"),
        path("<int:pk>/slutt/", follow_views.unfollow, name="unfollow"),
        path("innstillinger/", follow_views.alert_settings, name="alert_settings"),
        path("avmeld/<str:token>/", follow_views.unsubscribe, name="unsubscribe"),
    ])),
    path("feeds/<str:token>/", include([
        path("bodies/<int:pk>.atom", login_not_required(feeds.BodyFeed()), name="body_atom"),
        path("bodies/<int:pk>.rss", login_not_required(feeds.BodyRssFeed()), name="body_rss"),
        path("search/<int:pk>.atom", login_not_required(feeds.SearchFeed()), name="search_atom"),
        path("search/<int:pk>.rss", login_not_required(feeds.SearchRssFeed()), name="search_rss"),
    ])),
]
