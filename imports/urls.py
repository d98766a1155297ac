from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("kommuner/<str:number>/import/", views.import_upload, name="import_upload"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("imports/<int:pk>/discard/", views.import_discard, name="import_discard"),
    path("imports/<int:pk>/status/", views.import_status, name="import_status"),
]
