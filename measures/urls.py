from django.urls import path

from . import views

app_name = "measures"
urlpatterns = [
    path("kommuner/<str:number>/measures/", views.measure_list, name="measure_list"),
    path("kommuner/<str:number>/measures/new/", views.measure_create, name="measure_create"),
    path("kommuner/<str:number>/measures/not-consulted/", views.not_consulted, name="not_consulted"),
    path("kommuner/<str:number>/climate-coverage/", views.coverage, name="coverage"),
    path("kommuner/<str:number>/climate-coverage/<str:topic>/<int:year>/", views.coverage_cell, name="coverage_cell"),
    path("kommuner/<str:number>/employee-requests/", views.employee_requests, name="employee_requests"),
    path("kommuner/<str:number>/green-representatives/", views.green_representatives, name="green_representatives"),
    path(
        "kommuner/<str:number>/green-representatives/edit/",
        views.green_representatives_edit,
        name="green_representatives_edit",
    ),
    path("measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", views.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/process/", views.process_questions, name="process_questions"),
    path("measures/<int:pk>/involvement/new/", views.involvement_create, name="involvement_create"),
    path("measures/<int:pk>/suggestions/dismiss/", views.suggestion_dismiss, name="suggestion_dismiss"),
    path("measures/<int:pk>/items/<int:item_pk>/unlink/", views.measure_unlink_item, name="measure_unlink_item"),
    path("involvement/<int:pk>/edit/", views.involvement_edit, name="involvement_edit"),
    path("involvement/<int:pk>/delete/", views.involvement_delete, name="involvement_delete"),
    path("items/<int:item_pk>/measures/new/", views.measure_from_item, name="measure_from_item"),
    path("items/<int:item_pk>/measures/link/", views.link_item, name="link_item"),
    path("items/<int:item_pk>/involvement/", views.item_involvement, name="item_involvement"),
]
