from django.urls import path

from . import views

app_name = "municipalities"
# The municipality and body pages list meetings too: they are project pages (partssamarbeid/pages.py)
# added to this namespace in partssamarbeid/urls.py.
urlpatterns = [
    path("", views.municipality_list, name="municipality_list"),
    path("<str:number>/bodies/new/", views.body_create, name="body_create"),
    path("bodies/<int:pk>/edit/", views.body_edit, name="body_edit"),
    path("bodies/<int:pk>/members/", views.body_members, name="body_members"),
]
