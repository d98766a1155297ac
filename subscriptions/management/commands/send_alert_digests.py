from django.core.management.base import BaseCommand

from subscriptions.tasks import send_digests


class Command(BaseCommand):
    help = "Queue the daily or weekly alert digests for the background worker (run from cron)."

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=["daily", "weekly"])

    def handle(self, *args, **options):
        result = send_digests.enqueue(options["frequency"])
        self.stdout.write(f"Queued the {options['frequency']} digests ({result.id}).")
