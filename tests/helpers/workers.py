"""For tests that start task workers as processes: the test database's URL for them."""
from __future__ import annotations


def database_url() -> str:
    """DATABASE_URL of the database this test runs against (SQLite file or PostgreSQL)."""
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{host}/{db['NAME']}"
