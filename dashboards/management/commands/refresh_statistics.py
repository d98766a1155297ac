"""Rebuild the precomputed dashboard statistics (all municipalities, or the ones named)."""
import time

from django.core.management.base import BaseCommand

from dashboards.statistics import refresh_statistics


class Command(BaseCommand):
    help = "Rebuild the precomputed dashboard statistics from the records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", action="append", default=[], metavar="NUMBER",
            help="A municipality number (repeat for more); default: every municipality.",
        )

    def handle(self, *args, municipality, **options):
        started = time.monotonic()
        rows = refresh_statistics(municipality or None)
        self.stdout.write(f"Statistics refreshed: {rows} day rows in {time.monotonic() - started:.2f} s.")
