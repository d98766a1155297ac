"""What every JSON API view shares: the filters a view knows, checked before anything is read,
and the root of /api/v1/ that lists the endpoints.

A query parameter a view does not know is a 400 that names the allowed ones (a misspelt filter
would otherwise be ignored silently and return everything). An anonymous request is a 401 with
``WWW-Authenticate`` (token authentication comes first in ``REST_FRAMEWORK``).
"""
from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

#: Parameters every list understands: pagination and the response format.
COMMON_PARAMS = frozenset({"limit", "offset", "format"})


class KnownFilters:
    """Mixin for API views: the query parameters the view understands are those of its FilterSet
    (``filterset_class``, applied by DRF's ``DjangoFilterBackend`` to the scoped queryset), or,
    for a view without one, ``filters``."""

    filters: tuple[str, ...] = ()
    filter_backends = [DjangoFilterBackend]
    filterset_class = None

    def known_filters(self) -> set[str]:
        if self.filterset_class is not None:
            return set(self.filterset_class.base_filters)
        return set(self.filters)

    def checked_filterset(self, queryset):
        """The view's FilterSet over ``queryset`` (scoped to the caller), for a view that is not a
        list: an invalid value is a 400 naming the parameter, as in the lists."""
        filterset = self.filterset_class(self.request.query_params, queryset=queryset, request=self.request)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication and permissions first
        allowed = COMMON_PARAMS | self.known_filters()
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ValidationError(
                {"unknown_filters": unknown, "allowed_filters": sorted(allowed)}
            )


#: The endpoints the root lists: (name, URL name, arguments as an example, what it returns).
ENDPOINTS = [
    ("municipalities", "dashboards_api:municipality_list", [], "Municipalities and county municipalities."),
    ("municipality", "dashboards_api:municipality_detail", ["3205"], "One municipality."),
    ("scorecard", "dashboards_api:scorecard", ["3205"], "A municipality's scorecard for a period and body kind."),
    ("scorecards", "dashboards_api:scorecard_list", [], "Scorecards of many municipalities."),
    ("bodies", "dashboards_api:body_list", [], "Committees and forums."),
    ("meetings", "dashboards_api:meeting_list", [], "Meetings."),
    ("agenda_items", "dashboards_api:item_list", [], "Agenda items with their climate relevance."),
    ("measures", "measures_api:measure_list", [], "Climate measures with the involvement of the employee side."),
    ("schema", "dashboards_api:schema", [], "The OpenAPI description."),
]


class ApiRoot(APIView):
    """The endpoints of the API, with their addresses."""

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        return Response(
            {
                name: {"url": reverse(url_name, args=args, request=request), "description": description}
                for name, url_name, args, description in ENDPOINTS
            }
        )
