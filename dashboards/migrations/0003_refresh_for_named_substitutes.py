from django.db import migrations


def fill(apps, schema_editor):
    """Nothing: the statistics are rebuilt after ``migrate`` when the rules that compute them
    changed (``dashboards.statistics.STATISTICS_GENERATION``, a post_migrate handler), as the live
    code may read columns that later migrations add."""


class Migration(migrations.Migration):

    dependencies = [
        ("dashboards", "0002_stale_statistics"),
        ("meetings", "0008_attendance_substitute_for_name"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
