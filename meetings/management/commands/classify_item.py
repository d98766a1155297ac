"""Classify a title (and optional case-paper text) for climate relevance, for ad-hoc checks."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.climate.classifier import assess_environment, classify


class Command(BaseCommand):
    help = 'Print the climate level and evidence for an agenda item title, e.g. --title "Parkeringsavgift for tilsette"'

    def add_arguments(self, parser):
        parser.add_argument("--title", required=True)
        parser.add_argument("--text-file", help="a text file with the case paper")
        parser.add_argument("--json", action="store_true", help="print JSON only")

    def handle(self, *args, title, text_file, json: bool, **options):
        text = ""
        if text_file:
            path = Path(text_file)
            if not path.is_file():
                raise CommandError(f"No such file: {text_file}")
            text = path.read_text(encoding="utf-8", errors="replace")
        result = classify(title, text).to_dict()
        result["env_assessment"] = assess_environment(text)
        if json:
            self.stdout.write(_dumps(result))
            return
        self.stdout.write(f"level: {result['level']}  (environmental assessment: {result['env_assessment']})")
        for evidence in result["evidence"]:
            tie = evidence.get("tie")
            tied = f", tied by {tie['phrase']!r} in {tie['field']}" if tie else ""
            self.stdout.write(f"  {evidence['phrase']!r} in {evidence['field']} ({evidence['category']}{tied})")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
