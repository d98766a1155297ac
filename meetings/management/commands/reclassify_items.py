"""Apply the current climate classifier to the stored agenda items (after a classifier update)."""
from django.core.management.base import BaseCommand, CommandError

from meetings.classification import reclassify
from municipalities.models import Municipality


class Command(BaseCommand):
    help = (
        "Reclassify stored agenda items with the current climate classifier (a person's override is "
        "kept) and refresh the statistics and search index where a level or its evidence changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", action="append", default=[], metavar="NUMBER",
            help="A municipality number (repeat for more); default: every municipality with items.",
        )

    def handle(self, *args, municipality, **options):
        unknown = sorted(set(municipality) - set(Municipality.objects.filter(number__in=municipality).values_list("number", flat=True)))
        if unknown:
            raise CommandError(f"Unknown municipality number: {', '.join(unknown)}")
        done = reclassify(municipality or None)
        for number, (items, changed) in done.items():
            if options["verbosity"] > 1:
                self.stdout.write(f"{number}: {items} items, {changed} changed")
        items = sum(n for n, _ in done.values())
        changed = sum(c for _, c in done.values())
        self.stdout.write(f"Reclassified {items} items in {len(done)} municipalities: {changed} changed.")
