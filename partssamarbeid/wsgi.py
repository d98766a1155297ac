"""WSGI entry point (gunicorn partssamarbeid.wsgi)."""
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partssamarbeid.settings")
application = get_wsgi_application()
if not settings.DEBUG and not getattr(settings, "SECRET_KEY_FROM_ENVIRONMENT", True):
    # fail closed: a deployment that forgot its SECRET_KEY does not serve (commands still run)
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
