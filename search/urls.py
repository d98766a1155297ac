from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("sok/", views.search_page, name="search"),
    path("sok/export.<str:fmt>", views.search_export, name="export"),
]
