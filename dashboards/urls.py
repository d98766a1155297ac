from django.urls import path

from . import comparison, views

app_name = "dashboards"
urlpatterns = [
    path("kommuner/<str:number>/scorecard/", views.scorecard, name="scorecard"),
    path("kommuner/bodies/<int:pk>/meetings.ics", views.body_calendar, name="body_calendar"),
    path("dashboards/national/", comparison.national, name="national"),
    path("dashboards/national/export.<str:fmt>", comparison.national_export, name="national_export"),
    path("dashboards/records/", views.records, name="records"),
    path("dashboards/records/export.<str:fmt>", views.records_export, name="records_export"),
    path("kommuner/<str:number>/organisasjoner/<int:pk>/", views.organisation, name="organisation"),
    path("organisasjoner/<int:pk>/", views.organisation_national, name="organisation_national"),
    path("organisasjoner/<int:pk>/export.<str:fmt>", views.organisation_export, name="organisation_export"),
    path("dashboards/methodology/", views.methodology, name="methodology"),
]
