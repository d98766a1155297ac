"""Fill the database with a deterministic synthetic national dataset (see partssamarbeid.synthetic)."""
from django.core.management.base import BaseCommand, CommandError

from partssamarbeid.models import SyntheticDataset
from partssamarbeid.synthetic.cleanup import clear, present, real_data
from partssamarbeid.synthetic.config import BATCH_SIZE
from partssamarbeid.synthetic.run import default_end_year, generate, summary


class Command(BaseCommand):
    help = (
        "Generate a realistic, deterministic synthetic dataset: the first N municipalities of the register "
        "(357 = all), each with a PSU (8 meetings a year) and an AMU (4 a year) over the last YEARS years, "
        "agenda items, proposals, attendance, requests, climate levels and measures with involvement. "
        "Refuses to run next to real (non-synthetic) data unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipalities", type=int, default=10, help="How many municipalities (1-357). Default 10.")
        parser.add_argument("--years", type=int, default=10, help="How many calendar years. Default 10.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data. Default 1.")
        parser.add_argument(
            "--end-year", type=int, default=None,
            help="The last year with meetings (default: last year, so every meeting is in the past). "
                 "Give it to get the same dataset in a later calendar year.",
        )
        parser.add_argument("--clear", action="store_true", help="Remove an earlier synthetic dataset first.")
        parser.add_argument("--clear-only", action="store_true", help="Remove the synthetic data and stop.")
        parser.add_argument(
            "--skip-if-present", action="store_true",
            help="Do nothing when a dataset with the same parameters (and generator version) is already there.",
        )
        parser.add_argument(
            "--force", action="store_true",
            help="Generate even though the database holds real data (demo data, imports, hand-entered rows).",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="Rows per INSERT.")

    def handle(self, *args, municipalities, years, seed, end_year, clear, clear_only, skip_if_present, force,
               batch_size, **options):
        verbose = options["verbosity"] >= 1
        end_year = end_year or default_end_year()
        if not clear_only:
            self.check_arguments(municipalities, years, end_year)
            if skip_if_present and present(seed, municipalities, years, end_year):
                if verbose:
                    self.stdout.write(f"A synthetic dataset with seed {seed}, {municipalities} municipalities, {years} years "
                                      f"to {end_year} is already there; nothing to do.")
                return
        if clear or clear_only:
            self.clear_dataset(verbose)
            if clear_only:
                return
        self.check_database(force)
        progress = (lambda line: self.stdout.write("  " + line)) if options["verbosity"] >= 2 else None
        try:
            result = generate(
                municipalities=municipalities, years=years, seed=seed, end_year=end_year,
                batch_size=batch_size, progress=progress,
            )
        except (ValueError, RuntimeError) as exc:
            raise CommandError(str(exc)) from exc
        if verbose:
            c = result.counts
            self.stdout.write(self.style.SUCCESS(
                f"Synthetic dataset (seed {seed}): {municipalities} municipalities x {years} years to {end_year}: "
                f"{c.get('meetings', 0)} meetings, {c.get('agenda_items', 0)} agenda items, "
                f"{c.get('attendance', 0)} attendance rows, {c.get('measures', 0)} measures in {result.seconds:.1f} s."
            ))
            self.stdout.write(summary(result))

    @staticmethod
    def check_arguments(municipalities: int, years: int, end_year: int) -> None:
        if not 1 <= municipalities <= 357:
            raise CommandError("--municipalities must be between 1 and 357.")
        if not 1 <= years <= 30:
            raise CommandError("--years must be between 1 and 30.")
        if end_year > default_end_year():
            raise CommandError(f"--end-year must be {default_end_year()} or earlier: every meeting is in the past.")

    def clear_dataset(self, verbose: bool) -> None:
        try:
            removed = clear()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if verbose:
            self.stdout.write("Removed synthetic data: " + (", ".join(f"{n} {k}" for k, n in removed.items()) or "none"))

    @staticmethod
    def check_database(force: bool) -> None:
        """No earlier dataset, and no real data unless --force."""
        existing = SyntheticDataset.objects.first()
        if existing is not None:
            raise CommandError(
                f"The database already holds a synthetic dataset ({existing}). Use --clear to replace it, "
                "or --skip-if-present to keep an identical one."
            )
        real = real_data()
        if real and not force:
            found = ", ".join(f"{n} {kind}" for kind, n in real.items())
            raise CommandError(
                f"The database holds real (non-synthetic) data: {found}. generate_synthetic will not mix synthetic "
                "rows with it. Use an empty database (migrate only), or --force if you are sure."
            )
