from django.urls import path

from . import follow_views, views

app_name = "subscriptions"
urlpatterns = [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("kalender/ny/", views.calendar_regenerate, name="calendar_regenerate"),
    path("kalender/trekk-tilbake/", views.calendar_revoke, name="calendar_revoke"),
    path("kalender/<str:token>/bodies/<int:pk>.ics", views.body_feed, name="body_feed"),
    path("folg/", follow_views.follows, name="follows"),
    path("folg/ny/", follow_views.follow_add, name="follow_add"),
    path("folg/sok/", follow_views.follow_search, name="follow_search"),
    path("folg/<int:pk>/slutt/", follow_views.unfollow, name="unfollow"),
    path("folg/innstillinger/", follow_views.alert_settings, name="alert_settings"),
    path("folg/avmeld/<str:token>/", follow_views.unsubscribe, name="unsubscribe"),
]
