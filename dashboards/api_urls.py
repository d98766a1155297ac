"""JSON API routes of the dashboards app, included under /api/v1/ next to the measures API.

DRF authenticates (session or token) and answers 401/403 itself, so every route is exempt from
the login redirect of ``LoginRequiredMiddleware``.
"""
from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import IsAuthenticated

from partssamarbeid.api import ApiRoot

from . import api

app_name = "dashboards_api"


def _view(view_class, **kwargs):
    return login_not_required(view_class.as_view(**kwargs))


urlpatterns = [
    path("", _view(ApiRoot), name="root"),
    path("municipalities/", _view(api.MunicipalityList), name="municipality_list"),
    path("municipalities/<str:number>/", _view(api.MunicipalityDetail), name="municipality_detail"),
    path("municipalities/<str:number>/scorecard", _view(api.ScorecardView), name="scorecard"),
    path("scorecards/", _view(api.ScorecardList), name="scorecard_list"),
    path("bodies/", _view(api.BodyList), name="body_list"),
    path("bodies/<int:pk>/", _view(api.BodyDetail), name="body_detail"),
    path("meetings/", _view(api.MeetingList), name="meeting_list"),
    path("meetings/<int:pk>/", _view(api.MeetingDetail), name="meeting_detail"),
    path("agenda-items/", _view(api.AgendaItemList), name="item_list"),
    path("agenda-items/<int:pk>/", _view(api.AgendaItemDetail), name="item_detail"),
    # The OpenAPI description (JSON, or YAML with ?format=yaml). No Swagger UI: it needs a CDN.
    path("schema/", _view(SpectacularAPIView, permission_classes=[IsAuthenticated]), name="schema"),
]
