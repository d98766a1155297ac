from django.urls import include, path

from . import views

app_name = "meetings"
urlpatterns = [
    path("bodies/<int:body_pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", include([
        path("", views.meeting_detail, name="meeting_detail"),
        path("edit/", views.meeting_edit, name="meeting_edit"),
        path("publish/", views.meeting_publish, name="meeting_publish"),
        path("delete/", views.meeting_delete, name="meeting_delete"),
    ])),
    path("items/<int:pk>/", include([
        path("", views.item_detail, name="item_detail"),
        path("edit/", views.item_edit, name="item_edit"),
        path("climate/", views.item_climate_override, name="item_climate_override"),
    ])),
]
