"""Surviving a passing database error in background work (every app may use this; it imports no app).

A worker's write can meet an error that the next try does not: a lost connection, a lock wait
that timed out, a deadlock with another worker. :func:`reconnecting` runs a write once more on a
fresh connection. Only for work outside a transaction that is safe to repeat.
"""
from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError, connection

logger = logging.getLogger(__name__)

#: the errors a retry on a fresh connection can get past
DATABASE_ERRORS = (OperationalError, InterfaceError)


def reconnecting(write):
    """Run ``write()`` (outside a transaction, safe to repeat); after a passing database error,
    reconnect and run it once more."""
    try:
        return write()
    except DATABASE_ERRORS:
        logger.warning("database error; reconnecting and trying once more", exc_info=True)
        connection.close()
        return write()
