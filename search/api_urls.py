"""The search API, included under /api/v1/ (DRF authenticates; exempt from the login redirect)."""
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import api

app_name = "search_api"

urlpatterns = [
    path("search/", login_not_required(api.SearchView.as_view()), name="search"),
]
