from django.db import migrations

# The topic list in its fixed order (Utdanningsforbundet's and KS's lists, DOMAIN.md). Labels
# live in measures.models.Topic.Code so they are translated; only the codes are stored.
TOPICS = [
    "transport", "energy", "procurement", "waste", "buildings",
    "food", "certification", "nature", "competence", "planning",
]


def load(apps, schema_editor):
    Topic = apps.get_model("measures", "Topic")
    for order, code in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(code=code, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("measures", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
