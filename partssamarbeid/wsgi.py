"""WSGI entry point (gunicorn partssamarbeid.wsgi)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partssamarbeid.settings")
application = get_wsgi_application()
