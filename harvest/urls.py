from django.urls import include, path

from . import views

app_name = "harvest"
urlpatterns = [
    path("kommuner/<str:number>/einnsyn/", views.source_list, name="source_list"),
    path("kommuner/<str:number>/einnsyn/new/", views.source_create, name="source_create"),
    path("einnsyn/sources/<int:pk>/", include([
        path("", views.source_edit, name="source_edit"),
        path("test/", views.source_test, name="source_test"),
        path("run/", views.source_run, name="source_run"),
    ])),
]
