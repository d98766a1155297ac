from django.urls import include, path

from . import views

app_name = "imports"
urlpatterns = [
    path("kommuner/<str:number>/import/", views.import_upload, name="import_upload"),
    path("imports/<int:pk>/", include([
        path("", views.import_detail, name="import_detail"),
        path("confirm/", views.import_confirm, name="import_confirm"),
        path("discard/", views.import_discard, name="import_discard"),
        path("status/", views.import_status, name="import_status"),
    ])),
]
