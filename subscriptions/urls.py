from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("kalender/ny/", views.calendar_regenerate, name="calendar_regenerate"),
    path("kalender/trekk-tilbake/", views.calendar_revoke, name="calendar_revoke"),
    path("kalender/<str:token>/bodies/<int:pk>.ics", views.body_feed, name="body_feed"),
]
