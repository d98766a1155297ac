"""Prepare a synthetic database for ``make loadtest``: advisers to log in as, and the targets to browse."""
import json
import os
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meetings.models import Meeting
from municipalities.models import Profile
from partssamarbeid.models import SyntheticDataset
from partssamarbeid.synthetic.cleanup import real_data

PASSWORD_ENV = "LOADTEST_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create KS-adviser users for the load test (password from $LOADTEST_PASSWORD) and write the "
        "municipality numbers and meeting ids to browse to a JSON file. Only in a database that holds a "
        "synthetic dataset and no real data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=5, help="How many users (default 5).")
        parser.add_argument("--prefix", default="loadtest", help="User names are PREFIX-01, PREFIX-02, ...")
        parser.add_argument("--targets", required=True, help="Write {municipalities, meetings, users} here.")
        parser.add_argument("--meetings", type=int, default=2000, help="How many meeting ids to sample.")

    def handle(self, *args, users, prefix, targets, meetings, **options):
        password = os.environ.get(PASSWORD_ENV, "")
        if len(password) < 12:
            raise CommandError(f"Set {PASSWORD_ENV} to a password of at least 12 characters (make loadtest generates one).")
        if not SyntheticDataset.objects.exists():
            raise CommandError("No synthetic dataset here: run generate_synthetic first.")
        real = real_data()
        if real:
            raise CommandError("This database holds real data; load-test users are created only in synthetic databases.")
        User = get_user_model()
        names = [f"{prefix}-{n:02d}" for n in range(1, users + 1)]
        with transaction.atomic():
            for name in names:
                user, _ = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.invalid"})
                user.set_password(password)
                user.is_active = True
                user.save()
                Profile.objects.update_or_create(user=user, defaults={"role": Profile.Role.ADVISER, "municipality": None})
        held = Meeting.objects.filter(published=True, state=Meeting.State.HELD)
        ids = list(held.values_list("id", flat=True).order_by("id"))
        sample = sorted(random.Random(0).sample(ids, min(meetings, len(ids))))
        numbers = sorted(set(held.values_list("body__municipality_id", flat=True)))
        with open(targets, "w", encoding="utf-8") as handle:
            json.dump({"users": names, "municipalities": numbers, "meetings": sample}, handle)
        self.stdout.write(f"{len(names)} advisers ({names[0]} ... {names[-1]}), {len(numbers)} municipalities, "
                          f"{len(sample)} meetings -> {targets}")
