from django.core.management.base import BaseCommand
from django.db import transaction

from municipalities.models import Municipality, Organisation
from municipalities.register import load_municipalities, load_organisations


class Command(BaseCommand):
    help = "Load or refresh the municipality register and the organisations shipped with the project."

    @transaction.atomic
    def handle(self, *args, **options):
        for label, report in (
            ("municipalities", load_municipalities(Municipality)),
            ("organisations", load_organisations(Organisation)),
        ):
            self.stdout.write(
                f"{label}: {report.inserted} inserted, {report.updated} updated, {report.unchanged} unchanged"
            )
