from django.core.management.base import BaseCommand

from search.indexing import index_municipalities


class Command(BaseCommand):
    help = "Rebuild the search index (all municipalities, or those given)."

    def add_arguments(self, parser):
        parser.add_argument("municipalities", nargs="*", help="municipality numbers (default: all)")

    def handle(self, *args, **options):
        written = index_municipalities(options["municipalities"] or None)
        self.stdout.write(f"{written} search documents written.")
