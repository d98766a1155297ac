"""JSON API routes of the measures app, included under /api/v1/."""
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from .api import MeasureListView

app_name = "measures_api"
urlpatterns = [
    # DRF authenticates (session or token) and answers 401/403 itself: no login redirect.
    path("measures/", login_not_required(MeasureListView.as_view()), name="measure_list"),
]
