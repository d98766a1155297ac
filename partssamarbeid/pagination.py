"""Pagination of every JSON API list: ``limit``/``offset``, at most :attr:`Pagination.max_limit`
rows per page, so no ``limit`` (however large) reaches the database as a slice it cannot take."""
from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    max_limit = 1000
