from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from municipalities import urls as municipality_urls

from . import pages
from .health import healthz
from .views import home

# The municipality and body pages list meetings, so they are project pages (pages.py) that keep
# their names in the municipalities namespace.
municipality_patterns = [
    *municipality_urls.urlpatterns,
    path("<str:number>/", pages.municipality_detail, name="municipality_detail"),
    path("bodies/<int:pk>/", pages.body_detail, name="body_detail"),
]

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The language switch is on every page, the login page too, so it must work without login.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("kommuner/", include((municipality_patterns, municipality_urls.app_name))),
    path("", include("meetings.urls")),
    path("", include("imports.urls")),
    path("", include("measures.urls")),
    path("", include("dashboards.urls")),
    path("", include("search.urls")),
    path("", include("subscriptions.urls")),
    path("", include("harvest.urls")),
    path("api/v1/", include("measures.api_urls")),
    path("api/v1/", include("dashboards.api_urls")),
    path("api/v1/", include("search.api_urls")),
    path("admin/", admin.site.urls),
]
