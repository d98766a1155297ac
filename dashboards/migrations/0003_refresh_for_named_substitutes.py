from django.db import migrations


def fill(apps, schema_editor):
    """Compute the statistics of the data already there (the live code: derived data only): a
    substitute named for a member without a registered seat now fills that seat."""
    from dashboards.statistics import refresh_statistics

    refresh_statistics()


class Migration(migrations.Migration):

    dependencies = [
        ("dashboards", "0002_stale_statistics"),
        ("meetings", "0008_attendance_substitute_for_name"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
