"""Load demo data: real municipalities with fictional people. Idempotent."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dashboards.stale import suspended
from dashboards.statistics import refresh_statistics
from measures.demo import seed_measures
from meetings.classification import classify_item
from meetings.demo import seed_meetings
from municipalities.demo import NameSource, seed_bodies, seed_users


class Command(BaseCommand):
    help = "Load demo data (Vaksdal, Lillestrøm, Sarpsborg, Kongsberg) and the demo users. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo refuses to run when DEBUG is off (use --force to override).")
        # the demo rows are written in bulk: marking each one stale would only slow the load down
        with transaction.atomic(), suspended():
            bodies = seed_bodies(NameSource())
            counts = seed_meetings(bodies, classify_item)
            seed_measures()
            users = seed_users(settings.DEMO_PASSWORD)
            refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(bodies)} bodies, {counts['meetings']} meetings, {counts['items']} agenda items."
            )
        )
        self.stdout.write(f"Demo users: {', '.join(users)} (password from DEMO_PASSWORD).")
